// Text folding shared by header mapping, municipality matching and duplicate detection.
// Pure functions, no I/O.

const LETTER_MAP: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'a',
  ä: 'a',
  ö: 'o',
  ü: 'u',
  ß: 'ss',
  đ: 'd',
  ŋ: 'n',
  ŧ: 't',
  š: 's',
  ž: 'z',
  č: 'c',
};

/**
 * Lower-case, strip accents, fold æ/ø/å to ASCII (ø → o, å → a, æ → ae), turn every run of
 * punctuation or white space into one space and trim. `"  Ålesund  Kommune "` → `"alesund kommune"`.
 */
export function fold(text: string): string {
  let s = text.toLowerCase();
  // Letters and accents need work only outside ASCII (Unicode normalisation is the costly part).
  if (!isAscii(s)) {
    s = s.replace(/[æøåäöüßđŋŧšžč]/g, (c) => LETTER_MAP[c] ?? c);
    s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  s = s.replace(/[^a-z0-9]+/g, ' ');
  return s.trim();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** Same as fold, but also maps the old double-letter spellings: aa → a, oe → o, ae stays. */
export function foldLoose(text: string): string {
  return fold(text).replace(/aa/g, 'a').replace(/oe/g, 'o');
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Normalised e-mail for identity: trimmed, inner spaces removed, lower case. */
export function normaliseEmail(email: string): string {
  // Most addresses are already lower-case ASCII without spaces: returned as they are, without two new strings.
  for (let i = 0; i < email.length; i++) {
    const c = email.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 65 && c <= 90)) return email.replace(/\s+/g, '').toLowerCase();
  }
  return email;
}

/**
 * Caches a text → answer function (bounded: cleared at `limit` texts): answer columns, organisations, roles and
 * the like hold few distinct values, and folding or testing each again is not free.
 */
export function memo<T>(fn: (text: string) => T, limit = 10_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      if (cache.size >= limit) cache.clear();
      v = fn(text);
      cache.set(text, v);
    }
    return v as T;
  };
}

/**
 * Returns the one copy kept of each text (up to `limit` different ones): a column whose answers repeat across
 * a million rows (municipality, role, diet, first names) then holds each answer once instead of a million times.
 */
export function interner(limit = 20_000): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    const k = kept.get(text);
    if (k !== undefined) return k;
    if (kept.size < limit) kept.set(text, text);
    return text;
  };
}
