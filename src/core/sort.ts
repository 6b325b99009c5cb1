// Norwegian alphabetical order without the cost of a collator call per comparison: every value becomes a
// key once, and keys compare with plain `<`. Used by the rules and every renderer.

const LAST: Record<string, string> = { æ: '{', ä: '{', ø: '|', ö: '|', å: '}' };
const NORDIC = /[æäøöå]/;
const NORDIC_ALL = /[æäøöå]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const DIGIT = /\d/;
const cache = new Map<string, string>();

/**
 * A key whose code-unit order is Norwegian alphabetical order: case and accents ignored, æ ø å after z,
 * numbers by value. Keys are cached (names and municipalities repeat).
 */
export function sortKey(s: string): string {
  let k = cache.get(s);
  if (k !== undefined) return k;
  k = s.toLowerCase();
  if (NORDIC.test(k)) k = k.replace(NORDIC_ALL, (c) => LAST[c]!);
  if (NON_ASCII.test(k)) k = k.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (DIGIT.test(k)) k = k.replace(/\d+/g, (d) => d.padStart(12, '0'));
  if (cache.size >= 200_000) cache.clear();
  cache.set(s, k);
  return k;
}

/** Sorts by the keys `key` gives, compared in order; ties keep input order. */
export function sortBy<T>(items: T[], key: (x: T) => (string | number)[]): T[] {
  const decorated = items.map((x, i) => ({ x, i, k: key(x) }));
  decorated.sort((a, b) => {
    for (let n = 0; n < a.k.length; n++) {
      const p = a.k[n]!;
      const q = b.k[n]!;
      if (p !== q) return p < q ? -1 : 1;
    }
    return a.i - b.i;
  });
  return decorated.map((d) => d.x);
}
