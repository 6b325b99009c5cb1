// samling summary — write municipalities.csv, the letters, the late list and what needs attention.
import { createContext, type GlobalOptions } from './context.js';
import { planFor } from './shared.js';
import { writeOptions, writeOutputs, writeSummaries, type OutputOptions } from './outputs.js';

export default async function summaryCommand(opts: GlobalOptions & OutputOptions): Promise<void> {
  const ctx = await createContext(opts);
  const w = writeOptions(ctx, opts);
  const plan = planFor(ctx.workspace.load(), ctx.settings);
  // The table, the letters and the lists are put in place together, or none of them (see writeOutputs).
  const written = await writeOutputs(w, (files) => writeSummaries(plan, w, files));
  if (opts.json) return ctx.out.json({ written });
  ctx.out.info(`Wrote municipalities.csv, ${written.filter((f) => f.includes('/')).length} letters, late-registrations.csv and needs-attention.csv.`);
}
