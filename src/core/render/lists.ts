// The lists the organisers send on: participants.csv (badges and the door), dietary.csv (the caterer) and
// digital-participants.csv (webinar invitations). Each carries only what its recipient needs. Pure; the
// command writes them with toCsv (formula-safe cells).
import type { Lang, Plan, PlannedRegistration } from '../types.js';
import { organisationOf } from './common.js';
import { statusText, t } from './i18n.js';
import { fold } from '../text.js';

type Table = { header: string[]; rows: string[][] };

const TEXT = {
  nn: { role: 'Stilling/rolle', attendance: 'Deltaking', inPerson: 'Fysisk', digital: 'Digitalt', need: 'Allergiar, kost og andre behov' },
  nb: { role: 'Stilling/rolle', attendance: 'Deltakelse', inPerson: 'Fysisk', digital: 'Digitalt', need: 'Allergier, kost og andre behov' },
  en: { role: 'Role', attendance: 'Attendance', inPerson: 'In person', digital: 'Digital', need: 'Dietary and other needs' },
} satisfies Record<Lang, Record<string, string>>;

const active = (r: PlannedRegistration) => r.status !== 'cancelled';

/**
 * A key whose plain code-unit order is Norwegian alphabetical order: case and accents ignored, æ ø å after z,
 * numbers by value. Much cheaper than a collator call per comparison when sorting a million rows.
 */
export function sortKey(s: string): string {
  let k = s.toLowerCase();
  if (NORDIC.test(k)) k = k.replace(NORDIC_ALL, (c) => LAST[c]!);
  if (NON_ASCII.test(k)) k = k.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (DIGIT.test(k)) k = k.replace(/\d+/g, (d) => d.padStart(12, '0'));
  return k;
}
const LAST: Record<string, string> = { æ: '{', ä: '{', ø: '|', ö: '|', å: '}' };
const NORDIC = /[æäøöå]/;
const NORDIC_ALL = /[æäøöå]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const DIGIT = /\d/;

/**
 * Sorts by `keys` in order, ties keeping input order. Each value becomes its sort key once (a million rows
 * sort by plain string comparison, not a collator call per comparison).
 */
function sortBy<T>(items: T[], keys: ((item: T) => string)[]): T[] {
  const columns = keys.map((f, n) => {
    if (n > 0) return items.map((item) => sortKey(f(item)));
    // The first key (the organisation) repeats: one key per distinct value.
    const cache = new Map<string, string>();
    return items.map((item) => {
      const v = f(item);
      let k = cache.get(v);
      if (k === undefined) cache.set(v, (k = sortKey(v)));
      if (cache.size > 50_000) cache.clear();
      return k;
    });
  });
  const order = Array.from(items.keys()).sort((a, b) => {
    for (const c of columns) if (c[a] !== c[b]) return c[a]! < c[b]! ? -1 : 1;
    return a - b;
  });
  return order.map((i) => items[i]!);
}

/**
 * participants.csv: everyone registered who has not cancelled — late and unresolved ones too, with their
 * status — for name badges and the door. Name, municipality or organisation, role, in person or digital.
 */
export function participantRows(plan: Plan, lang: Lang): Table {
  const x = TEXT[lang];
  const header = [t(lang, 'col.firstName'), t(lang, 'col.lastName'), t(lang, 'col.organisation'), x.role, x.attendance, t(lang, 'col.status')];
  const rows = sortBy(plan.registrations.filter(active), [organisationOf, (r) => r.lastName, (r) => r.firstName]).map((r) => [
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
  const rows = sortBy(
    plan.registrations
      .filter((r) => active(r) && r.attendance === 'in-person' && statesNeed(r.dietary))
      .map((r) => [r.lastName, r.firstName, organisationOf(r), r.dietary!.trim()]),
    [(row) => row[2]!, (row) => row[0]!, (row) => row[1]!],
  );
  return { header, rows };
}

/** digital-participants.csv: name and e-mail of everyone taking part digitally (not cancelled). */
export function digitalRows(plan: Plan, lang: Lang): Table {
  const header = [t(lang, 'col.firstName'), t(lang, 'col.lastName'), t(lang, 'col.email')];
  const rows = sortBy(
    plan.registrations.filter((r) => active(r) && r.attendance === 'digital'),
    [(r) => r.lastName, (r) => r.firstName],
  ).map((r) => [r.firstName, r.lastName, r.email ?? '']);
  return { header, rows };
}
