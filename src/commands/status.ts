// samling status — the overview in the terminal, or the whole result as JSON (SPEC section 6).
import { createContext, type GlobalOptions } from './context.js';
import { nextSteps, planFor, plural, todayIn } from './shared.js';
import { statusJson } from '../core/render/status-json.js';
import { bar, table } from '../ui/table.js';
import { color } from '../ui/color.js';
import { problemText } from '../core/render/i18n.js';
import type { Plan, PlannedRegistration, Status } from '../core/types.js';

/** Whole days from `today` to `date` (negative when passed). */
function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function statusLines(plan: Plan, today: string): string[] {
  const e = plan.event;
  const lines: string[] = [];
  lines.push(color.bold(e.name) + ` — ${e.venue}, ${e.start.replace('T', ' ')} to ${e.end.replace('T', ' ')}`);
  const d = daysUntil(e.deadline, today);
  const when = d > 0 ? `in ${plural(d, 'day', 'days')}` : d === 0 ? 'today' : `passed ${plural(-d, 'day', 'days')} ago`;
  lines.push(`Deadline ${e.deadline} (${when}) · ${e.quota} paid places per municipality · late policy: ${e.latePolicy}`);
  lines.push('');
  const rows = plan.municipalities.map((m) => [
    m.registered ? m.name : color.dim(m.name),
    String(m.registered),
    `${bar(m.covered, e.quota)} ${m.covered}/${e.quota}`,
    m.extraNights ? String(m.extraNights) : color.dim('0'),
    m.overQuota ? color.yellow(String(m.overQuota)) : color.dim('0'),
    m.latePending ? color.yellow(String(m.latePending)) : color.dim('0'),
    m.topLeader ? color.green('yes') : color.dim('no'),
  ]);
  lines.push(...table(['Municipality', 'Registered', 'Places', 'Extra nights', 'Over quota', 'Late', 'Top leader'], rows, ['l', 'r', 'l', 'r', 'r', 'r', 'l']));
  lines.push('');
  for (const h of plan.hotels) {
    const nights = h.nights.map((n) => `${n.date}: ${n.rooms}${n.capacity !== null ? ` of ${n.capacity}` : ''} rooms` +
      (n.municipalityPaid ? ` (${n.municipalityPaid} paid by their municipality)` : '')).join(' · ');
    lines.push(`${color.bold(h.name)}  ${nights || 'no rooms yet'}`);
  }
  // One pass over the people for every count and the first to look at (a million of them: no array per status).
  const tally: Partial<Record<Status, number>> = {};
  const attention: PlannedRegistration[] = [];
  let attentionCount = 0;
  for (const r of plan.registrations) {
    tally[r.status] = (tally[r.status] ?? 0) + 1;
    if (r.status === 'needs-attention' && attentionCount++ < 20) attention.push(r);
  }
  const count = (s: Status) => tally[s] ?? 0;
  const registered = plan.registrations.length - count('cancelled');
  lines.push(
    `${plural(registered, 'registration', 'registrations')} · ${count('covered')} covered · ${count('over-quota')} over quota · ${count('digital')} digital · ${count('not-eligible')} not eligible · ${count('cancelled')} cancelled`,
  );
  const missing = plan.municipalities.filter((m) => m.registered === 0).map((m) => m.name);
  lines.push(missing.length ? `Not registered yet (${missing.length}): ${missing.join(', ')}` : color.green('Every municipality has registered.'));
  const leaders = plan.municipalities.filter((m) => m.topLeader).length;
  lines.push(`Top leaders' forum: ${leaders} of ${plan.municipalities.length} municipalities send a mayor or municipal director`);
  if (attentionCount) {
    lines.push('', color.red.bold(`Needs attention (${attentionCount}):`));
    for (const r of attention) {
      lines.push(`  ${r.id}  ${r.source.file} row ${r.source.row}: ${r.problems.map((p) => problemText(p, 'en')).join('; ')}`);
    }
    if (attentionCount > 20) lines.push(`  … and ${attentionCount - 20} more (out/needs-attention.csv after samling plan)`);
  }
  const next = nextSteps(plan);
  if (next.length) lines.push('', ...next);
  return lines;
}

export default async function statusCommand(opts: GlobalOptions): Promise<void> {
  const ctx = await createContext(opts);
  const plan = planFor(ctx.workspace.load(), ctx.settings);
  if (opts.json) {
    await ctx.out.json(statusJson(plan));
    return;
  }
  ctx.out.data(statusLines(plan, todayIn(ctx.settings.timeZone)).join('\n'));
}
