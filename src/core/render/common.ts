// Small helpers shared by the renderers. Pure.
import { fold } from '../text.js';
import { addDays } from '../dates.js';
import type { PlannedRegistration } from '../types.js';

export { sortBy, sortKey } from '../sort.js';


/** The municipality's name when matched, otherwise the organisation as typed. */
export const organisationOf = (r: PlannedRegistration): string => r.municipality?.name ?? r.organisation;

export const fullName = (r: { firstName: string; lastName: string }): string =>
  r.firstName && r.lastName ? `${r.firstName} ${r.lastName}` : r.firstName || r.lastName; // no array per person

/** A Norwegian phone number without `+47`/`0047` ("+47 400 00 001" → "400 00 001"); others unchanged. */
export function localPhone(phone: string): string {
  const m = /^\s*\(?(?:\+|00)\s*47\)?[\s.-]*(.*)$/.exec(phone);
  return m && m[1]!.replace(/\D/g, '').length === 8 ? m[1]!.trim() : phone;
}

/** File-name part: folded to ASCII, words joined by dashes ('Scandic Parken' → 'scandic-parken'). */
export function slug(name: string, fallback = 'hotel'): string {
  return fold(name).replace(/ /g, '-') || fallback;
}

/** Consecutive runs of check-in dates: ['2021-11-10', '2021-11-11'] → one run (one stay of two nights). */
export function runs(nights: string[]): string[][] {
  const sorted = nights.length > 1 ? [...nights].sort() : nights;
  const out: string[][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && addDays(last[last.length - 1]!, 1) === n) last.push(n);
    else out.push([n]);
  }
  return out;
}
