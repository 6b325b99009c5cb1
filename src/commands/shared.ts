// Wiring shared by the commands: from workspace state and settings to a plan.
import { createRegister } from '../core/register.js';
import { plan as decide } from '../core/rules.js';
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
  if (wanted.includes('@')) return state.registrations.current.get('e:' + wanted.replace(/\s+/g, '').toLowerCase());
  const id = wanted.toLowerCase();
  for (const r of state.registrations.current.values()) if (r.id === id) return r;
  return undefined;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
