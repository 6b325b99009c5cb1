// The accommodation rules (SPEC sections 1, 2, 6 and 8) as one pure function: registrations,
// decisions, settings and the municipality register in; a plan out. No files, clock or console.
//
// The plan does not depend on the order of the registrations: every ordering below is a total order
// ending in the registration id. The order of the decisions does matter: the latest one wins.
//
// For speed at a million rows, each registration is read once (assess), into numbers side by side
// (typed arrays: no object per person while deciding); the distinct organisation and name texts are
// numbered, and what depends on a text alone (the municipality, the folded name, the sort key) is worked
// out once per distinct text. The planned registrations are made last, in output order.

import { sortKey } from './sort.js';
import { idNumber, NO_PROBLEMS, withProblem } from './rows.js';
import { TZDate } from '@date-fns/tz';
import { fold, memo } from './text.js';
import { daysSinceEpoch, digitsAt, validDateTime } from './dates.js';
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

// Statuses, late decisions and extra-night statuses as small numbers while deciding.
const CANCELLED = 0, NEEDS_ATTENTION = 1, NOT_ELIGIBLE = 2, DIGITAL = 3, NO_ROOM = 4, LATE_PENDING = 5, LATE_REJECTED = 6, COVERED = 7, OVER_QUOTA = 8;
const STATUS: readonly Status[] = ['cancelled', 'needs-attention', 'not-eligible', 'digital', 'no-room', 'late-pending', 'late-rejected', 'covered', 'over-quota'];
const LATE_DECISION = [null, 'approved', 'rejected'] as const;
const NOT_REQUESTED = 0, NOT_COVERED = 1, GRANTED = 2, REVIEW = 3;
const EXTRA_NIGHT: readonly ExtraNightStatus[] = ['not-requested', 'not-covered', 'granted', 'review'];
// Bits of Cases.flags.
const LATE = 1, IN_DIGITAL = 2, NEEDS_ROOM = 4, TOP_LEADER = 8, HAS_EMAIL = 16, ASKS_EXTRA_NIGHT = 32;
/** Not cancelled, a name, an organisation and no `not-duplicate` decision: may be someone's duplicate. */
const DUPLICATE_CANDIDATE = 64;

/**
 * The registrations being decided, by position: what the rules need and decide, side by side rather than
 * an object per person (a million of them, for speed and memory).
 */
interface Cases {
  reg: Registration[];
  /** Number of the organisation text in Texts `orgs`, and of the first and last name in `names`. */
  org: Uint32Array;
  first: Uint32Array;
  last: Uint32Array;
  /** Submission instant in ms since the epoch; NaN when missing or unparsable. */
  time: Float64Array;
  /** Position of the cover decision in force (earlier decisions get places first); Infinity without. */
  coverOrder: Float64Array;
  /** Index in STATUS, LATE_DECISION and EXTRA_NIGHT. */
  status: Uint8Array;
  lateDecision: Uint8Array;
  extraNight: Uint8Array;
  flags: Uint8Array;
  /** 8-character ids as their 40-bit numbers (see idNumber); NaN for other ids. */
  idNum: Float64Array;
  /** Problems and warnings of those who have any (most have none): NO_PROBLEMS for the others. */
  problems: Map<number, Problem[]>;
  warnings: Map<number, Problem[]>;
  /** Index in the hotels; -1 for none. */
  hotel: Int32Array;
  /** The nights paid for each covered person. */
  nights: Map<number, string[]>;
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

/** Distinct texts, numbered as they are met: what depends on the text alone is worked out once per number. */
class Texts {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  number(text: string): number {
    let k = this.index.get(text);
    if (k === undefined) {
      k = this.list.push(text) - 1;
      this.index.set(text, k);
    }
    return k;
  }
}

/** What an organisation text means: the same for everyone who typed it (objects shared between them). */
interface Organisation {
  match: MunicipalityMatch;
  municipality: MunicipalityRef | null;
  outside: { name: string; county: string | null } | null;
  /** Number of the municipality code among those met (`codes` in plan); -1 for none. */
  code: number;
}

export function plan(
  registrations: Registration[],
  decisions: Decision[],
  settings: EventSettings,
  register: Register,
): Plan {
  const decided = indexDecisions(decisions);
  const n = registrations.length;
  const cases: Cases = {
    reg: registrations,
    org: new Uint32Array(n),
    first: new Uint32Array(n),
    last: new Uint32Array(n),
    time: new Float64Array(n),
    coverOrder: new Float64Array(n),
    status: new Uint8Array(n),
    lateDecision: new Uint8Array(n),
    extraNight: new Uint8Array(n),
    flags: new Uint8Array(n),
    idNum: new Float64Array(n),
    problems: new Map(),
    warnings: new Map(),
    hotel: new Int32Array(n).fill(-1),
    nights: new Map(),
  };
  const orgs = new Texts();
  const names = new Texts();
  const codes = new Texts();
  const meaning: Organisation[] = [];
  const resolve = resolver(register, decided.mappings);
  const look: Lookups = {
    organisation: (text) => {
      const k = orgs.number(text);
      if (k === meaning.length) {
        const { match, municipality } = resolve(text);
        const outside = match.kind === 'outside'
          ? { name: match.name, county: match.county }
          : match.kind === 'organisation' ? { name: text, county: null } : null;
        meaning.push({ match, municipality, outside, code: municipality ? codes.number(municipality.code) : -1 });
      }
      return k;
    },
    instant: instantParser(settings.timeZone),
    topLeaderRole: memo((role) => TOP_LEADER_ROLE.test(fold(role))),
  };
  const onTimeUntil = endOfDay(settings.deadline, settings.timeZone);

  for (let i = 0; i < n; i++) assess(cases, i, settings, decided, look, meaning, names, onTimeUntil);
  const byArrival = arrivalOrder(cases);
  flagLikelyDuplicates(cases, byArrival, meaning, orgs, names);
  const covered = allocatePlaces(cases, byArrival, decided, settings.quota, meaning, codes.list.length);
  const review = new Set(settings.extraNightReview);
  const nightDates = eventNights(settings);
  if (settings.extraNight !== null) {
    for (let i = 0; i < n; i++) cases.extraNight[i] = extraNightStatus(cases, i, decided, review, meaning);
  }
  for (const i of covered) cases.nights.set(i, cases.extraNight[i] === GRANTED ? [...nightDates] : [settings.mainNight]);
  const hotels = settings.hotels.length > 0 ? settings.hotels : [{ name: 'hotel', rooms: null }];
  const hotelNights = assignHotels(cases, byArrival, hotels, nightDates, meaning, codes.list,
    settings.roomingList.includeOverQuota ? { mainNight: settings.mainNight } : null);

  return {
    event: settings,
    registrations: plannedInOutputOrder(cases, meaning, codes.list, names.list, hotels),
    inOutputOrder: true,
    municipalities: summarise(cases, register, settings, hotels, meaning),
    nights: nightDates.map((date) => {
      let rooms = 0;
      for (const nights of cases.nights.values()) if (nights.includes(date)) rooms++;
      return { date, rooms };
    }),
    hotels: hotels.map((h, i) => ({
      name: h.name,
      nights: nightDates.map((date, j) => ({
        date, rooms: hotelNights.used[i]![j]!, capacity: h.rooms,
        ...(hotelNights.municipalityPaid ? { municipalityPaid: hotelNights.municipalityPaid[i]![j]! } : {}),
      })),
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
  /** The number of an organisation text; its meaning is filled in the first time. */
  organisation: (text: string) => number;
  instant: (text: string | null) => number;
  topLeaderRole: (role: string) => boolean;
}

interface Resolved {
  match: MunicipalityMatch;
  municipality: MunicipalityRef | null;
}


/** register.match with the organisers' map-municipality decisions on top. */
function resolver(register: Register, mappings: Map<string, string | null>): (text: string) => Resolved {
  const byCode = new Map(register.municipalities.map((m) => [m.code, m]));
  return (text) => {
    const key = fold(text);
    const mapped = key === '' ? undefined : mappings.get(key);
    const ref = mapped == null ? undefined : byCode.get(mapped);
    let match: MunicipalityMatch;
    if (key === '') match = { kind: 'empty' };
    else if (ref !== undefined) match = { kind: 'region', code: ref.code, name: ref.name };
    else if (mapped === null) match = { kind: 'organisation' };
    else match = register.match(text); // no decision, or one naming a code the register does not know
    return { match, municipality: match.kind === 'region' ? { code: match.code, name: match.name } : null };
  };
}

/** The first instant after the given local day: a submission before it is on time. */
function endOfDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new TZDate(y!, m! - 1, d! + 1, timeZone).getTime();
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

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
    if (!validDateTime(y, mo, d, h, mi, sec)) return NaN;
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

/** A text STORED has matched, as an instant (ms); NaN for a date or time that does not exist. Exported for tests. */
export function storedInstant(text: string): number {
  const y = digitsAt(text, 0, 4), mo = digitsAt(text, 5, 2), d = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2), mi = digitsAt(text, 14, 2), sec = digitsAt(text, 17, 2);
  if (!validDateTime(y, mo, d, h, mi, sec)) return NaN;
  const minutes = digitsAt(text, 20, 2) * 60 + digitsAt(text, 23, 2);
  // Date.UTC(y, mo - 1, d, h, mi, sec) by arithmetic: the same number, without a call into the engine per row.
  const utc = (((daysSinceEpoch(y, mo, d) * 24 + h) * 60 + mi) * 60 + sec) * 1000;
  return utc - (text.charCodeAt(19) === 45 /* - */ ? -minutes : minutes) * 60_000;
}

/**
 * Decides what can be decided for position `i` alone (statuses 1–6 of SPEC 2; one that gets through is
 * provisionally `over-quota`), and fills its place in `cases`: the only pass that reads the registration.
 */
function assess(
  cases: Cases,
  i: number,
  settings: EventSettings,
  decided: Decisions,
  look: Lookups,
  meaning: Organisation[],
  names: Texts,
  onTimeUntil: number,
): void {
  const reg = cases.reg[i]!;
  const id = reg.id;
  let problems = NO_PROBLEMS;
  let warnings = NO_PROBLEMS;
  const named = hasName(reg);
  if (!named) problems = [{ code: 'no-name' }];
  const org = look.organisation(reg.organisation);
  const { match } = meaning[org]!;
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
  // Most plans have few decisions or none: a map is looked in only when it holds any.
  const lateDecision = !late ? 0 : lateInForce(decided.late.size === 0 ? undefined : decided.late.get(id), settings.latePolicy);
  const attendance = reg.attendance ?? (settings.assumeInPerson ? 'in-person' : 'digital');
  // Asking for the extra night means needing a room: when the main night was declined, both nights.
  let needsRoom = reg.needsRoom ?? settings.assumeNeedsRoom;
  if (reg.extraNight === true && !needsRoom) {
    needsRoom = true;
    if (reg.needsRoom === false) warnings = withProblem(warnings, { code: 'extra-night-without-main' });
  }
  // The forum answer wins; when the form did not ask, the role decides (mayor, municipal director).
  const topLeader = reg.topLeader ?? (reg.role !== null && look.topLeaderRole(reg.role));
  const cancelled = reg.cancelled || (decided.cancel.size !== 0 && decided.cancel.has(id));

  let status: number;
  if (cancelled) status = CANCELLED;
  else if (problems.length > 0 && problems.some((p) => BLOCKING.has(p.code))) status = NEEDS_ATTENTION;
  else if (match.kind !== 'region') status = NOT_ELIGIBLE;
  else if (attendance === 'digital') status = DIGITAL;
  else if (!needsRoom) status = NO_ROOM;
  else if (late && lateDecision !== 1) status = lateDecision === 2 ? LATE_REJECTED : LATE_PENDING;
  else status = OVER_QUOTA;

  cases.org[i] = org;
  cases.first[i] = names.number(reg.firstName);
  cases.last[i] = names.number(reg.lastName);
  cases.time[i] = time;
  cases.coverOrder[i] = decided.cover.size === 0 ? Infinity : coverOrder(decided.cover.get(id));
  cases.status[i] = status;
  cases.lateDecision[i] = lateDecision;
  cases.flags[i] =
    (late ? LATE : 0) |
    (attendance === 'digital' ? IN_DIGITAL : 0) |
    (needsRoom ? NEEDS_ROOM : 0) |
    (topLeader ? TOP_LEADER : 0) |
    ((reg.email ?? '').trim() !== '' ? HAS_EMAIL : 0) |
    (reg.extraNight === true ? ASKS_EXTRA_NIGHT : 0) |
    // A `not-duplicate` decision says this person is someone else than any namesake: left out of the groups.
    (!cancelled && named && match.kind !== 'empty' && (decided.distinct.size === 0 || !decided.distinct.has(id)) ? DUPLICATE_CANDIDATE : 0);
  cases.idNum[i] = idNumber(id);
  if (problems !== NO_PROBLEMS) cases.problems.set(i, problems);
  if (warnings !== NO_PROBLEMS) cases.warnings.set(i, warnings);
}

/**
 * A planned registration: what the rules decided, beside the registration it was decided for. The
 * person's own answers (name, e-mail, organisation…) are read from the registration, not copied: at a
 * million rows the copies would cost some 80 MB. For the same reason what depends on the organisation
 * text is read from its Organisation, and the statuses and yes/no answers are packed in one number
 * (`bits`: the status, late decision and extra-night status as indices, and the Cases flags).
 */
class Planned implements PlannedRegistration {
  readonly #reg: Registration;
  readonly #org: Organisation;
  readonly #bits: number;

  constructor(
    reg: Registration,
    org: Organisation,
    bits: number,
    readonly problems: Problem[],
    readonly warnings: Problem[],
    readonly nights: string[],
    readonly hotel: string | null,
  ) {
    this.#reg = reg;
    this.#org = org;
    this.#bits = bits;
  }

  get status(): Status { return STATUS[this.#bits & 15]!; }
  get lateDecision(): 'approved' | 'rejected' | null { return LATE_DECISION[(this.#bits >> 4) & 3]!; }
  get extraNight(): ExtraNightStatus { return EXTRA_NIGHT[(this.#bits >> 6) & 3]!; }
  get late(): boolean { return ((this.#bits >> 8) & LATE) !== 0; }
  get attendance(): 'in-person' | 'digital' { return ((this.#bits >> 8) & IN_DIGITAL) !== 0 ? 'digital' : 'in-person'; }
  get needsRoom(): boolean { return ((this.#bits >> 8) & NEEDS_ROOM) !== 0; }
  get topLeader(): boolean { return ((this.#bits >> 8) & TOP_LEADER) !== 0; }
  get municipality(): MunicipalityRef | null { return this.#org.municipality; }
  get outside(): { name: string; county: string | null } | null { return this.#org.outside; }

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

/** The late decision in force, as an index of LATE_DECISION: approved 1, rejected 2, pending 0. */
function lateInForce(decision: 'approve-late' | 'reject-late' | undefined, policy: EventSettings['latePolicy']): number {
  if (decision === 'approve-late') return 1;
  if (decision === 'reject-late') return 2;
  return policy === 'accept' ? 1 : policy === 'reject' ? 2 : 0;
}

/**
 * A registration without e-mail whose folded full name and municipality (or folded organisation)
 * equal another non-cancelled registration's is a likely duplicate; `other` is the earliest other.
 * Registrations with an e-mail are identified by it and are not flagged themselves.
 */
function flagLikelyDuplicates(cases: Cases, byArrival: Order, meaning: Organisation[], orgs: Texts, names: Texts): void {
  const { reg, flags, first, last, org } = cases;
  // People are grouped by numbers: the full name's (per pair of name texts) and the place's (per organisation
  // text), each worked out from the texts once; no key text per person.
  const folded: string[] = [];
  const foldedName = (k: number) => (folded[k] ??= fold(names.list[k]!));
  const nameNumbers = new Texts();
  const byPair: Map<number, number>[] = [];
  const nameOf = (i: number): number => {
    const pairs = (byPair[first[i]!] ??= new Map());
    let k = pairs.get(last[i]!);
    if (k === undefined) {
      const f = foldedName(first[i]!);
      const l = foldedName(last[i]!);
      const full = f === '' ? l : l === '' ? f : `${f} ${l}`; // "Kari Lie" + "" is "Kari" + "Lie"
      k = nameNumbers.number(full);
      pairs.set(last[i]!, k);
    }
    return k;
  };
  const placeNumbers = new Texts();
  const places = new Int32Array(orgs.list.length).fill(-1);
  const placeOf = (i: number): number => {
    const o = org[i]!;
    if (places[o] === -1) {
      const m = meaning[o]!.municipality;
      const place = m ? m.code : `o:${fold(orgs.list[o]!)}`; // codes are digits: no clash with "o:"
      places[o] = placeNumbers.number(place);
    }
    return places[o]!;
  };
  const byName: Map<number, number[]>[] = [];
  let any = false;
  for (let i = 0; i < reg.length; i++) {
    if ((flags[i]! & (DUPLICATE_CANDIDATE | HAS_EMAIL)) !== DUPLICATE_CANDIDATE) continue;
    const byPlace = (byName[nameOf(i)] ??= new Map());
    const place = placeOf(i);
    const group = byPlace.get(place);
    if (group) group.push(i);
    else byPlace.set(place, [i]);
    any = true;
  }
  if (!any) return;
  // People with an e-mail join a group only as the `other`.
  for (let i = 0; i < reg.length; i++) {
    if ((flags[i]! & (DUPLICATE_CANDIDATE | HAS_EMAIL)) !== (DUPLICATE_CANDIDATE | HAS_EMAIL)) continue;
    const byPlace = byName[nameOf(i)];
    if (byPlace !== undefined) byPlace.get(placeOf(i))?.push(i);
  }
  for (const byPlace of byName) {
    if (byPlace === undefined) continue;
    for (const group of byPlace.values()) {
      if (group.length < 2) continue;
      // Everyone's `other` is the earliest of the group, and the earliest's is the second: found in one pass,
      // without sorting the group (namesakes with an e-mail can make groups large).
      let earliest = group[0]!;
      let second = group[1]!;
      if (byArrival(second, earliest) < 0) [earliest, second] = [second, earliest];
      for (let k = 2; k < group.length; k++) {
        const i = group[k]!;
        if (byArrival(i, earliest) < 0) [earliest, second] = [i, earliest];
        else if (byArrival(i, second) < 0) second = i;
      }
      for (const i of group) {
        if ((flags[i]! & HAS_EMAIL) !== 0) continue;
        const other = i === earliest ? second : earliest;
        cases.problems.set(i, withProblem(cases.problems.get(i) ?? NO_PROBLEMS, { code: 'likely-duplicate', args: { other: reg[other]!.id } }));
        cases.status[i] = NEEDS_ATTENTION; // candidates are not cancelled
      }
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

/**
 * Places per municipality, among those still `over-quota` (eligible, in person, need a room, on time or
 * late and approved): manual covers in decision order, then on time, then approved late, each by
 * submission time. Uncovered people stay out. The quota is never exceeded, not even by cover decisions.
 * Returns who is covered.
 */
function allocatePlaces(cases: Cases, byArrival: Order, decided: Decisions, quota: number, meaning: Organisation[], codes: number): number[] {
  const { status, reg, coverOrder, time, org } = cases;
  const byMunicipality: number[][] = Array.from({ length: codes }, () => []);
  for (let i = 0; i < status.length; i++) {
    if (status[i] !== OVER_QUOTA) continue;
    if (decided.cover.size !== 0 && decided.cover.get(reg[i]!.id)?.kind === 'uncover') continue;
    byMunicipality[meaning[org[i]!]!.code]!.push(i);
  }
  // Who comes first for a place: cover decisions in decision order, then by submission (on time before
  // approved late needs no rule of its own: a late submission is always the later one).
  const key = (i: number) => (coverOrder[i] !== Infinity ? coverOrder[i]! - 1e15 : time[i]!);
  const byPlaceOrder: Order = (a, b) => {
    const d = key(a) - key(b);
    return d < 0 ? -1 : d > 0 ? 1 : byArrival(a, b);
  };
  const covered: number[] = [];
  for (const list of byMunicipality) {
    for (const i of firstInOrder(list, quota, byPlaceOrder)) {
      status[i] = COVERED;
      covered.push(i);
    }
  }
  return covered;
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
function extraNightStatus(cases: Cases, i: number, decided: Decisions, review: Set<string>, meaning: Organisation[]): number {
  const decision = decided.extraNight.size === 0 ? undefined : decided.extraNight.get(cases.reg[i]!.id);
  const asked = (cases.flags[i]! & ASKS_EXTRA_NIGHT) !== 0 || decision === 'extra-night';
  if (!asked) return NOT_REQUESTED;
  if (cases.status[i] !== COVERED || decision === 'no-extra-night') return NOT_COVERED;
  if (decision === 'extra-night') return GRANTED;
  return review.has(meaning[cases.org[i]!]!.municipality!.code) ? REVIEW : GRANTED;
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
 * With `overQuota` (the config lists them on the rooming lists, their municipality paying), over-quota
 * people are placed after every covered one, for the main night only, in the rooms left: a municipality's
 * first in its covered people's hotel, else in the first hotel with room for all of them, else one by one.
 * They never take a covered person's room, and whoever of them does not fit is `unplaced` too.
 * Returns rooms taken per hotel per night (indices of `hotels` and `nights`), and of them the over-quota ones.
 */
function assignHotels(
  cases: Cases, byArrival: Order, hotels: Hotel[], nights: string[], meaning: Organisation[], codes: string[],
  overQuota: { mainNight: string } | null,
): { used: number[][]; municipalityPaid: number[][] | null } {
  const used = hotels.map(() => nights.map(() => 0));
  const municipalityPaid = hotels.map(() => nights.map(() => 0));
  const free = (h: number, n: number) => (hotels[h]!.rooms === null ? Infinity : hotels[h]!.rooms! - used[h]![n]!);
  const mainNight = overQuota === null ? [] : [overQuota.mainNight];
  const nightsOf = (i: number) => (cases.status[i] === COVERED ? cases.nights.get(i)! : mainNight);
  const place = (i: number, h: number) => {
    cases.hotel[i] = h;
    for (const date of nightsOf(i)) {
      used[h]![nights.indexOf(date)]!++;
      if (cases.status[i] !== COVERED) municipalityPaid[h]![nights.indexOf(date)]!++;
    }
  };
  const groupsOf = (status: number) => {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < cases.status.length; i++) {
      if (cases.status[i] !== status) continue;
      const code = codes[meaning[cases.org[i]!]!.code]!;
      const g = groups.get(code);
      if (g) g.push(i);
      else groups.set(code, [i]);
    }
    return groups;
  };
  const placeGroup = (group: number[], preferred: number) => {
    const need = nights.map((date) => group.filter((i) => nightsOf(i).includes(date)).length);
    const fits = (h: number) => need.every((k, n) => free(h, n) >= k);
    const whole = preferred >= 0 && fits(preferred) ? preferred : hotels.findIndex((_, h) => fits(h));
    if (whole >= 0) {
      for (const i of group) place(i, whole);
      return;
    }
    for (const i of group) {
      const h = hotels.findIndex((_, h) => nightsOf(i).every((date) => free(h, nights.indexOf(date)) >= 1));
      if (h >= 0) place(i, h);
      else cases.problems.set(i, withProblem(cases.problems.get(i) ?? NO_PROBLEMS, { code: 'unplaced' }));
    }
  };
  // The hotel of each municipality's first covered person: where its over-quota people go first.
  const hotelOf = new Map<string, number>();
  const covered = groupsOf(COVERED);
  for (const code of [...covered.keys()].sort()) {
    const group = covered.get(code)!.sort(byArrival);
    placeGroup(group, -1);
    const placed = group.find((i) => cases.hotel[i]! >= 0);
    if (placed !== undefined) hotelOf.set(code, cases.hotel[placed]!);
  }
  if (overQuota !== null) {
    const over = groupsOf(OVER_QUOTA);
    for (const code of [...over.keys()].sort()) placeGroup(over.get(code)!.sort(byArrival), hotelOf.get(code) ?? -1);
  }
  return { used, municipalityPaid: overQuota === null ? null : municipalityPaid };
}

function summarise(cases: Cases, register: Register, settings: EventSettings, hotels: Hotel[], meaning: Organisation[]): MunicipalitySummary[] {
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
  // The summary row of each organisation text (undefined: none).
  const rowOf = meaning.map((o) => (o.municipality ? byCode.get(o.municipality.code) : undefined));
  const { status, flags } = cases;
  for (let i = 0; i < status.length; i++) {
    const s = rowOf[cases.org[i]!];
    if (s === undefined) continue;
    const st = status[i]!;
    if (st === CANCELLED) {
      s.cancelled++;
      continue;
    }
    s.registered++;
    if ((flags[i]! & IN_DIGITAL) !== 0) s.digital++;
    else s.inPerson++;
    if ((flags[i]! & TOP_LEADER) !== 0) s.topLeader = true;
    if (st === OVER_QUOTA) s.overQuota++;
    if (st === LATE_PENDING) s.latePending++;
    if (st === LATE_REJECTED) s.lateRejected++;
    if ((flags[i]! & LATE) !== 0 && cases.lateDecision[i] === 1 && (st === COVERED || st === OVER_QUOTA)) s.lateApproved++;
    if (st !== COVERED) continue;
    s.covered++;
    if (cases.extraNight[i] === GRANTED) s.extraNights++;
    const nights = cases.nights.get(i)!.length;
    s.roomNights += nights;
    const rate = (cases.hotel[i]! >= 0 ? hotels[cases.hotel[i]!]!.roomRate : undefined) ?? settings.roomRate;
    if (s.cost !== null) s.cost = rate == null ? null : s.cost + rate * nights;
  }
  for (const s of rows) s.placesLeft = Math.max(0, settings.quota - s.covered);
  return rows;
}

/**
 * The planned registrations by municipality code (none last), last name, first name, id; made in that
 * order, so that the lists, which are written in that order, read them from memory one after the other.
 */
function plannedInOutputOrder(cases: Cases, meaning: Organisation[], codes: string[], names: string[], hotels: Hotel[]): PlannedRegistration[] {
  const { reg, status, flags, lateDecision, extraNight, problems, warnings } = cases;
  const order = outputOrder(cases, meaning, codes, names);
  const out: PlannedRegistration[] = [];
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    out.push(new Planned(
      reg[i]!,
      meaning[cases.org[i]!]!,
      status[i]! | (lateDecision[i]! << 4) | (extraNight[i]! << 6) | (flags[i]! << 8),
      problems.size === 0 ? NO_PROBLEMS : (problems.get(i) ?? NO_PROBLEMS),
      warnings.size === 0 ? NO_PROBLEMS : (warnings.get(i) ?? NO_PROBLEMS),
      status[i] === COVERED ? cases.nights.get(i)! : NO_NIGHTS,
      cases.hotel[i]! >= 0 ? hotels[cases.hotel[i]!]!.name : null,
    ));
  }
  return out;
}

/**
 * Positions in output order. Each text's rank among the distinct texts' keys is worked out once (names
 * repeat a lot); the positions are then put in order by counting, one key at a time from the last (first
 * name, last name, municipality: each pass keeps the order of the one before), with no comparison sort of
 * everyone. Only people with the same municipality and the same name need comparing, by id.
 */
function outputOrder(cases: Cases, meaning: Organisation[], codes: string[], names: string[]): Uint32Array {
  const n = cases.reg.length;
  const nameRank = ranks(names.map(sortKey));
  const codeRank = ranks(meaning.map((o) => (o.code >= 0 ? codes[o.code]! : '\uffff')));
  let order: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order = byRank(order, cases.first, nameRank.of, nameRank.count);
  order = byRank(order, cases.last, nameRank.of, nameRank.count);
  order = byRank(order, cases.org, codeRank.of, codeRank.count);
  // Namesakes in the same municipality by id: as numbers, or as text when an id is not samling's own
  // (the same order: a samling id's number is in the order of its text).
  const { reg, first, last, org, idNum } = cases;
  const byText: Order = (i, j) => (reg[i]!.id < reg[j]!.id ? -1 : reg[i]!.id > reg[j]!.id ? 1 : 0);
  const byNumber: Order = (i, j) => idNum[i]! - idNum[j]!;
  const same = (i: number, j: number) =>
    nameRank.of[first[i]!] === nameRank.of[first[j]!] && nameRank.of[last[i]!] === nameRank.of[last[j]!] && codeRank.of[org[i]!] === codeRank.of[org[j]!];
  for (let from = 0, to = 1; from < n; from = to++) {
    while (to < n && same(order[from]!, order[to]!)) to++;
    if (to - from < 2) continue;
    let textIds = false;
    for (let j = from; j < to; j++) if (Number.isNaN(idNum[order[j]!]!)) textIds = true;
    if (textIds || to - from > 32) order.subarray(from, to).sort(textIds ? byText : byNumber);
    else insertionSort(order, from, to, idNum); // a few namesakes: cheaper than a sort call
  }
  return order;
}

/** Sorts order[from..to) by key[order[j]], stably. */
function insertionSort(order: Uint32Array, from: number, to: number, key: Float64Array): void {
  for (let j = from + 1; j < to; j++) {
    const i = order[j]!;
    let k = j;
    while (k > from && key[order[k - 1]!]! > key[i]!) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = i;
  }
}

/** For each text, the rank of its key among the distinct keys in code-unit order (equal keys, equal ranks). */
function ranks(keys: string[]): { of: Uint32Array; count: number } {
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rankOfKey = new Map(sorted.map((k, r) => [k, r]));
  return { of: Uint32Array.from(keys, (k) => rankOfKey.get(k)!), count: sorted.length };
}

/** `order` stably sorted by rank[text[i]] (a counting sort: ranks are below `count`). */
function byRank(order: Uint32Array, text: Uint32Array, rank: Uint32Array, count: number): Uint32Array {
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < text.length; i++) start[rank[text[i]!]! + 1]!++;
  for (let r = 0; r < count; r++) start[r + 1]! += start[r]!;
  const out = new Uint32Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    out[start[rank[text[i]!]!]!++] = i;
  }
  return out;
}

