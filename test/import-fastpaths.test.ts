// The import's fast paths give exactly what the plain code they replace gives (issue 5): ids are stored in
// workspaces, and folding decides identity and municipality matching, so a difference would split or merge
// people. Each property compares the fast function with the plain one, on text chosen to reach both paths.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentOf, mergeRegistrations, sameContent, type MergeState } from '../src/core/merge.js';
import { isAnonymous, NO_PROBLEMS, registrationId, splitName, toRegistrations } from '../src/core/rows.js';
import { fold, normaliseEmail } from '../src/core/text.js';
import { mapColumns } from '../src/core/columns.js';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import type { Registration } from '../src/core/types.js';
import { registration } from './helpers/registrations.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`import-fastpaths: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);
const params = { seed: SEED, numRuns: 2000 };

// The plain versions, as they were before the fast paths.
const LETTER_MAP: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', ü: 'u', ß: 'ss', đ: 'd', ŋ: 'n', ŧ: 't', š: 's', ž: 'z', č: 'c' };
function plainFold(text: string): string {
  let s = text.toLowerCase();
  s = s.replace(/[æøåäöüßđŋŧšžč]/g, (c) => LETTER_MAP[c] ?? c);
  s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}
const plainEmail = (email: string) => email.replace(/\s+/g, '').toLowerCase();
const ANONYMOUS = new Set(['anonymous', 'anonym', 'anonymt']);
const plainAnonymous = (text: string) => text.length <= 12 && ANONYMOUS.has(plainFold(text));
function plainId(key: string): string {
  const bits = parseInt(createHash('sha256').update(key).digest('hex').slice(0, 10), 16);
  let id = '';
  for (let i = 7; i >= 0; i--) id += '0123456789abcdefghjkmnpqrstvwxyz'[Math.floor(bits / 2 ** (i * 5)) % 32];
  return id;
}

// Text near the interesting cases: "anonym" in any case, with accents, spaces, punctuation, lookalikes.
const pieces = ['a', 'A', 'n', 'N', 'o', 'O', 'ñ', 'Ó', 'ö', 'y', 'Y', 'ý', 'm', 'M', 'ḿ', 't', 'u', 's', ' ', '.', '-', '\t',
  '\u00a0', 'Å', 'æ', 'ø', 'ß', 'İ', 'K', 'e\u0301', '@', 'x', '1', 'é', '\u3000', 'Ω', 'K'];
const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom(...pieces), maxLength: 14 }),
  fc.constantFrom('Anonym', 'ANONYMT', ' anonymous ', 'Ánonym', 'anonym.', 'a n o n y m', 'anonyme', 'Änönym', 'anoNYM', 'anonyḿ', 'ANONYḾT'),
  fc.string({ unit: 'grapheme', maxLength: 14 }),
  fc.string({ maxLength: 14 }),
);

describe('fast paths of the import equal the plain code', () => {
  it('fold: ASCII text skips the Unicode work and folds the same', () => {
    fc.assert(fc.property(tricky, (t) => fold(t) === plainFold(t)), params);
    expect(fold('  Ålesund  Kommune ')).toBe('alesund kommune');
    expect(fold('Kelvin K')).toBe(plainFold('Kelvin K')); // the Kelvin sign lower-cases to ASCII
  });

  it('isAnonymous: the check before fold never changes the answer', () => {
    fc.assert(fc.property(tricky, (t) => isAnonymous(t) === plainAnonymous(t)), params);
    for (const t of ['Anonym', 'ANONYMT', 'anonymous', 'Ánonym', 'anonym.', 'anonyḿ']) expect(isAnonymous(t)).toBe(true);
    for (const t of ['Anna Nymoen', 'anonyme', 'kari@example.org']) expect(isAnonymous(t)).toBe(false);
  });

  it('normaliseEmail: addresses already normal are returned as they are, others as before', () => {
    const email = fc.oneof(tricky, fc.emailAddress(), fc.emailAddress().map((e) => ` ${e.toUpperCase()}\t`));
    fc.assert(fc.property(email, (e) => normaliseEmail(e) === plainEmail(e)), params);
  });

  it('splitName: the last white space found from the end is the one the regular expression found', () => {
    function plainSplit(full: string) {
      const text = full.trim();
      const comma = text.indexOf(',');
      if (comma > 0 && comma === text.lastIndexOf(',')) return { firstName: text.slice(comma + 1).trim(), lastName: text.slice(0, comma).trim() };
      const space = text.search(/\s\S*$/);
      if (space < 0) return { firstName: text, lastName: '' };
      return { firstName: text.slice(0, space).trimEnd(), lastName: text.slice(space + 1) };
    }
    // Every character of the Basic Multilingual Plane between two words: white space splits, nothing else does.
    for (let c = 0; c < 0x10000; c++) {
      const full = `Kari${String.fromCharCode(c)}Nordmann`;
      expect(splitName(full), `U+${c.toString(16)}`).toEqual(plainSplit(full));
    }
    fc.assert(fc.property(tricky, (t) => JSON.stringify(splitName(t)) === JSON.stringify(plainSplit(t))), params);
    expect(splitName('Kari  Anne\u00a0Nordmann')).toEqual({ firstName: 'Kari  Anne', lastName: 'Nordmann' });
  });

  it('registrationId: the id read from the hex digits is the one stored workspaces hold', () => {
    // An e-mail key is hashed with the `e:` keys had before state version 3.
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (k) => registrationId(k) === plainId(k.includes('@') ? `e:${k}` : k)), params);
    expect(registrationId('kari@example.org')).toBe(plainId('e:kari@example.org'));
  });
});

describe('merge fast paths', () => {
  const reg = (i: number, over: Partial<Registration> = {}) => registration(`p${i}`, over);

  it('sameContent answers as comparing the serialised content does', () => {
    const value = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.constantFrom('Kari', 'kari', '', '1'),
      fc.constantFrom(1, 0, NaN), fc.constant(['x']));
    const field = fc.constantFrom('firstName', 'email', 'needsRoom', 'notes', 'submittedAt', 'extra');
    const change = fc.array(fc.tuple(field, value), { maxLength: 3 });
    fc.assert(fc.property(change, change, fc.boolean(), (ca, cb, reorder) => {
      const a = reg(1, { source: { file: 'a.csv', hash: 'h', row: 2 } });
      let b = reg(1, { source: { file: 'b.csv', hash: 'h2', row: 7 }, problems: [{ code: 'no-name' }] });
      for (const [f, v] of ca) (a as unknown as Record<string, unknown>)[f] = v;
      for (const [f, v] of cb) (b as unknown as Record<string, unknown>)[f] = v;
      if (reorder) { const { key, ...rest } = b; b = { ...rest, key }; }
      return sameContent(a, b) === (contentOf(a) === contentOf(b));
    }), params);
  });

  it('a first import gives what the same import into a workspace with someone else in it gives', () => {
    // Few keys and times: duplicates within the import, ties and later submissions are common.
    const one = fc.record({ who: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 3 }), room: fc.boolean() });
    fc.assert(fc.property(fc.array(one, { maxLength: 12 }), (rows) => {
      // Ids from a pool smaller than the people: clashes, which give the newcomer another id, are common too.
      const incoming = () => rows.map((r, i) => reg(r.who, {
        id: `c${r.who % 3}`, submittedAt: `2021-09-0${r.day}T10:00:00+02:00`, needsRoom: r.room, source: { file: 'a.csv', hash: 'h', row: i + 2 },
      }));
      const other = reg(99);
      const fresh = mergeRegistrations({ current: new Map(), history: [] }, incoming());
      const withOther: MergeState = { current: new Map([[other.key, other]]), history: [] };
      const general = mergeRegistrations(withOther, incoming());
      expect(fresh.counts).toEqual(general.counts);
      expect([...fresh.state.current]).toEqual([...general.state.current].filter(([k]) => k !== other.key));
      expect(fresh.state.history).toEqual(general.state.history);
      expect(new Set([...fresh.state.current.values()].map((r) => r.id)).size).toBe(fresh.state.current.size);
    }), { seed: SEED, numRuns: 300 });
  });

  it('a first import whose ids are all different keeps them without claiming; a clash still gives another id', () => {
    // Ids of the usual form (8 base32 digits), now and then one that is not: all different, or a clash.
    const idPool = ['00000000', '00000001', '10000000', 'zzzzzzzz', 'abcdefgh', 'c0', 'ABCDEFGH', 'abcdefgi'];
    const one = fc.record({ who: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 3 }) });
    fc.assert(fc.property(fc.array(one, { maxLength: 12 }), fc.array(fc.constantFrom(...idPool), { minLength: 6, maxLength: 6 }), (rows, ids) => {
      const incoming = () => rows.map((r, i) => reg(r.who, {
        id: ids[r.who]!, submittedAt: `2021-09-0${r.day}T10:00:00+02:00`, source: { file: 'a.csv', hash: 'h', row: i + 2 },
      }));
      const other = reg(99);
      const fresh = mergeRegistrations({ current: new Map(), history: [] }, incoming());
      const general = mergeRegistrations({ current: new Map([[other.key, other]]), history: [] }, incoming());
      expect(fresh.counts).toEqual(general.counts);
      expect([...fresh.state.current]).toEqual([...general.state.current].filter(([k]) => k !== other.key));
      expect(fresh.state.history).toEqual(general.state.history);
      const kept = [...fresh.state.current.values()].map((r) => r.id);
      expect(new Set(kept).size).toBe(kept.length);
    }), { seed: SEED, numRuns: 1000 });
  });
});

/** The registrations of a sheet whose first row is `headers` (row 1), mapped as samling maps it. */
const read = (headers: string[], rows: string[][]) =>
  toRegistrations({ file: 'a.csv', hash: 'h', headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })), encoding: 'utf-8', delimiter: ',' },
    mapColumns(headers, rows, {}), DEFAULT_EVENT);

/** A Google Forms sheet's columns, in Nynorsk. */
const HEADERS = ['Tidsmerke', 'E-postadresse', 'Namn', 'Kommune'];

describe('problems of a registration', () => {
  const rows = [
    ['01.09.2021 kl. 09.12.44', 'kari@example.org', 'Kari Nordmann', 'Ørsta'],
    ['02.09.2021 kl. 09.12.44', 'per@example.org', 'Per Dal', 'Volda'],
    ['i går', '', '', ''],
  ];
  const { registrations } = read(HEADERS, rows);

  it('rows without a problem share one empty list that cannot be added to by mistake', () => {
    expect(registrations[0]!.problems).toEqual([]);
    expect(registrations[0]!.problems).toBe(NO_PROBLEMS);
    expect(() => registrations[0]!.problems.push({ code: 'no-name' })).toThrow(TypeError);
    expect(registrations[1]!.problems).toEqual([]);
  });

  it('a row with problems has its own list, with the time problem found at the end last', () => {
    expect(registrations[2]!.problems).toEqual([{ code: 'no-name' }, { code: 'no-organisation' }, { code: 'bad-time', args: { text: 'i går' } }]);
    expect(registrations[2]!.problems).not.toBe(NO_PROBLEMS);
  });
});

describe('times line up with their rows when blank rows come between', () => {
  it('each registration gets the time of its own row, and blank rows are reported by number', () => {
    const rows = [
      ['9/13/2021 10:00:00', 'kari@example.org', 'Kari Nordmann', 'Ørsta'],
      ['  ', '', ' ', ''],
      ['9/14/2021 11:30:00', 'per@example.org', 'Per Dal', 'Volda'],
      ['', '', '', ''],
      ['9/15/2021 12:45:00', 'ola@example.org', 'Ola Vik', 'Molde'],
    ];
    const { registrations, blankRows } = read(HEADERS, rows);
    expect(blankRows).toEqual([3, 5]);
    // Month first: 13, 14 and 15 can only be days.
    expect(registrations.map((r) => [r.source.row, r.submittedAt])).toEqual([
      [2, '2021-09-13T10:00:00+02:00'], [4, '2021-09-14T11:30:00+02:00'], [6, '2021-09-15T12:45:00+02:00'],
    ]);
  });
});
