// samling rooming-list — write each hotel's rooming list and the changes since the last one sent.
import { createContext, type GlobalOptions } from './context.js';
import { planFor } from './shared.js';
import { changesLines, removeLeftoverOutputs, shownOutDir, updateRooming, writeOptions, type OutputOptions } from './outputs.js';

export default async function roomingListCommand(opts: GlobalOptions & OutputOptions): Promise<void> {
  const ctx = await createContext(opts);
  const w = writeOptions(ctx, opts);
  const result = await ctx.workspace.withLock(async () => {
    removeLeftoverOutputs(w);
    const state = ctx.workspace.load();
    const plan = planFor(state, ctx.settings);
    // The lists and changes files are put in place together with the state: if one of them cannot be
    // written, nothing changes (see saveAround).
    return ctx.workspace.saveAround(state, updateRooming(plan, state, w));
  });
  if (opts.json) return ctx.out.json({ written: result.written, changes: result.changes });
  ctx.out.info(`Wrote ${result.written.join(', ')} to ${shownOutDir(w)}/`);
  for (const line of changesLines(result.changes, w)) ctx.out.info(line);
}
