// Delimited text (.csv, .tsv, .txt): detect the encoding and the delimiter, parse once with csv-parse.
// UTF-8 bytes go to csv-parse as they are (no decode/re-encode); other encodings are decoded once.

import { isUtf8 } from 'node:buffer';
import { Parser, type Options } from 'csv-parse';
import { parse, CsvError } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { ChunkedFile } from './file-chunks.js';
import type { Cell, TableRow } from './table.js';

export interface DelimitedTable {
  headers: string[];
  rows: TableRow[];
  encoding: string;
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const SAVE_HINT = 'Open it in Excel and save it as "CSV UTF-8" or as .xlsx.';

const UTF8_BOM = 'utf-8 with BOM';
const hasUtf8Bom = (buf: Buffer): boolean => buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
const hasUtf16Bom = (buf: Buffer): boolean => (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
const binary = (file: string) => new InputError('this is not a text file (it holds binary data)', file, undefined, SAVE_HINT);

/**
 * The encoding of a file that starts with `head`, in this order: a BOM, then binary data (an error), then
 * UTF-8 if the whole file is valid UTF-8 (`utf8`), else Windows-1252 (what Excel's ";" CSV is in Norway).
 * The same for a file held whole and one read in chunks.
 */
function encodingOf(file: string, head: Buffer, utf8: () => boolean): string {
  if (hasUtf8Bom(head)) return UTF8_BOM;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.subarray(0, 8192).includes(0)) throw binary(file);
  return utf8() ? 'utf-8' : 'windows-1252';
}

/** Windows-1252 bytes as text (iconv-lite, loaded only when such a file is read). */
async function windows1252(): Promise<(bytes: Buffer) => string> {
  const { default: iconv } = await import('iconv-lite');
  return (bytes) => iconv.decode(bytes, 'windows-1252');
}

/** The text to parse (a UTF-8 buffer or a decoded string) and the encoding found. */
async function decode(file: string, buf: Buffer): Promise<{ data: Buffer | string; encoding: string }> {
  const encoding = encodingOf(file, buf, () => isUtf8(buf));
  switch (encoding) {
    case UTF8_BOM:
      return { data: buf.subarray(3), encoding };
    case 'utf-16le':
      return { data: buf.toString('utf16le', 2), encoding };
    case 'utf-16be':
      return { data: Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1))).swap16().toString('utf16le'), encoding };
    case 'utf-8':
      return { data: buf, encoding };
    default:
      return { data: (await windows1252())(buf), encoding };
  }
}

/**
 * Whether a file that starts with `head` can be read in chunks: decode would read it as UTF-8 or as
 * Windows-1252, whose characters are whole in any chunk of bytes (a UTF-8 character cut at a chunk's edge is
 * joined by csv-parse, which works on bytes). UTF-16 is read whole.
 */
export const readsInChunks = (head: Buffer): boolean => !hasUtf16Bom(head);

/**
 * decode for a file read in chunks (readsInChunks): the start of the text (for the sample), the encoding,
 * and, for Windows-1252, how each chunk becomes the UTF-8 bytes csv-parse reads.
 */
async function chunkedStart(file: string, chunked: ChunkedFile): Promise<{ data: Buffer | string; encoding: string; toUtf8?: (chunk: Buffer) => Buffer }> {
  const head = chunked.head;
  const encoding = encodingOf(file, head, () => chunked.utf8);
  if (encoding === UTF8_BOM) return { data: head.subarray(3), encoding };
  if (encoding === 'utf-8') return { data: head, encoding };
  if (encoding !== 'windows-1252') throw new Error(`${encoding} is read whole, not in chunks`);
  const text = await windows1252();
  return { data: text(head), encoding, toUtf8: (chunk) => Buffer.from(text(chunk), 'utf8') };
}

/**
 * The delimiter among `,` `;` tab `|` that splits the first lines (outside quotes) most consistently:
 * the most lines with the header's count wins, then the higher count. None found: tab for .tsv, else `,`.
 */
export function detectDelimiter(sample: string, fallback = ','): string {
  const lines: Record<string, number>[] = [];
  let counts: Record<string, number> = {};
  let quoted = false;
  for (let i = 0; i < sample.length && lines.length < 20; i++) {
    const c = sample[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && sample[i + 1] === '\n') i++;
      lines.push(counts);
      counts = {};
    } else if (c === ',' || c === ';' || c === '\t' || c === '|') counts[c] = (counts[c] ?? 0) + 1;
  }
  if (lines.length === 0) lines.push(counts); // a single line with no line break
  let best = fallback;
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const header = lines[0]![d] ?? 0;
    if (header === 0) continue;
    const consistent = lines.filter((l) => (l[d] ?? 0) === header).length;
    const score = consistent * 10_000 + header;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') return false;
  return true;
}

type ParseApi = {
  parse(data: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  info?: { bytes_records?: unknown };
};

/**
 * csv-parse's parser core, which csv-parse/sync and its stream both drive (csv-parse 7), or null if it is not
 * there. It takes the bytes in one go or in chunks (end = false until the last), with the same records.
 */
function parserCore(options: Options): ParseApi | null {
  const api = (new Parser(options) as unknown as { api?: ParseApi }).api;
  if (typeof api?.parse !== 'function') return null;
  // For speed (measured with csv-parse 7): csv-parse adds every record's end offset to info.bytes_records, a
  // sum that outgrows a small integer after some thousand rows; V8 then discards the parser's optimised code
  // and compiles it again, which costs more than a tenth of a second. Holding a fraction once, before the
  // parse, makes the field a float from the start; it then counts from 0 as before (nothing here reads it).
  if (typeof api.info?.bytes_records === 'number') {
    api.info.bytes_records = 0.5;
    api.info.bytes_records = 0;
  }
  return api;
}

/**
 * Parses as csv-parse/sync does, but hands each record on instead of collecting them all (for memory at a
 * million rows). This is that function's own loop on the parser core; the `on_record` option would do the
 * same through the public API, but builds an info object per record, which costs about a quarter of the
 * parse, so it is only the fallback.
 */
function parseEach(data: Buffer | string, options: Options, each: (record: string[]) => void): void {
  const api = parserCore(options);
  if (!api) {
    parse(data, { ...options, on_record: (record: string[]) => void each(record) });
    return;
  }
  const error = api.parse(typeof data === 'string' ? Buffer.from(data) : data, true, each, () => {});
  if (error !== undefined) throw error;
}

/**
 * parseEach for a file read in chunks: the same records, handed on as each chunk is parsed. `toUtf8` turns
 * each chunk of another encoding into UTF-8 first.
 */
function parseChunks(file: ChunkedFile, from: number, options: Options, each: (record: string[]) => void, toUtf8?: (chunk: Buffer) => Buffer): void {
  const api = parserCore(options);
  if (!api) {
    const parts: Buffer[] = [];
    file.forEach((chunk) => parts.push(toUtf8 ? toUtf8(chunk) : Buffer.from(chunk)), from);
    parseEach(Buffer.concat(parts), options, each);
    return;
  }
  file.forEach((chunk) => {
    const error = api.parse(toUtf8 ? toUtf8(chunk) : chunk, false, each, () => {});
    if (error !== undefined) throw error;
  }, from);
  const error = api.parse(undefined, true, each, () => {});
  if (error !== undefined) throw error;
}

/**
 * Receives the data rows one by one as they are read (the table then holds none of them): the cells and the
 * spreadsheet row number, without a TableRow object per row.
 */
export type RowSink = (cells: Cell[], row: number) => void;

/**
 * Reads delimited text. Cells stay strings exactly as typed; short rows are fine. With `sink(headers)`,
 * each data row goes to the function it returns as soon as it is parsed, so that a million rows are never
 * all held at once (for speed and memory); `rows` is then empty and `rowCount` tells how many there were.
 */
export async function readDelimited(
  file: string,
  input: Buffer | ChunkedFile,
  ext: string,
  sink?: (headers: string[]) => RowSink,
): Promise<DelimitedTable & { rowCount: number }> {
  // A file read in chunks is not UTF-16 (readTable sees to it, with readsInChunks).
  const chunked = Buffer.isBuffer(input) ? null : input;
  const { data, encoding, toUtf8 } = chunked ? await chunkedStart(file, chunked) : { ...(await decode(file, input as Buffer)), toUtf8: undefined };
  const sample = typeof data === 'string' ? data.slice(0, 65_536) : data.toString('latin1', 0, 65_536);
  if (sample.trim() === '') throw new InputError('the file is empty (no header row)', file);
  const delimiter = detectDelimiter(sample, ext === '.tsv' ? '\t' : ',');

  // Blank lines above the header are skipped and blank lines at the end dropped: a blank row is passed on
  // only once a row with something in it follows. Rows are numbered as Excel or Google Sheets shows the
  // file (header = 1 when it is the first line): a cell holding a line break is still one row there.
  let headers: string[] | null = null;
  const rows: TableRow[] = [];
  let put: RowSink = (cells, row) => rows.push({ row, cells });
  let rowCount = 0;
  let line = 0;
  const blanks: TableRow[] = [];
  const onRecord = (cells: string[]): void => {
    line++;
    if (headers === null) {
      if (!isBlank(cells)) {
        headers = cells;
        if (sink) put = sink(cells);
      }
    } else if (isBlank(cells)) {
      blanks.push({ row: line, cells });
    } else {
      if (blanks.length !== 0) {
        for (const b of blanks) put(b.cells, b.row);
        rowCount += blanks.length;
        blanks.length = 0;
      }
      rowCount++;
      put(cells, line);
    }
  };
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false };

  try {
    if (chunked) parseChunks(chunked, encoding === UTF8_BOM ? 3 : 0, options, onRecord, toUtf8);
    else parseEach(data, options, onRecord);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // The broken record is the one after those read whole; rows are numbered as a spreadsheet shows them.
    const row = (typeof e.records === 'number' ? e.records : 0) + 1;
    const what = e.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted cell is never closed (a " without its closing ")'
      : e.code.includes('QUOTE') ? 'a quote (") is out of place' : 'this row cannot be read as CSV';
    throw new InputError(what, file, row, 'Fix the quote marks in that row, or export the file again.');
  }
  if (headers === null) throw new InputError('the file is empty (no header row)', file);
  return { headers, rows, rowCount, encoding, delimiter };
}
