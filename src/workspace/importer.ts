// Reading exports into registrations (I/O at the edge), then merging them into the workspace state (pure).
// Everything is read and checked before anything is written: bad input stops here with exit 2.
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { readTable } from '../io/read-table.js';
import { mapColumns, SAMPLE_ROWS, type ColumnMapping } from '../core/columns.js';
import { toRegistrations } from '../core/rows.js';
import { mergeRegistrations, type MergeCounts } from '../core/merge.js';
import { FIELDS, type EventSettings, type Field, type Registration } from '../core/types.js';
import type { Table } from '../io/table.js';
import type { WorkspaceState } from './workspace.js';

export interface ParsedFile {
  path: string;
  table: Omit<Table, 'rows'>;
  rowsRead: number;
  blankRows: number[];
  mapping: ColumnMapping;
  registrations: Registration[];
}

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

export async function readImport(
  path: string,
  settings: EventSettings,
  opts: { map?: Record<string, Field | 'ignore'>; sheet?: string },
): Promise<ParsedFile> {
  const table = await readTable(path, { sheet: opts.sheet });
  const overrides = { ...settings.columns, ...opts.map };
  const sample = table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells);
  const mapping = mapColumns(table.headers, sample, overrides, { extraNight: settings.extraNight });
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
  const { registrations, blankRows } = toRegistrations(table, mapping, settings);
  const name = basename(path);
  for (const r of registrations) r.source = { ...r.source, file: name };
  const { rows, ...meta } = table;
  return { path, table: meta, rowsRead: rows.length, blankRows, mapping, registrations };
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
