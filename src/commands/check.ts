// samling check — exit 1 when anything needs attention or waits for review, 0 otherwise.
import { createContext, type GlobalOptions } from './context.js';
import { JsonList } from '../core/render/json.js';
import { nextSteps, planFor, waitsForOrganiser } from './shared.js';
import { ExitCode, EXIT_ATTENTION } from '../errors.js';

export default async function checkCommand(opts: GlobalOptions): Promise<void> {
  const ctx = await createContext(opts);
  const plan = planFor(ctx.workspace.load(), ctx.settings);
  const waiting = plan.registrations.filter(waitsForOrganiser);
  if (opts.json) {
    await ctx.out.json({ ok: waiting.length === 0, waiting: new JsonList(waiting, (r) => ({ id: r.id, status: r.status, extraNight: r.extraNight, problems: r.problems.map((p) => p.code) })) });
  } else if (waiting.length === 0) {
    ctx.out.info('Nothing needs attention.');
  } else {
    ctx.out.info(nextSteps(plan).join('\n'));
  }
  if (waiting.length) throw new ExitCode(EXIT_ATTENTION);
}
