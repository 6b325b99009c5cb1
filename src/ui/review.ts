// Interactive review where a question arises. Only called when the context is interactive.
import { prompts } from './prompts.js';
import type { PlannedRegistration } from '../core/types.js';

const who = (r: PlannedRegistration) =>
  `${r.firstName} ${r.lastName}`.trim() + ` — ${r.municipality?.name ?? r.organisation} — ${r.submittedAt?.slice(0, 16).replace('T', ' ') ?? ''} (${r.id})`;

/** Late registrations: tick those to approve, then those to reject among the rest. */
export async function reviewLate(pending: PlannedRegistration[]): Promise<{ approve: string[]; reject: string[] }> {
  const p = prompts();
  const approve = await p.checkbox({
    message: `${pending.length} late registration(s). Tick those to APPROVE (space to tick, enter to go on):`,
    choices: pending.map((r) => ({ name: who(r), value: r.id })),
  });
  const rest = pending.filter((r) => !approve.includes(r.id));
  const reject = rest.length
    ? await p.checkbox({
        message: 'Tick those to REJECT (the others keep waiting):',
        choices: rest.map((r) => ({ name: who(r), value: r.id })),
      })
    : [];
  return { approve, reject };
}
