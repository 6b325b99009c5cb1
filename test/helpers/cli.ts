// Runs the built CLI (bin/samling.js → dist/) as an organiser would, in a temporary folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'samling.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(args: string[], opts: { cwd: string; env?: Record<string, string>; input?: string } = { cwd: ROOT }): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', CI: 'true', TZ: 'America/New_York', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder with the named fixtures copied in (flat). */
export function tempWorkspace(...fixtures: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'samling-test-'));
  for (const f of fixtures) cpSync(join(FIXTURES, f), join(dir, f.split('/').pop()!), { recursive: true });
  return dir;
}

/** Every file below `dir` (hidden ones too) with its whole content: equal means byte-identical (and nothing added or removed). */
export function contents(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = join(dir, name);
    if (statSync(p).isFile()) files[name] = readFileSync(p).toString('base64');
  }
  return files;
}

/** Every file below `dir` with its size and modification time, to show that nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${st.size}:${readFileSync(p).toString('base64').slice(0, 64)}:${st.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** Reads a `;`-separated UTF-8-with-BOM CSV written by samling into header + rows. */
export async function readCsvOutput(path: string, delimiter = ';'): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const { parse } = await import('csv-parse/sync');
  const text = readFileSync(path, 'utf8');
  const records = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true }) as string[][];
  const [header = [], ...rest] = records;
  return { header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}
