// Stopped while writing: a Ctrl+C (SIGINT) or a kill (SIGTERM) while plan writes removes every temporary file
// (they hold people's names, e-mails and allergies) and the lock, exits 130 / 143 with one line, and leaves
// out/ and the workspace as they were. A samling killed outright (SIGKILL) cannot tidy up: the next run
// removes its temporary outputs, and nothing else, from the out folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, contents, ROOT, run, tempWorkspace } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'samling-interrupt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BIG = join(tmp, 'big.csv');

beforeAll(() => {
  // Big enough that writing the outputs takes a good part of a second.
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), '100000', BIG]);
  expect(r.status, String(r.stderr)).toBe(0);
});

const temporaries = (ws: string) => Object.keys(contents(ws)).filter((f) => f.endsWith('.tmp'));

describe('stopped while writing', () => {
  // Windows has no such signals to send: there these show as skipped.
  const posix = process.platform !== 'win32';
  it.runIf(posix).each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s while plan writes: no temporary file or lock is left, exit %i, out/ and the state as they were', { timeout: 120_000 }, async (signal, code) => {
    const ws = tempWorkspace('nettskjema.csv');
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    const out = contents(join(ws, 'out'));
    const state = readFileSync(join(ws, '.samling', 'state.json'));

    const child = spawn(process.execPath, [BIN, 'plan', BIG], { cwd: ws, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    // Stop it once it is writing the outputs: the first of them is there, under its temporary name.
    const writing = (name: string) => /^\.municipalities\.csv\.\d+\.tmp$/.test(name);
    while (child.exitCode === null && !(existsSync(join(ws, 'out')) && readdirSync(join(ws, 'out')).some(writing))) {
      await new Promise((done) => setTimeout(done, 2));
    }
    expect(child.exitCode, 'plan was caught writing').toBe(null);
    child.kill(signal);

    expect(await exited).toBe(code);
    expect(stderr).toBe(`samling: stopped (${signal}); no file was left half-written.\n`);
    expect(temporaries(ws)).toEqual([]);
    expect(existsSync(join(ws, '.samling', 'lock'))).toBe(false);
    // It stopped before putting anything in place: the lists are the ones the workspace remembers.
    expect(contents(join(ws, 'out'))).toEqual(out);
    expect(readFileSync(join(ws, '.samling', 'state.json')).equals(state)).toBe(true);
    // And the next run goes through.
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
  });

  it.runIf(posix)('Ctrl+C while import reads and checks (no file being written) stops it at once, and nothing changes', { timeout: 120_000 }, async () => {
    const ws = tempWorkspace('nettskjema.csv');
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    const state = readFileSync(join(ws, '.samling', 'state.json'));
    const child = spawn(process.execPath, [BIN, 'import', BIG, '--verbose'], { cwd: ws, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<[number | null, string | null]>((done) => child.on('exit', (c, s) => done([c, s])));
    // Once the file is read (--verbose says so as checking begins): checking, merging and deciding follow.
    await new Promise<void>((done) => child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/samling: reading /.test(stderr)) done();
    }));
    child.kill('SIGINT');
    // Stopped by the signal itself, not after finishing the import (which would save and exit 0).
    expect(await exited).toEqual([null, 'SIGINT']);
    expect(readFileSync(join(ws, '.samling', 'state.json')).equals(state)).toBe(true);
    expect(temporaries(ws)).toEqual([]);
    // The lock of the stopped process is taken over by the next command.
    expect(run(['import', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
  });

  it.runIf(posix)('Ctrl+C while import saves the workspace is not lost: exit 130, no temporary file or lock left', { timeout: 120_000 }, async () => {
    const ws = tempWorkspace('nettskjema.csv');
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'import', BIG], { cwd: ws, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    const saving = (name: string) => /^\.state\.json\.\d+\.tmp$/.test(name);
    while (child.exitCode === null && !readdirSync(join(ws, '.samling')).some(saving)) await new Promise((done) => setTimeout(done, 2));
    expect(child.exitCode, 'import was caught saving').toBe(null);
    child.kill('SIGINT');
    // Handled, not dropped with its handler once the last temporary file is in place (the import saved or not).
    expect(await exited).toBe(130);
    expect(temporaries(ws)).toEqual([]);
    expect(existsSync(join(ws, '.samling', 'lock'))).toBe(false);
  });

  it('temporary outputs a killed samling left in out/ are removed by the next plan; the organiser\'s own files stay', () => {
    const ws = tempWorkspace('nettskjema.csv');
    expect(run(['plan', 'nettskjema.csv'], { cwd: ws }).code).toBe(0);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has ended
    const live = process.pid; // a samling at work beside this one keeps its own
    const left = [`.report.html.${dead}.tmp`, `.rooming-list-hotel.csv.${dead}.tmp`, `.participants.csv.${dead}.tmp`, `municipalities/.1520-orsta.md.${dead}.tmp`];
    const kept = [
      '.notes.txt',
      '.~lock.rooming-list-hotel.csv#', // LibreOffice has the list open
      `.report.html.${live}.tmp`,
      `.budget.xlsx.${dead}.tmp`, // not a name samling writes
      `report.html.${dead}.tmp`, // not hidden: not samling's
      `municipalities/.notes.${dead}.tmp`,
    ];
    for (const f of [...left, ...kept]) writeFileSync(join(ws, 'out', f), 'Kari Nordmann;kari@example.org;nøtteallergi');
    const r = run(['plan'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    for (const f of left) expect(existsSync(join(ws, 'out', f)), f).toBe(false);
    for (const f of kept) expect(readFileSync(join(ws, 'out', f), 'utf8'), f).toBe('Kari Nordmann;kari@example.org;nøtteallergi');
  });
});
