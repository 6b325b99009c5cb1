// samling lists — participants.csv (the door), dietary.csv (the caterer), digital-participants.csv (webinars).
import { createContext, type GlobalOptions } from './context.js';
import { planFor } from './shared.js';
import { writeLists, writeOptions, type OutputOptions } from './outputs.js';

export default async function listsCommand(opts: GlobalOptions & OutputOptions): Promise<void> {
  const ctx = await createContext(opts);
  const w = writeOptions(ctx, opts);
  const written = writeLists(planFor(ctx.workspace.load(), ctx.settings), w);
  if (opts.json) return ctx.out.json({ written });
  ctx.out.info(`Wrote ${written.join(', ')}.`);
}
