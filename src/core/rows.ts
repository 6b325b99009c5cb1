// Turns a read table into registrations: one per non-blank row, with the problems found in it.
// Pure: hashing is computation, not I/O.

import * as crypto from 'node:crypto';
import type { Cell, Table, TableRow } from '../io/table.js';
import type { ColumnMapping } from './columns.js';
import { fold, interner, normaliseEmail } from './text.js';
import type { EventSettings, Field, Problem, Registration } from './types.js';
import {
  cellText, isBlankCell, isCancelledValue, isSpace, parseAttendance, parseTimestampColumn, parseYesNo, trimmed,
} from './values.js';

/** SHA-256 of a short text as hex; the one-shot crypto.hash (Node ≥ 20.12) is several times faster. */
const sha256hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** The digits of registration ids, in code-unit order (ids of equal length compare as their numbers do). */
const ID_DIGITS = '0123456789abcdefghjkmnpqrstvwxyz';
const B32 = Array.from(ID_DIGITS, (c) => c.charCodeAt(0));
/** The value of each ASCII character as a digit of ID_DIGITS; -1 for the others. */
const DIGIT_VALUE = Int8Array.from({ length: 128 }, (_, c) => ID_DIGITS.indexOf(String.fromCharCode(c)));

/** An 8-character registration id as its 40-bit number (same order as the text); NaN for any other id. */
export function idNumber(id: string): number {
  if (id.length !== 8) return NaN;
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const c = id.charCodeAt(i);
    const d = c < 128 ? DIGIT_VALUE[c]! : -1;
    if (d < 0) return NaN;
    n = n * 32 + d;
  }
  return n;
}
/** The value of a lowercase hex digit's character code ('0'–'9', 'a'–'f'). */
const hexDigit = (c: number): number => (c <= 57 ? c - 48 : c - 87);

/**
 * 8 characters of lowercase Crockford-style base32 (no i, l, o, u) of sha256 of the key: stable across imports.
 * An e-mail key (it holds an @; the others never do) is hashed as `e:` and the address, as keys were written
 * before state version 3, so that every id stays what it was.
 */
export function registrationId(key: string): string {
  // The first 40 bits of the hash, as two 20-bit halves read straight from its hex digits, 5 bits a character.
  const hex = sha256hex(key.includes('@') ? 'e:' + key : key);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 5; i++) hi = hi * 16 + hexDigit(hex.charCodeAt(i));
  for (let i = 5; i < 10; i++) lo = lo * 16 + hexDigit(hex.charCodeAt(i));
  return String.fromCharCode(
    B32[hi >> 15]!, B32[(hi >> 10) & 31]!, B32[(hi >> 5) & 31]!, B32[hi & 31]!,
    B32[lo >> 15]!, B32[(lo >> 10) & 31]!, B32[(lo >> 5) & 31]!, B32[lo & 31]!,
  );
}

/**
 * The identity of everyone with this e-mail address (case and spaces ignored): the normalised address itself,
 * so that a registration's key is most often the very text of its e-mail (one string for both, at a million).
 */
export const emailKey = (email: string): string => normaliseEmail(email);

/**
 * Identity of a registration: its normalised e-mail when there is one, otherwise `n:` and a short hash of the
 * folded name, the folded organisation and the submission time (or its text when unparsable). An e-mail always
 * holds an @ and the `n:` keys never do, so the two kinds cannot meet.
 */
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
  // The last white space (what /\s\S*$/ finds), found from the end without a regular expression (for speed).
  let space = text.length - 1;
  while (space >= 0 && !isSpace(text.charCodeAt(space))) space--;
  if (space < 0) return { firstName: text, lastName: '' };
  return { firstName: text.slice(0, space).trimEnd(), lastName: text.slice(space + 1) };
}


const ANONYMOUS = new Set(['anonymous', 'anonym', 'anonymt']);
// Per ASCII code: 0 for a letter or digit that no word of ANONYMOUS has, 1 for anything else.
const ANONYMOUS_LETTERS = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c).toLowerCase();
  return /[a-z0-9]/.test(ch) && !'anonymust'.includes(ch) ? 0 : 1;
});

/**
 * "Anonym", "anonymous" and the like, in any case or accents, typed instead of a name or an e-mail.
 * For speed, fold (which normalises Unicode) runs only when the text could fold to one of the words: an
 * ASCII letter or digit stays in the folded text, so one not in them rules it out ("Bjørn", "Kari Lid"),
 * and ASCII-only text needs an m.
 */
export function isAnonymous(text: string): boolean {
  if (text.length > 12) return false;
  let possible = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) possible = true;
    else if (ANONYMOUS_LETTERS[c] === 0) return false;
    else if (c === 109 || c === 77) possible = true;
  }
  return possible && ANONYMOUS.has(fold(text));
}

function blankRow(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i])) return false;
  return true;
}

/**
 * The problems of a registration without any: one shared empty list, frozen so that nothing can add to it
 * by mistake (most rows have no problem; a million empty arrays are worth saving). Use withProblem to add.
 */
export const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

/** `problems` with `p` added: a new list in place of NO_PROBLEMS, else the same list. */
export function withProblem(problems: Problem[], p: Problem): Problem[] {
  if (problems === NO_PROBLEMS) return [p];
  problems.push(p);
  return problems;
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

export interface RegistrationReader {
  add(row: TableRow): void;
  /** add() without the row object: the cells of spreadsheet row `row`. */
  addCells(cells: readonly Cell[], row: number): void;
  finish(): { registrations: Registration[]; blankRows: number[] };
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
): RegistrationReader {
  const col = mapping.fields;
  // Column indices resolved once (-1: the form does not ask), for the per-row work below.
  const index = (field: Field): number => col[field] ?? -1;
  const [iName, iFirst, iLast, iEmail, iPhone, iOrg, iRole] =
    [index('name'), index('firstName'), index('lastName'), index('email'), index('phone'), index('organisation'), index('role')];
  const [iTime, iAttendance, iRoom, iExtra, iTop, iCancel, iDiet, iNotes] = [index('submittedAt'), index('attendance'),
    index('needsRoom'), index('extraNight'), index('topLeader'), index('cancelled'), index('dietary'), index('notes')];
  const at = (cells: readonly Cell[], i: number): string => {
    if (i < 0) return '';
    const c = cells[i];
    return trimmed(typeof c === 'string' ? c : cellText(c));
  };
  const yesNo = (cells: readonly Cell[], i: number): boolean | null => parseYesNo(at(cells, i));
  const [names, organisations, roles, diets] = [interner(), interner(), interner(), interner()];
  const optional = (cells: readonly Cell[], i: number, intern?: (text: string) => string): string | null => {
    const text = at(cells, i);
    return text === '' ? null : intern ? intern(text) : text;
  };

  // A yes/no answer to an attendance question: yes means digital when the question asks about digital only.
  const attendanceHeader = iAttendance < 0 ? '' : fold(table.headers[iAttendance] ?? '');
  const yesMeansDigital = /\bdigital/.test(attendanceHeader) && !/\b(fysisk|oppmote|in person)/.test(attendanceHeader);
  // A yes in an Avmeld-like column cancels; a status column needs a cancelling word. A form may have both.
  const cancelColumns = (iCancel < 0 ? [] : [iCancel, ...mapping.alsoCancelled])
    .map((i) => ({ i, yesCancels: !/\bstatus\b/.test(fold(table.headers[i] ?? '')) }));
  const cancelledIn = (cells: readonly Cell[]): boolean => {
    for (const { i, yesCancels } of cancelColumns) {
      const text = at(cells, i);
      if (isCancelledValue(text) || (yesCancels && parseYesNo(text) === true)) return true;
    }
    return false;
  };

  const registrations: Registration[] = [];
  const blankRows: number[] = [];
  const { file, hash } = table;

  function addCells(cells: readonly Cell[], row: number): void {
    if (blankRow(cells)) {
      blankRows.push(row);
      return;
    }
    let problems = NO_PROBLEMS;

    let firstName = '';
    let lastName = '';
    if (iFirst >= 0 || iLast >= 0) {
      firstName = at(cells, iFirst);
      lastName = at(cells, iLast);
    }
    if (firstName === '' && lastName === '' && iName >= 0) {
      const full = at(cells, iName);
      if (!isAnonymous(full)) ({ firstName, lastName } = splitName(full));
    }
    if (firstName === '' && lastName === '') problems = withProblem(problems, { code: 'no-name' });

    let email: string | null = at(cells, iEmail);
    if (email === '' || isAnonymous(email)) email = null;
    else if (!email.includes('@')) {
      problems = withProblem(problems, { code: 'bad-email', args: { text: email } });
      email = null;
    }

    const organisation = at(cells, iOrg);
    if (organisation === '') problems = withProblem(problems, { code: 'no-organisation' });

    const attendanceText = at(cells, iAttendance);
    let attendance = parseAttendance(attendanceText);
    if (attendance === null && attendanceText !== '') {
      const yes = parseYesNo(attendanceText);
      if (yes !== null) attendance = yes === yesMeansDigital ? 'digital' : 'in-person';
    }

    const cancelled = cancelledIn(cells);

    registrations.push({
      key: '', // set in finish(), with the time
      id: '',
      firstName: names(firstName),
      lastName: names(lastName),
      email,
      phone: optional(cells, iPhone),
      organisation: organisations(organisation),
      role: optional(cells, iRole, roles),
      submittedAt: null,
      submittedAtText: at(cells, iTime),
      attendance,
      needsRoom: yesNo(cells, iRoom),
      extraNight: yesNo(cells, iExtra),
      // SPEC 2: the role counts only when the form has no forum question; with one, only a yes is a top leader.
      topLeader: iTop < 0 ? null : yesNo(cells, iTop) === true,
      cancelled,
      dietary: optional(cells, iDiet, diets),
      notes: optional(cells, iNotes),
      source: { file, hash, row },
      problems,
    });
  }

  function finish(): { registrations: Registration[]; blankRows: number[] } {
    // The time column is read from each registration's submittedAtText: the text of its cell, trimmed, which
    // reads as the cell does (a number as its serial, an Excel date as its wall clock), without a column of
    // cells kept aside while reading. Blank rows are left out: blank cells play no part in the day/month order.
    let times: (string | null)[] | null = null;
    if (iTime >= 0) {
      const texts = new Array<string>(registrations.length);
      for (let i = 0; i < registrations.length; i++) texts[i] = registrations[i]!.submittedAtText;
      times = parseTimestampColumn(texts, settings.timeZone).values;
    }
    for (let i = 0; i < registrations.length; i++) {
      const r = registrations[i]!;
      const time = times === null ? null : times[i] ?? null;
      r.submittedAt = time;
      // The time's problem comes last, as it did when read in one go.
      if (time === null) r.problems = withProblem(r.problems, r.submittedAtText ? { code: 'bad-time', args: { text: r.submittedAtText } } : { code: 'bad-time' });
      r.key = registrationKey(r);
      r.id = registrationId(r.key);
    }
    return { registrations, blankRows };
  }
  return { add: (r) => addCells(r.cells, r.row), addCells, finish };
}
