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

export function decodeRegistration(row: unknown[], columns: readonly string[]): Registration {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) o[columns[i]!] = row[i];
  const [file, hash, rowNo] = o.source as [string, string, number];
  o.source = { file, hash, row: rowNo };
  o.problems = Array.isArray(o.problems) ? o.problems : [];
  return o as unknown as Registration;
}
