// Wiring shared by the commands: from workspace state and settings to a plan.
import { createRegister } from '../core/register.js';
import { plan as decide } from '../core/rules.js';
import { emailKey } from '../core/rows.js';
import type { EventSettings, Plan, Register, Registration } from '../core/types.js';
import type { WorkspaceState } from '../workspace/workspace.js';

export function registerFor(settings: EventSettings): Register {
  return createRegister({
    county: settings.region.county,
    period: settings.region.period,
    aliases: settings.aliases,
    members: settings.register?.municipalities,
  });
}

export function planFor(state: WorkspaceState, settings: EventSettings, register = registerFor(settings)): Plan {
  const registrations: Registration[] = [...state.registrations.current.values()];
  return decide(registrations, state.decisions, settings, register);
}

/** Finds a registration by id or e-mail (case and spaces ignored). */
export function findRegistration(state: WorkspaceState, idOrEmail: string): Registration | undefined {
  const wanted = idOrEmail.trim();
  if (wanted.includes('@')) return state.registrations.current.get(emailKey(wanted));
  const id = wanted.toLowerCase();
  for (const r of state.registrations.current.values()) if (r.id === id) return r;
  return undefined;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Today's date in the event's time zone, for "in 12 days" / "3 days ago". */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

/** What to do next, after an import or a plan. */
export function nextSteps(plan: Plan): string[] {
  const lines: string[] = [];
  // One pass over everyone for all the counts (no array per count: a plan can hold a million people).
  let [late, attention, unclear, review] = [0, 0, 0, 0];
  for (const r of plan.registrations) {
    if (r.status === 'late-pending') late++;
    else if (r.status === 'needs-attention') {
      attention++;
      if (r.problems.some((p) => p.code === 'unknown-municipality')) unclear++;
    }
    if (r.extraNight === 'review') review++;
  }
  if (late) lines.push(`${plural(late, 'late registration waits', 'late registrations wait')} for a decision: samling late`);
  if (attention) lines.push(`${plural(attention, 'registration needs', 'registrations need')} attention: samling status (or out/needs-attention.csv after samling plan)`);
  if (unclear) lines.push(`${plural(unclear, 'municipality name is', 'municipality names are')} unclear: samling decide ID --municipality CODE (or none); in a terminal, samling plan --review asks`);
  if (review) lines.push(`${plural(review, 'extra-night request waits', 'extra-night requests wait')} for review: samling decide ID --extra-night / --no-extra-night`);
  return lines;
}
