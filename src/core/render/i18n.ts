// Message tables for the outputs: Nynorsk (default), Bokmål and English. Pure.
//
// A template names its values as `{name}`; a part in `[…]` is kept only when every value it names is given,
// so `Ukjend kommune[ «{text}»]` reads well with or without the text.
import { addDays } from '../dates.js';
import type { ExtraNightStatus, Lang, Problem, ProblemCode, Status } from '../types.js';

const nn = {
  // Column headers
  'col.id': 'ID',
  'col.lastName': 'Etternamn',
  'col.firstName': 'Førenamn',
  'col.name': 'Namn',
  'col.organisation': 'Kommune/organisasjon',
  'col.organisationTyped': 'Kommune/organisasjon (slik det er skrive)',
  'col.arrival': 'Ankomst',
  'col.departure': 'Avreise',
  'col.nights': 'Netter',
  'col.roomType': 'Romtype',
  'roomType.single': 'Enkeltrom',
  'roomType.double': 'Dobbeltrom',
  'col.payer': 'Betalar',
  'col.email': 'E-post',
  'col.phone': 'Telefon',
  'col.change': 'Endring',
  'col.code': 'Kommunenummer',
  'col.municipality': 'Kommune',
  'col.registered': 'Påmelde',
  'col.inPerson': 'Fysisk oppmøte',
  'col.digital': 'Digitalt',
  'col.covered': 'Dekte plassar',
  'col.extraNights': 'Ekstranetter',
  'col.overQuota': 'Over kvoten',
  'col.latePending': 'Seine, ventar på avgjerd',
  'col.lateApproved': 'Seine, godkjende',
  'col.lateRejected': 'Seine, avslåtte',
  'col.cancelled': 'Avmelde',
  'col.topLeader': 'Toppleiar påmeld',
  'col.placesLeft': 'Plassar att',
  'col.roomNights': 'Romnetter',
  'col.cost': 'Kostnad',
  'col.submittedAt': 'Sendt inn',
  'col.decision': 'Avgjerd',
  'col.command': 'Kommando',
  'col.file': 'Fil',
  'col.row': 'Rad',
  'col.reason': 'Grunn',
  'col.action': 'Kva må gjerast',
  'col.status': 'Status',
  'col.extraNight': 'Ekstranatt',
  // Statuses
  'status.cancelled': 'Avmeld',
  'status.needs-attention': 'Må sjekkast',
  'status.not-eligible': 'Ikkje rett på dekt rom',
  'status.digital': 'Deltek digitalt',
  'status.no-room': 'Treng ikkje rom',
  'status.late-pending': 'Sein påmelding, ventar på avgjerd',
  'status.late-rejected': 'Sein påmelding, avslått',
  'status.covered': 'Dekt',
  'status.over-quota': 'Over kvoten (venteliste)',
  // Extra-night statuses
  'extra.granted': 'Innvilga',
  'extra.review': 'Til vurdering',
  'extra.not-covered': 'Ikkje dekt',
  'extra.not-requested': 'Ikkje ønskt',
  // Late decisions
  'late.pending': 'Ventar på avgjerd',
  'late.approved': 'Godkjend',
  'late.rejected': 'Avslått',
  'late.none': 'Inga avgjerd trengst',
  // Rooming changes and payers
  'change.added': 'Ny',
  'change.removed': 'Fjerna',
  'change.changed': 'Endra',
  'payer.organiser': 'Arrangøren',
  'payer.municipality': '{name} kommune',
  yes: 'Ja',
  no: 'Nei',
  // Problems
  'problem.no-name': 'Manglar namn',
  'problem.no-organisation': 'Manglar kommune eller organisasjon',
  'problem.bad-time': 'Innsendingstidspunktet manglar eller kan ikkje lesast[: «{text}»]',
  'problem.unknown-municipality': 'Ukjend kommune[ «{text}»][: meinte du {suggestion}?]',
  'problem.likely-duplicate': 'Truleg same person som ei anna påmelding[ ({other})]',
  'problem.extra-night-without-main':
    'Bad om ekstranatt, men ikkje hovudnatta: rekna som at vedkomande treng begge nettene',
  'problem.anonymous-email': 'Skjemaet gav berre «anonymous» som e-postadresse',
  'problem.bad-email': 'Ugyldig e-postadresse[ «{text}»]',
  'problem.unplaced': 'Fekk ikkje hotellrom: alle hotella er fulle',
  // Needs attention: reasons and what to do
  'reason.generic': 'Kan ikkje avgjerast automatisk',
  'reason.extraNightReview': 'Bed om ekstranatt frå ein kommune nær staden: må vurderast',
  'action.mapMunicipality': 'Stadfest kommunen med kommandoen, eller rett namnet i skjemaet og importer på nytt',
  'action.fixOrCancel': 'Rett opp i skjemaet og importer på nytt, eller meld av med kommandoen',
  'action.duplicate': 'Same person: meld av éi av dei med kommandoen (den andre blir då ståande). To ulike personar: samling decide ID --not-duplicate',
  'action.email': 'Rett e-postadressa i skjemaet og importer på nytt',
  'action.extraNight': 'Innvilg med kommandoen, eller avslå med --no-extra-night',
  'action.unplaced': 'Legg til eit hotell eller fleire rom i konfigurasjonen',
  // Letters
  'letter.title': '{event}: påmelde frå {municipality}',
  'letter.greeting': 'Til {municipality} kommune',
  'letter.intro': 'Her er ei oversikt over påmeldingane frå kommunen dykkar til {event} i {venue}, {dates}.',
  'letter.none':
    'Vi har enno ikkje fått nokon påmelding frå kommunen dykkar til {event} i {venue}, {dates}, og vi vil gjerne ha dykk med! Meld på via påmeldingsskjemaet.',
  'letter.quota':
    'Arrangøren betaler hotellrom for inntil {quota} personar frå kvar kommune. De har brukt {used} av {quota} plassar og har {left} att.',
  'letter.overQuota':
    'Talet på personar på venteliste: {count}. Dei får plass i tur og orden dersom nokon med plass melder seg av.',
  'letter.extraNight':
    'Ekstranatta ({night}) er for deltakarar med plass som har lang reiseveg, og må bestillast i påmeldinga.',
  'letter.deadline':
    'Påmeldingsfristen er {deadline}. Påmeldingar etter fristen er seine og får dekt rom berre dersom arrangøren godkjenner dei.',
  'letter.topLeaderYes': 'Toppleiarforum: kommunen har meldt på ordførar eller kommunedirektør.',
  'letter.topLeaderNo': 'Toppleiarforum: vi har enno ikkje fått påmelding frå ordførar eller kommunedirektør.',
  'letter.noNights': 'Ingen',
  'letter.closing': 'Gi beskjed dersom noko ikkje stemmer.',
  'letter.signature': 'Venleg helsing  \nArrangøren',
  'date.at': '{date} kl. {time}',
};

export type MessageKey = keyof typeof nn;
type Messages = Record<MessageKey, string>;

const nb: Messages = {
  'col.id': 'ID',
  'col.lastName': 'Etternavn',
  'col.firstName': 'Fornavn',
  'col.name': 'Navn',
  'col.organisation': 'Kommune/organisasjon',
  'col.organisationTyped': 'Kommune/organisasjon (slik det er skrevet)',
  'col.arrival': 'Ankomst',
  'col.departure': 'Avreise',
  'col.nights': 'Netter',
  'col.roomType': 'Romtype',
  'roomType.single': 'Enkeltrom',
  'roomType.double': 'Dobbeltrom',
  'col.payer': 'Betaler',
  'col.email': 'E-post',
  'col.phone': 'Telefon',
  'col.change': 'Endring',
  'col.code': 'Kommunenummer',
  'col.municipality': 'Kommune',
  'col.registered': 'Påmeldte',
  'col.inPerson': 'Fysisk oppmøte',
  'col.digital': 'Digitalt',
  'col.covered': 'Dekkede plasser',
  'col.extraNights': 'Ekstranetter',
  'col.overQuota': 'Over kvoten',
  'col.latePending': 'Sene, venter på avgjørelse',
  'col.lateApproved': 'Sene, godkjente',
  'col.lateRejected': 'Sene, avslåtte',
  'col.cancelled': 'Avmeldte',
  'col.topLeader': 'Toppleder påmeldt',
  'col.placesLeft': 'Ledige plasser',
  'col.roomNights': 'Romnetter',
  'col.cost': 'Kostnad',
  'col.submittedAt': 'Sendt inn',
  'col.decision': 'Avgjørelse',
  'col.command': 'Kommando',
  'col.file': 'Fil',
  'col.row': 'Rad',
  'col.reason': 'Årsak',
  'col.action': 'Hva må gjøres',
  'col.status': 'Status',
  'col.extraNight': 'Ekstranatt',
  'status.cancelled': 'Avmeldt',
  'status.needs-attention': 'Må sjekkes',
  'status.not-eligible': 'Ikke rett på dekket rom',
  'status.digital': 'Deltar digitalt',
  'status.no-room': 'Trenger ikke rom',
  'status.late-pending': 'Sen påmelding, venter på avgjørelse',
  'status.late-rejected': 'Sen påmelding, avslått',
  'status.covered': 'Dekket',
  'status.over-quota': 'Over kvoten (venteliste)',
  'extra.granted': 'Innvilget',
  'extra.review': 'Til vurdering',
  'extra.not-covered': 'Ikke dekket',
  'extra.not-requested': 'Ikke ønsket',
  'late.pending': 'Venter på avgjørelse',
  'late.approved': 'Godkjent',
  'late.rejected': 'Avslått',
  'late.none': 'Ingen avgjørelse trengs',
  'change.added': 'Ny',
  'change.removed': 'Fjernet',
  'change.changed': 'Endret',
  'payer.organiser': 'Arrangøren',
  'payer.municipality': '{name} kommune',
  yes: 'Ja',
  no: 'Nei',
  'problem.no-name': 'Mangler navn',
  'problem.no-organisation': 'Mangler kommune eller organisasjon',
  'problem.bad-time': 'Innsendingstidspunktet mangler eller kan ikke leses[: «{text}»]',
  'problem.unknown-municipality': 'Ukjent kommune[ «{text}»][: mente du {suggestion}?]',
  'problem.likely-duplicate': 'Trolig samme person som en annen påmelding[ ({other})]',
  'problem.extra-night-without-main':
    'Ba om ekstranatt, men ikke hovednatten: regnet som at vedkommende trenger begge nettene',
  'problem.anonymous-email': 'Skjemaet ga bare «anonymous» som e-postadresse',
  'problem.bad-email': 'Ugyldig e-postadresse[ «{text}»]',
  'problem.unplaced': 'Fikk ikke hotellrom: alle hotellene er fulle',
  'reason.generic': 'Kan ikke avgjøres automatisk',
  'reason.extraNightReview': 'Ber om ekstranatt fra en kommune nær stedet: må vurderes',
  'action.mapMunicipality': 'Bekreft kommunen med kommandoen, eller rett navnet i skjemaet og importer på nytt',
  'action.fixOrCancel': 'Rett opp i skjemaet og importer på nytt, eller meld av med kommandoen',
  'action.duplicate': 'Samme person: meld av én av dem med kommandoen (den andre blir da stående). To ulike personer: samling decide ID --not-duplicate',
  'action.email': 'Rett e-postadressen i skjemaet og importer på nytt',
  'action.extraNight': 'Innvilg med kommandoen, eller avslå med --no-extra-night',
  'action.unplaced': 'Legg til et hotell eller flere rom i konfigurasjonen',
  'letter.title': '{event}: påmeldte fra {municipality}',
  'letter.greeting': 'Til {municipality} kommune',
  'letter.intro': 'Her er en oversikt over påmeldingene fra kommunen deres til {event} i {venue}, {dates}.',
  'letter.none':
    'Vi har ennå ikke fått noen påmelding fra kommunen deres til {event} i {venue}, {dates}, og vi vil gjerne ha dere med! Meld på via påmeldingsskjemaet.',
  'letter.quota':
    'Arrangøren betaler hotellrom for inntil {quota} personer fra hver kommune. Dere har brukt {used} av {quota} plasser og har {left} igjen.',
  'letter.overQuota':
    'Antall personer på venteliste: {count}. De får plass etter tur hvis noen med plass melder seg av.',
  'letter.extraNight':
    'Ekstranatten ({night}) er for deltakere med plass som har lang reisevei, og må bestilles i påmeldingen.',
  'letter.deadline':
    'Påmeldingsfristen er {deadline}. Påmeldinger etter fristen er sene og får dekket rom bare hvis arrangøren godkjenner dem.',
  'letter.topLeaderYes': 'Topplederforum: kommunen har meldt på ordfører eller kommunedirektør.',
  'letter.topLeaderNo': 'Topplederforum: vi har ennå ikke fått påmelding fra ordfører eller kommunedirektør.',
  'letter.noNights': 'Ingen',
  'letter.closing': 'Gi beskjed hvis noe ikke stemmer.',
  'letter.signature': 'Vennlig hilsen  \nArrangøren',
  'date.at': '{date} kl. {time}',
};

const en: Messages = {
  'col.id': 'ID',
  'col.lastName': 'Last name',
  'col.firstName': 'First name',
  'col.name': 'Name',
  'col.organisation': 'Municipality/organisation',
  'col.organisationTyped': 'Municipality/organisation (as typed)',
  'col.arrival': 'Arrival',
  'col.departure': 'Departure',
  'col.nights': 'Nights',
  'col.roomType': 'Room type',
  'roomType.single': 'Single',
  'roomType.double': 'Double',
  'col.payer': 'Payer',
  'col.email': 'E-mail',
  'col.phone': 'Phone',
  'col.change': 'Change',
  'col.code': 'Code',
  'col.municipality': 'Municipality',
  'col.registered': 'Registered',
  'col.inPerson': 'In person',
  'col.digital': 'Digital',
  'col.covered': 'Covered',
  'col.extraNights': 'Extra nights',
  'col.overQuota': 'Over quota',
  'col.latePending': 'Late, pending',
  'col.lateApproved': 'Late, approved',
  'col.lateRejected': 'Late, rejected',
  'col.cancelled': 'Cancelled',
  'col.topLeader': 'Top leader present',
  'col.placesLeft': 'Places left',
  'col.roomNights': 'Room nights',
  'col.cost': 'Cost',
  'col.submittedAt': 'Submitted at',
  'col.decision': 'Decision',
  'col.command': 'Command',
  'col.file': 'File',
  'col.row': 'Row',
  'col.reason': 'Reason',
  'col.action': 'What to do',
  'col.status': 'Status',
  'col.extraNight': 'Extra night',
  'status.cancelled': 'Cancelled',
  'status.needs-attention': 'Needs attention',
  'status.not-eligible': 'Not eligible for a paid room',
  'status.digital': 'Digital only',
  'status.no-room': 'No room needed',
  'status.late-pending': 'Late, awaiting decision',
  'status.late-rejected': 'Late, rejected',
  'status.covered': 'Covered',
  'status.over-quota': 'Over quota (waiting list)',
  'extra.granted': 'Granted',
  'extra.review': 'Under review',
  'extra.not-covered': 'Not covered',
  'extra.not-requested': 'Not requested',
  'late.pending': 'Awaiting decision',
  'late.approved': 'Approved',
  'late.rejected': 'Rejected',
  'late.none': 'No decision needed',
  'change.added': 'Added',
  'change.removed': 'Removed',
  'change.changed': 'Changed',
  'payer.organiser': 'The organiser',
  'payer.municipality': '{name} municipality',
  yes: 'Yes',
  no: 'No',
  'problem.no-name': 'No name',
  'problem.no-organisation': 'No municipality or organisation',
  'problem.bad-time': 'The submission time is missing or cannot be read[: “{text}”]',
  'problem.unknown-municipality': 'Unknown municipality[ “{text}”][: did you mean {suggestion}?]',
  'problem.likely-duplicate': 'Likely the same person as another registration[ ({other})]',
  'problem.extra-night-without-main':
    'Asked for the extra night but not the main night: treated as needing both nights',
  'problem.anonymous-email': 'The form gave only “anonymous” as e-mail address',
  'problem.bad-email': 'Invalid e-mail address[ “{text}”]',
  'problem.unplaced': 'No hotel room: every hotel is full',
  'reason.generic': 'Cannot be decided automatically',
  'reason.extraNightReview': 'Asks for the extra night from a municipality near the venue: needs review',
  'action.mapMunicipality': 'Confirm the municipality with the command, or correct the name in the form and import again',
  'action.fixOrCancel': 'Correct the form and import again, or cancel with the command',
  'action.duplicate': 'Same person: cancel one of them with the command (the other then stands). Two different people: samling decide ID --not-duplicate',
  'action.email': 'Correct the e-mail address in the form and import again',
  'action.extraNight': 'Grant with the command, or refuse with --no-extra-night',
  'action.unplaced': 'Add a hotel or more rooms in the configuration',
  'letter.title': '{event}: participants from {municipality}',
  'letter.greeting': 'To {municipality} municipality',
  'letter.intro': "Here is an overview of your municipality's registrations for {event} in {venue}, {dates}.",
  'letter.none':
    'We have no registration yet from your municipality for {event} in {venue}, {dates}, and we would love to have you with us! Please register with the sign-up form.',
  'letter.quota':
    'The organiser pays a hotel room for up to {quota} people from each municipality. You have used {used} of {quota} places and have {left} left.',
  'letter.overQuota':
    'People on the waiting list: {count}. They get a place in turn if someone with a place cancels.',
  'letter.extraNight':
    'The extra night ({night}) is for participants with a place who have a long journey, and must be asked for in the registration.',
  'letter.deadline':
    'The registration deadline is {deadline}. Registrations after the deadline are late and get a paid room only if the organiser approves them.',
  'letter.topLeaderYes': "Top leaders' forum: your municipality has registered its mayor or municipal director.",
  'letter.topLeaderNo': "Top leaders' forum: we have no registration from your mayor or municipal director yet.",
  'letter.noNights': 'None',
  'letter.closing': 'Please let us know if anything is wrong.',
  'letter.signature': 'Kind regards  \nThe organisers',
  'date.at': '{date}, {time}',
};

/** The tables, exported for the completeness test. */
export const MESSAGES: Record<Lang, Messages> = { nn, nb, en };
export const LANGS: readonly Lang[] = ['nn', 'nb', 'en'];

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message `key` in `lang`, with `{name}` filled from args and `[…]` parts kept only when complete. */
export function t(lang: Lang, key: MessageKey, args?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key];
  if (!template.includes('{')) return template;
  const has = (k: string) => args?.[k] !== undefined && args[k] !== '';
  return template
    .replace(/\[([^[\]]*)\]/g, (_, part: string) =>
      [...part.matchAll(PLACEHOLDER)].every((m) => has(m[1]!)) ? part : '',
    )
    .replace(PLACEHOLDER, (_, k: string) => (has(k) ? String(args![k]) : ''));
}

export const statusText = (s: Status, lang: Lang): string => t(lang, `status.${s}`);
export const extraNightText = (s: ExtraNightStatus, lang: Lang): string => t(lang, `extra.${s}`);
export const yesNo = (b: boolean, lang: Lang): string => t(lang, b ? 'yes' : 'no');

/** A problem in words, with the values it names. */
export function problemText(p: Problem, lang: Lang): string {
  return t(lang, `problem.${p.code}` satisfies `problem.${ProblemCode}`, p.args);
}

const MONTHS: Record<Lang, string[]> = {
  nn: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function parts(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** An event has few distinct dates; rooming lists ask about them once per guest. */

/** `2021-09-15` → "15. september 2021" (nn, nb) or "15 September 2021" (en). */
export function formatDate(lang: Lang, date: string): string {
  const { y, m, d } = parts(date);
  return lang === 'en' ? `${d} ${MONTHS.en[m - 1]} ${y}` : `${d}. ${MONTHS[lang][m - 1]} ${y}`;
}

/** From check-in to check-out: "10.–12. november 2021", "30. november–1. desember 2021" (en "10–12 November 2021"). */
export function formatSpan(lang: Lang, from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  const dot = lang === 'en' ? '' : '.';
  if (a.y === b.y && a.m === b.m) return `${a.d}${dot}–${formatDate(lang, to)}`;
  const start = formatDate(lang, from);
  return `${a.y === b.y ? start.slice(0, start.lastIndexOf(' ')) : start}–${formatDate(lang, to)}`;
}

/** The night checking in on `date`: "10.–11. november 2021" / "10–11 November 2021". */
export const formatNight = (lang: Lang, date: string): string => formatSpan(lang, date, addDays(date, 1));

/** Local wall-clock `YYYY-MM-DDTHH:mm` → "11. november 2021 kl. 12.00" / "11 November 2021, 12:00". */
export function formatDateTime(lang: Lang, local: string): string {
  const time = local.slice(11, 16);
  return t(lang, 'date.at', { date: formatDate(lang, local.slice(0, 10)), time: lang === 'en' ? time : time.replace(':', '.') });
}
