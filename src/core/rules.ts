// The accommodation rules (SPEC sections 1, 2, 6 and 8) as one pure function: registrations,
// decisions, settings and the municipality register in; a plan out. No files, clock or console.
//
// The plan does not depend on the order of the registrations: every ordering below is a total order
// ending in the registration id. The order of the decisions does matter: the latest one wins.

import { sortKey } from './sort.js';
import { ID_DIGITS, NO_PROBLEMS, withProblem } from './rows.js';
import { TZDate } from '@date-fns/tz';
import { fold } from './text.js';
import type {
  Decision,
  EventSettings,
  ExtraNightStatus,
  Hotel,
  MunicipalityMatch,
  MunicipalityRef,
  MunicipalitySummary,
  Plan,
  PlannedRegistration,
  Problem,
  ProblemCode,
  Register,
  Registration,
  SourceRef,
  Status,
} from './types.js';

/** Problems that stop a registration from being decided (status `needs-attention`). */
const BLOCKING: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'no-name',
  'no-organisation',
  'unknown-municipality',
  'bad-time',
  'likely-duplicate',
]);

/** Roles that make a top leader when the form has no top-leaders' forum question (folded text). */
const TOP_LEADER_ROLE = /\b(ordforar|ordforer|kommunedirektor|radmann|mayor|municipal director|chief (municipal )?executive)\b/;

/**
 * Most people have no nights paid: one shared, frozen empty list for them (a list each would cost a million
 * objects). Problems and warnings share the reader's NO_PROBLEMS the same way, added to with withProblem.
 */
const NO_NIGHTS: string[] = Object.freeze([]) as unknown as string[];

/**
 * The registrations being decided, by position: the planned registration each becomes, and what the rules
 * need besides. Arrays side by side rather than an object per person (a million of them, for speed and memory).
 */
interface Cases {
  reg: Registration[];
  out: Planned[];
  match: MunicipalityMatch[];
  /** Submission instant in ms since the epoch; NaN when missing or unparsable. */
  time: Float64Array;
  /** Position of the cover decision in force (earlier decisions get places first); Infinity without. */
  coverOrder: Float64Array;
  hotel: (Hotel | null)[];
}

/** Compares two positions of Cases. */
type Order = (a: number, b: number) => number;

/** `order` is the decision's position in the list: earlier cover decisions get places first. */
interface CoverDecision {
  kind: 'cover' | 'uncover';
  order: number;
}

/** The decisions in force: per registration id and axis, the latest decision wins. */
interface Decisions {
  late: Map<string, 'approve-late' | 'reject-late'>;
  cover: Map<string, CoverDecision>;
  extraNight: Map<string, 'extra-night' | 'no-extra-night'>;
  cancel: Set<string>;
  /** Registrations decided to be nobody's duplicate. */
  distinct: Set<string>;
  /** Folded organisation text → municipality code, or null for "not a municipality of the region". */
  mappings: Map<string, string | null>;
}

export function plan(
  registrations: Registration[],
  decisions: Decision[],
  settings: EventSettings,
  register: Register,
): Plan {
  const decided = indexDecisions(decisions);
  const look: Lookups = {
    resolve: resolver(register, decided.mappings),
    instant: instantParser(settings.timeZone),
    fold: memo(fold),
    topLeaderRole: memo((role) => TOP_LEADER_ROLE.test(fold(role))),
  };
  const onTimeUntil = endOfDay(settings.deadline, settings.timeZone);

  const n = registrations.length;
  const cases: Cases = { reg: registrations, out: [], match: [], time: new Float64Array(n), coverOrder: new Float64Array(n), hotel: [] };
  for (let i = 0; i < n; i++) assess(cases, i, settings, decided, look, onTimeUntil);
  const byArrival = arrivalOrder(cases);
  flagLikelyDuplicates(cases, byArrival, look.fold, decided.distinct);
  for (let i = 0; i < n; i++) cases.out[i]!.status = statusBeforePlaces(cases, i);
  allocatePlaces(cases, byArrival, decided, settings.quota);
  const review = new Set(settings.extraNightReview);
  const nightDates = eventNights(settings);
  for (let i = 0; i < n; i++) {
    const out = cases.out[i]!;
    out.extraNight = extraNightStatus(cases, i, settings, decided, review);
    if (out.status === 'covered') out.nights = out.extraNight === 'granted' ? [...nightDates] : [settings.mainNight];
  }
  const hotels = settings.hotels.length > 0 ? settings.hotels : [{ name: 'hotel', rooms: null }];
  const hotelNights = assignHotels(cases, byArrival, hotels, nightDates);

  return {
    event: settings,
    registrations: sortForOutput(cases.out),
    inOutputOrder: true,
    municipalities: summarise(cases, register, settings, hotels),
    nights: nightDates.map((date) => ({
      date,
      rooms: cases.out.reduce((k, out) => (out.status === 'covered' && out.nights.includes(date) ? k + 1 : k), 0),
    })),
    hotels: hotels.map((h, i) => ({
      name: h.name,
      nights: nightDates.map((date, j) => ({ date, rooms: hotelNights[i]![j]!, capacity: h.rooms })),
    })),
  };
}

function indexDecisions(decisions: Decision[]): Decisions {
  const d: Decisions = { late: new Map(), cover: new Map(), extraNight: new Map(), cancel: new Set(), distinct: new Set(), mappings: new Map() };
  decisions.forEach((dec, order) => {
    if (dec.kind === 'map-municipality') {
      if (dec.name !== undefined) d.mappings.set(fold(dec.name), dec.code ?? null);
      return;
    }
    const id = dec.id;
    if (id === undefined) return;
    switch (dec.kind) {
      case 'approve-late':
      case 'reject-late':
        d.late.set(id, dec.kind);
        break;
      case 'cover':
      case 'uncover':
        d.cover.set(id, { kind: dec.kind, order });
        break;
      case 'extra-night':
      case 'no-extra-night':
        d.extraNight.set(id, dec.kind);
        break;
      case 'not-duplicate':
        d.distinct.add(id);
        break;
      case 'cancel':
        d.cancel.add(id);
        break;
    }
  });
  return d;
}

/** Lookups repeated for many rows, computed once per distinct text during one plan. */
interface Lookups {
  resolve: (organisation: string) => Resolved;
  instant: (text: string | null) => number;
  fold: (text: string) => string;
  topLeaderRole: (role: string) => boolean;
}

interface Resolved {
  match: MunicipalityMatch;
  municipality: MunicipalityRef | null;
}

function memo<T>(f: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = f(text);
    cache.set(text, value);
    return value;
  };
}

/** register.match with the organisers' map-municipality decisions on top. */
function resolver(register: Register, mappings: Map<string, string | null>): (text: string) => Resolved {
  const byCode = new Map(register.municipalities.map((m) => [m.code, m]));
  return memo((text) => {
    const key = fold(text);
    const mapped = key === '' ? undefined : mappings.get(key);
    const ref = mapped == null ? undefined : byCode.get(mapped);
    let match: MunicipalityMatch;
    if (key === '') match = { kind: 'empty' };
    else if (ref !== undefined) match = { kind: 'region', code: ref.code, name: ref.name };
    else if (mapped === null) match = { kind: 'organisation' };
    else match = register.match(text); // no decision, or one naming a code the register does not know
    return { match, municipality: match.kind === 'region' ? { code: match.code, name: match.name } : null };
  });
}

/** The first instant after the given local day: a submission before it is on time. */
function endOfDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new TZDate(y!, m! - 1, d! + 1, timeZone).getTime();
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ISO 8601 text to an instant (ms); NaN when missing or unparsable. A time without offset is
 * wall-clock time in the event's time zone (the zone's offset is looked up once per hour).
 */
function instantParser(timeZone: string): (text: string | null) => number {
  const startOfLocalHour = memo((hour) => {
    const [y, mo, d, h] = hour.split('-').map(Number);
    return new TZDate(y!, mo! - 1, d!, h!, timeZone).getTime();
  });
  return (text) => {
    if (text !== null && STORED.test(text)) return storedInstant(text);
    const p = text === null ? null : ISO.exec(text.trim());
    if (p === null) return NaN;
    const y = +p[1]!, mo = +p[2]!, d = +p[3]!, h = +(p[4] ?? 0), mi = +(p[5] ?? 0), sec = +(p[6] ?? 0);
    const leapDay = mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
    if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]! || leapDay || h > 23 || mi > 59 || sec > 59) return NaN;
    const withinHour = (mi * 60 + sec) * 1000 + (p[7] ? +`${p[7]}00`.slice(0, 3) : 0);
    const offset = p[8]?.toUpperCase();
    if (offset === undefined) return startOfLocalHour(`${y}-${mo}-${d}-${h}`) + withinHour;
    const utc = Date.UTC(y, mo - 1, d, h) + withinHour;
    if (offset === 'Z') return utc;
    const digits = offset.slice(1).replace(':', '');
    const minutes = +digits.slice(0, 2) * 60 + +(digits.slice(2) || 0);
    return utc - (offset[0] === '-' ? -minutes : minutes) * 60_000;
  };
}

/**
 * The form the reader stores every parsed time in (`2021-09-16T08:05:00+02:00`): read by position, without
 * the general pattern above, as the plan reads it for every registration. Same checks, same result.
 */
const STORED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

/** The number the ASCII digits text[from..to) spell (STORED has checked they are digits). */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

function storedInstant(text: string): number {
  const y = digits(text, 0, 4), mo = digits(text, 5, 7), d = digits(text, 8, 10);
  const h = digits(text, 11, 13), mi = digits(text, 14, 16), sec = digits(text, 17, 19);
  const leapDay = mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]! || leapDay || h > 23 || mi > 59 || sec > 59) return NaN;
  const minutes = digits(text, 20, 22) * 60 + digits(text, 23, 25);
  return Date.UTC(y, mo - 1, d, h, mi, sec) - (text[19] === '-' ? -minutes : minutes) * 60_000;
}

/** Decides what can be decided for position `i` alone, and fills its place in `cases`. */
function assess(
  cases: Cases,
  i: number,
  settings: EventSettings,
  decided: Decisions,
  look: Lookups,
  onTimeUntil: number,
): void {
  const reg = cases.reg[i]!;
  let problems = NO_PROBLEMS;
  let warnings = NO_PROBLEMS;
  if (!hasName(reg)) problems = [{ code: 'no-name' }];
  const { match, municipality } = look.resolve(reg.organisation);
  if (match.kind === 'empty') problems = withProblem(problems, { code: 'no-organisation' });
  if (match.kind === 'near-miss') {
    problems = withProblem(problems, {
      code: 'unknown-municipality',
      args: {
        text: reg.organisation,
        suggestion: match.suggestions.map((s) => s.name).join(', '),
        codes: match.suggestions.map((s) => s.code).join(','),
      },
    });
  }
  const time = look.instant(reg.submittedAt);
  if (Number.isNaN(time)) problems = withProblem(problems, { code: 'bad-time', args: { text: reg.submittedAtText } });
  // The blocking problems are recomputed above on every run (so a decision can clear them); what else
  // the reader found (an odd e-mail…) does not block and is passed on as a warning.
  for (const p of reg.problems) if (!BLOCKING.has(p.code)) warnings = withProblem(warnings, p);

  const late = time >= onTimeUntil;
  const lateDecision = !late ? null : lateInForce(decided.late.get(reg.id), settings.latePolicy);
  const attendance = reg.attendance ?? (settings.assumeInPerson ? 'in-person' : 'digital');
  // Asking for the extra night means needing a room: when the main night was declined, both nights.
  let needsRoom = reg.needsRoom ?? settings.assumeNeedsRoom;
  if (reg.extraNight === true && !needsRoom) {
    needsRoom = true;
    if (reg.needsRoom === false) warnings = withProblem(warnings, { code: 'extra-night-without-main' });
  }
  cases.match.push(match);
  cases.time[i] = time;
  cases.coverOrder[i] = coverOrder(decided.cover.get(reg.id));
  cases.hotel.push(null);
  cases.out.push(new Planned(
    reg,
    municipality,
    late,
    lateDecision,
    reg.cancelled || decided.cancel.has(reg.id) ? 'cancelled' : 'needs-attention',
    attendance,
    needsRoom,
    // The forum answer wins; when the form did not ask, the role decides (mayor, municipal director).
    reg.topLeader ?? (reg.role !== null && look.topLeaderRole(reg.role)),
    problems,
    warnings,
    match.kind === 'outside'
      ? { name: match.name, county: match.county }
      : match.kind === 'organisation'
        ? { name: reg.organisation, county: null }
        : null,
  ));
}

/**
 * A planned registration: what the rules decided, beside the registration it was decided for. The
 * person's own answers (name, e-mail, organisation…) are read from the registration, not copied: at a
 * million rows the copies would cost some 80 MB.
 */
class Planned implements PlannedRegistration {
  extraNight: ExtraNightStatus = 'not-requested';
  nights: string[] = NO_NIGHTS;
  hotel: string | null = null;
  readonly #reg: Registration;

  constructor(
    reg: Registration,
    readonly municipality: MunicipalityRef | null,
    readonly late: boolean,
    readonly lateDecision: 'approved' | 'rejected' | null,
    public status: Status,
    readonly attendance: 'in-person' | 'digital',
    readonly needsRoom: boolean,
    readonly topLeader: boolean,
    public problems: Problem[],
    readonly warnings: Problem[],
    readonly outside: { name: string; county: string | null } | null,
  ) {
    this.#reg = reg;
  }

  get id(): string { return this.#reg.id; }
  get firstName(): string { return this.#reg.firstName; }
  get lastName(): string { return this.#reg.lastName; }
  get email(): string | null { return this.#reg.email; }
  get phone(): string | null { return this.#reg.phone; }
  get organisation(): string { return this.#reg.organisation; }
  get role(): string | null { return this.#reg.role; }
  get submittedAt(): string | null { return this.#reg.submittedAt; }
  get dietary(): string | null { return this.#reg.dietary; }
  get notes(): string | null { return this.#reg.notes; }
  get source(): SourceRef { return this.#reg.source; }
}

/** Some name given: first and last name together are more than white space. */
function hasName(reg: Registration): boolean {
  return reg.firstName.trim() !== '' || reg.lastName.trim() !== '';
}

function coverOrder(decision: CoverDecision | undefined): number {
  return decision?.kind === 'cover' ? decision.order : Infinity;
}

function lateInForce(
  decision: 'approve-late' | 'reject-late' | undefined,
  policy: EventSettings['latePolicy'],
): 'approved' | 'rejected' | null {
  if (decision === 'approve-late') return 'approved';
  if (decision === 'reject-late') return 'rejected';
  return policy === 'accept' ? 'approved' : policy === 'reject' ? 'rejected' : null;
}

/**
 * A registration without e-mail whose folded full name and municipality (or folded organisation)
 * equal another non-cancelled registration's is a likely duplicate; `other` is the earliest other.
 * Registrations with an e-mail are identified by it and are not flagged themselves.
 */
function flagLikelyDuplicates(cases: Cases, byArrival: Order, foldName: (text: string) => string, distinct: Set<string>): void {
  const { reg, out } = cases;
  const hasEmail = (i: number) => (reg[i]!.email ?? '').trim() !== '';
  // A `not-duplicate` decision says this person is someone else than any namesake: left out of the groups.
  const candidate = (i: number) =>
    out[i]!.status !== 'cancelled' && (distinct.size === 0 || !distinct.has(reg[i]!.id)) && hasName(reg[i]!) && cases.match[i]!.kind !== 'empty';
  // Folded names, grouped by name and then by municipality (or folded organisation): no key text per person.
  const nameOf = (i: number) => {
    const first = foldName(reg[i]!.firstName);
    const last = foldName(reg[i]!.lastName);
    return first === '' ? last : last === '' ? first : `${first} ${last}`;
  };
  const placeOf = (i: number) => {
    const m = out[i]!.municipality;
    return m ? m.code : `o:${foldName(reg[i]!.organisation)}`; // codes are digits: no clash with "o:"
  };
  const byName = new Map<string, Map<string, number[]>>();
  const withEmail: number[] = [];
  for (let i = 0; i < reg.length; i++) {
    if (!candidate(i)) continue;
    if (hasEmail(i)) {
      withEmail.push(i);
      continue;
    }
    const name = nameOf(i);
    let byPlace = byName.get(name);
    if (byPlace === undefined) byName.set(name, (byPlace = new Map()));
    const place = placeOf(i);
    const group = byPlace.get(place);
    if (group) group.push(i);
    else byPlace.set(place, [i]);
  }
  if (byName.size === 0) return;
  // People with an e-mail join a group only as the `other`; most share no name with anyone, so look up
  // the name alone before the place.
  for (const i of withEmail) {
    const byPlace = byName.get(nameOf(i));
    if (byPlace !== undefined) byPlace.get(placeOf(i))?.push(i);
  }
  const groups = [...byName.values()].flatMap((byPlace) => [...byPlace.values()]);
  for (const group of groups) {
    if (group.length < 2) continue;
    // Everyone's `other` is the earliest of the group, and the earliest's is the second: found in one pass,
    // without sorting the group (namesakes with an e-mail can make groups large).
    let first = group[0]!;
    let second = group[1]!;
    if (byArrival(second, first) < 0) [first, second] = [second, first];
    for (let k = 2; k < group.length; k++) {
      const i = group[k]!;
      if (byArrival(i, first) < 0) [first, second] = [i, first];
      else if (byArrival(i, second) < 0) second = i;
    }
    for (const i of group) {
      if (hasEmail(i)) continue;
      const other = i === first ? second : first;
      out[i]!.problems = withProblem(out[i]!.problems, { code: 'likely-duplicate', args: { other: reg[other]!.id } });
    }
  }
}

/** Earlier submission first (unparsable last), then source row, then id: a total order. */
function arrivalOrder({ time, reg }: Cases): Order {
  return (a, b) => {
    const ta = Number.isNaN(time[a]!) ? Infinity : time[a]!;
    const tb = Number.isNaN(time[b]!) ? Infinity : time[b]!;
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ra = reg[a]!;
    const rb = reg[b]!;
    if (ra.source.row !== rb.source.row) return ra.source.row - rb.source.row;
    return ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0;
  };
}

/** Statuses 1–6 of SPEC 2; a registration that gets through is provisionally `over-quota`. */
function statusBeforePlaces(cases: Cases, i: number): Status {
  const out = cases.out[i]!;
  if (out.status === 'cancelled') return 'cancelled';
  if (out.problems.some((p) => BLOCKING.has(p.code))) return 'needs-attention';
  if (cases.match[i]!.kind !== 'region') return 'not-eligible';
  if (out.attendance === 'digital') return 'digital';
  if (!out.needsRoom) return 'no-room';
  if (out.late && out.lateDecision !== 'approved') return out.lateDecision === 'rejected' ? 'late-rejected' : 'late-pending';
  return 'over-quota';
}

/**
 * Places per municipality, among those still `over-quota` (eligible, in person, need a room, on time or
 * late and approved): manual covers in decision order, then on time, then approved late, each by
 * submission time. Uncovered people stay out. The quota is never exceeded, not even by cover decisions.
 */
function allocatePlaces(cases: Cases, byArrival: Order, decided: Decisions, quota: number): void {
  const { out, reg, coverOrder, time } = cases;
  const byMunicipality = new Map<string, number[]>();
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.status !== 'over-quota' || decided.cover.get(reg[i]!.id)?.kind === 'uncover') continue;
    const code = out[i]!.municipality!.code;
    const list = byMunicipality.get(code);
    if (list) list.push(i);
    else byMunicipality.set(code, [i]);
  }
  // Who comes first for a place: cover decisions in decision order, then by submission (on time before
  // approved late needs no rule of its own: a late submission is always the later one).
  const key = (i: number) => (coverOrder[i] !== Infinity ? coverOrder[i]! - 1e15 : time[i]!);
  const byPlaceOrder: Order = (a, b) => {
    const d = key(a) - key(b);
    return d < 0 ? -1 : d > 0 ? 1 : byArrival(a, b);
  };
  for (const list of byMunicipality.values()) {
    for (const i of firstInOrder(list, quota, byPlaceOrder)) out[i]!.status = 'covered';
  }
}

/**
 * The first `k` of `items` in `order` (a total order), in that order. A quota is a handful of places
 * among possibly thousands of people: kept in a short sorted list, without sorting everyone.
 */
export function firstInOrder<T>(items: T[], k: number, order: (a: T, b: T) => number): T[] {
  if (k > 64) return [...items].sort(order).slice(0, k);
  const best: T[] = [];
  for (const x of items) {
    if (best.length === k && (k === 0 || order(x, best[k - 1]!) >= 0)) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && order(x, best[i - 1]!) < 0) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = x;
  }
  return best;
}

/**
 * A denied request (`no-extra-night`) is `not-covered`: the person asked, and the organiser does not
 * pay the night — the same meaning as for someone asking who has no place. `not-requested` is kept
 * for people who did not ask, so a denial is never reported as "did not ask".
 */
function extraNightStatus(
  cases: Cases,
  i: number,
  settings: EventSettings,
  decided: Decisions,
  review: Set<string>,
): ExtraNightStatus {
  if (settings.extraNight === null) return 'not-requested';
  const reg = cases.reg[i]!;
  const out = cases.out[i]!;
  const decision = decided.extraNight.get(reg.id);
  const asked = reg.extraNight === true || decision === 'extra-night';
  if (!asked) return 'not-requested';
  if (out.status !== 'covered' || decision === 'no-extra-night') return 'not-covered';
  if (decision === 'extra-night') return 'granted';
  return review.has(out.municipality!.code) ? 'review' : 'granted';
}

function eventNights(settings: EventSettings): string[] {
  return settings.extraNight !== null && settings.extraNight !== settings.mainNight
    ? [settings.extraNight, settings.mainNight].sort()
    : [settings.mainNight];
}

/**
 * Covered people to hotels, municipality by municipality in code order: a municipality goes whole to
 * the first hotel with room for all of it on every night; when none has, its people fill the hotels in
 * order, each in the first with a room on all of their nights. Whoever does not fit is `unplaced`.
 * Returns rooms used per hotel per night (indices of `hotels` and `nights`).
 */
function assignHotels(cases: Cases, byArrival: Order, hotels: Hotel[], nights: string[]): number[][] {
  const { out } = cases;
  const used = hotels.map(() => nights.map(() => 0));
  const free = (h: number, n: number) => (hotels[h]!.rooms === null ? Infinity : hotels[h]!.rooms! - used[h]![n]!);
  const place = (i: number, h: number) => {
    cases.hotel[i] = hotels[h]!;
    out[i]!.hotel = hotels[h]!.name;
    for (const date of out[i]!.nights) used[h]![nights.indexOf(date)]!++;
  };
  const groups = new Map<string, number[]>();
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.status !== 'covered') continue;
    const code = out[i]!.municipality!.code;
    const g = groups.get(code);
    if (g) g.push(i);
    else groups.set(code, [i]);
  }
  for (const code of [...groups.keys()].sort()) {
    const group = groups.get(code)!.sort(byArrival);
    const need = nights.map((date) => group.filter((i) => out[i]!.nights.includes(date)).length);
    const whole = hotels.findIndex((_, h) => need.every((k, n) => free(h, n) >= k));
    if (whole >= 0) {
      for (const i of group) place(i, whole);
      continue;
    }
    for (const i of group) {
      const h = hotels.findIndex((_, h) => out[i]!.nights.every((date) => free(h, nights.indexOf(date)) >= 1));
      if (h >= 0) place(i, h);
      else out[i]!.problems = withProblem(out[i]!.problems, { code: 'unplaced' });
    }
  }
  return used;
}

function summarise(cases: Cases, register: Register, settings: EventSettings, hotels: Hotel[]): MunicipalitySummary[] {
  const anyRate = settings.roomRate !== null || hotels.some((h) => h.roomRate != null);
  const rows = register.municipalities.map(
    (m): MunicipalitySummary => ({
      code: m.code,
      name: m.name,
      registered: 0,
      inPerson: 0,
      digital: 0,
      covered: 0,
      extraNights: 0,
      overQuota: 0,
      latePending: 0,
      lateApproved: 0,
      lateRejected: 0,
      cancelled: 0,
      topLeader: false,
      placesLeft: 0,
      roomNights: 0,
      cost: anyRate ? 0 : null,
    }),
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (let i = 0; i < cases.out.length; i++) {
    const out = cases.out[i]!;
    const s = out.municipality ? byCode.get(out.municipality.code) : undefined;
    if (s === undefined) continue;
    if (out.status === 'cancelled') {
      s.cancelled++;
      continue;
    }
    s.registered++;
    if (out.attendance === 'digital') s.digital++;
    else s.inPerson++;
    if (out.topLeader) s.topLeader = true;
    if (out.status === 'over-quota') s.overQuota++;
    if (out.status === 'late-pending') s.latePending++;
    if (out.status === 'late-rejected') s.lateRejected++;
    if (out.late && out.lateDecision === 'approved' && (out.status === 'covered' || out.status === 'over-quota')) s.lateApproved++;
    if (out.status !== 'covered') continue;
    s.covered++;
    if (out.extraNight === 'granted') s.extraNights++;
    s.roomNights += out.nights.length;
    const rate = cases.hotel[i]?.roomRate ?? settings.roomRate;
    if (s.cost !== null) s.cost = rate == null ? null : s.cost + rate * out.nights.length;
  }
  for (const s of rows) s.placesLeft = Math.max(0, settings.quota - s.covered);
  return rows;
}


/** By municipality code (none last), last name, first name, id. */
function sortForOutput(planned: PlannedRegistration[]): PlannedRegistration[] {
  // For speed at a million rows, without a comparison sort of everyone: each text becomes the rank of its
  // key among the distinct keys (names repeat a lot); the three ranks make one integer, exact in a double
  // (codes × last names × first names < 2^53 up to far beyond a million rows); the distinct integers are
  // sorted natively and everyone is placed by counting. Only people with the same municipality and the same
  // name need comparing, by id.
  // At a million rows the time goes to fetching each person from memory, so everything needed is read in
  // one pass over them, and the rest works on arrays of numbers.
  const n = planned.length;
  const codes = new TextRanks(n);
  const last = new TextRanks(n);
  const first = new TextRanks(n);
  const idNums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = planned[i]!;
    codes.add(i, p.municipality?.code ?? '\uffff');
    last.add(i, p.lastName);
    first.add(i, p.firstName);
    idNums[i] = idNumber(p.id);
  }
  const codeRanks = codes.rank((s) => s);
  const lastRanks = last.rank(sortKey);
  const firstRanks = first.rank(sortKey);
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = (codes.of[i]! * lastRanks + last.of[i]!) * firstRanks + first.of[i]!;
  const distinct = Float64Array.from(key).sort();
  let u = 0;
  for (let i = 0; i < n; i++) if (u === 0 || distinct[i] !== distinct[u - 1]) distinct[u++] = distinct[i]!;
  // Where each distinct key's people start in the output (counting sort by the key's position).
  const slot = new Uint32Array(n);
  const start = new Uint32Array(u + 1);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < key[i]!) lo = mid + 1;
      else hi = mid;
    }
    slot[i] = lo;
    start[lo + 1]!++;
  }
  for (let k = 0; k < u; k++) start[k + 1]! += start[k]!;
  const order = new Uint32Array(n);
  const next = start.slice(0, u);
  for (let i = 0; i < n; i++) order[next[slot[i]!]!++] = i;
  // Namesakes in the same municipality by id: as numbers, or as text when an id is not samling's own.
  const textIds = idNums.some(Number.isNaN);
  const byId = textIds
    ? (i: number, j: number) => (planned[i]!.id < planned[j]!.id ? -1 : planned[i]!.id > planned[j]!.id ? 1 : 0)
    : (i: number, j: number) => idNums[i]! - idNums[j]!;
  for (let k = 0; k < u; k++) if (start[k + 1]! - start[k]! > 1) order.subarray(start[k], start[k + 1]).sort(byId);
  const out = planned.slice(); // the right length, overwritten below
  for (let j = 0; j < n; j++) out[j] = planned[order[j]!]!;
  return out;
}

/** An 8-character registration id as its 40-bit number (same order as the text); NaN for any other id. */
function idNumber(id: string): number {
  if (id.length !== 8) return NaN;
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const d = ID_DIGITS.indexOf(id[i]!);
    if (d < 0) return NaN;
    n = n * 32 + d;
  }
  return n;
}

/**
 * The texts of one column, numbered as they are met (names repeat: each distinct one is looked at once), and
 * then ranked: `of[i]` becomes the rank of key(text i) among the distinct keys in code-unit order (equal
 * keys, equal ranks).
 */
class TextRanks {
  readonly of: Uint32Array;
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];

  constructor(n: number) {
    this.of = new Uint32Array(n);
  }

  add(i: number, text: string): void {
    let k = this.index.get(text);
    if (k === undefined) {
      k = this.texts.push(text) - 1;
      this.index.set(text, k);
    }
    this.of[i] = k;
  }

  /** Turns the numbers in `of` into ranks; returns how many ranks there are (at least 1). */
  rank(key: (s: string) => string): number {
    const keys = this.texts.map(key);
    const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rankOfKey = new Map(sorted.map((k, r) => [k, r]));
    const rankOf = Uint32Array.from(keys, (k) => rankOfKey.get(k)!);
    for (let i = 0; i < this.of.length; i++) this.of[i] = rankOf[this.of[i]!]!;
    return Math.max(1, sorted.length);
  }
}
