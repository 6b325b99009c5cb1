// Reading exports into registrations (I/O at the edge), then merging them into the workspace state (pure).
// Everything is read and checked before anything is written: bad input stops here with exit 2.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { readTable } from '../io/read-table.js';
import { mapColumns, SAMPLE_ROWS, type ColumnMapping } from '../core/columns.js';
import { cellText, isBlankCell, parseTimestamp } from '../core/values.js';
import { NO_PROGRESS, PROGRESS_BYTES, type Progress } from '../ui/progress.js';
import { registrationReader, type RegistrationReader } from '../core/rows.js';
import { mergeRegistrations, type MergeCounts } from '../core/merge.js';
import { FIELDS, type EventSettings, type Field, type Registration } from '../core/types.js';
import type { Cell, Table, TableRow } from '../io/table.js';
import type { WorkspaceState } from './workspace.js';

export interface ParsedFile {
  path: string;
  table: Omit<Table, 'rows'>;
  rowsRead: number;
  blankRows: number[];
  mapping: ColumnMapping;
  registrations: Registration[];
  /** Columns the organiser named when asked (header → field), to remember in the config's `columns`. */
  learned: Record<string, Field>;
}

/** The question asked, in a terminal, when no column is found for a required field. */
export interface ColumnQuestion {
  file: string;
  field: Field;
  headers: readonly string[];
  /** The field each column is read as now (null: not used). */
  fields: (Field | null)[];
  /** Up to three values from the first rows of each column. */
  examples: string[][];
}

/** Answers a ColumnQuestion with a column index, or null for "none of these". */
export type AskColumn = (q: ColumnQuestion) => Promise<number | null>;

export interface FileReport extends MergeCounts {
  file: string;
  encoding: string;
  delimiter: string | null;
  sheet?: string;
  rowsRead: number;
  blank: number;
  /** field → header used */
  columns: Partial<Record<Field, string>>;
  /** headers not used */
  unused: string[];
}

const REQUIRED_LABEL: Record<string, string> = {
  name: 'the name (one column, or first and last name)',
  organisation: 'the municipality or organisation',
  submittedAt: 'the submission time',
};

/** Parses `--map "Header=field"` options. */
export function parseMapOptions(maps: string[] | undefined): Record<string, Field | 'ignore'> {
  const out: Record<string, Field | 'ignore'> = {};
  for (const m of maps ?? []) {
    const at = m.lastIndexOf('=');
    const header = at > 0 ? m.slice(0, at).trim() : '';
    const field = at > 0 ? m.slice(at + 1).trim() : '';
    if (!header || !field) throw new InputError(`--map "${m}": expected "Header=field"`, undefined, undefined, `Fields: ${FIELDS.join(', ')}, ignore.`);
    if (field !== 'ignore' && !(FIELDS as readonly string[]).includes(field)) {
      throw new InputError(`--map "${m}": unknown field "${field}"`, undefined, undefined, `Fields: ${FIELDS.join(', ')}, ignore.`);
    }
    out[header] = field as Field | 'ignore';
  }
  return out;
}

/** The field to ask for when `missing` is required: with a first name found, the last name, and so on. */
function fieldToAsk(missing: string, mapping: ColumnMapping): Field {
  if (missing !== 'name') return missing as Field;
  if (mapping.fields.firstName !== undefined) return 'lastName';
  if (mapping.fields.lastName !== undefined) return 'firstName';
  return 'name';
}

/**
 * Reads and checks one export. A required column that cannot be found stops with the headers and the
 * `--map` that fixes it; with `ask` (a terminal), the organiser picks the column instead.
 */
export async function readImport(
  path: string,
  settings: EventSettings,
  opts: { map?: Record<string, Field | 'ignore'>; sheet?: string; ask?: AskColumn; progress?: Progress },
): Promise<ParsedFile> {
  const progress = opts.progress ?? NO_PROGRESS;
  const name = basename(path);
  let bytes = 0;
  try {
    bytes = statSync(path).size;
  } catch {
    // readTable names a missing file.
  }
  progress.phase(`reading ${name}`, { big: bytes >= PROGRESS_BYTES });
  const overrides: Record<string, Field | 'ignore'> = { ...settings.columns, ...opts.map };
  const learned: Record<string, Field> = {};
  // Registrations name the file by its base name only (no machine paths).
  const readerFor = (m: ColumnMapping, headers: string[], hash: string) => registrationReader({ file: name, hash, headers }, m, settings);

  // For memory at a million rows, rows become registrations while the file is read: once the first
  // SAMPLE_ROWS rows are in and every required column is found, the rest is not held. Otherwise (a small
  // file, or a column to ask about or to report missing) all rows are held and handled below, as before.
  const held: TableRow[] = [];
  const streamed: { early: { mapping: ColumnMapping; reader: RegistrationReader } | null } = { early: null };
  const sink = (headers: string[], hash: string) => (cells: Cell[], row: number) => {
    const early = streamed.early;
    if (early) return early.reader.addCells(cells, row);
    held.push({ row, cells });
    if (held.length !== SAMPLE_ROWS) return; // the sample is complete: decide the columns once
    const mapping = mapColumns(headers, held.map((r) => r.cells), overrides, { extraNight: settings.extraNight });
    if (mapping.missing.length) return;
    const reader = readerFor(mapping, headers, hash);
    for (const r of held) reader.add(r);
    streamed.early = { mapping, reader };
    held.length = 0;
  };
  const table = await readTable(path, { sheet: opts.sheet, sink });
  progress.phase('checking', { rows: table.rowCount });
  const done = streamed.early;
  if (done) {
    const { registrations, blankRows } = done.reader.finish();
    return { path, table: withoutRows(table), rowsRead: table.rowCount, blankRows, mapping: done.mapping, registrations, learned };
  }

  const sample = held.slice(0, SAMPLE_ROWS).map((r) => r.cells);
  let mapping = mapColumns(table.headers, sample, overrides, { extraNight: settings.extraNight });
  if (mapping.missing.length && looksLikeAnswers(table.headers, sample[0] ?? [])) {
    // A sheet exported without its header row: its first "headers" are a person's answers. Nothing to ask
    // about (no column has a name), and they must not be printed (messages name files and rows, never people).
    const what = mapping.missing.map((f) => REQUIRED_LABEL[f] ?? f).join('; ');
    throw new InputError(`no column found for ${what}: the first row holds answers (an e-mail address, a time or a number), not column names`, path, 1,
      'Export the sheet with its header row (the questions), then import it again; or add the header row at the top.');
  }
  while (mapping.missing.length && opts.ask) {
    const field = fieldToAsk(mapping.missing[0]!, mapping);
    const fields: (Field | null)[] = table.headers.map(() => null);
    for (const [f, i] of Object.entries(mapping.fields)) fields[i as number] = f as Field;
    const examples = table.headers.map((_, i) =>
      sample.map((row) => row[i]).filter((c) => !isBlankCell(c)).slice(0, 3).map((c) => cellText(c).slice(0, 30)),
    );
    progress.done();
    const column = await opts.ask({ file: name, field, headers: table.headers, fields, examples });
    if (column === null) break;
    const header = table.headers[column]!;
    overrides[header] = field;
    learned[header] = field;
    mapping = mapColumns(table.headers, sample, overrides, { extraNight: settings.extraNight });
  }
  if (mapping.missing.length) {
    const what = mapping.missing.map((f) => REQUIRED_LABEL[f] ?? f).join('; ');
    const found = table.headers.map((h) => `"${h}"`).join(', ');
    throw new InputError(
      `no column found for ${what}`,
      path,
      1,
      `Headers found: ${found}.\nTell samling which column it is: --map "Header=${mapping.missing[0]}" (or "columns" in samling.config.json).`,
    );
  }
  const reader = readerFor(mapping, table.headers, table.hash);
  for (const row of held) reader.add(row);
  const { registrations, blankRows } = reader.finish();
  return { path, table: withoutRows(table), rowsRead: table.rowCount, blankRows, mapping, registrations, learned };
}

/** What kind of answer a cell is, by its look alone: an e-mail address, a date or time, a number, or other text. */
function answerKind(text: string): 'email' | 'time' | 'number' | null {
  const t = text.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return 'email';
  if (parseTimestamp(t, 'UTC') !== null) return 'time'; // the reader's own formats
  if (/^\+?\d[\d .-]{4,}$/.test(t)) return 'number';
  return null;
}

/**
 * A header row that is a person's answers (a sheet exported without its header row): some "header" is an e-mail
 * address, a date or time, or a number, and the first row under it is the same kind of answer. A header that is
 * a date (a column per day) has answers of another kind under it, so it is a header. With no row under it,
 * an e-mail address or a time alone tells.
 */
export function looksLikeAnswers(headers: readonly string[], firstRow: readonly Cell[] = []): boolean {
  return headers.some((h, i) => {
    const kind = answerKind(h);
    if (kind === null) return false;
    // A sheet of one row has nothing under it to compare with: an e-mail address or a time is then taken for
    // an answer (a name never being printed matters more than a date header being listed).
    if (firstRow.length === 0) return kind !== 'number';
    const below = firstRow[i];
    return below !== undefined && !isBlankCell(below) && answerKind(cellText(below)) === kind;
  });
}

function withoutRows(table: Table & { rowCount: number }): Omit<Table, 'rows'> {
  const { rows, rowCount, ...meta } = table;
  return meta;
}

/** Merges parsed files into the state, file by file, and reports the counts of each (they add up). */
export function applyImports(state: WorkspaceState, parsed: ParsedFile[], now: string): { state: WorkspaceState; reports: FileReport[] } {
  let registrations = state.registrations;
  const files = [...state.files];
  const reports: FileReport[] = [];
  for (const p of parsed) {
    const merged = mergeRegistrations(registrations, p.registrations);
    registrations = merged.state;
    if (!files.some((f) => f.hash === p.table.hash)) {
      files.push({ hash: p.table.hash, name: basename(p.path), importedAt: now, rows: p.rowsRead });
    }
    const columns: Partial<Record<Field, string>> = {};
    for (const [field, index] of Object.entries(p.mapping.fields)) columns[field as Field] = p.table.headers[index as number] ?? '';
    reports.push({
      file: p.path,
      encoding: p.table.encoding,
      delimiter: p.table.delimiter,
      sheet: p.table.sheet,
      rowsRead: p.rowsRead,
      blank: p.blankRows.length,
      ...merged.counts,
      columns,
      unused: p.mapping.unused.map((i) => p.table.headers[i] ?? ''),
    });
  }
  return { state: { ...state, files, registrations }, reports };
}
