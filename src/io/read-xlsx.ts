// .xlsx workbooks via exceljs, which is loaded here only, when a workbook is read (start-up time).

import { InputError } from '../errors.js';
import type { Cell, TableRow } from './table.js';

export interface SheetTable {
  headers: string[];
  rows: TableRow[];
  sheet: string;
}

const EXCEL_HINT = 'Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".';

/**
 * An exceljs cell value as the organiser sees it. Date cells: exceljs gives a Date whose UTC fields are
 * the wall-clock time shown, so only UTC fields are read (never the machine's time zone).
 */
function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return '';
    return { wallClock: new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19) };
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('text' in o) return toCell(o.text); // hyperlink (its text may itself be rich text)
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return toCell(o.result);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

const toText = (c: Cell): string => (typeof c === 'object' ? c.wallClock : String(c));

/** Reads one sheet: the first, or the one named `sheetName` (exact name, else ignoring case and spaces). */
export async function readXlsx(file: string, buf: Buffer, sheetName?: string): Promise<SheetTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new InputError('this is not a valid .xlsx workbook (it cannot be opened)', file, undefined, EXCEL_HINT);
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new InputError('the workbook has no sheets', file);
  const norm = (s: string) => s.trim().toLowerCase();
  const ws = sheetName === undefined
    ? sheets[0]!
    : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => norm(s.name) === norm(sheetName));
  if (!ws) {
    const names = sheets.map((s) => `"${s.name}"`).join(', ');
    throw new InputError(`the workbook has no sheet called "${sheetName}"; its sheets are ${names}`, file, undefined,
      'Pick one with --sheet NAME.');
  }

  // getSheetValues(): a sparse array by row number of sparse arrays by column number (both 1-based).
  const values = ws.getSheetValues() as unknown as (unknown[] | undefined)[];
  const isBlank = (r: unknown[] | undefined) => !r || r.every((v) => v === null || v === undefined || v === '');
  let end = values.length;
  while (end > 1 && isBlank(values[end - 1])) end--;
  let first = 1;
  while (first < end && isBlank(values[first])) first++; // blank rows above the header
  if (first >= end) throw new InputError(`the sheet "${ws.name}" is empty (no header row)`, file);

  const toCells = (r: unknown[] | undefined, width: number): Cell[] => {
    const cells: Cell[] = new Array(Math.max(width, (r?.length ?? 1) - 1));
    for (let c = 0; c < cells.length; c++) cells[c] = toCell(r?.[c + 1]);
    return cells;
  };
  const headers = toCells(values[first], 0).map(toText);
  const rows: TableRow[] = [];
  for (let r = first + 1; r < end; r++) rows.push({ row: r, cells: toCells(values[r], headers.length) });
  return { headers, rows, sheet: ws.name };
}
