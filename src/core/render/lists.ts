// The lists the organisers send on: participants.csv (badges and the door), dietary.csv (the caterer) and
// digital-participants.csv (webinar invitations). Each carries only what its recipient needs. Pure; the
// command writes them with tableChunks (formula-safe cells), from each list's CSV lines. Rows are made as
// they are read, never held.
import { STATUSES, type Lang, type Plan, type PlannedRegistration, type Status } from '../types.js';
import { list, organisationOf, picks, type Column, type ListTable } from './common.js';
import { statusText, t } from './i18n.js';
import { sortBy, sortKey } from '../sort.js';

const TEXT = {
  nn: { role: 'Stilling/rolle', attendance: 'Deltaking', inPerson: 'Fysisk', digital: 'Digitalt', need: 'Allergiar, kost og andre behov' },
  nb: { role: 'Stilling/rolle', attendance: 'Deltakelse', inPerson: 'Fysisk', digital: 'Digitalt', need: 'Allergier, kost og andre behov' },
  en: { role: 'Role', attendance: 'Attendance', inPerson: 'In person', digital: 'Digital', need: 'Dietary and other needs' },
} satisfies Record<Lang, Record<string, string>>;

const active = (r: PlannedRegistration) => r.status !== 'cancelled';

/**
 * The people (those `keep` picks) in the order of sortBy(people, (r) => [sortKey(organisationOf(r)),
 * sortKey(r.lastName), sortKey(r.firstName)]), ties in input order, a group of one organisation at a time.
 * The plan's people come in name order within each municipality already, so they are only bucketed by
 * organisation (in input order) and the buckets put in key order. With `inOutputOrder` (the plan says so),
 * a bucket that holds one municipality's people, or only people without one, is in name order as it is;
 * any other bucket is checked, and sorted only when found out of order. No key array per person: one
 * organisation key per run of one municipality.
 */
function* byOrganisation(
  people: PlannedRegistration[],
  keep = (_: PlannedRegistration) => true,
  inOutputOrder = false,
): Generator<PlannedRegistration[]> {
  const groups = new Map<string, { people: PlannedRegistration[]; code: string | null; mixed: boolean }>();
  let municipality: PlannedRegistration['municipality'] | undefined;
  let key: string | undefined;
  let group = { people: [] as PlannedRegistration[], code: null as string | null, mixed: false };
  for (const r of people) {
    if (!keep(r)) continue;
    const code = r.municipality?.code ?? null;
    if (r.municipality !== municipality || !r.municipality) {
      municipality = r.municipality;
      const k = sortKey(organisationOf(r));
      if (k !== key) {
        key = k;
        const known = groups.get(k);
        if (known) group = known;
        else groups.set(k, (group = { people: [], code, mixed: false }));
      }
    }
    if (code !== group.code) group.mixed = true;
    group.people.push(r);
  }
  for (const k of [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const g = groups.get(k)!;
    const sorted = (inOutputOrder && !g.mixed) || inNameOrder(g.people);
    yield sorted ? g.people : sortBy(g.people, (r) => [sortKey(r.lastName), sortKey(r.firstName)]);
  }
}

function inNameOrder(people: PlannedRegistration[]): boolean {
  let last = '';
  let first = '';
  for (const r of people) {
    const l = sortKey(r.lastName);
    const f = sortKey(r.firstName);
    if (l < last || (l === last && f < first)) return false;
    last = l;
    first = f;
  }
  return true;
}

/** The status texts of a language, looked up once each. */
const statusTexts = (lang: Lang): Record<Status, string> =>
  Object.fromEntries(STATUSES.map((s) => [s, statusText(s, lang)])) as Record<Status, string>;

/** The people of the groups, one group after another. */
function* flat(groups: Iterable<PlannedRegistration[]>): Generator<PlannedRegistration> {
  for (const group of groups) yield* group;
}

const FIRST_NAME: Column = { cell: (r) => r.firstName };
const LAST_NAME: Column = { cell: (r) => r.lastName };
const ORGANISATION: Column = { cell: organisationOf, repeats: true };

/**
 * participants.csv: everyone registered who has not cancelled — late and unresolved ones too, with their
 * status — for name badges and the door. Name, municipality or organisation, role, in person or digital.
 */
export function participantRows(plan: Plan, lang: Lang): ListTable {
  const x = TEXT[lang];
  const status = statusTexts(lang);
  return list(
    [t(lang, 'col.firstName'), t(lang, 'col.lastName'), t(lang, 'col.organisation'), x.role, x.attendance, t(lang, 'col.status')],
    () => flat(byOrganisation(plan.registrations, active, plan.inOutputOrder)),
    [
      FIRST_NAME,
      LAST_NAME,
      ORGANISATION,
      { cell: (r) => r.role ?? '', repeats: true },
      { cell: (r) => (r.attendance === 'digital' ? x.digital : x.inPerson), repeats: true },
      { cell: (r) => status[r.status], repeats: true },
    ],
  );
}

/**
 * dietary.csv: for the caterer, one row per in-person participant (not cancelled) who states a dietary or
 * other need: their name (the kitchen must serve the right plate), municipality or organisation, and the
 * need — nothing else about them.
 */
export function dietaryRows(plan: Plan, lang: Lang): ListTable {
  return list(
    [t(lang, 'col.lastName'), t(lang, 'col.firstName'), t(lang, 'col.organisation'), TEXT[lang].need],
    // The dietary people are a part of the plan's, in the same order.
    () => flat(byOrganisation(picks(plan).dietary, undefined, plan.inOutputOrder)),
    [LAST_NAME, FIRST_NAME, ORGANISATION, { cell: (r) => r.dietary!.trim(), repeats: true }],
  );
}

/** digital-participants.csv: name and e-mail of everyone taking part digitally (not cancelled). */
export function digitalRows(plan: Plan, lang: Lang): ListTable {
  return list(
    [t(lang, 'col.firstName'), t(lang, 'col.lastName'), t(lang, 'col.email')],
    () => sortBy(picks(plan).digital, (r) => [sortKey(r.lastName), sortKey(r.firstName)]),
    [FIRST_NAME, LAST_NAME, { cell: (r) => r.email ?? '' }],
  );
}
