// Crash safety (SPEC 7): `samling import` or `plan` killed with SIGKILL at random moments leaves the workspace with
// either the old state or the new one, never a broken file; the next run takes over the dead process's lock.
// A second process that meets a live lock gets a clear message and changes nothing. Not a timing test:
// the kill moments are spread over however long an import takes on this machine.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, run } from './helpers/cli.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`crash: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

const tmp = mkdtempSync(join(tmpdir(), 'samling-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const generate = (n: number, file: string) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), String(n), file]);
  expect(r.status, String(r.stderr)).toBe(0);
};

/** The state without the import times (they differ between runs): what must be old or new. */
function stateOf(ws: string): string | null {
  const p = join(ws, '.samling', 'state.json');
  if (!existsSync(p)) return null;
  const s = JSON.parse(readFileSync(p, 'utf8')) as { files: { importedAt?: string }[] };
  for (const f of s.files) delete f.importedAt;
  return JSON.stringify(s);
}

let oldWs = ''; // a workspace holding the first export
let oldState: string | null = null;
/** The state after the import, and after a plan (which also keeps what each hotel was sent). */
const newState: Record<'import' | 'plan', string | null> = { import: null, plan: null };
const runMs = { import: 0, plan: 0 };
const OLD = join(tmp, 'first.csv');
const NEW = join(tmp, 'second.csv');

beforeAll(() => {
  generate(2_000, OLD);
  generate(4_000, NEW); // overlaps the first: updates as well as additions
  oldWs = join(tmp, 'old');
  mkdirSync(oldWs);
  expect(run(['import', OLD], { cwd: oldWs }).code).toBe(0);
  oldState = stateOf(oldWs);
  for (const command of ['import', 'plan'] as const) {
    const done = join(tmp, `done-${command}`);
    cpSync(oldWs, done, { recursive: true });
    const t0 = Date.now();
    const r = run([command, NEW], { cwd: done });
    runMs[command] = Date.now() - t0;
    expect(r.code, r.stderr).toBe(0);
    newState[command] = stateOf(done);
    expect(newState[command]).not.toBe(oldState);
  }
});

describe('crash safety', () => {
  // plan writes the new state beside the old one before the letters and lists, and puts it in place last.
  it.each(['import', 'plan'] as const)('SIGKILL at any moment of %s leaves the old state or the new one, and the next run recovers', { timeout: 180_000 }, async (command) => {
    const ms = runMs[command];
    const outcomes = { old: 0, new: 0 };
    await fc.assert(
      // Half the kills fall anywhere in the run; the other half a moment after the lock is taken, while the
      // state is merged, the copy kept and the state file written and renamed.
      fc.asyncProperty(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), async (afterLock, at) => {
        const ws = mkdtempSync(join(tmp, 'ws-'));
        cpSync(oldWs, ws, { recursive: true });
        const child = spawn(process.execPath, [BIN, command, NEW], { cwd: ws, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: 'ignore' });
        const exited = new Promise((done) => child.on('exit', done));
        if (afterLock) {
          const lock = join(ws, '.samling', 'lock');
          while (!existsSync(lock) && child.exitCode === null) await new Promise((done) => setTimeout(done, 1));
          await new Promise((done) => setTimeout(done, at * 0.3 * ms));
        } else await new Promise((done) => setTimeout(done, at * 1.1 * ms));
        child.kill('SIGKILL');
        await exited;

        const state = stateOf(ws);
        expect([oldState, newState[command]]).toContain(state);
        outcomes[state === newState[command] ? 'new' : 'old']++;
        // A kill may leave the lock (and a temporary file) behind: the next run takes over and finishes.
        const again = run([command, NEW], { cwd: ws });
        expect(again.code, again.stderr).toBe(0);
        expect(stateOf(ws)).toBe(newState[command]);
        expect(existsSync(join(ws, '.samling', 'lock'))).toBe(false);
        // ...and tidies the temporary files the killed process left, in the workspace and in out/.
        for (const dir of ['.samling', 'out', join('out', 'municipalities')].filter((d) => existsSync(join(ws, d)))) {
          expect(readdirSync(join(ws, dir)).filter((f) => f.endsWith('.tmp')), dir).toEqual([]);
        }
        rmSync(ws, { recursive: true, force: true });
      }),
      { seed: SEED, numRuns: 8, endOnFailure: true },
    );
    console.log(`crash (${command}): after the kills, ${outcomes.old} old state(s), ${outcomes.new} new state(s); a normal run took ${ms} ms`);
  });

  it('a second process meets a clear lock message, and the state is untouched', () => {
    const ws = mkdtempSync(join(tmp, 'locked-'));
    cpSync(oldWs, ws, { recursive: true });
    // A live process (this test runner) holds the lock.
    writeFileSync(join(ws, '.samling', 'lock'), JSON.stringify({ pid: process.pid, since: '2021-09-20T10:00:00.000Z' }));
    for (const args of [['import', NEW], ['plan', NEW], ['plan']]) {
      const r = run(args, { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`another samling \\(process ${process.pid}, since 2021-09-20T10:00:00.000Z\\) is working on this workspace`));
      expect(r.stderr).toMatch(/Wait for it to finish/);
      // A lock whose process id now belongs to another program (after a restart) is never broken by
      // samling: the message says which file to delete if no samling is running.
      expect(r.stderr).toMatch(/If no samling is running \(after a restart, say\), delete the lock file \S*\.samling[\\/]lock and run the command again/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(stateOf(ws)).toBe(oldState);
    expect(readdirSync(join(ws, '.samling')).sort()).toEqual(readdirSync(join(oldWs, '.samling')).concat('lock').sort());
  });

  it('two imports at once: the second, started while the first holds the lock, is refused with a clear message', async () => {
    const ws = mkdtempSync(join(tmp, 'race-'));
    cpSync(oldWs, ws, { recursive: true });
    const first = spawn(process.execPath, [BIN, 'import', NEW], { cwd: ws, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const firstDone = new Promise<number | null>((done) => first.on('exit', done));
    const lock = join(ws, '.samling', 'lock');
    const until = Date.now() + 50_000;
    while (!existsSync(lock) && first.exitCode === null && Date.now() < until) await new Promise((done) => setTimeout(done, 1));
    // Freeze the first while it holds the lock, so the second surely meets it.
    const held = first.kill('SIGSTOP') && existsSync(lock);
    try {
      expect(held, 'the first import was caught holding the lock').toBe(true);
      const second = run(['import', OLD], { cwd: ws });
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`another samling \\(process ${first.pid}, since .*\\) is working on this workspace`));
      expect(second.stderr).not.toMatch(/\n\s+at /);
    } finally {
      first.kill('SIGCONT');
    }
    expect(await firstDone).toBe(0);
    expect(stateOf(ws)).toBe(newState.import);
    expect(existsSync(lock)).toBe(false);
  });
});
