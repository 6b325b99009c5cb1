// Compact storage of registrations: one JSON array per registration, in a fixed column order named
// in the state file, so the store stays small at a million rows and survives added fields.
import type { Registration } from '../core/types.js';

export const REGISTRATION_COLUMNS = [
  'key', 'id', 'firstName', 'lastName', 'email', 'phone', 'organisation', 'role', 'submittedAt', 'submittedAtText',
  'attendance', 'needsRoom', 'extraNight', 'topLeader', 'cancelled', 'dietary', 'notes', 'source', 'problems',
] as const satisfies readonly (keyof Registration)[];

export function encodeRegistration(r: Registration): unknown[] {
  return REGISTRATION_COLUMNS.map((c) => {
    if (c === 'source') return [r.source.file, r.source.hash, r.source.row];
    if (c === 'problems') return r.problems.length ? r.problems : 0;
    return r[c];
  });
}

// Text with nothing to escape (no quote, backslash, control character or surrogate) is quoted as it is:
// most names and answers, without a call to JSON.stringify each.
const PLAIN = /^[^"\\\x00-\x1f\ud800-\udfff]*$/;
const json = (v: unknown): string =>
  typeof v === 'string' ? (PLAIN.test(v) ? `"${v}"` : JSON.stringify(v))
    : v === null || v === undefined ? 'null' : typeof v === 'boolean' ? (v ? 'true' : 'false') : JSON.stringify(v);

/**
 * `JSON.stringify(encodeRegistration(r))`, the same text written field by field: saving a million rows
 * then makes no array per row and no generic walk over it (for speed).
 */
export function encodeRegistrationJson(r: Registration): string {
  const s = r.source;
  return `[${json(r.key)},${json(r.id)},${json(r.firstName)},${json(r.lastName)},${json(r.email)},${json(r.phone)},${
    json(r.organisation)},${json(r.role)},${json(r.submittedAt)},${json(r.submittedAtText)},${json(r.attendance)},${
    json(r.needsRoom)},${json(r.extraNight)},${json(r.topLeader)},${json(r.cancelled)},${json(r.dietary)},${json(r.notes)},[${
    json(s.file)},${json(s.hash)},${json(s.row)}],${r.problems.length ? JSON.stringify(r.problems) : '0'}]`;
}

export function decodeRegistration(row: unknown[], columns: readonly string[]): Registration {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) o[columns[i]!] = row[i];
  const [file, hash, rowNo] = o.source as [string, string, number];
  o.source = { file, hash, row: rowNo };
  o.problems = Array.isArray(o.problems) ? o.problems : [];
  return o as unknown as Registration;
}
