// CSV for spreadsheets: UTF-8 with BOM, CRLF, `;` by default (Excel in Norway), formulas neutralised.
import type { CsvCells, ListTable } from '../core/render/common.js';
import { memo } from '../core/text.js';

/**
 * A cell a spreadsheet could run as a formula: the OWASP characters `= + - @` first, or first after
 * leading white space (some programs trim it), their full-width forms, a leading tab, CR, LF or NUL, and a
 * bare DDE call (`DDE (…)`).
 */
const FORMULA = /^(?:[\t\r\n\0]|[\s\0]*(?:[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|dde\s*\())/i;

/** The cell with a leading `'` when a spreadsheet could run it as a formula (OWASP); otherwise unchanged. */
export function safeCell(s: string): string {
  const c = s.charCodeAt(0);
  // Fast path for the usual first characters: ASCII letters (but D, for DDE) and digits.
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x7a && c !== 0x44 && c !== 0x64 && (c <= 0x5a || c >= 0x61)))
    return s;
  return FORMULA.test(s) ? `'${s}` : s;
}

export interface CsvOptions {
  /** Default `;`. */
  delimiter?: string;
}

/**
 * A cell encoder for one delimiter: every cell passed through safeCell and quoted when it holds the
 * delimiter, a quote or a line break (RFC 4180). `known` is for the few values that repeat (statuses,
 * organisations, roles): each is encoded once and kept (a bounded cache).
 */
export function csvCells(delimiter = ';'): CsvCells {
  const quote = new RegExp(`["\r\n]|${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`); // one test per cell
  const cell = (raw: string): string => {
    const s = safeCell(raw);
    return quote.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return { delimiter, cell, known: memo(cell) };
}

/**
 * The file a line at a time, for writing without holding it whole (see writeFileAtomic): BOM and header,
 * then one string per row, each with its CRLF, its cells encoded by csvCells. Written by hand rather than
 * with csv-stringify: the same output, about five times faster.
 */
export function* csvChunks(header: string[], rows: Iterable<string[]>, opts: CsvOptions = {}): Generator<string> {
  const c = csvCells(opts.delimiter);
  yield '\uFEFF' + line(c, header);
  for (const row of rows) yield line(c, row);
}

function line({ cell, delimiter }: CsvCells, cells: string[]): string {
  let text = cell(cells[0] ?? '');
  for (let i = 1; i < cells.length; i++) text += delimiter + cell(cells[i]!);
  return text + '\r\n';
}

/** A list's file (see csvChunks), written from its own CSV lines (ListTable.lines): the same bytes. */
export function* tableChunks(table: ListTable, opts: CsvOptions = {}): Generator<string> {
  const c = csvCells(opts.delimiter);
  yield '\uFEFF' + line(c, table.header);
  yield* table.lines(c);
}

/** The whole file as one string (see csvChunks). */
export function toCsv(header: string[], rows: Iterable<string[]>, opts: CsvOptions = {}): string {
  return [...csvChunks(header, rows, opts)].join('');
}
