// Small helpers shared by the renderers. Pure.
import { fold, memo } from '../text.js';
import { addDays } from '../dates.js';
import { roleAreas, type RoleArea } from './roles.js';
import type { Plan, PlannedRegistration } from '../types.js';

export { sortBy, sortKey } from '../sort.js';


/** The municipality's name when matched, otherwise the organisation as typed. */
export const organisationOf = (r: PlannedRegistration): string => r.municipality?.name ?? r.organisation;

export const fullName = (r: { firstName: string; lastName: string }): string =>
  r.firstName && r.lastName ? `${r.firstName} ${r.lastName}` : r.firstName || r.lastName; // no array per person

/** A Norwegian phone number without `+47`/`0047` ("+47 400 00 001" → "400 00 001"); others unchanged. */
export function localPhone(phone: string): string {
  const m = /^\s*\(?(?:\+|00)\s*47\)?[\s.-]*(.*)$/.exec(phone);
  return m && m[1]!.replace(/\D/g, '').length === 8 ? m[1]!.trim() : phone;
}

/** File-name part: folded to ASCII, words joined by dashes ('Scandic Parken' → 'scandic-parken'). */
export function slug(name: string, fallback = 'hotel'): string {
  return fold(name).replace(/ /g, '-') || fallback;
}

/** Consecutive runs of check-in dates: ['2021-11-10', '2021-11-11'] → one run (one stay of two nights). */
export function runs(nights: string[]): string[][] {
  const sorted = nights.length > 1 ? [...nights].sort() : nights;
  const out: string[][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && addDays(last[last.length - 1]!, 1) === n) last.push(n);
    else out.push([n]);
  }
  return out;
}

/** Writes the cells of one CSV dialect (see csvCells in io/write-csv): for lists that write their own lines. */
export interface CsvCells {
  readonly delimiter: string;
  /** A cell, formula-neutralised and quoted as needed. */
  cell(raw: string): string;
  /** The same, for a value that repeats (a status, an organisation, a role): encoded once, then kept. */
  known(raw: string): string;
}

/** A list: its header and rows as cells; rows are made as they are read. */
export interface ListTable {
  header: string[];
  rows: Iterable<string[]>;
  /**
   * The same rows as CSV lines, each with its CRLF (what is written, for speed: no array of cells per row,
   * and the repeating cells encoded once). Gives the bytes csvChunks gives for `rows`.
   */
  lines: (csv: CsvCells) => Iterable<string>;
}

/** An iterable that runs `gen` afresh each time it is read: rows made as they are written, never held. */
export const lazy = <T>(gen: () => Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: gen });

/** A column of a list: its cell for a person, and whether its values repeat (then each is encoded once). */
export interface Column {
  cell: (r: PlannedRegistration) => string;
  repeats?: boolean;
}

/**
 * A list of `people` (in its order) with these columns: as rows of cells, and as CSV lines written straight
 * from each person (ListTable.lines: no array of cells per row, and repeating cells encoded once).
 */
export function list(header: string[], people: () => Iterable<PlannedRegistration>, columns: Column[]): ListTable {
  return {
    header,
    rows: lazy(function* () {
      for (const r of people()) yield columns.map((c) => c.cell(r));
    }),
    lines: (csv: CsvCells) =>
      lazy(function* () {
        const encode = columns.map((c) => (c.repeats ? csv.known : csv.cell));
        const d = csv.delimiter;
        for (const r of people()) {
          let text = encode[0]!(columns[0]!.cell(r));
          for (let i = 1; i < columns.length; i++) text += d + encode[i]!(columns[i]!.cell(r));
          yield text + '\r\n';
        }
      }),
  };
}

// Answers that mean "no need": "Nei", "Ingen", "-", "Ingen allergiar", "None", "n/a"…
const NO_NEED = /^(?:nei|no|ingen|ingenting|none|nothing|ikkje|ikke|nope|na|n a|x|0|nei takk|no thanks)?(?: (?:allergi\w*|allerg\w*|behov|needs?|spesielle? \w+|special \w+))?$/;

// The same few answers ("Nei", "Glutenfri") come again and again: each is folded and tested once.
const needs = memo((text) => !NO_NEED.test(fold(text)));

/** A dietary answer that states an actual need (not blank, "Nei", "Ingen", "-"). */
export function statesNeed(text: string | null): text is string {
  return text !== null && needs(text);
}

/** The few people each list picks out of everyone (none of them cancelled), in plan order, and the report's counts. */
export interface Picks {
  /** Late registrations (late-registrations.csv, the report). */
  late: PlannedRegistration[];
  /** Needing attention, with a problem, or with an extra night to review (needs-attention.csv, the report). */
  attention: PlannedRegistration[];
  /** Taking part digitally (digital-participants.csv). */
  digital: PlannedRegistration[];
  /** In person, stating a dietary need (dietary.csv). */
  dietary: PlannedRegistration[];
  /** Not cancelled: in all, in person, digital, late and awaiting a decision (the report). */
  counts: { registered: number; inPerson: number; digital: number; latePending: number };
  /**
   * The report's role areas: per municipality code, its people (not cancelled, with a role) counted per
   * role-area list (roleAreas gives one list per role text), to be unfolded into areas afterwards.
   */
  areaLists: Map<string, Map<RoleArea[], number>>;
}

const picked = new WeakMap<Plan, Picks>();

/**
 * The people the lists pick and the report's counts, found in one pass over everyone for all the outputs
 * of a plan (a plan is not changed once made). Each pass over everyone costs as much again: most of it is
 * reaching each person's data in memory, not the tests.
 */
export function picks(plan: Plan): Picks {
  let p = picked.get(plan);
  if (p) return p;
  p = { late: [], attention: [], digital: [], dietary: [], counts: { registered: 0, inPerson: 0, digital: 0, latePending: 0 }, areaLists: new Map() };
  const counts = p.counts;
  let code: string | undefined;
  let lists = new Map<RoleArea[], number>();
  for (const r of plan.registrations) {
    if (r.status === 'cancelled') continue;
    counts.registered++;
    if (r.status === 'late-pending') counts.latePending++;
    if (r.late) p.late.push(r);
    if (r.status === 'needs-attention' || r.problems.length > 0 || r.extraNight === 'review') p.attention.push(r);
    if (r.attendance === 'digital') {
      counts.digital++;
      p.digital.push(r);
    } else {
      counts.inPerson++;
      if (statesNeed(r.dietary)) p.dietary.push(r);
    }
    if (r.municipality) {
      if (r.municipality.code !== code) {
        code = r.municipality.code;
        const known = p.areaLists.get(code);
        if (known) lists = known;
        else p.areaLists.set(code, (lists = new Map()));
      }
      const role = r.role;
      if (role !== null) {
        const areas = roleAreas(role);
        lists.set(areas, (lists.get(areas) ?? 0) + 1);
      }
    }
  }
  picked.set(plan, p);
  return p;
}
