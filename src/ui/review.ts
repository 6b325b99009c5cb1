// Interactive review where a question arises. Only called when the context is interactive; each function
// asks through the one prompts module and returns the answers as data, which the command records.
import { prompts, type Choice } from './prompts.js';
import { fold } from '../core/text.js';
import type { Decision, Field, Plan, PlannedRegistration, Register } from '../core/types.js';
import type { ColumnQuestion } from '../workspace/importer.js';

const when = (r: PlannedRegistration) => r.submittedAt?.slice(0, 16).replace('T', ' ') ?? 'no time';
const fullName = (r: PlannedRegistration) => `${r.firstName} ${r.lastName}`.trim() || '(no name)';
const who = (r: PlannedRegistration) => `${fullName(r)} — ${r.municipality?.name ?? r.organisation} — ${when(r)} (${r.id})`;

/** Late registrations: tick those to approve, then those to reject among the rest. */
export async function reviewLate(pending: PlannedRegistration[]): Promise<{ approve: string[]; reject: string[] }> {
  const p = prompts();
  const approve = await p.checkbox({
    message: `${pending.length} late registration(s) wait for you. Tick those to APPROVE (space ticks, enter goes on):`,
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

const FIELD_WORDS: Partial<Record<Field, string>> = {
  name: 'the full name',
  firstName: 'the first name',
  lastName: 'the last name',
  organisation: 'the municipality or organisation',
  submittedAt: 'the submission time',
};

/** A required field no column was found for: which column holds it? null = none of them. */
export async function askColumn(q: ColumnQuestion): Promise<number | null> {
  const choices: Choice<number | null>[] = q.headers.map((h, i) => ({
    name: `"${h.trim() || `column ${i + 1}`}"${q.fields[i] ? ` (now read as ${q.fields[i]})` : ''}`,
    value: i,
    description: q.examples[i]?.length ? `e.g. ${q.examples[i]!.join(' · ')}` : 'empty in the first rows',
  }));
  // Columns not used for anything come first: the answer is most likely among them.
  choices.sort((a, b) => Number(q.fields[a.value!] != null) - Number(q.fields[b.value!] != null));
  choices.push({ name: 'None of these: stop (nothing is imported)', value: null });
  return prompts().select({ message: `${q.file}: no column found for ${FIELD_WORDS[q.field] ?? q.field}. Which column is it?`, choices });
}

/** An organiser's answer to "what does this typed name mean?": a map-municipality decision without its time. */
export interface MunicipalityAnswer {
  id: string;
  /** The typed name, folded: the decision applies to everyone who typed it. */
  name: string;
  code: string | null;
}

/**
 * Names a letter or two from a municipality of the region: once per distinct name, pick a suggestion,
 * another municipality, "not a municipality of the region", or skip (decide later).
 */
export async function reviewMunicipalities(regs: PlannedRegistration[], register: Register): Promise<MunicipalityAnswer[]> {
  const groups = new Map<string, { regs: PlannedRegistration[]; codes: string[] }>();
  for (const r of regs) {
    const problem = r.problems.find((x) => x.code === 'unknown-municipality');
    const name = fold(r.organisation);
    if (!problem || !name) continue;
    const g = groups.get(name) ?? { regs: [], codes: (problem.args?.codes ?? '').split(',').filter(Boolean) };
    g.regs.push(r);
    groups.set(name, g);
  }
  const nameOf = (code: string) => register.municipalities.find((m) => m.code === code)?.name ?? code;
  const answers: MunicipalityAnswer[] = [];
  let i = 0;
  for (const [name, g] of groups) {
    const first = g.regs[0]!;
    const others = g.regs.length > 1 ? ` and ${g.regs.length - 1} more` : '';
    const SKIP = 'skip', NONE = 'none', OTHER = 'other';
    const choice = await prompts().select<string>({
      message: `(${++i}/${groups.size}) “${first.organisation}” is not a municipality of ${register.regionName} as written ` +
        `(${fullName(first)}, ${first.source.file} row ${first.source.row}${others}). What does it mean?`,
      choices: [
        ...g.codes.map((c) => ({ name: `${nameOf(c)} (${c})`, value: c })),
        { name: 'Another municipality of the region…', value: OTHER },
        { name: `Not a municipality of ${register.regionName} (attends, no paid room)`, value: NONE },
        { name: 'Skip: decide later (stays in needs-attention)', value: SKIP },
      ],
      default: g.codes[0] ?? SKIP,
    });
    if (choice === SKIP) continue;
    let code: string | null = choice === NONE ? null : choice;
    if (choice === OTHER) {
      code = await prompts().select({
        message: `Which municipality does “${first.organisation}” mean?`,
        choices: register.municipalities.map((m) => ({ name: `${m.name} (${m.code})`, value: m.code })),
      });
    }
    answers.push({ id: first.id, name, code });
  }
  return answers;
}

/** A municipality with more people than places, and no cover/uncover decision for any of them yet. */
export interface OverQuota {
  code: string;
  name: string;
  /** Everyone who could have a place (covered or over quota), in submission order. */
  candidates: PlannedRegistration[];
}

export function overQuotaUndecided(plan: Plan, decisions: Decision[]): OverQuota[] {
  const decided = new Set(decisions.filter((d) => d.kind === 'cover' || d.kind === 'uncover').map((d) => d.id));
  const byCode = new Map<string, PlannedRegistration[]>();
  for (const r of plan.registrations) {
    if (!r.municipality || (r.status !== 'covered' && r.status !== 'over-quota')) continue;
    const list = byCode.get(r.municipality.code) ?? [];
    list.push(r);
    byCode.set(r.municipality.code, list);
  }
  const out: OverQuota[] = [];
  for (const m of plan.municipalities) {
    const candidates = byCode.get(m.code) ?? [];
    if (!m.overQuota || candidates.some((r) => decided.has(r.id))) continue;
    candidates.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
    out.push({ code: m.code, name: m.name, candidates });
  }
  return out;
}

/** Cover/uncover decisions (without their time) that make the ticked people the ones with places. */
export type PlaceAnswer = { kind: 'cover' | 'uncover'; id: string };

/**
 * Municipalities over their quota: tick who gets the places (pre-ticked with the rule's choice, at most
 * `quota`). Only changes are returned. With `confirmFirst`, one yes/no question comes first (default no).
 */
export async function chooseOverQuota(list: OverQuota[], quota: number, confirmFirst: boolean): Promise<PlaceAnswer[]> {
  if (!list.length) return [];
  const p = prompts();
  if (confirmFirst) {
    const shown = list.slice(0, 4).map((m) => `${m.name} ${m.candidates.length} for ${quota}`).join(', ') + (list.length > 4 ? ` and ${list.length - 4} more` : '');
    const go = await p.confirm({
      message: `${list.length === 1 ? '1 municipality has' : `${list.length} municipalities have`} more people than places (${shown}); ` +
        'the earliest registrations have them. Choose yourself?',
      default: false,
    });
    if (!go) return [];
  }
  const answers: PlaceAnswer[] = [];
  for (const m of list) {
    const before = new Set(m.candidates.filter((r) => r.status === 'covered').map((r) => r.id));
    const ticked = new Set(
      await p.checkbox({
        message: `${m.name}: ${m.candidates.length} people for ${quota} places. Tick who gets them (space ticks, enter saves):`,
        choices: m.candidates.map((r) => ({
          name: `${fullName(r)}${r.role ? `, ${r.role}` : ''} — ${when(r)}${r.late ? ' (late, approved)' : ''} (${r.id})`,
          value: r.id,
          checked: before.has(r.id),
        })),
        validate: (v) => (v.length <= quota ? true : `At most ${quota}: untick ${v.length - quota}`),
      }),
    );
    if (ticked.size === before.size && [...ticked].every((id) => before.has(id))) continue;
    for (const r of m.candidates) {
      if (ticked.has(r.id) && !before.has(r.id)) answers.push({ kind: 'cover', id: r.id });
      // With places left free, everyone unticked is taken out, or the next in line would fill them.
      else if (!ticked.has(r.id) && (before.has(r.id) || ticked.size < quota)) answers.push({ kind: 'uncover', id: r.id });
    }
  }
  return answers;
}
