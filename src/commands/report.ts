// samling report [--no-names] — one self-contained HTML page to look at, print or send on.
import { createContext, type GlobalOptions } from './context.js';
import { planFor } from './shared.js';
import { todayIn, writeOptions, writeOutputs, writeReport } from './outputs.js';

export interface ReportOptions extends GlobalOptions {
  names: boolean;
}

export default async function reportCommand(opts: ReportOptions): Promise<void> {
  const ctx = await createContext(opts);
  const w = writeOptions(ctx, {});
  const plan = planFor(ctx.workspace.load(), ctx.settings);
  const file = await writeOutputs(w, (files) => writeReport(plan, { ...w, today: todayIn(ctx.settings.timeZone), names: opts.names }, files));
  if (opts.json) return ctx.out.json({ written: [file] });
  ctx.out.info(`Wrote ${file}${opts.names ? '' : ' (numbers only: no names, e-mails or ids)'}. Open it in a browser, or print it to PDF.`);
}
