// Compact storage of registrations: one JSON array per registration, in a fixed column order named in the
// state file, so the store stays small at a million rows and survives added fields. Where a registration
// came from is written as [source, row], the source being an index into the state's list of imported
// files ([name, content hash]): the name and the 64-character hash are not repeated on every line.
import { NO_PROBLEMS } from '../core/rows.js';
import { interner } from '../core/text.js';
import { REGISTRATION_FIELDS, type Problem, type Registration, type SourceRef } from '../core/types.js';

/** The columns named at the head of the state file: a registration's fields, in the reader's order. */
export const REGISTRATION_COLUMNS = REGISTRATION_FIELDS;

/** The files registrations came from, each once, numbered in the order they are first met. */
export class SourceIndex {
  readonly list: [file: string, hash: string][] = [];
  private readonly byHash = new Map<string, Map<string, number>>();
  /** The last source asked for: rows come file by file, and their sources share these two texts. */
  private last: { file: string; hash: string; index: number } | null = null;

  indexOf(source: SourceRef): number {
    const last = this.last;
    if (last !== null && source.hash === last.hash && source.file === last.file) return last.index;
    let byFile = this.byHash.get(source.hash);
    if (byFile === undefined) this.byHash.set(source.hash, (byFile = new Map()));
    let i = byFile.get(source.file);
    if (i === undefined) {
      i = this.list.push([source.file, source.hash]) - 1;
      byFile.set(source.file, i);
    }
    this.last = { file: source.file, hash: source.hash, index: i };
    return i;
  }
}

/** A registration's values as its line in the state file holds them (REGISTRATION_COLUMNS order). */
const rowOf = (r: Registration, sources: SourceIndex): unknown[] => [
  r.key, r.id, r.firstName, r.lastName, r.email, r.phone, r.organisation, r.role, r.submittedAt, r.submittedAtText,
  r.attendance, r.needsRoom, r.extraNight, r.topLeader, r.cancelled, r.dietary, r.notes,
  [sources.indexOf(r.source), r.source.row], r.problems.length ? r.problems : 0,
];

/** One registration as the JSON of its line in the state file. */
export function encodeRegistrationJson(r: Registration, sources: SourceIndex): string {
  return JSON.stringify(rowOf(r, sources));
}

/** Between two rows in encodeRegistrationLines' one array, and what it becomes in the text. */
const GLUE = '],0,[';
const LINE_BREAK = '],\n[';

/**
 * The lines of several registrations joined by ",\n": the same text as their encodeRegistrationJson joined so,
 * but one JSON.stringify for them all (for speed: much of its cost is per call, and one long piece is written
 * faster than many short ones). The rows go in one array with a 0 between each two, and every "],0,[" becomes "],\n[".
 * Should a row's own text hold "],0,[" (inside a string, say), the text comes out shorter than n - 1
 * replacements make it, and the rows are encoded one by one instead. ("],0,[" cannot overlap itself, so
 * replaceAll finds every occurrence: exactly n - 1 means only those between rows.)
 */
export function encodeRegistrationLines(list: readonly Registration[], sources: SourceIndex): string {
  if (list.length === 0) return '';
  const rows: unknown[] = [];
  for (const r of list) {
    if (rows.length) rows.push(0);
    rows.push(rowOf(r, sources));
  }
  const json = JSON.stringify(rows);
  const text = json.slice(1, -1).replaceAll(GLUE, LINE_BREAK);
  if (text.length === json.length - 2 - (list.length - 1) * (GLUE.length - LINE_BREAK.length)) return text;
  return list.map((r) => encodeRegistrationJson(r, sources)).join(',\n');
}

/**
 * Turns stored lines back into registrations, by the column names the file gives. `sources` is the state's
 * list of [file, hash]; a state written before it existed has [file, hash, row] on every line instead.
 * Answers that repeat (names, municipality, role, diet) are held once each, and registrations without a
 * problem share one empty list, as when they were read from the export.
 */
export function registrationDecoder(
  columns: readonly string[],
  sources: readonly [string, string][] = [],
  /** The state file's version: before 3, e-mail keys were written `e:` and the address. */
  version = 3,
): (row: unknown[]) => Registration {
  const [names, organisations, roles, diets] = [interner(), interner(), interner(), interner()];
  const text = (intern: (s: string) => string, v: unknown) => (typeof v === 'string' ? intern(v) : v) as string;
  const problems = (v: unknown) => (Array.isArray(v) && v.length ? (v as Problem[]) : NO_PROBLEMS);
  // The key is most often the e-mail itself: then one string serves both.
  const keyOf = version < 3
    ? (key: unknown, email: unknown) => (typeof key === 'string' && key.startsWith('e:') ? sameAs(key.slice(2), email) : key as string)
    : (key: unknown, email: unknown) => sameAs(key as string, email);
  if (columns.length === REGISTRATION_COLUMNS.length && columns.every((c, i) => c === REGISTRATION_COLUMNS[i])) {
    // The usual case: one object literal, the same shape as the reader's registrations (for speed).
    return (row) => {
      const v = row as Registration[keyof Registration][];
      return {
        key: keyOf(v[0], v[4]), id: v[1], firstName: text(names, v[2]), lastName: text(names, v[3]), email: v[4], phone: v[5],
        organisation: text(organisations, v[6]), role: text(roles, v[7]), submittedAt: v[8], submittedAtText: v[9],
        attendance: v[10], needsRoom: v[11], extraNight: v[12], topLeader: v[13], cancelled: v[14],
        dietary: text(diets, v[15]), notes: v[16], source: decodeSource(v[17], sources), problems: problems(v[18]),
      } as Registration;
    };
  }
  return (row) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) o[columns[i]!] = row[i];
    o.key = keyOf(o.key, o.email);
    o.source = decodeSource(o.source, sources);
    o.problems = problems(o.problems);
    return o as unknown as Registration;
  };
}

/** `key`, or `email` when they are the same text (one string kept instead of two). */
const sameAs = (key: string, email: unknown): string => (key === email ? email : key);

/** [source index, row], or [file, hash, row] as version 1 wrote it. */
function decodeSource(value: unknown, sources: readonly [string, string][]): SourceRef {
  const source = value as [number, number] | [string, string, number];
  if (source.length === 2) {
    const [file, hash] = sources[source[0]] ?? ['?', '?'];
    return { file, hash, row: source[1] };
  }
  return { file: source[0], hash: source[1], row: source[2] };
}
