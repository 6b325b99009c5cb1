// Wiring shared by the commands: from workspace state and settings to a plan.
import { createRegister } from '../core/register.js';
import { plan as decide } from '../core/rules.js';
import { emailKey } from '../core/rows.js';
import type { EventSettings, Plan, PlannedRegistration, Register, Registration } from '../core/types.js';
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

/** A covered person every hotel was too full for (rules' assignHotels). */
const unplaced = (r: PlannedRegistration): boolean => r.problems.some((p) => p.code === 'unplaced');

/**
 * Whether a person waits for the organiser: needs attention, is late with no decision, asks for an extra night
 * to be reviewed, or is covered but has no hotel room. `check` and `--strict` exit 1 for these, and nextSteps
 * says what to do about each kind.
 */
export function waitsForOrganiser(r: PlannedRegistration): boolean {
  return r.status === 'needs-attention' || r.status === 'late-pending' || r.extraNight === 'review' || unplaced(r);
}

/** What to do next, after an import or a plan: a line for each kind of waitsForOrganiser, none when nothing waits. */
export function nextSteps(plan: Plan): string[] {
  const lines: string[] = [];
  // One pass over everyone for all the counts (no array per count: a plan can hold a million people).
  let [late, attention, unclear, review, noRoom] = [0, 0, 0, 0, 0];
  for (const r of plan.registrations) {
    if (r.status === 'late-pending') late++;
    else if (r.status === 'needs-attention') {
      attention++;
      if (r.problems.some((p) => p.code === 'unknown-municipality')) unclear++;
    }
    if (r.extraNight === 'review') review++;
    if (unplaced(r)) noRoom++;
  }
  if (late) lines.push(`${plural(late, 'late registration waits', 'late registrations wait')} for a decision: samling late`);
  if (attention) lines.push(`${plural(attention, 'registration needs', 'registrations need')} attention: samling status (or out/needs-attention.csv after samling plan)`);
  if (unclear) lines.push(`${plural(unclear, 'municipality name is', 'municipality names are')} unclear: samling decide ID --municipality CODE (or none); in a terminal, samling plan --review asks`);
  if (review) lines.push(`${plural(review, 'extra-night request waits', 'extra-night requests wait')} for review: samling decide ID --extra-night / --no-extra-night`);
  if (noRoom) lines.push(`${plural(noRoom, 'guest has', 'guests have')} no hotel room, as every hotel is full: add a hotel or more rooms in samling.config.json ("hotels"); they are in out/needs-attention.csv after samling plan`);
  return lines;
}
