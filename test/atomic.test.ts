// The atomic writer: what reaches the disk is exactly the UTF-8 of the pieces joined, however they are cut.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { prepareFileAtomic, writeFileAtomic } from '../src/io/atomic.js';
import { InputError } from '../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'samling-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes pieces of any length and script as the UTF-8 of their concatenation', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('', 'Ærlige Øystein Ålesund;', '\r\n', '"'),
      // Long pieces: past the joined batch, and past what fits in the write buffer.
      fc.integer({ min: 1, max: 400_000 }).map((n) => 'ø'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const file = join(dir, 'out.csv');
        writeFileAtomic(file, pieces, { durable: false });
        expect(readFileSync(file).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 60 },
    );
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('writes many short rows in order (several buffers full)', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Kari ${i};Ålesund;Dekt\r\n`);
    const file = join(dir, 'rows.csv');
    writeFileAtomic(file, rows);
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBe(rows.join('').length);
    expect(text.split('\r\n')[59_999]).toBe('Kari 59999;Ålesund;Dekt');
  });
});

describe('prepareFileAtomic', () => {
  const sub = (name: string) => {
    const d = join(dir, name);
    rmSync(d, { recursive: true, force: true });
    return d;
  };

  it('leaves the old file in place until commit, then the new one; no temporary file left', async () => {
    const d = sub('commit');
    const file = join(d, 'state.json');
    writeFileAtomic(file, '{"old":true}\n');
    const prepared = prepareFileAtomic(file, ['{"new":', 'true}\n']);
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}\n');
    await prepared.commit();
    expect(readFileSync(file, 'utf8')).toBe('{"new":true}\n');
    expect(readdirSync(d)).toEqual(['state.json']);
    await expect(prepared.commit()).rejects.toThrow(/already/);
  });

  it('abandon keeps the old file and removes the temporary one', async () => {
    const d = sub('abandon');
    const file = join(d, 'state.json');
    writeFileAtomic(file, 'old');
    prepareFileAtomic(file, 'new').abandon();
    expect(readFileSync(file, 'utf8')).toBe('old');
    // The temporary file goes once the background flush is over.
    await vi.waitFor(() => expect(readdirSync(d)).toEqual(['state.json']), { timeout: 10_000 });
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('a failure while writing leaves nothing behind', () => {
    const d = sub('fail');
    const rows = (function* () {
      yield 'first row\n';
      throw new Error('disk full');
    })();
    expect(() => prepareFileAtomic(join(d, 'state.json'), rows)).toThrow('disk full');
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('a file that cannot be written', () => {
  it('is one clear message naming it, with what to do, for a folder in the way or a file in place of its folder', async () => {
    const d = join(dir, 'blocked');
    mkdirSync(join(d, 'report.html'), { recursive: true });
    writeFileSync(join(d, 'municipalities'), 'not a folder');
    const attempts = [
      [() => writeFileAtomic(join(d, 'report.html'), ['<p>'], { durable: false }), /a folder has that name/],
      [() => writeFileAtomic(join(d, 'municipalities', '1505-kristiansund.md'), 'text'), /a file has the name of its folder/],
      [() => prepareFileAtomic(join(d, 'municipalities', 'state.json'), 'text'), /a file has the name of its folder/],
    ] as const;
    for (const [attempt, why] of attempts) {
      let error: unknown;
      try {
        attempt();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(why);
      expect((error as InputError).hint).toMatch(/Move or rename what is in the way/);
    }
    expect(readdirSync(d).sort()).toEqual(['municipalities', 'report.html']);
    // A folder appears where the file goes between writing and putting it in place.
    const prepared = prepareFileAtomic(join(d, 'late.csv'), 'x');
    mkdirSync(join(d, 'late.csv'));
    await expect(prepared.commit()).rejects.toThrow(/cannot be written: a folder has that name/);
    expect(readdirSync(d).sort()).toEqual(['late.csv', 'municipalities', 'report.html']);
  });

  it('other errors are passed on as they are', () => {
    const tooLong = join(dir, 'x'.repeat(300));
    expect(() => writeFileAtomic(tooLong, 'x')).toThrow(expect.objectContaining({ code: 'ENAMETOOLONG' }));
  });
});

