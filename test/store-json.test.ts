// The state file's registration lines: every field comes back as it was, sources are written once, and a
// workspace written by the first version (file and hash on every line) still opens.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/io/read-lines.js';
import { encodeRegistrationJson, REGISTRATION_COLUMNS, registrationDecoder, SourceIndex } from '../src/workspace/store.js';
import { emptyState, Workspace } from '../src/workspace/workspace.js';
import type { Registration } from '../src/core/types.js';

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

describe('the workspace state file', () => {
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
