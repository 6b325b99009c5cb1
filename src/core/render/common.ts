// Small helpers shared by the renderers. Pure.
import { fold } from '../text.js';
import { addDays } from './i18n.js';
import type { PlannedRegistration } from '../types.js';

/** Norwegian collation for small lists (created once: creating one per comparison is slow). */
export const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

const NORDIC: Record<string, string> = { æ: '{', ø: '|', å: '}' };
const sortKeys = new Map<string, string>();

/**
 * A key that sorts text in Norwegian order with plain `<`: case and accents ignored, æ ø å after z.
 * Much faster than Intl.Collator on large lists; keys are cached (names repeat).
 */
export function sortKey(s: string): string {
  let k = sortKeys.get(s);
  if (k === undefined) {
    k = s
      .toLowerCase()
      .replace(/[æøå]/g, (c) => NORDIC[c]!)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    if (sortKeys.size < 200_000) sortKeys.set(s, k);
  }
  return k;
}

/** Sorts `items` by the keys `key` gives (compared in order), computing them once per item. */
export function sortBy<T>(items: T[], key: (x: T) => (string | number)[]): T[] {
  const decorated = items.map((x) => ({ x, k: key(x) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) {
      const p = a.k[i]!;
      const q = b.k[i]!;
      if (p !== q) return p < q ? -1 : 1;
    }
    return 0;
  });
  return decorated.map((d) => d.x);
}

/** The municipality's name when matched, otherwise the organisation as typed. */
export const organisationOf = (r: PlannedRegistration): string => r.municipality?.name ?? r.organisation;

export const fullName = (r: { firstName: string; lastName: string }): string =>
  [r.firstName, r.lastName].filter(Boolean).join(' ');

/** A Norwegian phone number without `+47`/`0047` ("+47 400 00 001" → "400 00 001"); others unchanged. */
export function localPhone(phone: string): string {
  const m = /^\s*(?:\+|00)\s*47[\s.-]*(.*)$/.exec(phone);
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
