// report.html: one self-contained page an organiser would rather look at than read. Inline CSS only (no
// scripts, fonts or links), so it opens from an e-mail attachment offline and prints cleanly on A4.
// With names: false it carries no name, e-mail, phone or id of any person: the late and needs-attention
// sections become counts. Pure: `today` is passed in.
import type { Lang, Plan } from '../types.js';
import { attentionRows, lateRows } from './attention.js';
import { picks } from './common.js';
import { formatDate, formatNight, formatSpan, problemText, t, type MessageKey } from './i18n.js';
import { ROLE_AREAS, roleAreaText, type RoleArea } from './roles.js';

const TEXT = {
  nn: {
    report: 'Rapport',
    asOf: 'Status per {date}',
    aggregate: 'Samandrag utan personopplysningar',
    day: 'dag',
    days: 'dagar',
    eventFuture: 'Samlinga byrjar om {n}.',
    eventToday: 'Samlinga er i gang.',
    eventPast: 'Samlinga var for {n} sidan.',
    deadlineFuture: 'Påmeldingsfristen er {date}, om {n}.',
    deadlineToday: 'Påmeldingsfristen er i dag, {date}.',
    deadlinePast: 'Påmeldingsfristen var {date}, for {n} sidan.',
    figures: 'Nøkkeltal',
    registered: 'Påmelde',
    inPerson: 'Fysisk oppmøte',
    digital: 'Digitalt',
    latePending: 'Seine, ventar på avgjerd',
    attention: 'Må sjekkast',
    noRegistration: 'Kommunar utan påmelding',
    topLeaders: 'Kommunar med toppleiar',
    of: '{a} av {b}',
    rooms: 'Betalte rom per natt',
    municipalityPaid: 'betalt av kommunen',
    night: 'Natt',
    hotel: 'Hotell',
    roomsCol: 'Rom',
    noLimit: 'ingen grense',
    total: 'Totalt',
    noRooms: 'Ingen betalte rom enno.',
    municipalities: 'Kommunane',
    municipalitiesIntro: 'Arrangøren betaler rom for inntil {quota} personar per kommune. Kommunar utan påmelding er utheva.',
    missing: 'Ingen påmelding enno frå: {names}.',
    allRegistered: 'Alle kommunane har meldt på minst éin person.',
    placesUsed: 'Plassar brukte',
    topLeader: 'Toppleiar',
    areas: 'Fagområde',
    none: 'Ingen påmelding',
    areasTitle: 'Fagområda i invitasjonen',
    areasIntro: 'Lese ut frå stillingstittelen til dei påmelde frå kommunane.',
    areaMunicipalities: 'Kommunar',
    areaParticipants: 'Deltakarar',
    late: 'Seine påmeldingar',
    lateNone: 'Ingen seine påmeldingar.',
    lateIntro: 'Godkjenn eller avslå med kommandoen, eller køyr {cmd} for å velje.',
    lateCounts: 'Ventar på avgjerd: {pending}. Godkjende: {approved}. Avslåtte: {rejected}.',
    attentionNone: 'Ingenting må sjekkast.',
    attentionIntro: 'Kvar rad har kommandoen som løyser ho, når det finst ein.',
    attentionCounts: 'Talet på påmeldingar som må sjekkast, etter grunn. Køyr {cmd} for lista.',
    count: 'Tal',
    extraNightReview: 'Ekstranatt til vurdering',
    generic: 'Kan ikkje avgjerast automatisk',
    footer: 'Laga av samling {date}.',
  },
  nb: {
    report: 'Rapport',
    asOf: 'Status per {date}',
    aggregate: 'Sammendrag uten personopplysninger',
    day: 'dag',
    days: 'dager',
    eventFuture: 'Samlingen starter om {n}.',
    eventToday: 'Samlingen er i gang.',
    eventPast: 'Samlingen var for {n} siden.',
    deadlineFuture: 'Påmeldingsfristen er {date}, om {n}.',
    deadlineToday: 'Påmeldingsfristen er i dag, {date}.',
    deadlinePast: 'Påmeldingsfristen var {date}, for {n} siden.',
    figures: 'Nøkkeltall',
    registered: 'Påmeldte',
    inPerson: 'Fysisk oppmøte',
    digital: 'Digitalt',
    latePending: 'Sene, venter på avgjørelse',
    attention: 'Må sjekkes',
    noRegistration: 'Kommuner uten påmelding',
    topLeaders: 'Kommuner med toppleder',
    of: '{a} av {b}',
    rooms: 'Betalte rom per natt',
    municipalityPaid: 'betalt av kommunen',
    night: 'Natt',
    hotel: 'Hotell',
    roomsCol: 'Rom',
    noLimit: 'ingen grense',
    total: 'Totalt',
    noRooms: 'Ingen betalte rom ennå.',
    municipalities: 'Kommunene',
    municipalitiesIntro: 'Arrangøren betaler rom for inntil {quota} personer per kommune. Kommuner uten påmelding er uthevet.',
    missing: 'Ingen påmelding ennå fra: {names}.',
    allRegistered: 'Alle kommunene har meldt på minst én person.',
    placesUsed: 'Plasser brukt',
    topLeader: 'Toppleder',
    areas: 'Fagområder',
    none: 'Ingen påmelding',
    areasTitle: 'Fagområdene i invitasjonen',
    areasIntro: 'Lest ut fra stillingstittelen til de påmeldte fra kommunene.',
    areaMunicipalities: 'Kommuner',
    areaParticipants: 'Deltakere',
    late: 'Sene påmeldinger',
    lateNone: 'Ingen sene påmeldinger.',
    lateIntro: 'Godkjenn eller avslå med kommandoen, eller kjør {cmd} for å velge.',
    lateCounts: 'Venter på avgjørelse: {pending}. Godkjent: {approved}. Avslått: {rejected}.',
    attentionNone: 'Ingenting må sjekkes.',
    attentionIntro: 'Hver rad har kommandoen som løser den, når det finnes en.',
    attentionCounts: 'Antall påmeldinger som må sjekkes, etter årsak. Kjør {cmd} for listen.',
    count: 'Antall',
    extraNightReview: 'Ekstranatt til vurdering',
    generic: 'Kan ikke avgjøres automatisk',
    footer: 'Laget av samling {date}.',
  },
  en: {
    report: 'Report',
    asOf: 'Status as of {date}',
    aggregate: 'Summary without personal data',
    day: 'day',
    days: 'days',
    eventFuture: 'The gathering starts in {n}.',
    eventToday: 'The gathering is under way.',
    eventPast: 'The gathering was {n} ago.',
    deadlineFuture: 'The registration deadline is {date}, in {n}.',
    deadlineToday: 'The registration deadline is today, {date}.',
    deadlinePast: 'The registration deadline was {date}, {n} ago.',
    figures: 'Key figures',
    registered: 'Registered',
    inPerson: 'In person',
    digital: 'Digital',
    latePending: 'Late, awaiting decision',
    attention: 'Needs attention',
    noRegistration: 'Municipalities with no registration',
    topLeaders: 'Municipalities with a top leader',
    of: '{a} of {b}',
    rooms: 'Paid rooms per night',
    municipalityPaid: 'paid by their municipality',
    night: 'Night',
    hotel: 'Hotel',
    roomsCol: 'Rooms',
    noLimit: 'no limit',
    total: 'Total',
    noRooms: 'No paid rooms yet.',
    municipalities: 'Municipalities',
    municipalitiesIntro: 'The organiser pays a room for up to {quota} people per municipality. Municipalities with no registration are highlighted.',
    missing: 'No registration yet from: {names}.',
    allRegistered: 'Every municipality has registered at least one person.',
    placesUsed: 'Places used',
    topLeader: 'Top leader',
    areas: 'Role areas',
    none: 'No registration',
    areasTitle: "The invitation's role areas",
    areasIntro: "Recognised from the role or title of the municipalities' participants.",
    areaMunicipalities: 'Municipalities',
    areaParticipants: 'Participants',
    late: 'Late registrations',
    lateNone: 'No late registrations.',
    lateIntro: 'Approve or reject with the command, or run {cmd} to pick.',
    lateCounts: 'Awaiting decision: {pending}. Approved: {approved}. Rejected: {rejected}.',
    attentionNone: 'Nothing needs attention.',
    attentionIntro: 'Each row has the command that resolves it, where there is one.',
    attentionCounts: 'Registrations that need attention, by reason. Run {cmd} for the list.',
    count: 'Count',
    extraNightReview: 'Extra night under review',
    generic: 'Cannot be decided automatically',
    footer: 'Made by samling on {date}.',
  },
} satisfies Record<Lang, Record<string, string>>;

type Key = keyof (typeof TEXT)['nn'];

const HTML_SPECIAL = /[&<>"']/;

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  if (!HTML_SPECIAL.test(s)) return s; // most text: nothing to escape, no new string
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Made when a report is first written, not when samling starts: a number format costs some 20 ms to make.
const NUMBER: Partial<Record<Lang, Intl.NumberFormat>> = {};
const numberFormat = (lang: Lang) => (NUMBER[lang] ??= new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb'));

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), calendar arithmetic, no clock. */
function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The whole page as one string. */
export function renderReport(plan: Plan, lang: Lang, opts: { today: string; names: boolean }): string {
  return [...reportChunks(plan, lang, opts)].join('');
}

/** The page in pieces, the long lists a row each, made as they are read (for writing without holding it). */
export function* reportChunks(plan: Plan, lang: Lang, opts: { today: string; names: boolean }): Generator<string> {
  const x = TEXT[lang];
  const tx = (key: Key, args: Record<string, string | number> = {}) =>
    x[key].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
  const format = numberFormat(lang);
  const num = (n: number) => format.format(n);
  const of = (a: number, b: number) => tx('of', { a: num(a), b: num(b) });
  const days = (n: number) => `${num(n)} ${n === 1 ? x.day : x.days}`;
  const e = escapeHtml;
  const ev = plan.event;

  // Counts, role areas, and the late and needs-attention people: found in the one pass of picks().
  const picked = picks(plan);
  const { registered, inPerson, digital, latePending } = picked.counts;
  const areasByMunicipality = new Map<string, Set<RoleArea>>();
  const participantsByArea = new Map<RoleArea, number>();
  for (const [code, counts] of picked.areaLists) {
    const set = new Set<RoleArea>();
    for (const [areas, n] of counts) {
      for (const a of areas) {
        set.add(a);
        participantsByArea.set(a, (participantsByArea.get(a) ?? 0) + n);
      }
    }
    areasByMunicipality.set(code, set);
  }
  const late = picked.late.length;
  const lateApproved = picked.late.filter((r) => r.lateDecision === 'approved').length;
  const lateRejected = picked.late.filter((r) => r.lateDecision === 'rejected').length;
  const attention = picked.attention.length;
  const reasons = new Map<string, number>();
  if (!opts.names) {
    for (const r of picked.attention) {
      // Reasons without the values they name (typed text, e-mail): aggregate only.
      const rs = r.problems.map((p) => problemText({ code: p.code }, lang));
      if (r.extraNight === 'review') rs.push(x.extraNightReview);
      if (rs.length === 0) rs.push(x.generic);
      for (const reason of new Set(rs)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  const munis = plan.municipalities;
  const missing = munis.filter((m) => m.registered === 0);
  const withTopLeader = munis.filter((m) => m.topLeader).length;

  // Bar widths as classes (no inline styles): only the percentages used.
  const widths = new Set<number>();
  const bar = (value: number, max: number) => {
    const p = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
    widths.add(p);
    return `<span class="bar" aria-hidden="true"><span class="fill w${p}"></span></span>`;
  };

  // Header.
  const start = ev.start.slice(0, 10);
  const end = ev.end.slice(0, 10);
  const untilStart = daysBetween(opts.today, start);
  const sinceEnd = daysBetween(end, opts.today);
  const eventWhen =
    untilStart > 0 ? tx('eventFuture', { n: days(untilStart) }) : sinceEnd > 0 ? tx('eventPast', { n: days(sinceEnd) }) : x.eventToday;
  const toDeadline = daysBetween(opts.today, ev.deadline);
  const deadlineDate = formatDate(lang, ev.deadline);
  const deadlineWhen =
    toDeadline > 0
      ? tx('deadlineFuture', { date: deadlineDate, n: days(toDeadline) })
      : toDeadline === 0
        ? tx('deadlineToday', { date: deadlineDate })
        : tx('deadlinePast', { date: deadlineDate, n: days(-toDeadline) });
  const dates = start === end ? formatDate(lang, start) : formatSpan(lang, start, end);
  const header = `<header class="event">
<p class="kicker">${e(x.report)} · ${e(tx('asOf', { date: formatDate(lang, opts.today) }))}${opts.names ? '' : ` · <strong>${e(x.aggregate)}</strong>`}</p>
<h1>${e(ev.name)}</h1>
<p class="where">${e(ev.venue)} · ${e(dates)}</p>
<p class="when">${e(eventWhen)} ${e(deadlineWhen)}</p>
</header>`;

  // Key figures.
  const figure = (label: string, value: string, id: string, alert = false) =>
    `<div class="figure${alert ? ' alert' : ''}" id="fig-${id}"><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`;
  /** "3 av 26" with the "av 26" set small. */
  const ofFigure = (label: string, a: number, b: number, id: string, alert = false) => {
    const [head, ...tail] = of(a, b).split(' ');
    return figure(label, '', id, alert).replace('<dd></dd>', `<dd>${e(head!)} <span class="of">${e(tail.join(' '))}</span></dd>`);
  };
  const figures = [
    figure(x.registered, num(registered), 'registered'),
    figure(x.inPerson, num(inPerson), 'in-person'),
    figure(x.digital, num(digital), 'digital'),
    figure(x.latePending, num(latePending), 'late-pending', latePending > 0),
    figure(x.attention, num(attention), 'attention', attention > 0),
    ofFigure(x.noRegistration, missing.length, munis.length, 'no-registration', missing.length > 0),
    ofFigure(x.topLeaders, withTopLeader, munis.length, 'top-leaders'),
  ].join('\n');

  // Paid rooms per night, per hotel, against its rooms. With includeOverQuota a hotel also holds over-quota
  // guests their municipality pays for: counted against its rooms, and said apart; the total is the organiser's.
  const nightRows: string[] = [];
  const hotels = plan.hotels.filter((h) => h.nights.some((n) => n.rooms > 0 || n.capacity !== null));
  for (const { date, rooms } of plan.nights) {
    const here = hotels.flatMap((h) => h.nights.filter((n) => n.date === date).map((n) => ({ hotel: h.name, ...n })));
    here.forEach((n, i) => {
      const byMunicipality = n.municipalityPaid ? ` <span class="muted">(${e(num(n.municipalityPaid))} ${e(x.municipalityPaid)})</span>` : '';
      const used =
        (n.capacity === null
          ? `${e(num(n.rooms))} <span class="muted">(${e(x.noLimit)})</span>`
          : `${bar(n.rooms, n.capacity)}${e(of(n.rooms, n.capacity))}`) + byMunicipality;
      const nightCell = i === 0 ? `<th scope="row" rowspan="${here.length + (here.length > 1 ? 1 : 0)}">${e(formatNight(lang, date))}</th>` : '';
      nightRows.push(`<tr>${nightCell}<td>${e(n.hotel)}</td><td>${used}</td></tr>`);
    });
    if (here.length === 0) nightRows.push(`<tr><th scope="row">${e(formatNight(lang, date))}</th><td></td><td>${e(num(rooms))}</td></tr>`);
    else if (here.length > 1) nightRows.push(`<tr class="total"><td>${e(x.total)}</td><td>${e(num(rooms))}</td></tr>`);
  }
  const roomsTable =
    nightRows.length === 0
      ? `<p>${e(x.noRooms)}</p>`
      : `<table class="rooms">
<caption>${e(x.rooms)}</caption>
<thead><tr><th scope="col">${e(x.night)}</th><th scope="col">${e(x.hotel)}</th><th scope="col">${e(x.roomsCol)}</th></tr></thead>
<tbody>
${nightRows.join('\n')}
</tbody>
</table>`;

  // Municipalities.
  const yes = t(lang, 'yes');
  const muniRows = munis
    .map((m) => {
      const none = m.registered === 0;
      const areas = areasByMunicipality.get(m.code);
      const chips = ROLE_AREAS.filter((a) => areas?.has(a))
        .map((a) => `<span class="chip${a === 'other' ? ' other' : ''}">${e(roleAreaText(a, lang))}</span>`)
        .join(' ');
      return `<tr class="${none ? 'none' : 'some'}" data-code="${e(m.code)}">
<th scope="row">${e(m.name)}${none ? ` <span class="badge">${e(x.none)}</span>` : ''}</th>
<td class="num">${e(num(m.registered))}</td>
<td class="places">${bar(m.covered, ev.quota)}${e(of(m.covered, ev.quota))}</td>
<td class="num${m.extraNights ? '' : ' zero'}">${e(num(m.extraNights))}</td>
<td class="num${m.overQuota ? ' strong' : ' zero'}">${e(num(m.overQuota))}</td>
<td>${m.topLeader ? e(yes) : '<span class="muted">–</span>'}</td>
<td class="areas">${chips}</td>
</tr>`;
    })
    .join('\n');
  const municipalities = `<section aria-labelledby="h-municipalities">
<h2 id="h-municipalities">${e(x.municipalities)}</h2>
<p>${e(tx('municipalitiesIntro', { quota: num(ev.quota) }))}</p>
<p${missing.length ? ' class="missing"' : ''}>${e(missing.length ? tx('missing', { names: missing.map((m) => m.name).join(', ') }) : x.allRegistered)}</p>
<table class="municipalities">
<caption class="vh">${e(x.municipalities)}: ${e(x.placesUsed.toLowerCase())}, ${e(t(lang, 'col.extraNights').toLowerCase())}, ${e(x.areas.toLowerCase())}</caption>
<thead><tr><th scope="col">${e(t(lang, 'col.municipality'))}</th><th scope="col" class="num">${e(x.registered)}</th><th scope="col">${e(x.placesUsed)}</th><th scope="col" class="num">${e(t(lang, 'col.extraNights'))}</th><th scope="col" class="num">${e(t(lang, 'col.overQuota'))}</th><th scope="col">${e(x.topLeader)}</th><th scope="col">${e(x.areas)}</th></tr></thead>
<tbody>
${muniRows}
</tbody>
</table>
</section>`;

  // Role areas across the region.
  const areaRows = ROLE_AREAS.map((a) => {
    let count = 0;
    for (const set of areasByMunicipality.values()) if (set.has(a)) count++;
    return `<tr><th scope="row">${e(roleAreaText(a, lang))}</th><td>${bar(count, munis.length)}${e(of(count, munis.length))}</td><td class="num">${e(num(participantsByArea.get(a) ?? 0))}</td></tr>`;
  }).join('\n');
  const areasSection = `<section aria-labelledby="h-areas">
<h2 id="h-areas">${e(x.areasTitle)}</h2>
<p>${e(x.areasIntro)}</p>
<table class="areas-table">
<caption class="vh">${e(x.areasTitle)}</caption>
<thead><tr><th scope="col">${e(x.areas)}</th><th scope="col">${e(x.areaMunicipalities)}</th><th scope="col" class="num">${e(x.areaParticipants)}</th></tr></thead>
<tbody>
${areaRows}
</tbody>
</table>
</section>`;

  // Late registrations and needs attention: with names, the lists with their commands; without, counts.
  const cmd = (c: string) => (c ? `<code>${e(c)}</code>` : '');
  // The two lists can be long: they are rendered a row at a time, as the file is written.
  function* table(caption: string, data: { header: string[]; rows: Iterable<string[]> }, keys: MessageKey[], klass: string) {
    const idx = keys.map((k) => data.header.indexOf(t(lang, k)));
    const command = t(lang, 'col.command');
    const isCommand = idx.map((i) => data.header[i] === command);
    const head = idx.map((i) => `<th scope="col">${e(data.header[i] ?? '')}</th>`).join('');
    yield `<table class="${klass}">\n<caption class="vh">${e(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n`;
    let sep = ''; // rows joined by line breaks
    for (const row of data.rows) {
      let tr = `${sep}<tr><th scope="row">${e(row[idx[0]!] ?? '')}</th>`;
      for (let n = 1; n < idx.length; n++) {
        const v = row[idx[n]!] ?? '';
        tr += `<td>${isCommand[n] ? cmd(v) : e(v)}</td>`;
      }
      yield tr + '</tr>';
      sep = '\n';
    }
    yield '\n</tbody>\n</table>';
  }
  const lateBody: (string | Iterable<string>)[] =
    late === 0
      ? [`<p>${e(x.lateNone)}</p>`]
      : [
          `<p>${e(tx('lateCounts', { pending: num(latePending), approved: num(lateApproved), rejected: num(lateRejected) }))} ${
            opts.names ? e(x.lateIntro).replace('{cmd}', cmd('samling late')) : cmd('samling late')
          }</p>`,
          ...(opts.names
            ? ['\n', table(x.late, lateRows(plan, lang), ['col.name', 'col.organisation', 'col.submittedAt', 'col.decision', 'col.command'], 'late')]
            : []),
        ];
  const attentionBody: (string | Iterable<string>)[] =
    attention === 0
      ? [`<p>${e(x.attentionNone)}</p>`]
      : opts.names
        ? [`<p>${e(x.attentionIntro)}</p>\n`, table(x.attention, attentionRows(plan, lang), ['col.name', 'col.organisationTyped', 'col.reason', 'col.command'], 'attention')]
        : [
            `<p>${e(x.attentionCounts).replace('{cmd}', cmd('samling status'))}</p>
<table class="attention">
<caption class="vh">${e(x.attention)}</caption>
<thead><tr><th scope="col">${e(t(lang, 'col.reason'))}</th><th scope="col" class="num">${e(x.count)}</th></tr></thead>
<tbody>
${[...reasons].map(([reason, n]) => `<tr><th scope="row">${e(reason)}</th><td class="num">${e(num(n))}</td></tr>`).join('\n')}
</tbody>
</table>`,
          ];

  const widthCss = [...widths]
    .sort((a, b) => a - b)
    .map((p) => `.w${p}{width:${p}%}`)
    .join('');
  yield `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(ev.name)} – ${e(x.report)}</title>
<style>
${CSS}
${widthCss}
</style>
</head>
<body>
<div class="page">
${header}
<main>
<section aria-labelledby="h-figures">
<h2 id="h-figures">${e(x.figures)}</h2>
<dl class="figures">
${figures}
</dl>
${roomsTable}
</section>
${municipalities}
${areasSection}
<section aria-labelledby="h-late">
<h2 id="h-late">${e(x.late)}</h2>
`;
  for (const part of lateBody) yield* typeof part === 'string' ? [part] : part;
  yield `
</section>
<section aria-labelledby="h-attention">
<h2 id="h-attention">${e(x.attention)}</h2>
`;
  for (const part of attentionBody) yield* typeof part === 'string' ? [part] : part;
  yield `
</section>
</main>
<footer><p>${e(tx('footer', { date: formatDate(lang, opts.today) }))}</p></footer>
</div>
</body>
</html>
`;
}

const CSS = `:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--soft:#f5f7fa;--accent:#1f6f78;--accent-soft:#dcefee;--accent-ink:#0f4c52;--warn-bg:#fff4e2;--warn-line:#e8a33d;--warn-ink:#6b3a00}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef2f6;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{max-width:64rem;margin:0 auto;padding:2rem 2rem 2.5rem;background:#fff;min-height:100vh}
header.event{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1.5rem}
.kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.02em;text-transform:uppercase}
.kicker strong{color:var(--warn-ink)}
h1{margin:.25rem 0 .35rem;font-size:1.75rem;line-height:1.2}
.where{margin:0;font-size:1.1rem;font-weight:600;color:var(--accent-ink)}
.when{margin:.35rem 0 0;color:var(--muted)}
h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
section:first-of-type h2{margin-top:0}
p{margin:.4rem 0 .8rem}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(7.4rem,1fr));gap:.6rem;margin:0 0 1.25rem}
.figure{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;background:var(--soft)}
.figure dt{font-size:.8rem;color:var(--muted);line-height:1.25}
.figure dd{margin:.2rem 0 0;font-size:1.7rem;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.1}
.figure dd .of{font-size:.9rem;font-weight:600;color:var(--muted)}
.figure.alert{border-color:var(--warn-line);background:var(--warn-bg)}
.figure.alert dd{color:var(--warn-ink)}
table{width:100%;border-collapse:collapse;font-size:.9rem;margin:0 0 1rem}
caption{text-align:left;font-weight:600;color:var(--muted);font-size:.8rem;padding:0 0 .3rem}
th,td{text-align:left;vertical-align:top;padding:.38rem .5rem;border-bottom:1px solid var(--line)}
thead th{font-size:.78rem;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums}
.muted,.zero{color:var(--muted)}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
td code{white-space:nowrap}
.strong{font-weight:700}
tr.total td{font-weight:700}
.bar{display:inline-block;width:4.5rem;height:.55rem;margin-right:.5rem;background:#e1e7ed;border-radius:3px;overflow:hidden;vertical-align:middle}
.fill{display:block;height:100%;background:var(--accent)}
.places{white-space:nowrap}
tr.none{background:var(--warn-bg)}
tr.none th{box-shadow:inset 4px 0 0 var(--warn-line)}
.badge{display:inline-block;margin-left:.35rem;padding:0 .45rem;border-radius:999px;background:#fcdcab;color:var(--warn-ink);font-size:.72rem;font-weight:600;white-space:nowrap}
p.missing{padding:.5rem .75rem;border-left:4px solid var(--warn-line);background:var(--warn-bg);color:var(--warn-ink)}
.chip{display:inline-block;margin:0 .1rem .2rem 0;padding:0 .4rem;border-radius:4px;background:var(--accent-soft);color:var(--accent-ink);font-size:.74rem;white-space:nowrap}
.chip.other{background:#edf0f3;color:#3e4c59}
code{font:.82em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef2f6;padding:.05rem .3rem;border-radius:3px}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;font-size:9.5pt}
.page{max-width:none;padding:0;min-height:0}
h2{break-after:avoid}
tr,.figure,caption{break-inside:avoid}
thead{display:table-header-group}
.figures{grid-template-columns:repeat(7,1fr)}
.figure dd{font-size:16pt}
td code{white-space:normal;overflow-wrap:anywhere}
.chip{white-space:normal}
.bar{width:3rem}
}`;
