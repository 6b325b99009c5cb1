// Export, then import: what samling writes reads back through its own reader (and so through Excel-like
// CSV readers) with every name intact — æøå, quotes, separators and line breaks included.
import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../src/io/read-table.js';
import { safeCell, toCsv } from '../src/io/write-csv.js';
import { run } from './helpers/cli.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`roundtrip: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

const tmp = mkdtempSync(join(tmpdir(), 'samling-roundtrip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const UNITS = ['a', 'Z', 'æ', 'ø', 'å', 'Æ', 'Ø', 'Å', ' ', '"', ';', ',', '|', '\t', '\n', '\r\n', '\r', "'", '=', '-', '1', 'é', '😀'];
const text = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 12 });

describe('round trip: toCsv, then the reader', () => {
  it('every cell comes back as written (formula-like cells with their leading \')', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(';', ',', '\t', '|'),
        async (rows, delimiter) => {
          // A first cell that is never blank, so no row is a blank line at the end of the file.
          const data = rows.map(([a, b, c]) => [`x${a}`, b, c]);
          const file = join(tmp, `t${n++}.csv`);
          writeFileSync(file, toCsv(['Førenamn', 'Etternamn', 'Kommune'], data, { delimiter }));
          const t = await readTable(file);
          expect(t.encoding).toBe('utf-8 with BOM');
          expect(t.delimiter).toBe(delimiter);
          expect(t.headers).toEqual(['Førenamn', 'Etternamn', 'Kommune']);
          expect(t.rows.map((r) => r.cells)).toEqual(data.map((r) => r.map(safeCell)));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('round trip through the CLI: plan writes the lists, the reader reads the names back', () => {
  const people: [string, string][] = [
    ['Åse Marie', 'Ødegård-Bø'],
    ['Kari "Kiki"', 'Nordmann'],
    ['Per; Olav', 'Dal, jr.'],
    ['Ingrid', 'Sæther\nHåland'],
    ['Ole|Jo', 'Lie\tVik'],
    ['Æsa', "O'Neil"],
  ];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const csv = ['Tidsmerke,E-postadresse,Førenamn,Etternamn,Kommune,Ønskjer du overnatting 11.–12. november?',
    ...people.map(([first, last], i) => [`0${i + 1}.09.2021 kl. 10.00.00`, `p${i}@example.org`, first, last, i % 2 ? 'Ørsta' : 'Volda', 'Ja'].map(q).join(','))].join('\r\n');

  for (const delimiter of [';', ',', '\\t', '|']) {
    it(`participants and rooming list with --delimiter ${delimiter}`, async () => {
      const ws = mkdtempSync(join(tmp, 'ws-'));
      writeFileSync(join(ws, 'svar.csv'), '\uFEFF' + csv + '\r\n');
      const r = run(['plan', 'svar.csv', '--delimiter', delimiter], { cwd: ws });
      expect(r.code, r.stderr).toBe(0);
      const out = join(ws, 'out');
      const rooming = readdirSync(out).find((f) => f.startsWith('rooming-list-'))!;
      for (const [file, first, last] of [['participants.csv', 'Førenamn', 'Etternamn'], [rooming, 'Førenamn', 'Etternamn']] as const) {
        const t = await readTable(join(out, file));
        expect(t.delimiter).toBe(delimiter.replace('\\t', '\t'));
        const [fi, li] = [t.headers.indexOf(first), t.headers.indexOf(last)];
        const names = t.rows.map((row) => [row.cells[fi], row.cells[li]]);
        expect(names.sort(), file).toEqual([...people].sort());
      }
    });
  }
});
