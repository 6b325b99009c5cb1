// Fuzzing the importer (issue 5): random bytes and near-valid CSV and .xlsx never crash it. In process, every
// failure must be an InputError (the clear message with exit 2); through the CLI, the exit is 0 or 2, there is
// never a stack trace, and after exit 2 nothing at all was written. Bounded: a fixed number of runs.
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { InputError } from '../src/errors.js';
import { readImport } from '../src/workspace/importer.js';
import { FIXTURES, run, snapshot } from './helpers/cli.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`fuzz: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

const tmp = mkdtempSync(join(tmpdir(), 'samling-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const put = (ext: string, bytes: Uint8Array) => {
  const p = join(tmp, `f${n++}${ext}`);
  writeFileSync(p, bytes);
  return p;
};

/** Resolves, or fails with an InputError naming the file; anything else is a crash. */
async function importsOrRefuses(file: string): Promise<'ok' | 'refused'> {
  try {
    await readImport(file, DEFAULT_EVENT, {});
    return 'ok';
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`crash on ${file}: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.file).toBe(file);
    expect(e.message.length).toBeGreaterThan(5);
    return 'refused';
  }
}

const CSV = readFileSync(join(FIXTURES, 'google-forms-nn.csv'));
const NETTSKJEMA = readFileSync(join(FIXTURES, 'nettskjema.csv'));
const XLSX = readFileSync(join(FIXTURES, 'microsoft-forms.xlsx'));

// Edits that keep a file close to valid: the characters that matter to a CSV reader, and truncation.
const NASTY = ['"', ',', ';', '\t', '|', '\n', '\r', '\r\n', '\0', 'ø', '\uFEFF', '""', '\u2028', '\xff'];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat({ max: 3 }), put: fc.constantFrom(...NASTY) });
function mutateText(base: Buffer, edits: { at: number; cut: number; put: string }[], truncate: number | null): Buffer {
  let b = base;
  for (const e of edits) {
    const i = Math.floor(e.at * b.length);
    b = Buffer.concat([b.subarray(0, i), Buffer.from(e.put, e.put === '\xff' ? 'latin1' : 'utf8'), b.subarray(i + e.cut)]);
  }
  return truncate === null ? b : b.subarray(0, Math.floor(truncate * b.length));
}
const nearCsv = fc.record({
  base: fc.constantFrom(CSV, NETTSKJEMA),
  edits: fc.array(edit, { minLength: 1, maxLength: 6 }),
  truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
}).map(({ base, edits, truncate }) => mutateText(base, edits, truncate));

// A workbook with bytes flipped or cut short: the zip, its XML, or both broken.
const nearXlsx = fc.record({
  flips: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
  truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
}).map(({ flips, truncate }) => {
  const b = Buffer.from(XLSX);
  for (const f of flips) b[Math.floor(f.at * (b.length - 1))] = f.byte;
  return truncate === null ? b : b.subarray(0, Math.floor(truncate * b.length));
});

describe('fuzz: the importer never crashes', () => {
  it('random bytes under every extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('.csv', '.tsv', '.txt', '.xlsx', ''), async (bytes, ext) => {
        await importsOrRefuses(put(ext, bytes));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('random text of CSV characters', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ø', ' ', '1', ...NASTY), maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        await importsOrRefuses(put('.csv', Buffer.from(s, 'utf8')));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('near-valid CSV exports: stray quotes, separators, line breaks, NUL, cut short', async () => {
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(nearCsv, async (bytes) => {
        seen[await importsOrRefuses(put('.csv', bytes))]++;
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Both outcomes occur: the fuzzing reaches past the first check.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('near-valid .xlsx workbooks: flipped bytes, cut short', async () => {
    await fc.assert(
      fc.asyncProperty(nearXlsx, async (bytes) => {
        await importsOrRefuses(put('.xlsx', bytes));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('through the CLI: exit 0 or 2, never a stack trace, and after exit 2 nothing written', { timeout: 120_000 }, async () => {
    const input = fc.oneof(
      nearCsv.map((b) => ({ ext: '.csv', b })),
      nearXlsx.map((b) => ({ ext: '.xlsx', b })),
      fc.uint8Array({ maxLength: 512 }).map((b) => ({ ext: '.csv', b: Buffer.from(b) })),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom('import', 'plan'), async ({ ext, b }, command) => {
        const ws = mkdtempSync(join(tmp, 'ws-'));
        writeFileSync(join(ws, `svar${ext}`), b);
        const before = snapshot(ws);
        const r = run([command, `svar${ext}`], { cwd: ws });
        expect([0, 2], r.stderr).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at |unexpected error|This is a bug/);
        if (r.code === 2) {
          expect(r.stderr).toMatch(/svar/);
          expect(snapshot(ws)).toEqual(before);
        } else {
          expect(() => JSON.parse(readFileSync(join(ws, '.samling', 'state.json'), 'utf8'))).not.toThrow();
          expect(existsSync(join(ws, '.samling', 'lock'))).toBe(false);
        }
        rmSync(ws, { recursive: true, force: true });
      }),
      { seed: SEED, numRuns: 16 },
    );
  });
});
