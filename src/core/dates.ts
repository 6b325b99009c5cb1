// Calendar dates as `YYYY-MM-DD` strings. Pure: no clock.

const dayCache = new Map<string, string>();

/** `YYYY-MM-DD` plus `days`, as `YYYY-MM-DD` (calendar arithmetic in UTC, no clock). */
export function addDays(date: string, days: number): string {
  const key = `${date}${days}`;
  let out = dayCache.get(key);
  if (out === undefined) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    out = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    if (dayCache.size < 10_000) dayCache.set(key, out);
  }
  return out;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y` in the Gregorian calendar. */
function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m]!;
}

/** True when the date and time exist: month, day of the month, hour, minute and second in range (any year). */
export function validDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
}

/**
 * The `n` digits at `i` of `text` as a number, or -1000 when not all are digits: outside every range
 * validDateTime checks, and outside any year a caller accepts (validDateTime takes any year: the caller checks it).
 */
export function digitsAt(text: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1000;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
 * Years 0–99 are 1900–1999, as Date.UTC takes them.
 */
export function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = (year <= 99 ? year + 1900 : year) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}
