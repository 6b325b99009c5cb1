// samling decide ID --cover/--uncover/--extra-night/--no-extra-night/--cancel/--municipality X/--undo,
// and with no id: the list of decisions in force.
import { createContext, type GlobalOptions } from './context.js';
import { planFor, registerFor } from './shared.js';
import { decision, resolveAll, updateState } from './decisions.js';
import { InputError } from '../errors.js';
import { fold } from '../core/text.js';
import { table } from '../ui/table.js';
import type { Decision, Register } from '../core/types.js';

export interface DecideOptions extends GlobalOptions {
  cover?: boolean;
  uncover?: boolean;
  extraNight?: boolean;
  cancel?: boolean;
  notDuplicate?: boolean;
  municipality?: string;
  undo?: boolean;
}

/** "1505", "Kristiansund" or "none" → the code it means (null = not a municipality of the region). */
export function resolveMunicipality(register: Register, text: string): string | null {
  const t = text.trim();
  if (/^(none|ingen|no|nei|-)$/i.test(t)) return null;
  const byCode = register.municipalities.find((m) => m.code === t);
  if (byCode) return byCode.code;
  const m = register.match(t);
  if (m.kind === 'region') return m.code;
  const hint = m.kind === 'near-miss' ? ` Did you mean ${m.suggestions.map((s) => `${s.name} (${s.code})`).join(' or ')}?` : '';
  throw new InputError(`--municipality "${text}": not a municipality of ${register.regionName}.${hint}`, undefined, undefined,
    `Give a code or name from: ${register.municipalities.map((x) => x.name).join(', ')}; or "none".`);
}

/** `2021-09-20 14:03` in the event's time zone. */
function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function describe(d: Decision, register: Register): string {
  if (d.kind === 'map-municipality') {
    const name = d.code ? register.municipalities.find((m) => m.code === d.code)?.name ?? d.code : 'not a municipality of the region';
    return `"${d.name}" means ${name}`;
  }
  return d.kind;
}

export default async function decideCommand(opts: DecideOptions, id?: string): Promise<void> {
  const ctx = await createContext(opts);
  const register = registerFor(ctx.settings);
  if (!id) {
    const { decisions } = ctx.workspace.load();
    if (opts.json) return ctx.out.json(decisions);
    if (!decisions.length) return void ctx.out.info('No decisions yet.');
    ctx.out.data(table(['When', 'Registration', 'Decision'], decisions.map((d) => [localTime(d.at, ctx.settings.timeZone), d.id ?? '', describe(d, register)])).join('\n'));
    return;
  }
  const kinds: Decision['kind'][] = [];
  if (opts.cover) kinds.push('cover');
  if (opts.uncover) kinds.push('uncover');
  if (opts.extraNight === true) kinds.push('extra-night');
  if (opts.extraNight === false) kinds.push('no-extra-night');
  if (opts.cancel) kinds.push('cancel');
  if (opts.notDuplicate) kinds.push('not-duplicate');
  if (opts.cover && opts.uncover) throw new InputError('--cover and --uncover contradict each other');
  const mapTo = opts.municipality !== undefined ? resolveMunicipality(register, opts.municipality) : undefined;
  if (!kinds.length && mapTo === undefined && !opts.undo) {
    throw new InputError('say what to decide', undefined, undefined, 'One of --cover, --uncover, --extra-night, --no-extra-night, --cancel, --not-duplicate, --municipality CODE, --undo (see samling decide --help).');
  }
  const done = await updateState(ctx, (state) => {
    const [r] = resolveAll(state, [id]);
    const reg = r!;
    const now = new Date();
    const lines: string[] = [];
    if (opts.undo) {
      let at = -1;
      for (let i = state.decisions.length - 1; i >= 0; i--) {
        const d = state.decisions[i]!;
        if (d.id === reg.id) {
          at = i;
          break;
        }
      }
      if (at < 0) throw new InputError(`no decision to undo for ${reg.id}`);
      const [undone] = state.decisions.splice(at, 1);
      lines.push(`Undone for ${reg.id}: ${describe(undone!, register)}`);
    }
    const before = opts.cover ? planFor(state, ctx.settings, register).registrations.find((x) => x.id === reg.id)?.status : undefined;
    if (before === 'late-pending' || before === 'late-rejected') {
      state.decisions.push(decision('approve-late', reg.id, now));
      lines.push(`${reg.id}: approve-late (covering a late registration approves it)`);
    }
    for (const kind of kinds) {
      state.decisions.push(decision(kind, reg.id, now));
      lines.push(`${reg.id}: ${kind}`);
    }
    if (mapTo !== undefined) {
      const name = fold(reg.organisation);
      if (!name) throw new InputError(`${reg.id} has no organisation text to map`, undefined, undefined, 'Correct the row in the export and import it again.');
      state.decisions.push({ kind: 'map-municipality', id: reg.id, name, code: mapTo, at: now.toISOString() });
      lines.push(`Remembered: "${reg.organisation}" means ${mapTo ? register.municipalities.find((m) => m.code === mapTo)?.name : 'not a municipality of the region'} (for everyone who typed it)`);
    }
    // After the mapping: a person mapped to a municipality here may get a place by it.
    if (opts.cover) {
      const after = planFor(state, ctx.settings, register);
      const me = after.registrations.find((x) => x.id === reg.id);
      if (me?.status === 'over-quota') {
        // Covered by earlier decisions, which come first (SPEC 2): this cover waits behind them.
        const code = me.municipality?.code;
        const coverDecided = new Set(state.decisions.filter((d) => d.kind === 'cover' && d.id !== reg.id).map((d) => d.id));
        const before = after.registrations.filter((x) => x.status === 'covered' && x.municipality?.code === code && coverDecided.has(x.id)).map((x) => x.id);
        lines.push(`Note: ${reg.id} stays over-quota: ${me.municipality?.name ?? 'its municipality'}'s places all went to people covered by earlier decisions (${before.join(', ')}). To give ${reg.id} a place, uncover one of them: samling decide ID --uncover.`);
      } else if (me?.status !== 'covered') {
        lines.push(`Note: ${reg.id} is ${me?.status}, so --cover changes nothing for now (places go only to people who need a room, from a municipality of the region, on time or approved).`);
      }
    }
    return lines;
  });
  if (opts.json) return ctx.out.json({ done });
  ctx.out.info(done.join('\n') + '\nRun samling plan to write the lists again.');
}
