// JSON on stdout is written a piece at a time (a million people's `status --json` is about 700 MB, longer
// than any string V8 can make): the pieces must be JSON.stringify(value, null, 2) to the byte, and the
// people must be made one at a time, not all before the first is written.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonList, jsonChunks } from '../src/core/render/json.js';
import { BIN, ROOT, run, tempWorkspace } from './helpers/cli.js';

/** `value` with some of its arrays given as JsonLists (chosen by the bits of `pick`), and what they stand for. */
function wrap(value: unknown, pick: { bits: number }): { given: unknown; plain: unknown } {
  const choose = () => ((pick.bits = (pick.bits * 1103515245 + 12345) >>> 0) & 4) !== 0;
  if (Array.isArray(value)) {
    const parts = value.map((v) => wrap(v, pick));
    if (choose()) {
      // Made as written: the list holds indexes, toJson makes each element.
      return { given: new JsonList(parts.keys(), (i) => parts[i]!.given), plain: parts.map((p) => p.plain) };
    }
    return { given: parts.map((p) => p.given), plain: parts.map((p) => p.plain) };
  }
  if (value !== null && typeof value === 'object') {
    const given: Record<string, unknown> = {};
    const plain: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const w = wrap(v, pick);
      given[k] = w.given;
      plain[k] = w.plain;
    }
    // What JSON.stringify leaves out of an object is left out here too.
    if (choose()) given['left out'] = undefined;
    return { given, plain };
  }
  return { given: value, plain: value };
}

describe('JSON in pieces', () => {
  it('is JSON.stringify(value, null, 2) to the byte, whichever arrays are lists', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.nat(), (value, bits) => {
        const { given, plain } = wrap(value, { bits });
        expect([...jsonChunks(given)].join('')).toBe(JSON.stringify(plain, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps JSON.stringify of a JsonList as the array it stands for', () => {
    const list = new JsonList(['Åse', 'Per "P" Vik'], (name) => ({ name }));
    expect(JSON.stringify({ people: list })).toBe('{"people":[{"name":"Åse"},{"name":"Per \\"P\\" Vik"}]}');
  });

  it('makes each element of a list as it is written, not all of them first', () => {
    let made = 0;
    const people = new JsonList(Array.from({ length: 10_000 }, (_, i) => i), (i) => {
      made++;
      return { id: `p${i}`, nights: ['2021-11-10', '2021-11-11'] };
    });
    const pieces = jsonChunks({ event: { name: 'Klimasamling' }, registrations: people, nights: [] });
    let text = '';
    for (let i = 0; i < 8; i++) text += pieces.next().value as string;
    expect(made).toBeLessThanOrEqual(5);
    for (const p of pieces) {
      expect(p.length).toBeLessThan(200); // one person at most in a piece
      text += p;
    }
    expect(made).toBe(10_000);
    expect(JSON.parse(text).registrations).toHaveLength(10_000);
  });
});

describe('--json on stdout, a workspace of thousands', () => {
  it('status --json and plan --json print the whole result, as JSON.stringify would, through a pipe', async () => {
    const ws = tempWorkspace();
    try {
      const file = join(ws, 'export.csv');
      expect(spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), '3000', file]).status).toBe(0);
      const plan = run(['plan', 'export.csv', '--json'], { cwd: ws });
      expect(plan.code, plan.stderr).toBe(0);
      const status = run(['status', '--json'], { cwd: ws });
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout.length).toBeGreaterThan(1 << 20); // many pieces of 64 KiB
      const s = JSON.parse(status.stdout) as { registrations: { id: string }[] };
      expect(status.stdout).toBe(JSON.stringify(s, null, 2) + '\n');
      const p = JSON.parse(plan.stdout) as { registrations: { id: string }[]; imported: { rowsRead: number; duplicates: number; blank: number }[] };
      expect(plan.stdout).toBe(JSON.stringify(p, null, 2) + '\n');
      // Everyone once: the rows read, less the resubmissions merged into an earlier row.
      const [report] = p.imported;
      expect(report!.rowsRead).toBe(3000);
      expect(s.registrations).toHaveLength(report!.rowsRead - report!.duplicates - report!.blank);
      expect(new Set(s.registrations.map((r) => r.id)).size).toBe(s.registrations.length);
      expect(p.registrations).toEqual(s.registrations);

      // A reader that stops after the first piece (`samling plan --strict --json | head -c 100`): no error, and
      // the exit code is still the command's own (1: late registrations wait for a decision).
      const early = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'plan', '--strict', '--json'], { cwd: ws, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.once('data', () => child.stdout.destroy());
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(early.stderr).toBe('');
      expect(early.code).toBe(1);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
