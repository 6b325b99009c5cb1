// Reads a registration spreadsheet (.csv/.tsv/.txt or .xlsx) into a Table. Every failure is an
// InputError naming the file (and row): no library error or stack trace reaches the organiser.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { readDelimited, type RowSink } from './read-csv.js';
import type { Table } from './table.js';

const FORMATS = 'Files that work: .xlsx, .csv, .tsv or .txt (comma, semicolon, tab or | separated).';
const DELIMITED = new Set(['.csv', '.tsv', '.txt']);
const WORKBOOK = new Set(['.xlsx', '.xlsm']);
const SAVE_AS = 'Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".';

const isOle2 = (b: Buffer) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The file's bytes, read in one go (the promise version reads in chunks, and nothing else runs meanwhile). */
function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('file not found', file);
    if (code === 'EISDIR') throw new InputError('this is a folder, not a file', file, undefined, 'Give the spreadsheet file itself.');
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('the file cannot be read (permission denied)', file);
    throw new InputError(`the file cannot be read (${code ?? 'unknown error'})`, file);
  }
}

/**
 * Reads the first sheet of an .xlsx (or `opts.sheet`), or a delimited text file, as the organiser gave it.
 * With `opts.sink`, the data rows go one by one to the function it returns for the header row and the
 * file's hash, instead of into `rows` (see readDelimited); `rowCount` counts them either way.
 */
export async function readTable(
  path: string,
  opts: { sheet?: string; sink?: (headers: string[], hash: string) => RowSink } = {},
): Promise<Table & { rowCount: number }> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xls') {
    throw new InputError('this is an old Excel .xls file, which samling cannot read', path, undefined, SAVE_AS);
  }
  if (!DELIMITED.has(ext) && !WORKBOOK.has(ext) && ext !== '') {
    throw new InputError(`${ext} files cannot be read`, path, undefined, FORMATS);
  }
  const buf = readBytes(path);
  if (buf.length === 0) throw new InputError('the file is empty (0 bytes)', path);
  if (isOle2(buf)) {
    throw WORKBOOK.has(ext)
      ? new InputError('this workbook is password-protected, or an old .xls file renamed to .xlsx', path, undefined,
        'Remove the password, or save it from Excel as "Excel Workbook (.xlsx)" or "CSV UTF-8".')
      : new InputError('this is an old Excel .xls file, which samling cannot read', path, undefined, SAVE_AS);
  }
  const hash = createHash('sha256').update(buf).digest('hex');

  // A workbook by its extension, or by its zip bytes (a workbook renamed to .csv, or no extension).
  if (WORKBOOK.has(ext) || isZip(buf)) {
    if (!isZip(buf)) {
      throw new InputError('this is not a valid .xlsx workbook (it is not a zip archive)', path, undefined, SAVE_AS);
    }
    const { readXlsx } = await import('./read-xlsx.js');
    const t = await readXlsx(path, buf, opts.sheet);
    let rows = t.rows;
    if (opts.sink) {
      const put = opts.sink(t.headers, hash);
      for (const row of rows) put(row.cells, row.row);
      rows = [];
    }
    return { file: path, hash, headers: t.headers, rows, rowCount: t.rows.length, encoding: 'xlsx', delimiter: null, sheet: t.sheet };
  }
  const sink = opts.sink;
  const t = await readDelimited(path, buf, ext, sink && ((headers) => sink(headers, hash)));
  return { file: path, hash, headers: t.headers, rows: t.rows, rowCount: t.rowCount, encoding: t.encoding, delimiter: t.delimiter };
}
