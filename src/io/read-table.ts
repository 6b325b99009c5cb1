// Reads a registration spreadsheet (.csv/.tsv/.txt or .xlsx) into a Table. Every failure is an
// InputError naming the file (and row): no library error or stack trace reaches the organiser.

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { chunkedFile } from './file-chunks.js';
import { readDelimited, readsInChunks, type RowSink } from './read-csv.js';
import type { Table } from './table.js';

const FORMATS = 'Files that work: .xlsx, .csv, .tsv or .txt (comma, semicolon, tab or | separated).';
const DELIMITED = new Set(['.csv', '.tsv', '.txt']);
const WORKBOOK = new Set(['.xlsx', '.xlsm']);
const SAVE_AS = 'Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".';

const isOle2 = (b: Buffer) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Delimited files from this size are read in chunks, never held whole (see file-chunks.ts). */
const CHUNKED_MIN_BYTES = 1 << 20;

/** One clear message for a file that cannot be read. */
function readError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('file not found', file);
  if (code === 'EISDIR') return new InputError('this is a folder, not a file', file, undefined, 'Give the spreadsheet file itself.');
  if (code === 'EACCES' || code === 'EPERM') return new InputError('the file cannot be read (permission denied)', file);
  return new InputError(`the file cannot be read (${code ?? 'unknown error'})`, file);
}

/** Runs `read` on the file, open (`size` -1 when it is not a regular file); read errors become one clear message. */
async function withFile<T>(file: string, read: (fd: number, size: number) => Promise<T>): Promise<T> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw readError(file, e);
  }
  try {
    const stats = fstatSync(fd);
    return await read(fd, stats.isFile() ? stats.size : -1);
  } catch (e) {
    throw e instanceof Error && 'syscall' in e ? readError(file, e) : e;
  } finally {
    closeSync(fd);
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
  return withFile(path, async (fd, size) => {
    // A big delimited file in UTF-8 or Windows-1252 is read in chunks (the usual exports, and those that can be
    // large); a workbook (even renamed), an old .xls and UTF-16 are read whole.
    if (size >= CHUNKED_MIN_BYTES && !WORKBOOK.has(ext)) {
      const file = chunkedFile(fd, size);
      if (!isZip(file.head) && !isOle2(file.head) && readsInChunks(file.head)) {
        const sink = opts.sink;
        const t = await readDelimited(path, file, ext, sink && ((headers) => sink(headers, file.hash)));
        if (!file.unchanged()) {
          throw new InputError('the file changed while samling read it', path, undefined, 'Run samling again once the file is saved.');
        }
        return { file: path, hash: file.hash, headers: t.headers, rows: t.rows, rowCount: t.rowCount, encoding: t.encoding, delimiter: t.delimiter };
      }
    }
    // In one go (the promise version reads in chunks, and nothing else runs meanwhile).
    return readWhole(path, ext, readFileSync(fd), opts);
  });
}

/** readTable for a file held whole: a workbook, a small file, or text in another encoding. */
async function readWhole(
  path: string,
  ext: string,
  buf: Buffer,
  opts: { sheet?: string; sink?: (headers: string[], hash: string) => RowSink },
): Promise<Table & { rowCount: number }> {
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
