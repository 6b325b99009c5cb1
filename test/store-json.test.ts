// The state file's registration lines: every field comes back as it was, sources are written once, and a
// workspace written by the first version (file and hash on every line) still opens.
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/io/read-lines.js';
import { encodeRegistrationJson, encodeRegistrationLines, REGISTRATION_COLUMNS, registrationDecoder, SourceIndex } from '../src/workspace/store.js';
import { emptyState, Workspace } from '../src/workspace/workspace.js';
import type { Registration } from '../src/core/types.js';
import { mapColumns } from '../src/core/columns.js';
import { toRegistrations } from '../src/core/rows.js';
import { DEFAULT_EVENT } from '../src/config/default-event.js';

const base: Registration = {
  key: 'kari@example.org', id: 'ab12cd34', firstName: 'Kari "K"', lastName: 'Nordmann\\Ås', email: 'kari@example.org',
  phone: null, organisation: 'Molde\nkommune', role: null, submittedAt: '2021-09-01T10:00:00+02:00', submittedAtText: '01.09.2021 kl. 10.00',
  attendance: 'in-person', needsRoom: true, extraNight: null, topLeader: false, cancelled: false, dietary: 'Ingen \u2028', notes: null,
  source: { file: 'svar.csv', hash: 'f'.repeat(64), row: 7 }, problems: [],
};

describe('a registration line in the state file', () => {
  it('gives back every field, whatever the text holds', () => {
    const texts = ['a"b', 'a\\b', 'tab\there', 'nul\u0000', 'line\u2028sep', 'smile \ud83d\ude00', 'Ærøskøbing', '=1+1'];
    const cases: Registration[] = [
      base,
      { ...base, problems: [{ code: 'bad-email', args: { text: 'kari at example' } }, { code: 'bad-time' }], email: null, attendance: null },
      ...texts.map((text) => ({ ...base, firstName: text, notes: text, dietary: text })),
    ];
    const sources = new SourceIndex();
    for (const r of cases) {
      const line = encodeRegistrationJson(r, sources);
      expect(line).not.toContain('\n'); // one registration per line
      expect(registrationDecoder(REGISTRATION_COLUMNS, sources.list)(JSON.parse(line))).toEqual(r);
    }
    expect(sources.list).toEqual([['svar.csv', 'f'.repeat(64)]]);
  });

  it('holds each field in the column the head names, and the reader makes the fields in that order', () => {
    // Every field a different value, so that two fields swapped anywhere would show.
    const r = { ...base, key: 'k', id: 'i', firstName: 'f', lastName: 'l', email: 'e', phone: 'p', organisation: 'o',
      role: 'r', submittedAt: 's', submittedAtText: 't', attendance: 'digital', needsRoom: true, extraNight: false,
      topLeader: null, cancelled: true, dietary: 'd', notes: 'n' } as Registration;
    const line = JSON.parse(encodeRegistrationJson(r, new SourceIndex())) as unknown[];
    REGISTRATION_COLUMNS.forEach((c, i) => {
      if (c !== 'source' && c !== 'problems') expect(line[i], c).toBe(r[c]);
    });
    const [read] = toRegistrations({ file: 'f.csv', hash: 'h', encoding: 'utf-8', delimiter: ';', headers: ['Namn', 'Kommune', 'Tidsmerke'],
      rows: [{ row: 2, cells: ['Kari Nordmann', 'Volda', '15.09.2021 10:00'] }] },
    mapColumns(['Namn', 'Kommune', 'Tidsmerke'], [], {}), DEFAULT_EVENT).registrations;
    expect(Object.keys(read!)).toEqual([...REGISTRATION_COLUMNS]);
  });

  it('names each file once, and the same content under two names as two sources', () => {
    const sources = new SourceIndex();
    const a = { file: 'a.csv', hash: '1'.repeat(64), row: 2 };
    const line = (source: Registration['source']) => JSON.parse(encodeRegistrationJson({ ...base, source }, sources));
    expect(line(a).at(-2)).toEqual([0, 2]);
    expect(line({ ...a, row: 9 }).at(-2)).toEqual([0, 9]);
    expect(line({ ...a, file: 'b.csv' }).at(-2)).toEqual([1, 2]);
    expect(sources.list).toEqual([['a.csv', '1'.repeat(64)], ['b.csv', '1'.repeat(64)]]);
  });
});

describe('registration lines encoded many at a time (the fast path of saving)', () => {
  // Text near what could go wrong: JSON escapes (quotes, backslashes, control characters, lone surrogates),
  // U+2028, non-Latin-1 letters, and pieces of the "],0,[" that separates rows inside the one array.
  const units = ['a', 'Å', '"', '\\', '\n', '\u0000', '\u001f', '\u2028', '\ud83d', '\ude00', '😀', ']', '[', ',', '0', 'ø', '\u00ff'];
  const text = fc.oneof(fc.string({ unit: fc.constantFrom(...units), maxLength: 12 }), fc.string({ maxLength: 8 }), fc.constantFrom('],0,[', 'x],0,[y', '],\n['));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const source = fc.record({ file: fc.constantFrom('a.csv', 'b.csv', '', 'ø "1".csv'), hash: fc.constantFrom('1'.repeat(64), '2'.repeat(64), ''), row: fc.nat(100_000) });
  const problem = fc.record({ code: fc.constantFrom('bad-email', 'no-name'), args: fc.option(fc.record({ text }), { nil: undefined }) }, { requiredKeys: ['code'] });
  const registrationArb: fc.Arbitrary<Registration> = fc.record({
    key: text, id: text, firstName: text, lastName: text, email: maybe(text), phone: maybe(text), organisation: text, role: maybe(text),
    submittedAt: maybe(text), submittedAtText: text, attendance: fc.constantFrom('in-person', 'digital', null), needsRoom: fc.boolean(),
    extraNight: maybe(fc.boolean()), topLeader: fc.boolean(), cancelled: fc.boolean(), dietary: maybe(text), notes: maybe(text),
    source, problems: fc.array(problem, { maxLength: 2 }),
  }) as fc.Arbitrary<Registration>;

  it('give the text of their lines one by one, joined by ",\\n", and number the files the same', () => {
    fc.assert(fc.property(fc.array(registrationArb, { maxLength: 12 }), (list) => {
      const one = new SourceIndex();
      const many = new SourceIndex();
      expect(encodeRegistrationLines(list, many)).toBe(list.map((r) => encodeRegistrationJson(r, one)).join(',\n'));
      expect(many.list).toEqual(one.list);
    }), { numRuns: 3000 });
  });

  it('a note holding the text between rows ("],0,[") does not cut its line in two', () => {
    const note = { ...base, notes: 'see [a],0,[b]' };
    const text = encodeRegistrationLines([base, note, base], new SourceIndex());
    expect(text.split('\n')).toHaveLength(3);
    expect(JSON.parse(text.split(',\n')[1]!)[16]).toBe('see [a],0,[b]');
  });

  it('number each file by the order it is first met, also when files alternate', () => {
    fc.assert(fc.property(fc.array(source, { maxLength: 20 }), (list) => {
      const sources = new SourceIndex();
      const plain: string[] = [];
      for (const s of list) {
        const name = JSON.stringify([s.file, s.hash]);
        if (!plain.includes(name)) plain.push(name);
        expect(sources.indexOf({ ...s })).toBe(plain.indexOf(name));
      }
      expect(sources.list.map((s) => JSON.stringify(s))).toEqual(plain);
    }));
  });
});

describe('the workspace state file', () => {
  it('holds the same bytes as one JSON.stringify per line gives, across pieces of many lines', async () => {
    const ws = new Workspace(mkdtempSync(join(tmpdir(), 'samling-store-')));
    const state = emptyState();
    for (let i = 0; i < 600; i++) {
      const r = {
        ...base, key: `p${i}@example.org`, email: `p${i}@example.org`, notes: i % 7 ? null : `note ${i} ],0,[ \u2028 "q"`,
        source: { ...base.source, file: i % 250 ? 'a.csv' : 'b.csv', row: i + 2 },
      };
      state.registrations.current.set(r.key, r);
      if (i % 3 === 0) state.registrations.history.push({ ...r, firstName: `old ${i}` });
    }
    await ws.withLock(() => ws.save(state));
    const sources = new SourceIndex();
    const all = [...state.registrations.current.values(), ...state.registrations.history];
    for (const r of all) sources.indexOf(r.source);
    const lines = (list: Registration[]) => list.map((r) => encodeRegistrationJson(r, sources)).join(',\n');
    const expected = [
      `{"version":3,"columns":${JSON.stringify(REGISTRATION_COLUMNS)},`, `"files":[],`, `"decisions":[],`, `"rooming":{},`,
      `"sources":${JSON.stringify(sources.list)},`, `"registrations":[`, lines([...state.registrations.current.values()]),
      `],"history":[`, lines(state.registrations.history), `]}`, '',
    ].join('\n');
    expect(readFileSync(ws.statePath, 'utf8')).toBe(expected);
    expect([...ws.load().registrations.current.values()]).toEqual([...state.registrations.current.values()]);
  });

  it('saves and loads registrations and history, with shared source texts', async () => {
    const ws = new Workspace(mkdtempSync(join(tmpdir(), 'samling-store-')));
    const state = emptyState();
    const other = { ...base, key: 'per@example.org', id: 'cd34ef56', email: 'per@example.org', source: { file: 'b.csv', hash: 'e'.repeat(64), row: 3 } };
    state.registrations.current.set(base.key, base).set(other.key, other);
    state.registrations.history.push({ ...base, firstName: 'Kari (old)', source: { ...base.source, row: 4 } });
    await ws.withLock(() => ws.save(state));
    const text = readFileSync(ws.statePath, 'utf8');
    expect(text.split('f'.repeat(64))).toHaveLength(2); // the hash once, not on each of its two lines
    const loaded = ws.load();
    expect([...loaded.registrations.current.values()]).toEqual([base, other]);
    expect(loaded.registrations.history).toEqual(state.registrations.history);
  });

  it('opens a workspace written by version 1 (file and hash on every line) and saves it as version 3, ids kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samling-store-'));
    mkdirSync(join(dir, '.samling'));
    // Version 1 wrote e-mail keys as `e:` and the address; they are read as the address alone.
    const line = REGISTRATION_COLUMNS.map((c) => (c === 'source' ? ['svar.csv', 'f'.repeat(64), 7] : c === 'problems' ? 0 : c === 'key' ? `e:${base.key}` : base[c]));
    writeFileSync(join(dir, '.samling', 'state.json'), JSON.stringify({
      version: 1, columns: REGISTRATION_COLUMNS, files: [], decisions: [], rooming: {}, registrations: [line], history: [],
    }));
    const ws = new Workspace(dir);
    const state = ws.load();
    expect([...state.registrations.current.values()]).toEqual([base]);
    await ws.withLock(() => ws.save(state));
    expect(readFileSync(ws.statePath, 'utf8')).toMatch(/^\{"version":3,/);
    expect([...ws.load().registrations.current.values()]).toEqual([base]); // same key, same id
  });

  it('reads lines by the column names the file gives (a column added or moved since)', () => {
    const columns = ['id', 'key', ...REGISTRATION_COLUMNS.filter((c) => c !== 'id' && c !== 'key' && c !== 'notes'), 'future'];
    const line = columns.map((c) => (c === 'source' ? [0, 7] : c === 'problems' ? 0 : c === 'future' ? 'x' : base[c as keyof Registration]));
    const r = registrationDecoder(columns, [['svar.csv', 'f'.repeat(64)]])(line);
    const { notes: _, ...rest } = base;
    expect(r).toMatchObject(rest);
    expect(r.notes).toBeUndefined();
  });
});

describe('reading the state a line at a time', () => {
  it('splits lines the same whatever the chunk size, also inside a multi-byte character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'æ', 'ø', 'å', '😀', '\n', '"', ',') }), { maxLength: 20 }), fc.integer({ min: 1, max: 9 }), (parts, chunk) => {
        const text = parts.join('');
        const file = join(mkdtempSync(join(tmpdir(), 'samling-lines-')), 'f.txt');
        writeFileSync(file, text);
        const expected = text.split('\n');
        if (expected.at(-1) === '') expected.pop(); // a final line break ends the last line
        expect([...readLines(file, chunk)]).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('an empty workspace, and one edited by hand into another layout, still open; a cut-off one is refused clearly', async () => {
    const ws = new Workspace(mkdtempSync(join(tmpdir(), 'samling-store-')));
    await ws.withLock(() => ws.save(emptyState()));
    expect(ws.load().registrations.current.size).toBe(0);

    const state = emptyState();
    state.registrations.current.set(base.key, base);
    state.decisions.push({ kind: 'cover', id: base.id, at: '2021-09-20T10:00:00.000Z' });
    await ws.withLock(() => ws.save(state));
    const saved = readFileSync(ws.statePath, 'utf8');
    writeFileSync(ws.statePath, JSON.stringify(JSON.parse(saved), null, 2)); // pretty-printed by an editor
    const loaded = ws.load();
    expect([...loaded.registrations.current.values()]).toEqual([base]);
    expect(loaded.decisions).toEqual(state.decisions);

    writeFileSync(ws.statePath, saved.slice(0, saved.indexOf('],"history"'))); // cut off while copied
    expect(() => ws.load()).toThrow(/not valid JSON/);
  });
});

describe('the workspace is for its owner alone', () => {
  // Windows has no POSIX permissions: there this shows as skipped.
  it.runIf(process.platform !== 'win32')('.samling is 0700 and the state, the lock and the kept copies 0600 (they hold allergies and phone numbers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samling-private-'));
    const source = join(dir, 'svar.csv');
    writeFileSync(source, 'Namn;Kommune\r\nKari Nordmann;Molde\r\n', { mode: 0o644 });
    const ws = new Workspace(dir);
    const mode = (p: string) => statSync(p).mode & 0o777;
    const lockMode = await ws.withLock(() => {
      ws.save(emptyState());
      ws.keepCopy(source, 'a'.repeat(64));
      return mode(ws.lockPath);
    });
    expect(lockMode).toBe(0o600);
    expect(mode(ws.stateDir)).toBe(0o700);
    expect(mode(ws.statePath)).toBe(0o600);
    expect(mode(join(ws.stateDir, 'files'))).toBe(0o700);
    expect(mode(join(ws.stateDir, 'files', `${'a'.repeat(64)}.csv`))).toBe(0o600);
    expect(mode(source)).toBe(0o644); // the organiser's own file is never changed
  });
});
