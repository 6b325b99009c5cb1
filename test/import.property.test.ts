// Property: every input row is accounted for (SPEC 7) and importing the same file again changes nothing
// (SPEC 3), on generated Google-Forms-style CSV files read from disk by the real importer.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { applyImports, readImport } from '../src/workspace/importer.js';
import { emptyState } from '../src/workspace/workspace.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`import.property: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

const dir = mkdtempSync(join(tmpdir(), 'samling-import-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const HEADER = ['Tidsmerke', 'E-postadresse', 'Namn ', 'Kommune', 'Ønskjer du overnatting 11.–12. november?', 'Treng du overnatting 10.–11. november på grunn av lang reiseveg?'];
const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// Few names, e-mails and times, so that duplicates (same e-mail; same name, place and time) are common.
const row = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) }, // a blank row
  {
    weight: 8,
    arbitrary: fc.record({
      time: fc.constantFrom('01.09.2021 kl. 09.12.44', '15.09.2021 kl. 23.59.59', '16.09.2021 kl. 00.00.01', '2021-09-02 10:00', 'i går', ''),
      email: fc.constantFrom('kari@example.org', 'KARI@example.org ', 'per@example.org', 'åse@example.org', '', 'ikkje-epost', 'anonymous'),
      name: fc.constantFrom('Kari Nordmann', 'Per "P" Dal', 'Åse Øye, jr', '  Ola  ', '', 'Nordmann, Kari'),
      municipality: fc.constantFrom('Ørsta', 'Volda kommune', 'Alesund', 'Kristiansand', 'Fylkeskommunen', ''),
      room: fc.constantFrom('Ja', 'Nei', ''),
      extra: fc.constantFrom('Ja', 'Nei', 'x', ''),
    }),
  },
);

function writeCsv(rows: (Record<string, string> | null)[], crlf: boolean): string {
  const nl = crlf ? '\r\n' : '\n';
  const lines = [HEADER.map(q).join(',')];
  for (const r of rows) lines.push(r ? [r.time, r.email, r.name, r.municipality, r.room, r.extra].map((c) => q(c!)).join(',') : ',,,,,');
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, '\uFEFF' + lines.join(nl) + nl);
  return file;
}

describe('importer: rows are accounted for and a re-import is a no-op', () => {
  it('rows read = added + updated + unchanged + duplicates + blank; the same file again adds and updates nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), fc.array(row, { maxLength: 30 }), fc.boolean(), async (rows, more, crlf) => {
        const file = writeCsv(rows, crlf);
        const first = await readImport(file, DEFAULT_EVENT, {});
        const a = applyImports(emptyState(), [first], '2021-09-20T10:00:00Z');
        const [r1] = a.reports;
        // Blank lines after the last answer are the end of the file, not rows.
        // A row whose every answer is empty is blank too, generated as such or not.
        const blank = (r: Record<string, string> | null) => r === null || Object.values(r).every((v) => v.trim() === '');
        const kept = rows.slice(0, rows.findLastIndex((r) => !blank(r)) + 1);
        expect(r1!.rowsRead).toBe(kept.length);
        expect(r1!.blank).toBe(kept.filter(blank).length);
        expect(r1!.added + r1!.updated + r1!.unchanged + r1!.duplicates + r1!.blank).toBe(r1!.rowsRead);
        expect(r1!.added).toBe(a.state.registrations.current.size);

        // The same file again (read afresh), alone and after a second, different export.
        const again = await readImport(file, DEFAULT_EVENT, {});
        const b = applyImports(a.state, [again], '2021-09-21T10:00:00Z');
        const [r2] = b.reports;
        expect(r2!.added + r2!.updated + r2!.unchanged + r2!.duplicates + r2!.blank).toBe(r2!.rowsRead);
        expect([r2!.added, r2!.updated]).toEqual([0, 0]);
        expect([...b.state.registrations.current.values()]).toEqual([...a.state.registrations.current.values()]);
        expect(b.state.files).toHaveLength(1);

        const other = writeCsv(more, !crlf);
        const c = applyImports(b.state, [await readImport(other, DEFAULT_EVENT, {})], '2021-09-22T10:00:00Z');
        for (const r of c.reports) expect(r.added + r.updated + r.unchanged + r.duplicates + r.blank).toBe(r.rowsRead);
        const d = applyImports(c.state, [await readImport(file, DEFAULT_EVENT, {}), await readImport(other, DEFAULT_EVENT, {})], '2021-09-23T10:00:00Z');
        for (const r of d.reports) expect([r.added, r.updated]).toEqual([0, 0]);
        expect(d.state.registrations.current).toEqual(c.state.registrations.current);
        expect(d.state.registrations.history.length).toBe(c.state.registrations.history.length);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
