// Cell values of a registration sheet: yes/no answers, attendance, cancellation and submission times.
// Pure functions, no I/O and no clock.

import { tzOffset } from '@date-fns/tz';
import type { Cell } from '../io/table.js';
import { fold, memo } from './text.js';
import { digitsAt, validDateTime } from './dates.js';

/** The text a cell shows: strings as they are, numbers in plain notation, Excel dates as their wall clock. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return cell.wallClock;
}

/** True for the characters String.prototype.trim removes (those /\s/ matches: white space and line breaks, Unicode's too). */
export const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 160 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/** text.trim(), called only when an end is white space: most cells have none (a million rows, a dozen cells each). */
export function trimmed(text: string): string {
  const n = text.length;
  return n === 0 || (!isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(n - 1))) ? text : text.trim();
}

/** True when a cell holds nothing but white space (looked at up to its first other character). */
export function isBlankCell(cell: Cell | undefined): boolean {
  if (cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  for (let i = 0; i < cell.length; i++) if (!isSpace(cell.charCodeAt(i))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Yes/no, attendance, cancellation

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'sant']);
const NO = new Set(['nei', 'n', 'no', '0', 'false', 'usant', 'ikkje', 'ikke', 'not', 'ingen', 'none']);

/** `fn` for a text that is not blank, `blank` for '' without a look in its cache (optional answers are often blank). */
const unlessBlank = <T>(blank: T, fn: (text: string) => T) => (text: string): T => (text === '' ? blank : fn(text));

/**
 * A yes/no answer: `ja nei yes no j n x 1 0 true false` (any case), judged by the first word so that
 * "Ja, takk", "Nei takk" and "Yes please" count. Blank or anything else → null.
 */
export const parseYesNo: (text: string) => boolean | null = unlessBlank(null, memo((text) => {
  const f = fold(text);
  if (f === '') return null;
  const space = f.indexOf(' ');
  const first = space < 0 ? f : f.slice(0, space);
  if (YES.has(first)) return true;
  if (NO.has(first)) return false;
  return null;
}));

const IN_PERSON =
  /\b(fysisk\w*|oppmote|in person|physical\w*|on ?site|alesund|begge|both|salen|til ?stades?|til ?stede)\b/;
const NOT_IN_PERSON = /\b(ikkje|ikke|not) (fysisk\w*|in person|oppmote)\b/g;
const DIGITAL = /\b(digital\w*|online|webinar\w*|nett|remote\w*|teams|zoom|stream\w*)\b/;

/**
 * An attendance answer: digital when it mentions digital and not in person ("Digitalt", "Digital
 * deltaking"); in person for "Fysisk", "Fysisk oppmøte", "I Ålesund", "Begge", "Fysisk og digitalt".
 * Blank, a bare yes/no or anything else → null (the caller decides from the question).
 */
export const parseAttendance: (text: string) => 'in-person' | 'digital' | null = unlessBlank(null, memo((text) => {
  const f = fold(text);
  if (f === '') return null;
  if (IN_PERSON.test(f.replace(NOT_IN_PERSON, ''))) return 'in-person';
  if (DIGITAL.test(f)) return 'digital';
  return null;
}));

const CANCELLED =
  /\b(avmeldt|avmeld|avmelde|avmelding|avmeldte|trekt|trukket|trekk|cancell?ed|cancel|withdrawn|kansellert)\b/;
const NEGATION = /\b(ikkje|ikke|not|ingen)\b/;

/** A status value that says the registration is withdrawn: avmeldt, avmeld, trekt, trukket, cancelled, withdrawn. */
export const isCancelledValue: (text: string) => boolean = unlessBlank(false, memo((text) => {
  const f = fold(text);
  return f !== '' && CANCELLED.test(f) && !NEGATION.test(f);
}));

// ---------------------------------------------------------------------------------------------
// Timestamps

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** A real date and time of years 1000–9999 (as written with four digits). */
function validWall(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return y >= 1000 && y <= 9999 && validDateTime(y, mo, d, h, mi, s);
}

const offsetTexts = new Map<number, string>();
/** `+02:00` for 120 minutes. */
function offsetText(minutes: number): string {
  let text = offsetTexts.get(minutes);
  if (text === undefined) offsetTexts.set(minutes, (text = formatOffset(minutes)));
  return text;
}
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

// Offsets are cached per zone and local (or UTC) hour: a million rows call Intl only once per hour seen, and
// (see dayOffset) mostly only twice per local day. The local cache holds the finished text around the minutes:
// `2021-09-15T23:` and `+02:00`.
type LocalHour = { head: string; offset: string } | null;
const localHourCache = new Map<string, Map<number, LocalHour>>();
const localDayCache = new Map<string, Map<number, number>>();
const utcHourCache = new Map<string, Map<number, number>>();
const CACHE_LIMIT = 200_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function cacheFor<T>(caches: Map<string, Map<number, T>>, timeZone: string): Map<number, T> {
  let cache = caches.get(timeZone);
  if (!cache) caches.set(timeZone, (cache = new Map()));
  else if (cache.size >= CACHE_LIMIT) cache.clear();
  return cache;
}

/**
 * The UTC offset (minutes) of a local wall-clock hour in `timeZone`, not cached (localHour caches it; the tests
 * compare the caches with this).
 * DST: a wall clock in the autumn overlap (02:00–02:59 on the last Sunday of October in Europe/Oslo)
 * happened twice; it takes the first, summer offset (+02:00). A wall clock in the spring gap
 * (02:00–02:59 on the last Sunday of March), which never happened, keeps the winter offset (+01:00),
 * i.e. the same instant as 03:xx+02:00. Zones whose changes are not on the hour are not handled exactly.
 */
export function wallClockOffset(timeZone: string, y: number, mo: number, d: number, h: number): number {
  const wall = Date.UTC(y, mo - 1, d, h);
  const before = tzOffset(timeZone, new Date(wall - DAY));
  const after = tzOffset(timeZone, new Date(wall + DAY));
  if (tzOffset(timeZone, new Date(wall - before * 60_000)) === before) return before;
  return tzOffset(timeZone, new Date(wall - after * 60_000)) === after ? after : before;
}

/**
 * The offset wallClockOffset gives every hour of a local day, when it is the same for all of them; NaN for a
 * day near an offset change (its hours are then worked out one by one). For speed: two calls of Intl a day
 * instead of three or four an hour.
 *
 * For the hours of the day, wallClockOffset asks the offset at `wall - 1 day` (the first, `before`), from
 * 24 hours before midnight to 1 hour before it, and at `wall - before`, up to 23:00 minus `before`, and
 * answers `before` when the two agree. So when the offset is the same at both ends of that span (at most
 * 71 hours) and does not change in between, every hour gets it. The ends are checked here; a change in
 * between would have to be undone within the span, and no zone does that: in Intl's tz database no zone's
 * offset changes twice within a week (every zone, 1900–2100, looked at every 3 hours).
 */
function dayOffset(timeZone: string, y: number, mo: number, d: number): number {
  const cache = cacheFor(localDayCache, timeZone);
  const key = (y * 16 + mo) * 32 + d;
  let offset = cache.get(key);
  if (offset === undefined) {
    const midnight = Date.UTC(y, mo - 1, d);
    const first = tzOffset(timeZone, new Date(midnight - DAY));
    const last = tzOffset(timeZone, new Date(midnight + 23 * HOUR - first * 60_000));
    offset = first === last ? first : NaN;
    cache.set(key, offset);
  }
  return offset;
}

function utcOffset(timeZone: string, ms: number): number {
  const cache = cacheFor(utcHourCache, timeZone);
  const hour = Math.floor(ms / HOUR);
  let offset = cache.get(hour);
  if (offset === undefined) cache.set(hour, (offset = tzOffset(timeZone, new Date(hour * HOUR))));
  return offset;
}

const TWO = Array.from({ length: 60 }, (_, i) => pad2(i));
/** `mm:ss` for minute * 60 + second: one piece to add to the hour's text instead of three. */
const MINUTE_SECOND = Array.from({ length: 3600 }, (_, i) => `${TWO[Math.floor(i / 60)]}:${TWO[i % 60]}`);

// The hour looked up last: a column in time order mostly stays in the same hour (no Map lookups then).
let lastZone = '';
let lastKey = -1;
let lastHour: LocalHour = null;

/** ISO 8601 with the zone's offset for a wall-clock time, or null when it is not a real date and time. */
function zoned(timeZone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  if (!validWall(y, mo, d, h, mi, s)) return null;
  const key = ((y * 16 + mo) * 32 + d) * 24 + h;
  if (key !== lastKey || timeZone !== lastZone) {
    lastHour = localHour(timeZone, key, y, mo, d, h);
    lastZone = timeZone;
    lastKey = key;
  }
  return lastHour && flat(lastHour.head + MINUTE_SECOND[mi * 60 + s] + lastHour.offset);
}

/** The text around the minutes of a local hour (`key` = its number in zoned), from the cache or made now. */
function localHour(timeZone: string, key: number, y: number, mo: number, d: number, h: number): LocalHour {
  const cache = cacheFor(localHourCache, timeZone);
  let hour = cache.get(key);
  if (hour === undefined) {
    const day = dayOffset(timeZone, y, mo, d);
    const offset = Number.isNaN(day) ? wallClockOffset(timeZone, y, mo, d, h) : day;
    hour = Number.isNaN(offset) ? null : { head: `${pad4(y)}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:`, offset: offsetText(offset) };
    cache.set(key, hour);
  }
  return hour;
}

/**
 * The same string, made flat now: a string built with + is a chain of pieces until it is first read, and a
 * million times kept as such costs twice the memory. Reading one character flattens it in place, and the
 * garbage collector then drops the pieces. (For memory only: the value is the same.)
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** The instant given by a wall clock plus an explicit offset, written in `timeZone`. */
function fromInstant(timeZone: string, y: number, mo: number, d: number, h: number, mi: number, s: number,
  inputOffset: number): string | null {
  if (!validWall(y, mo, d, h, mi, s)) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - inputOffset * 60_000;
  const offset = utcOffset(timeZone, ms);
  if (Number.isNaN(offset)) return null;
  return flat(new Date(ms + offset * 60_000).toISOString().slice(0, 19) + offsetText(offset));
}

/** Wall clock `YYYY-MM-DDTHH:mm:ss` of an Excel serial date (days since 1899-12-30), rounded to the second. */
export function parseExcelSerial(n: number): string {
  const ms = Math.round(n * 86_400) * 1000 + Date.UTC(1899, 11, 30);
  return new Date(ms).toISOString().slice(0, 19);
}

// Serials from 1 (1900-01-01) up to the end of year 9999.
const MAX_SERIAL = 2_958_466;

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/i;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?$/i;
const SERIAL = /^\d+(?:\.\d+)?$/;

const year = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));
const num = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

function parseOffset(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
  return text[0] === '-' ? -minutes : minutes;
}

function parseSerial(n: number, timeZone: string): string | null {
  if (!(n >= 1 && n < MAX_SERIAL)) return null;
  return parseText(parseExcelSerial(n), timeZone, true);
}

const isSep = (t: string, i: number): boolean => t[i] === ':' || t[i] === '.';

/**
 * Fast path without regular expressions for the commonest fixed-width forms: `dd.MM.yyyy`,
 * `dd.MM.yyyy HH:mm[:ss]`, `dd.MM.yyyy kl. HH.mm.ss` and `yyyy-MM-dd[T ]HH:mm:ss`. undefined = not one of them.
 */
function parseFixed(t: string, timeZone: string): string | null | undefined {
  // One call of zoned at the end (and no destructuring): the optimising compiler then gets to this sooner.
  const n = t.length;
  let y: number, mo: number, d: number;
  let h = 0;
  let mi = 0;
  let s = 0;
  if (n === 19 && t[4] === '-' && t[7] === '-' && (t[10] === 'T' || t[10] === ' ') && t[13] === ':' && t[16] === ':') {
    y = digitsAt(t, 0, 4);
    mo = digitsAt(t, 5, 2);
    d = digitsAt(t, 8, 2);
    h = digitsAt(t, 11, 2);
    mi = digitsAt(t, 14, 2);
    s = digitsAt(t, 17, 2);
  } else {
    if (n < 10 || t[2] !== '.' || t[5] !== '.') return undefined;
    d = digitsAt(t, 0, 2);
    mo = digitsAt(t, 3, 2);
    y = digitsAt(t, 6, 4);
    if (n !== 10) {
      let i = 11;
      if (t[10] !== ' ') return undefined;
      if (n === 23 && t.startsWith('kl. ', 11)) i = 15;
      else if (n !== 16 && n !== 19) return undefined;
      if (!isSep(t, i + 2) || (n - i === 8 && !isSep(t, i + 5))) return undefined;
      h = digitsAt(t, i, 2);
      mi = digitsAt(t, i + 3, 2);
      if (n - i === 8) s = digitsAt(t, i + 6, 2);
    }
  }
  return zoned(timeZone, y, mo, d, h, mi, s);
}

function parseText(raw: string, timeZone: string, dayFirst: boolean): string | null {
  const text = trimmed(raw);
  if (text === '') return null;
  const fast = parseFixed(text, timeZone);
  if (fast !== undefined) return fast;
  let m = ISO.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, off] = m;
    const parts = [Number(y), Number(mo), Number(d), num(h), num(mi), num(s)] as const;
    return off ? fromInstant(timeZone, ...parts, parseOffset(off)) : zoned(timeZone, ...parts);
  }
  m = DOTTED.exec(text);
  if (m) {
    const [, d, mo, y, h, mi, s] = m;
    return zoned(timeZone, year(y!), Number(mo), Number(d), num(h), num(mi), num(s));
  }
  m = SLASH.exec(text);
  if (m) {
    const [, a, b, y, h, mi, s, ampm] = m;
    let hour = num(h);
    if (ampm) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ampm[0]!.toUpperCase() === 'P' ? 12 : 0);
    }
    const [d, mo] = dayFirst ? [Number(a), Number(b)] : [Number(b), Number(a)];
    return zoned(timeZone, year(y!), mo, d, hour, num(mi), num(s));
  }
  if (SERIAL.test(text)) return parseSerial(Number(text), timeZone);
  return null;
}

/** One cell as a submission time; slash dates are read day-first unless told otherwise. */
export function parseTimestamp(cell: Cell | undefined, timeZone: string, dayFirst = true): string | null {
  if (cell === undefined) return null;
  if (typeof cell === 'number') return parseSerial(cell, timeZone);
  if (typeof cell === 'string') return parseText(cell, timeZone, dayFirst);
  return parseText(cell.wallClock, timeZone, true);
}

/**
 * Decides the day/month order of the column's slash dates (`15/9/2021` or `9/15/21`): day-first when some
 * value's first part is over 12, month-first when some value's second part is, otherwise month-first only
 * when the column writes AM/PM (a US habit), else day-first as in Norway. null when there are no slash dates.
 */
export function slashOrder(cells: readonly Cell[]): 'day-first' | 'month-first' | null {
  let seen = false;
  let firstOver12 = false;
  let secondOver12 = false;
  let ampm = false;
  for (const cell of cells) {
    if (typeof cell !== 'string' || !cell.includes('/')) continue;
    const m = SLASH.exec(cell.trim());
    if (!m) continue;
    seen = true;
    if (Number(m[1]) > 12) firstOver12 = true;
    if (Number(m[2]) > 12) secondOver12 = true;
    if (m[7]) ampm = true;
  }
  if (!seen) return null;
  if (firstOver12) return 'day-first';
  if (secondOver12) return 'month-first';
  return ampm ? 'month-first' : 'day-first';
}

/**
 * A column of submission times as ISO 8601 with the offset of `timeZone` ("2021-09-15T23:59:59+02:00"),
 * null where a cell is blank or unparsable. Accepts ISO 8601 with or without offset (without = wall clock in
 * timeZone), `dd.MM.yyyy HH:mm[:ss]`, `dd.MM.yyyy kl. HH.mm.ss`, `dd.MM.yyyy`, `d/M/yyyy H:mm:ss`,
 * `M/d/yy H:mm[:ss]` (also with AM/PM), Excel date cells (wall clock) and Excel serial numbers.
 * Seconds are the finest unit: fractions in ISO text are dropped, serials are rounded to the second.
 */
export function parseTimestampColumn(
  cells: readonly Cell[],
  timeZone: string,
): { values: (string | null)[]; order: 'day-first' | 'month-first' | null } {
  // For speed, one pass reads the blank cells and the fixed-width forms (most columns hold nothing else);
  // the rest wait for the day/month order, which only slash dates need and these forms never are.
  const values = new Array<string | null | undefined>(cells.length);
  let rest = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    let value: string | null | undefined;
    if (typeof cell === 'string') {
      const text = trimmed(cell);
      value = text === '' ? null : parseFixed(text, timeZone);
    }
    if (value === undefined) rest = true;
    values[i] = value;
  }
  if (!rest) return { values: values as (string | null)[], order: null };
  const order = slashOrder(cells);
  const dayFirst = order !== 'month-first';
  for (let i = 0; i < cells.length; i++) if (values[i] === undefined) values[i] = parseTimestamp(cells[i], timeZone, dayFirst);
  return { values: values as (string | null)[], order };
}
