// Turns a read table into registrations: one per non-blank row, with the problems found in it.
// Pure: hashing is computation, not I/O.

import * as crypto from 'node:crypto';
import type { Cell, Table, TableRow } from '../io/table.js';
import type { ColumnMapping } from './columns.js';
import { fold, normaliseEmail } from './text.js';
import type { EventSettings, Field, Problem, Registration } from './types.js';
import {
  cellText, isBlankCell, isCancelledValue, parseAttendance, parseTimestampColumn, parseYesNo,
} from './values.js';

/** SHA-256 of a short text as hex; the one-shot crypto.hash (Node ≥ 20.12) is several times faster. */
const sha256hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** 8 characters of lowercase Crockford-style base32 (no i, l, o, u) of sha256(key): stable across imports. */
export function registrationId(key: string): string {
  // The first 40 bits (exact in a double), 5 at a time.
  const bits = parseInt(sha256hex(key).slice(0, 10), 16);
  let id = '';
  for (let i = 7; i >= 0; i--) id += BASE32[Math.floor(bits / 2 ** (i * 5)) % 32];
  return id;
}

/**
 * Identity of a registration: `e:<normalised e-mail>` when there is an e-mail, otherwise `n:` and a short
 * hash of the folded name, the folded organisation and the submission time (or its text when unparsable).
 */
/** The identity of everyone with this e-mail address (case and spaces ignored). */
export const emailKey = (email: string): string => 'e:' + normaliseEmail(email);

export function registrationKey(r: {
  email: string | null;
  firstName: string;
  lastName: string;
  organisation: string;
  submittedAt: string | null;
  submittedAtText: string;
}): string {
  if (r.email) return emailKey(r.email);
  const basis = `${fold(`${r.firstName} ${r.lastName}`)}|${fold(r.organisation)}|${r.submittedAt ?? r.submittedAtText.trim()}`;
  return 'n:' + sha256hex(basis).slice(0, 16);
}

/**
 * Splits a full name at its last word: "Kari Nordmann" → Kari / Nordmann, "Kari" → Kari / ''.
 * "Nordmann, Kari" (one comma) is read as last name, first name.
 */
export function splitName(full: string): { firstName: string; lastName: string } {
  const text = full.trim();
  const comma = text.indexOf(',');
  if (comma > 0 && comma === text.lastIndexOf(',')) {
    return { firstName: text.slice(comma + 1).trim(), lastName: text.slice(0, comma).trim() };
  }
  const space = text.search(/\s\S*$/);
  if (space < 0) return { firstName: text, lastName: '' };
  return { firstName: text.slice(0, space).trimEnd(), lastName: text.slice(space + 1) };
}


const ANONYMOUS = new Set(['anonymous', 'anonym', 'anonymt']);
const isAnonymous = (text: string): boolean => text.length <= 12 && ANONYMOUS.has(fold(text));

function blankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}

/**
 * One registration per non-blank row of the table; blank rows (every cell empty or white space) are
 * returned by row number. Times are read in the event's time zone; answers the form does not ask stay null.
 */
export function toRegistrations(
  table: Table,
  mapping: ColumnMapping,
  settings: Pick<EventSettings, 'timeZone'>,
): { registrations: Registration[]; blankRows: number[] } {
  const reader = registrationReader(table, mapping, settings);
  for (const row of table.rows) reader.add(row);
  return reader.finish();
}

/**
 * toRegistrations row by row, so that an import need not hold the whole table (see readTable's sink):
 * `add` each row in order, then `finish`. The time column is kept whole until `finish`, as the day/month
 * order is decided from all of it; the times, and the key and id that depend on them, are set there.
 */
export function registrationReader(
  table: Pick<Table, 'file' | 'hash' | 'headers'>,
  mapping: ColumnMapping,
  settings: Pick<EventSettings, 'timeZone'>,
): { add(row: TableRow): void; finish(): { registrations: Registration[]; blankRows: number[] } } {
  const col = mapping.fields;
  const at = (cells: readonly Cell[], field: Field): string => {
    const i = col[field];
    return i === undefined ? '' : cellText(cells[i]).trim();
  };
  const optional = (cells: readonly Cell[], field: Field): string | null => at(cells, field) || null;
  const yesNo = (cells: readonly Cell[], field: Field): boolean | null =>
    col[field] === undefined ? null : parseYesNo(at(cells, field));

  // A yes/no answer to an attendance question: yes means digital when the question asks about digital only.
  const attendanceHeader = col.attendance === undefined ? '' : fold(table.headers[col.attendance] ?? '');
  const yesMeansDigital = /\bdigital/.test(attendanceHeader) && !/\b(fysisk|oppmote|in person)/.test(attendanceHeader);
  // A yes in an Avmeld-like column cancels; a status column needs a cancelling word.
  const cancelHeader = col.cancelled === undefined ? '' : fold(table.headers[col.cancelled] ?? '');
  const yesCancels = !/\bstatus\b/.test(cancelHeader);

  const timeColumn = col.submittedAt;
  const timeCells: Cell[] = []; // the time column of every row, blank rows too
  const timeIndex: number[] = []; // per registration, its row's place in timeCells
  const registrations: Registration[] = [];
  const blankRows: number[] = [];

  function add({ row, cells }: TableRow): void {
    if (timeColumn !== undefined) timeCells.push(cells[timeColumn] ?? '');
    if (blankRow(cells)) {
      blankRows.push(row);
      return;
    }
    const problems: Problem[] = [];

    let firstName = '';
    let lastName = '';
    if (col.firstName !== undefined || col.lastName !== undefined) {
      firstName = at(cells, 'firstName');
      lastName = at(cells, 'lastName');
    }
    if (firstName === '' && lastName === '' && col.name !== undefined) {
      const full = at(cells, 'name');
      if (!isAnonymous(full)) ({ firstName, lastName } = splitName(full));
    }
    if (firstName === '' && lastName === '') problems.push({ code: 'no-name' });

    let email: string | null = at(cells, 'email');
    if (email === '' || isAnonymous(email)) email = null;
    else if (!email.includes('@')) {
      problems.push({ code: 'bad-email', args: { text: email } });
      email = null;
    }

    const organisation = at(cells, 'organisation');
    if (organisation === '') problems.push({ code: 'no-organisation' });

    const submittedAtText = timeColumn === undefined ? '' : cellText(cells[timeColumn]).trim();

    const attendanceText = at(cells, 'attendance');
    let attendance = parseAttendance(attendanceText);
    if (attendance === null) {
      const yes = parseYesNo(attendanceText);
      if (yes !== null) attendance = yes === yesMeansDigital ? 'digital' : 'in-person';
    }

    const cancelText = at(cells, 'cancelled');
    const cancelled = isCancelledValue(cancelText) || (yesCancels && parseYesNo(cancelText) === true);

    const phone = optional(cells, 'phone');
    timeIndex.push(timeCells.length - 1);
    registrations.push({
      key: '', // set in finish(), with the time
      id: '',
      firstName,
      lastName,
      email,
      phone: phone === null ? null : phone.trim() || null,
      organisation,
      role: optional(cells, 'role'),
      submittedAt: null,
      submittedAtText,
      attendance,
      needsRoom: yesNo(cells, 'needsRoom'),
      extraNight: yesNo(cells, 'extraNight'),
      topLeader: yesNo(cells, 'topLeader'),
      cancelled,
      dietary: optional(cells, 'dietary'),
      notes: optional(cells, 'notes'),
      source: { file: table.file, hash: table.hash, row },
      problems,
    });
  }

  function finish(): { registrations: Registration[]; blankRows: number[] } {
    const times = timeColumn === undefined ? null : parseTimestampColumn(timeCells, settings.timeZone).values;
    timeCells.length = 0;
    registrations.forEach((r, i) => {
      r.submittedAt = times?.[timeIndex[i]!] ?? null;
      // The time's problem comes last, as it did when read in one go.
      if (r.submittedAt === null) r.problems.push(r.submittedAtText ? { code: 'bad-time', args: { text: r.submittedAtText } } : { code: 'bad-time' });
      r.key = registrationKey(r);
      r.id = registrationId(r.key);
    });
    return { registrations, blankRows };
  }
  return { add, finish };
}
