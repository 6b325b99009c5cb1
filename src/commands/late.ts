// samling late — list late registrations; --approve / --reject them; in a terminal, pick them.
import { createContext, type GlobalOptions } from './context.js';
import { JsonList } from '../core/render/json.js';
import { planFor } from './shared.js';
import { decision, resolveAll, updateState } from './decisions.js';
import { table } from '../ui/table.js';
import { color } from '../ui/color.js';
import type { Plan, PlannedRegistration } from '../core/types.js';

export interface LateOptions extends GlobalOptions {
  approve?: string[];
  reject?: string[];
}

function lateList(plan: Plan): PlannedRegistration[] {
  return plan.registrations.filter((r) => r.late && r.status !== 'cancelled');
}

export function lateLines(plan: Plan): string[] {
  const late = lateList(plan);
  if (!late.length) return ['No late registrations.'];
  const state = (r: PlannedRegistration) =>
    r.status === 'late-pending' ? color.yellow('waiting') : r.lateDecision === 'rejected' ? color.red('rejected') : color.green('approved');
  return table(
    ['Id', 'Name', 'Municipality / organisation', 'Submitted', 'Decision', 'Status now'],
    late.map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim(), r.municipality?.name ?? r.organisation, r.submittedAt ?? '', state(r), r.status]),
  );
}

export default async function lateCommand(opts: LateOptions, ids: string[] = []): Promise<void> {
  const ctx = await createContext(opts);
  const approve = [...(opts.approve ?? [])];
  const reject = [...(opts.reject ?? [])];
  // Bare ids after the flags belong to the last flag given.
  if (ids.length) {
    if (opts.reject && !opts.approve) reject.push(...ids);
    else if (opts.approve) approve.push(...ids);
    else {
      const { InputError } = await import('../errors.js');
      throw new InputError('ids given without --approve or --reject', undefined, undefined, 'Example: samling late --approve k3m9x2qa');
    }
  }
  if (approve.length || reject.length) {
    const changed = await updateState(ctx, (state) => {
      const toApprove = resolveAll(state, approve);
      const toReject = resolveAll(state, reject);
      const now = new Date();
      for (const r of toApprove) state.decisions.push(decision('approve-late', r.id, now));
      for (const r of toReject) state.decisions.push(decision('reject-late', r.id, now));
      return { approved: toApprove.map((r) => r.id), rejected: toReject.map((r) => r.id), state };
    });
    const plan = planFor(changed.state, ctx.settings);
    const notLate = [...changed.approved, ...changed.rejected].filter((id) => !plan.registrations.find((r) => r.id === id)?.late);
    if (opts.json) {
      await ctx.out.json({ approved: changed.approved, rejected: changed.rejected, notLate });
      return;
    }
    if (changed.approved.length) ctx.out.info(`Approved: ${changed.approved.join(', ')}`);
    if (changed.rejected.length) ctx.out.info(`Rejected: ${changed.rejected.join(', ')}`);
    if (notLate.length) ctx.out.warn(`Note: not late, so the decision changes nothing for now: ${notLate.join(', ')}`);
    ctx.out.info('Run samling plan to write the lists again.');
    return;
  }
  const state = ctx.workspace.load();
  const plan = planFor(state, ctx.settings);
  if (opts.json) {
    await ctx.out.json(new JsonList(lateList(plan), (r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName, email: r.email, municipality: r.municipality, organisation: r.organisation, submittedAt: r.submittedAt, status: r.status, lateDecision: r.lateDecision })));
    return;
  }
  const pending = plan.registrations.filter((r) => r.status === 'late-pending');
  if (pending.length && ctx.interactive) {
    const { reviewLate } = await import('../ui/review.js');
    const picked = await reviewLate(pending);
    if (picked.approve.length || picked.reject.length) {
      await updateState(ctx, (s) => {
        const now = new Date();
        for (const id of picked.approve) s.decisions.push(decision('approve-late', id, now));
        for (const id of picked.reject) s.decisions.push(decision('reject-late', id, now));
      });
      ctx.out.info(`Approved ${picked.approve.length}, rejected ${picked.reject.length}. Run samling plan to write the lists again.`);
    } else ctx.out.info('Nothing decided.');
    return;
  }
  ctx.out.data(lateLines(plan).join('\n'));
  if (pending.length) ctx.out.info(`\nDecide with: samling late --approve ID... or --reject ID... (an e-mail works too)`);
}
