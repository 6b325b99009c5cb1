// What a spreadsheet reader hands on: the header row and the data rows as cells, with where they stood.

/** A cell as read. Text from CSV; xlsx gives numbers and date cells too. */
export type Cell =
  | string
  | number
  /** An Excel date cell: the wall-clock time it shows, `YYYY-MM-DDTHH:mm:ss` (no offset). */
  | { wallClock: string };

export interface TableRow {
  /** Spreadsheet row number (the header row is 1). */
  row: number;
  cells: Cell[];
}

export interface Table {
  /** The path as the organiser gave it (used in every message). */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  headers: string[];
  rows: TableRow[];
  /** What was found: 'utf-8', 'utf-8 with BOM', 'utf-16le', 'utf-16be', 'windows-1252', or 'xlsx'. */
  encoding: string;
  /** The delimiter detected, or null for xlsx. */
  delimiter: string | null;
  /** The sheet read, for xlsx. */
  sheet?: string;
}
