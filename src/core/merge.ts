// Merging imported rows into the workspace's registrations. Pure: state in, new state and counts out.
//
// The same e-mail is the same person; the latest submission wins whatever the import order, and the
// replaced versions go to the history. A submission changed since it was last imported (same time, new
// content: a correction in the sheet) wins too, but a version seen before never comes back, so the same
// rows imported again change nothing. Rows without an e-mail are keyed by name, organisation and time.
import { REGISTRATION_FIELDS, type Registration } from './types.js';
import { idNumber, registrationId } from './rows.js';

export interface MergeState {
  /** Current version per key. */
  current: Map<string, Registration>;
  /** Replaced or older submissions, for provenance (deduplicated by content). */
  history: Registration[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows that were an older or repeated submission of someone already present. */
  duplicates: number;
}

/** Everything that describes the submission, not where it was read from. */
export function contentOf(r: Registration): string {
  const { source: _s, problems: _p, ...rest } = r;
  return JSON.stringify(rest);
}

// The fields contentOf serialises: all but where it was read from, in the order rows.ts and the store give them.
const ALL_KEYS: readonly string[] = REGISTRATION_FIELDS;
const CONTENT_KEYS = REGISTRATION_FIELDS.filter((k): k is Exclude<typeof k, 'source' | 'problems'> => k !== 'source' && k !== 'problems');

/** True when `r` has exactly the usual fields in the usual order (for-in: own keys, nothing inherited). */
function usualKeys(r: Registration): boolean {
  let i = 0;
  for (const k in r) if (k !== ALL_KEYS[i++]) return false;
  return i === ALL_KEYS.length;
}

const simple = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean';

/**
 * `contentOf(a) === contentOf(b)`, without serialising both (a re-import of a million rows compares each
 * person once): field by field when both have the usual fields in the usual order, and their values differ
 * as text, true/false or null, whose JSON differs exactly when they do. Anything else is serialised.
 */
export function sameContent(a: Registration, b: Registration): boolean {
  if (!usualKeys(a) || !usualKeys(b)) return contentOf(a) === contentOf(b);
  for (const k of CONTENT_KEYS) {
    const x = a[k];
    const y = b[k];
    if (x !== y) return simple(x) && simple(y) ? false : contentOf(a) === contentOf(b);
  }
  return true;
}

function instant(r: Registration): number {
  return r.submittedAt ? Date.parse(r.submittedAt) : -Infinity;
}

/**
 * True when `a`, read after `b`, replaces it as the version of the same person: a later submission, or the
 * same submission read again later (a correction made in the sheet, a newer export of the same form).
 */
function replaces(a: Registration, b: Registration): boolean {
  return instant(a) >= instant(b);
}

export function mergeRegistrations(state: MergeState, incoming: Registration[]): { state: MergeState; counts: MergeCounts } {
  // Into an empty state (a first import), the winners below are the new state as they stand, in the same
  // order: the map is then used as it is instead of copied entry by entry (for speed).
  const fresh = state.current.size === 0;
  const current = fresh ? new Map<string, Registration>() : new Map(state.current);
  const history = [...state.history];
  // Key and content of every version in the history: built only when first needed (most imports add
  // people, and serialising a large history is the costly part of a merge).
  let historyKeys: Set<string> | null = null;
  const versionKey = (r: Registration) => r.key + '\u0000' + contentOf(r);
  const historySet = () => (historyKeys ??= new Set(state.history.map(versionKey)));
  const seen = (r: Registration) => historySet().has(versionKey(r));
  const toHistory = (r: Registration) => {
    const k = versionKey(r);
    const keys = historySet();
    if (!keys.has(k)) {
      keys.add(k);
      history.push(r);
    }
  };
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, duplicates: 0 };

  // Within this import, one winner per key; the others are merged duplicates.
  const winners = new Map<string, Registration>();
  for (const r of incoming) {
    const w = winners.get(r.key);
    if (!w) winners.set(r.key, r);
    else {
      counts.duplicates++;
      if (replaces(r, w)) {
        winners.set(r.key, r);
        toHistory(w);
      } else toHistory(r);
    }
  }
  // In a first import every key is new and comes once: when no two ids are the same either (a clash is rare),
  // each person keeps the id they have and the claims below change nothing, so they are skipped (for speed).
  if (fresh && allDifferent(winners.values(), winners.size)) {
    counts.added = winners.size;
    return { state: { current: winners, history }, counts };
  }
  // Ids are 40 bits of the key's hash: a clash is rare (about 1 in 3 at a million people) but must not make
  // two people one. The newcomer then gets an id from its key and a counter. claim(id, key) takes the id for
  // the key unless another key has it: the ids in use map to their key, built when first needed.
  let idsInUse: Map<string, string> | null = null;
  const claim = (id: string, key: string): boolean => {
    if (idsInUse === null) {
      idsInUse = new Map();
      for (const c of current.values()) idsInUse.set(c.id, c.key);
    }
    const owner = idsInUse.get(id);
    if (owner !== undefined && owner !== key) return false;
    idsInUse.set(id, key);
    return true;
  };
  for (const r of winners.values()) {
    const key = r.key; // (winners are keyed by it; values() makes no entry array per person)
    const old = fresh ? undefined : current.get(key);
    if (!old) {
      let id = r.id;
      for (let n = 2; !claim(id, key); n++) id = registrationId(`${key}#${n}`);
      if (id !== r.id) r.id = id;
      if (!fresh) current.set(key, r);
      counts.added++;
    } else {
      r.id = old.id; // the id the person already has (after a clash it is not the hash of the key)
      if (sameContent(old, r)) {
        counts.unchanged++;
      } else if (instant(r) > instant(old) || (instant(r) === instant(old) && !seen(r))) {
        // A later submission; or the same submission changed since (a correction made in the sheet, a newer
        // export of the same form). The same rows imported again change nothing: a version already seen
        // (now in the history) does not come back.
        current.set(key, r);
        toHistory(old);
        counts.updated++;
      } else {
        // An older submission than the one we hold: kept in the history only.
        toHistory(r);
        counts.duplicates++;
      }
    }
  }
  return { state: { current: fresh ? winners : current, history }, counts };
}

/**
 * True when no two of the registrations' ids are the same: told from their 40-bit numbers (idNumber),
 * sorted, rather than with a Set of as many strings (faster, and less memory at a million).
 * False also when an id is not of that form.
 */
function allDifferent(list: Iterable<Registration>, count: number): boolean {
  const values = new Float64Array(count);
  let n = 0;
  for (const { id } of list) {
    const v = idNumber(id);
    if (Number.isNaN(v)) return false;
    values[n++] = v;
  }
  values.sort();
  for (let i = 1; i < n; i++) if (values[i] === values[i - 1]) return false;
  return true;
}
