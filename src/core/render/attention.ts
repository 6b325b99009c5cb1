// late-registrations.csv and needs-attention.csv: what the organiser must act on, with the command. Pure.
import type { Lang, Plan, PlannedRegistration, Problem, ProblemCode } from '../types.js';
import { fullName, lazy, list, organisationOf, picks, sortBy, type ListTable } from './common.js';
import { problemText, t, type MessageKey } from './i18n.js';

/** `2021-09-16T08:05:00+02:00` → `2021-09-16 08:05` (the plan's times are already in the event's zone). */
const localTime = (iso: string | null): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');

const lateSorted = new WeakMap<Plan, PlannedRegistration[]>();

/**
 * The late registrations by submission time (unknown times last, ties in plan order): sorted once per plan,
 * for late-registrations.csv and the report's table alike.
 */
function lateByTime(plan: Plan): PlannedRegistration[] {
  let late = lateSorted.get(plan);
  if (!late) {
    late = sortBy(picks(plan).late, (r) => [r.submittedAt ? Date.parse(r.submittedAt) : Infinity]);
    lateSorted.set(plan, late);
  }
  return late;
}

/** The decision in force on a late registration, and the command that changes it ('' when there is none). */
function lateDecision(r: PlannedRegistration): [MessageKey, string] {
  if (r.lateDecision === 'approved') return ['late.approved', `samling late --reject ${r.id}`];
  if (r.lateDecision === 'rejected') return ['late.rejected', `samling late --approve ${r.id}`];
  return r.status === 'late-pending' ? ['late.pending', `samling late --approve ${r.id}`] : ['late.none', ''];
}

/** Late registrations (not cancelled), by submission time, with the decision in force and how to change it. */
export function lateRows(plan: Plan, lang: Lang): ListTable {
  const header = ['col.id', 'col.name', 'col.organisation', 'col.submittedAt', 'col.decision', 'col.email', 'col.command'].map(
    (k) => t(lang, k as MessageKey),
  );
  return list(header, () => lateByTime(plan), [
    { cell: (r) => r.id },
    { cell: fullName },
    { cell: organisationOf, repeats: true },
    { cell: (r) => localTime(r.submittedAt) },
    { cell: (r) => t(lang, lateDecision(r)[0]), repeats: true },
    { cell: (r) => r.email ?? '' },
    { cell: (r) => lateDecision(r)[1] },
  ]);
}

/** What to do about a problem, and the command that does it ('' when it is fixed elsewhere). */
function remedy(p: Problem, id: string): [MessageKey, string] | null {
  const code: ProblemCode = p.code;
  switch (code) {
    case 'unknown-municipality': {
      const suggested = p.args?.codes?.split(/[\s,;|]+/).find(Boolean) ?? 'CODE';
      return ['action.mapMunicipality', `samling decide ${id} --municipality ${suggested}`];
    }
    case 'likely-duplicate':
      return ['action.duplicate', `samling decide ${id} --cancel`];
    case 'no-name':
    case 'no-organisation':
    case 'bad-time':
      return ['action.fixOrCancel', `samling decide ${id} --cancel`];
    case 'anonymous-email':
    case 'bad-email':
      return ['action.email', ''];
    case 'unplaced':
      return ['action.unplaced', ''];
    case 'extra-night-without-main':
      return null;
  }
}

/**
 * Registrations the organiser must look at: needs-attention ones, others with a problem (e.g. no hotel room
 * left), and extra-night requests held for review. Sorted by source file and row, to fix them in the form.
 */
export function attentionRows(plan: Plan, lang: Lang): { header: string[]; rows: Iterable<string[]> } {
  const header = [
    'col.id',
    'col.name',
    'col.organisationTyped',
    'col.file',
    'col.row',
    'col.reason',
    'col.action',
    'col.command',
  ].map((k) => t(lang, k as MessageKey));
  const rows = lazy(function* () {
    for (const r of sortBy(picks(plan).attention, (r) => [r.source.file, r.source.row])) {
      const reasons = r.problems.map((p) => problemText(p, lang));
      const remedies = r.problems.map((p) => remedy(p, r.id)).filter((x) => x !== null);
      if (r.status === 'needs-attention' && reasons.length === 0) reasons.push(t(lang, 'reason.generic'));
      if (r.extraNight === 'review') {
        reasons.push(t(lang, 'reason.extraNightReview'));
        remedies.push(['action.extraNight', `samling decide ${r.id} --extra-night`]);
      }
      const actions = [...new Set(remedies.map(([k]) => t(lang, k)))];
      const command = remedies.find(([, c]) => c)?.[1] ?? '';
      yield [r.id, fullName(r), r.organisation, r.source.file, String(r.source.row), reasons.join('; '), actions.join('; '), command];
    }
  });
  return { header, rows };
}
