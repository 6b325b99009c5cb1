// One Markdown letter per municipality of the region, naming only its own participants. Pure.
import type { Lang, MunicipalitySummary, Plan, PlannedRegistration, Status } from '../types.js';
import { lazy, runs, slug } from './common.js';
import { addDays } from '../dates.js';
import { extraNightText, formatDate, formatDateTime, formatNight, formatSpan, statusText, t } from './i18n.js';

const MARKDOWN_SPECIAL = /[\r\n\\`*_[\]<>|~#&!]/;

/** Escapes what Markdown would read as formatting or a table border; line breaks become spaces. */
export function escapeMarkdown(s: string): string {
  if (!MARKDOWN_SPECIAL.test(s)) return s; // most names: nothing to escape, no new string
  return s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~#&!]/g, '\\$&');
}

/** The order participants are listed in: those with a place first. */
const STATUS_ORDER: Status[] = [
  'covered',
  'over-quota',
  'late-pending',
  'late-rejected',
  'no-room',
  'digital',
  'not-eligible',
  'needs-attention',
  'cancelled',
];
const RANK = new Map(STATUS_ORDER.map((s, i) => [s, i]));

export function letterFileName(code: string, name: string): string {
  return `${code}-${slug(name, 'kommune')}.md`;
}

export interface Letter {
  fileName: string;
  /** The Markdown text in pieces (a line or a table row each), made as they are read; re-readable. */
  chunks: Iterable<string>;
}

/** A letter's whole text. */
export const letterText = (letter: Letter): string => [...letter.chunks].join('');

export function municipalityLetters(plan: Plan, lang: Lang): Letter[] {
  const { event } = plan;
  // Each municipality's people bucketed by status (in STATUS_ORDER), in one pass. Bucketing keeps plan order
  // within a status, and plan.registrations is in (municipality, last name, first name, id) order already,
  // so this is the stable sort by status that lists each status by name, without a comparison sort.
  const byCode = new Map<string, PlannedRegistration[][]>();
  let code: string | undefined;
  let buckets: PlannedRegistration[][] = [];
  for (const r of plan.registrations) {
    if (!r.municipality) continue;
    if (r.municipality.code !== code) {
      code = r.municipality.code;
      const known = byCode.get(code);
      if (known) buckets = known;
      else byCode.set(code, (buckets = STATUS_ORDER.map(() => [])));
    }
    buckets[RANK.get(r.status)!]!.push(r);
  }
  const common = {
    event: event.name,
    venue: event.venue,
    dates: `${formatDateTime(lang, event.start)} – ${formatDateTime(lang, event.end)}`,
  };
  // Most people share the same nights: format each set once.
  const nightsCache = new Map<string, string>();
  const nightsText = (nights: string[]): string => {
    const key = nights.join();
    let text = nightsCache.get(key);
    if (text === undefined) {
      text = nights.length
        ? runs(nights).map((run) => formatSpan(lang, run[0]!, addDays(run[run.length - 1]!, 1))).join(', ')
        : t(lang, 'letter.noNights');
      nightsCache.set(key, text);
    }
    return text;
  };
  // Status, nights and extra night: few combinations among many people, so each is written once (with the
  // row's end). Looked up by status (a bucket's), extra night, then nights: no key string per person.
  const afterName = STATUS_ORDER.map(() => new Map<string, Map<string, string>>());
  const cellsAfterName = (rank: number, r: PlannedRegistration): string => {
    const byExtra = afterName[rank]!;
    let byNights = byExtra.get(r.extraNight);
    if (!byNights) byExtra.set(r.extraNight, (byNights = new Map()));
    const nights = r.nights.length === 0 ? '' : r.nights.length === 1 ? r.nights[0]! : r.nights.join();
    let text = byNights.get(nights);
    if (text === undefined) {
      text = ` | ${statusText(STATUS_ORDER[rank]!, lang)} | ${nightsText(r.nights)} | ${extraNightText(r.extraNight, lang)} |`;
      byNights.set(nights, text);
    }
    return text;
  };
  const header = `| ${t(lang, 'col.name')} | ${t(lang, 'col.status')} | ${t(lang, 'col.nights')} | ${t(lang, 'col.extraNight')} |\n| --- | --- | --- | --- |`;

  // The paragraphs are joined by a blank line; the table's rows by a line break, one piece per row.
  function* chunks(m: MunicipalitySummary): Generator<string> {
    const title = `# ${t(lang, 'letter.title', { event: event.name, municipality: m.name })}`;
    yield `${title}\n\n${t(lang, 'letter.greeting', { municipality: m.name })}\n\n${t(lang, m.registered === 0 ? 'letter.none' : 'letter.intro', common)}`;
    const people = byCode.get(m.code);
    if (people?.some((bucket) => bucket.length)) {
      yield '\n\n' + header;
      for (let rank = 0; rank < people.length; rank++) {
        for (const r of people[rank]!) {
          // fullName, escaped a part at a time: no joined name made (and flattened) only to be tested.
          const first = r.firstName;
          const last = r.lastName;
          const name = first && last ? escapeMarkdown(first) + ' ' + escapeMarkdown(last) : escapeMarkdown(first || last);
          yield '\n| ' + name + cellsAfterName(rank, r);
        }
      }
    }
    let quota = t(lang, 'letter.quota', { quota: event.quota, used: m.covered, left: m.placesLeft });
    if (m.overQuota > 0) quota += ' ' + t(lang, 'letter.overQuota', { count: m.overQuota });
    const parts = [quota];
    if (event.extraNight) parts.push(t(lang, 'letter.extraNight', { night: formatNight(lang, event.extraNight) }));
    parts.push(t(lang, 'letter.deadline', { deadline: formatDate(lang, event.deadline) }));
    parts.push(t(lang, m.topLeader ? 'letter.topLeaderYes' : 'letter.topLeaderNo'));
    parts.push(t(lang, 'letter.closing'), t(lang, 'letter.signature'));
    yield '\n\n' + parts.join('\n\n') + '\n';
  }

  return plan.municipalities.map((m) => ({ fileName: letterFileName(m.code, m.name), chunks: lazy(() => chunks(m)) }));
}
