// The lists the organisers send on: participants.csv (badges and the door), dietary.csv (the caterer) and
// digital-participants.csv (webinar invitations). Each carries only what its recipient needs. Pure; the
// command writes them with toCsv (formula-safe cells).
import type { Lang, Plan, PlannedRegistration } from '../types.js';
import { organisationOf } from './common.js';
import { statusText, t } from './i18n.js';
import { fold } from '../text.js';
import { sortBy, sortByGroup, sortKey } from '../sort.js';

type Table = { header: string[]; rows: string[][] };

const TEXT = {
  nn: { role: 'Stilling/rolle', attendance: 'Deltaking', inPerson: 'Fysisk', digital: 'Digitalt', need: 'Allergiar, kost og andre behov' },
  nb: { role: 'Stilling/rolle', attendance: 'Deltakelse', inPerson: 'Fysisk', digital: 'Digitalt', need: 'Allergier, kost og andre behov' },
  en: { role: 'Role', attendance: 'Attendance', inPerson: 'In person', digital: 'Digital', need: 'Dietary and other needs' },
} satisfies Record<Lang, Record<string, string>>;

const active = (r: PlannedRegistration) => r.status !== 'cancelled';


/**
 * participants.csv: everyone registered who has not cancelled — late and unresolved ones too, with their
 * status — for name badges and the door. Name, municipality or organisation, role, in person or digital.
 */
export function participantRows(plan: Plan, lang: Lang): Table {
  const x = TEXT[lang];
  const header = [t(lang, 'col.firstName'), t(lang, 'col.lastName'), t(lang, 'col.organisation'), x.role, x.attendance, t(lang, 'col.status')];
  // The plan is in name order within each municipality already: sortByGroup mostly only checks it.
  const rows = sortByGroup(plan.registrations.filter(active), (r) => sortKey(organisationOf(r)), (r) => [sortKey(r.lastName), sortKey(r.firstName)]).map((r) => [
      r.firstName,
      r.lastName,
      organisationOf(r),
      r.role ?? '',
      r.attendance === 'digital' ? x.digital : x.inPerson,
      statusText(r.status, lang),
    ]);
  return { header, rows };
}

// Answers that mean "no need": "Nei", "Ingen", "-", "Ingen allergiar", "None", "n/a"…
const NO_NEED = /^(?:nei|no|ingen|ingenting|none|nothing|ikkje|ikke|nope|na|n a|x|0|nei takk|no thanks)?(?: (?:allergi\w*|allerg\w*|behov|needs?|spesielle? \w+|special \w+))?$/;

/** A dietary answer that states an actual need (not blank, "Nei", "Ingen", "-"). */
export function statesNeed(text: string | null): text is string {
  return text !== null && !NO_NEED.test(fold(text));
}

/**
 * dietary.csv: for the caterer, one row per in-person participant (not cancelled) who states a dietary or
 * other need: their name (the kitchen must serve the right plate), municipality or organisation, and the
 * need — nothing else about them.
 */
export function dietaryRows(plan: Plan, lang: Lang): Table {
  const header = [t(lang, 'col.lastName'), t(lang, 'col.firstName'), t(lang, 'col.organisation'), TEXT[lang].need];
  const rows = sortByGroup(
    plan.registrations
      .filter((r) => active(r) && r.attendance === 'in-person' && statesNeed(r.dietary))
      .map((r) => [r.lastName, r.firstName, organisationOf(r), r.dietary!.trim()]),
    (row) => sortKey(row[2]!),
    (row) => [sortKey(row[0]!), sortKey(row[1]!)],
  );
  return { header, rows };
}

/** digital-participants.csv: name and e-mail of everyone taking part digitally (not cancelled). */
export function digitalRows(plan: Plan, lang: Lang): Table {
  const header = [t(lang, 'col.firstName'), t(lang, 'col.lastName'), t(lang, 'col.email')];
  const rows = sortBy(
    plan.registrations.filter((r) => active(r) && r.attendance === 'digital'),
    (r) => [sortKey(r.lastName), sortKey(r.firstName)],
  ).map((r) => [r.firstName, r.lastName, r.email ?? '']);
  return { header, rows };
}
