// Shared by plan, rooming-list and summary: write outputs and remember what each hotel was sent.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeLists, writeReport, writeRoomingLists, writeSummaries, type WriteOptions } from '../io/write-outputs.js';
import { InputError } from '../errors.js';
import type { Context } from './context.js';
import type { Plan } from '../core/types.js';
import type { WorkspaceState } from '../workspace/workspace.js';

export interface OutputOptions {
  delimiter?: string;
  format?: 'csv' | 'xlsx';
}

export function writeOptions(ctx: Context, o: OutputOptions): WriteOptions {
  const delimiter = o.delimiter ?? ';';
  if (![',', ';', '\t', '|'].includes(delimiter.replace('\\t', '\t'))) {
    throw new InputError(`--delimiter "${delimiter}": use ; , | or \\t`);
  }
  const outDir = ctx.opts.out ? resolve(ctx.opts.out) : resolve(ctx.workspace.dir, 'out');
  checkWritableFolder(outDir, ctx.opts.out ?? 'out');
  return { outDir, lang: ctx.opts.lang, delimiter: delimiter.replace('\\t', '\t'), format: o.format ?? 'csv' };
}

/** Writes the rooming lists and records what each hotel got in the state (caller saves it). */
export async function writeRooming(plan: Plan, state: WorkspaceState, w: WriteOptions) {
  const result = await writeRoomingLists(plan, state.rooming, w);
  state.rooming = { ...state.rooming, ...result.snapshots };
  return result;
}

export { writeLists, writeReport, writeSummaries };
export { todayIn } from './shared.js';

/** The out folder must be a folder (or creatable in one) we may write in: checked before anything is written. */
function checkWritableFolder(dir: string, shown: string): void {
  let at = dir;
  while (!existsSync(at)) {
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  if (!statSync(at).isDirectory()) {
    throw new InputError(at === dir ? 'the output folder is a file' : `cannot make the output folder: ${at} is a file`, shown, undefined, 'Give --out a folder.');
  }
  try {
    accessSync(at, constants.W_OK);
  } catch {
    throw new InputError('no permission to write in the output folder', shown, undefined, 'Give --out a folder you can write in.');
  }
}
