// Small helpers shared by the renderers. Pure.
import { fold } from '../text.js';
import { addDays } from '../dates.js';
import type { Plan, PlannedRegistration } from '../types.js';

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

/** An iterable that runs `gen` afresh each time it is read: rows made as they are written, never held. */
export const lazy = <T>(gen: () => Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: gen });

// Answers that mean "no need": "Nei", "Ingen", "-", "Ingen allergiar", "None", "n/a"…
const NO_NEED = /^(?:nei|no|ingen|ingenting|none|nothing|ikkje|ikke|nope|na|n a|x|0|nei takk|no thanks)?(?: (?:allergi\w*|allerg\w*|behov|needs?|spesielle? \w+|special \w+))?$/;

// The same few answers ("Nei", "Glutenfri") come again and again: each is folded and tested once (bounded).
const needCache = new Map<string, boolean>();

/** A dietary answer that states an actual need (not blank, "Nei", "Ingen", "-"). */
export function statesNeed(text: string | null): text is string {
  if (text === null) return false;
  let need = needCache.get(text);
  if (need === undefined) {
    need = !NO_NEED.test(fold(text));
    if (needCache.size >= 10_000) needCache.clear();
    needCache.set(text, need);
  }
  return need;
}

/** The few people each list picks out of everyone (none of them cancelled), in plan order. */
export interface Picks {
  /** Late registrations (late-registrations.csv, the report). */
  late: PlannedRegistration[];
  /** Needing attention, with a problem, or with an extra night to review (needs-attention.csv, the report). */
  attention: PlannedRegistration[];
  /** Taking part digitally (digital-participants.csv). */
  digital: PlannedRegistration[];
  /** In person, stating a dietary need (dietary.csv). */
  dietary: PlannedRegistration[];
}

const picked = new WeakMap<Plan, Picks>();

/**
 * The people the lists pick, found in one pass over everyone for all the lists of a plan (a plan is not
 * changed once made): one filter pass per list costs as much again for each, as it reads every person.
 */
export function picks(plan: Plan): Picks {
  let p = picked.get(plan);
  if (p) return p;
  p = { late: [], attention: [], digital: [], dietary: [] };
  for (const r of plan.registrations) {
    if (r.status === 'cancelled') continue;
    if (r.late) p.late.push(r);
    if (r.status === 'needs-attention' || r.problems.length > 0 || r.extraNight === 'review') p.attention.push(r);
    if (r.attendance === 'digital') p.digital.push(r);
    else if (r.attendance === 'in-person' && statesNeed(r.dietary)) p.dietary.push(r);
  }
  picked.set(plan, p);
  return p;
}
