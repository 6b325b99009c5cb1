// samling lists — participants.csv (the door), dietary.csv (the caterer), digital-participants.csv (webinars).
import { createContext, type GlobalOptions } from './context.js';
import { planFor } from './shared.js';
import { writeLists, writeOptions, writeOutputs, type OutputOptions } from './outputs.js';

export default async function listsCommand(opts: GlobalOptions & OutputOptions): Promise<void> {
  const ctx = await createContext(opts);
  const w = writeOptions(ctx, opts);
  const plan = planFor(ctx.workspace.load(), ctx.settings);
  const written = await writeOutputs(w, (files) => writeLists(plan, w, files));
  if (opts.json) return ctx.out.json({ written });
  ctx.out.info(`Wrote ${written.join(', ')}.`);
}
