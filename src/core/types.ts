// The domain model shared by every layer. Pure data: no functions that touch files, clock or console.

export type Lang = 'nn' | 'nb' | 'en';
export type LatePolicy = 'review' | 'accept' | 'reject';

/** A municipality as the outputs name it. */
export interface MunicipalityRef {
  code: string;
  name: string;
}

export interface Hotel {
  name: string;
  /** Rooms per night the hotel holds for the event; null = no limit. */
  rooms: number | null;
  /** Price per room and night; falls back to the event's roomRate. */
  roomRate?: number | null;
}

/** The event's settings: the embedded default overridden by samling.config.json. */
export interface EventSettings {
  name: string;
  venue: string;
  timeZone: string;
  /** Local wall-clock start and end, `YYYY-MM-DDTHH:mm`. */
  start: string;
  end: string;
  /** Check-in date of the main night, `YYYY-MM-DD`. */
  mainNight: string;
  /** Check-in date of the extra night before the main night, or null when none is offered. */
  extraNight: string | null;
  /** Last day on time, `YYYY-MM-DD`: a registration at or before 23:59:59 that day (timeZone) is on time. */
  deadline: string;
  /** Paid places per municipality for the main night. */
  quota: number;
  latePolicy: LatePolicy;
  /** The region: a county (number or name) and a register period ('2020' = 2020–2023, '2024' = from 2024). */
  region: { county: string; period: '2020' | '2024' };
  /**
   * The organiser's own register (config `register`: a CSV of municipality codes, with names and aliases),
   * used instead of the county's; null = the built-in register of `region`.
   */
  register: { file: string; municipalities: { code: string; name?: string; aliases: string[] }[] } | null;
  /** Municipality codes whose extra-night requests are held for review (default: the host municipality). */
  extraNightReview: string[];
  /** Hotels in order of preference. Empty = one hotel called `hotel` with no limit. */
  hotels: Hotel[];
  /** Price per room and night, for costs in municipalities.csv; null = no cost column figures. */
  roomRate: number | null;
  roomingList: {
    email: boolean;
    phone: boolean;
    /** Also list over-quota people, with their municipality as payer. */
    includeOverQuota: boolean;
    roomType: string;
  };
  /** When the form asks nothing about attendance or rooms: everyone attends in person and needs a room. */
  assumeInPerson: boolean;
  assumeNeedsRoom: boolean;
  /** Header text → field, overriding the automatic mapping. */
  columns: Record<string, Field | 'ignore'>;
  /** Extra names → municipality code (or null: "not a municipality of the region"). */
  aliases: Record<string, string | null>;
}

/** The fields a registration row can carry. */
export type Field =
  | 'submittedAt'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'organisation'
  | 'role'
  | 'attendance'
  | 'needsRoom'
  | 'extraNight'
  | 'topLeader'
  | 'cancelled'
  | 'dietary'
  | 'notes'
  | 'submissionId';

export const FIELDS: readonly Field[] = [
  'submittedAt',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'organisation',
  'role',
  'attendance',
  'needsRoom',
  'extraNight',
  'topLeader',
  'cancelled',
  'dietary',
  'notes',
  'submissionId',
];

/** A problem found with one registration; rendered in the chosen language by `code`. */
export interface Problem {
  code: ProblemCode;
  /** Values the message names: the text typed, a suggestion, another registration's id. */
  args?: Record<string, string>;
}

export type ProblemCode =
  | 'no-name'
  | 'no-organisation'
  | 'bad-time'
  | 'unknown-municipality' // near miss: args.text, args.suggestion (names), args.codes
  | 'likely-duplicate' // args.other (id)
  | 'extra-night-without-main' // warning: asked for the extra night, said no to the main night
  | 'anonymous-email'
  | 'bad-email' // args.text
  | 'unplaced'; // no hotel room left

/** Where a row came from. `row` is the spreadsheet's row number (header = 1). */
export interface SourceRef {
  file: string;
  hash: string;
  row: number;
}

/** One imported registration (one row of a sign-up export), as stored in the workspace. */
export interface Registration {
  /** Identity: the normalised e-mail or, without one, `n:<hash of name, organisation, time>`. */
  key: string;
  /** Short stable id derived from the key, used in every command and output. */
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** Municipality or organisation, as typed (trimmed). '' when missing. */
  organisation: string;
  role: string | null;
  /** ISO 8601 with offset in the event's time zone; null when missing or unparsable. */
  submittedAt: string | null;
  /** The submission time as it stood in the file, for messages. */
  submittedAtText: string;
  /** null when the form does not ask (then the event's assumeInPerson decides). */
  attendance: 'in-person' | 'digital' | null;
  needsRoom: boolean | null;
  extraNight: boolean | null;
  /** null when the form does not ask about the forum (the role decides then); a blank answer is false. */
  topLeader: boolean | null;
  cancelled: boolean;
  dietary: string | null;
  notes: string | null;
  source: SourceRef;
  /** Problems found while reading the row (a missing name, an unparsable time…). */
  problems: Problem[];
}

/**
 * A registration's fields in the order the reader makes them: the columns of the state file, and the order
 * merge's fast comparison expects.
 */
export const REGISTRATION_FIELDS = [
  'key', 'id', 'firstName', 'lastName', 'email', 'phone', 'organisation', 'role', 'submittedAt', 'submittedAtText',
  'attendance', 'needsRoom', 'extraNight', 'topLeader', 'cancelled', 'dietary', 'notes', 'source', 'problems',
] as const satisfies readonly (keyof Registration)[];

/** What the matcher makes of a typed municipality or organisation name. */
export type MunicipalityMatch =
  | { kind: 'region'; code: string; name: string }
  /** A letter or two from a region municipality: needs attention, never applied. */
  | { kind: 'near-miss'; suggestions: MunicipalityRef[] }
  /** A real municipality outside the region (county named when known). */
  | { kind: 'outside'; name: string; county: string | null }
  /** Not a municipality: the county council, a state office, a company. */
  | { kind: 'organisation' }
  /** Nothing usable was typed. */
  | { kind: 'empty' };

/** The municipality register of an event's region. */
export interface Register {
  /** Every municipality of the region, in code order. */
  municipalities: MunicipalityRef[];
  /** County name, e.g. "Møre og Romsdal". */
  regionName: string;
  match(text: string): MunicipalityMatch;
}

export type DecisionKind =
  | 'approve-late'
  | 'reject-late'
  | 'cover'
  | 'uncover'
  | 'extra-night'
  | 'no-extra-night'
  | 'cancel'
  /** Not the same person as a namesake flagged as a likely duplicate. */
  | 'not-duplicate'
  | 'map-municipality';

/** An organiser's decision, stored in the workspace and applied on every run. */
export interface Decision {
  kind: DecisionKind;
  /** Registration id for all kinds but map-municipality. */
  id?: string;
  /** For map-municipality: the folded name typed, and the code it means (null: not a region municipality). */
  name?: string;
  code?: string | null;
  /** When it was made (ISO). Recorded for the history, never used by the rules. */
  at: string;
}

export type Status =
  | 'cancelled'
  | 'needs-attention'
  | 'not-eligible'
  | 'digital'
  | 'no-room'
  | 'late-pending'
  | 'late-rejected'
  | 'covered'
  | 'over-quota';

export const STATUSES: readonly Status[] = [
  'cancelled',
  'needs-attention',
  'not-eligible',
  'digital',
  'no-room',
  'late-pending',
  'late-rejected',
  'covered',
  'over-quota',
];

export type ExtraNightStatus = 'granted' | 'review' | 'not-covered' | 'not-requested';

/** A registration with everything the rules decided. */
export interface PlannedRegistration {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  municipality: MunicipalityRef | null;
  organisation: string;
  role: string | null;
  submittedAt: string | null;
  late: boolean;
  /** The late decision in force: approved (decision or policy accept), rejected, or null (pending / not late). */
  lateDecision: 'approved' | 'rejected' | null;
  status: Status;
  extraNight: ExtraNightStatus;
  /** Check-in dates of the nights the organiser pays. */
  nights: string[];
  hotel: string | null;
  attendance: 'in-person' | 'digital';
  needsRoom: boolean;
  topLeader: boolean;
  dietary: string | null;
  notes: string | null;
  /** Why it needs attention (or other problems); warnings that do not block are in `warnings`. */
  problems: Problem[];
  warnings: Problem[];
  /** For not-eligible: why (outside the region, an organisation). */
  outside: { name: string; county: string | null } | null;
  source: SourceRef;
}

export interface MunicipalitySummary {
  code: string;
  name: string;
  registered: number;
  inPerson: number;
  digital: number;
  covered: number;
  extraNights: number;
  overQuota: number;
  latePending: number;
  lateApproved: number;
  lateRejected: number;
  cancelled: number;
  topLeader: boolean;
  placesLeft: number;
  roomNights: number;
  cost: number | null;
}

export interface HotelNight {
  date: string;
  /** Rooms taken that night, against `capacity`: the covered people's, and with includeOverQuota the over-quota ones'. */
  rooms: number;
  capacity: number | null;
  /** Of `rooms`, those of over-quota people, their municipality paying (only with includeOverQuota). */
  municipalityPaid?: number;
}

export interface Plan {
  event: EventSettings;
  registrations: PlannedRegistration[];
  /**
   * Set by the rules: `registrations` are in output order (municipality code, last name, first name, id;
   * see outputOrder in rules.ts), so a renderer need not check it. A plan built by other means leaves it out.
   */
  inOutputOrder?: true;
  municipalities: MunicipalitySummary[];
  nights: { date: string; rooms: number }[];
  hotels: { name: string; nights: HotelNight[] }[];
}
