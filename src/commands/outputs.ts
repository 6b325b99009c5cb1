// Shared by plan, rooming-list and summary: write outputs and remember what each hotel was sent.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { removeLeftoverOutputs, writeLists, writeReport, writeRoomingLists, writeSummaries, type RoomingResult, type WriteOptions } from '../io/write-outputs.js';
import { writeTogether, type StagedFiles } from '../io/atomic.js';
import { hotelChangesFileName, roomingStays } from '../core/render/rooming.js';
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

/**
 * The rooming lists in two steps, so that the workspace can be saved before any output is written (a state
 * that cannot be saved then leaves every output as it was): what each hotel's list now holds goes into the
 * state at once (the next changes file compares with it), and the function returned writes the lists and
 * their changes against what the hotels had before, to be put in place with the state (see saveAround).
 */
export function updateRooming(plan: Plan, state: WorkspaceState, w: WriteOptions): (files: StagedFiles) => Promise<RoomingResult> {
  const previous = state.rooming;
  const stays = roomingStays(plan, w.lang);
  state.rooming = { ...previous, ...stays };
  return (files) => writeRoomingLists(plan, previous, stays, w, files);
}

/**
 * Writes outputs that need no workspace save (summary, lists, report): all of them, or none if one cannot
 * be written. First removes what a killed samling left in the out folder.
 */
export function writeOutputs<T>(w: WriteOptions, write: (files: StagedFiles) => T): Promise<T> {
  removeLeftoverOutputs(w);
  return writeTogether(write);
}

/** The out folder as the organiser would type it: relative to where samling runs ('.' for there). */
export const shownOutDir = (w: Pick<WriteOptions, 'outDir'>): string => relative(process.cwd(), w.outDir) || '.';

/**
 * A line per hotel with an earlier list: how many changes its changes file holds, or none, and then that a
 * changes file in the out folder is from an earlier list (kept: it may not have been sent yet).
 */
export function changesLines(changes: Record<string, number>, w: WriteOptions): string[] {
  const where = shownOutDir(w);
  return Object.entries(changes).map(([hotel, n]) => {
    const file = join(where, hotelChangesFileName(hotel));
    if (n) return `${hotel}: ${n} change(s) since the last list (${file})`;
    const kept = existsSync(join(w.outDir, hotelChangesFileName(hotel)));
    return `${hotel}: no changes since the last list${kept ? `; ${file} was left as it was, from an earlier list` : ''}`;
  });
}

export { removeLeftoverOutputs, writeLists, writeReport, writeSummaries };
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
