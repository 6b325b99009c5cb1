// Maps a sheet's header row to registration fields, by names and keywords in Nynorsk, Bokmål and English.
// Pure: headers, a sample of rows and the organiser's overrides in; a mapping out.

import type { Cell } from '../io/table.js';
import type { Field } from './types.js';
import { fold } from './text.js';
import { cellText, isBlankCell, parseAttendance, parseTimestampColumn, parseYesNo } from './values.js';

export type RequiredField = 'name' | 'organisation' | 'submittedAt';

export interface ColumnMapping {
  /** Column index per field. */
  fields: Partial<Record<Field, number>>;
  /** Columns the overrides say to ignore. */
  ignored: number[];
  /** Columns not used: unknown headers, and columns that lost to another for the same field. */
  unused: number[];
  /** Required fields no column could be found for (name = one name column, or first and last name). */
  missing: RequiredField[];
  /** Override keys that matched no header (folded), so the caller can warn about a typo. */
  unmatchedOverrides: string[];
  /**
   * Further columns that say a registration is withdrawn, beside fields.cancelled: a form may have both a
   * `Status` and an `Avmeld` column, and a withdrawal in either counts (SPEC 2).
   */
  alsoCancelled: number[];
}

/** How many data rows the caller should hand over as `sample`. */
export const SAMPLE_ROWS = 200;

export interface MapOptions {
  /** Check-in date (`YYYY-MM-DD`) of the extra night: a question naming that night means extraNight. */
  extraNight?: string | null;
}

type Rule = [Field, RegExp];

/** `10 11`, `10 til 11`, `10 to 11`, `10 og 11` for the night from day 10 to 11. */
function nightPattern(extraNight: string | null | undefined): RegExp {
  const day = extraNight ? Number(extraNight.slice(8, 10)) : 10;
  const next = extraNight ? new Date(Date.UTC(+extraNight.slice(0, 4), +extraNight.slice(5, 7) - 1, day + 1)).getUTCDate() : 11;
  return new RegExp(`\\b${day}(?: (?:til|to|og|and|mot))? ${next}\\b`);
}

const w = (words: string): RegExp => new RegExp(`\\b(?:${words})\\b`);

/** The rules in order; a header takes the first that matches. Specific questions come before broad words. */
function rules(extraNight: string | null | undefined): Rule[] {
  return [
    ['submissionId', /^(?:id|submission id|response id|svar id|innsending id)$/],
    ['submittedAt', w('tidsmerke|timestamp|completion time|fullforingstidspunkt|created|registrert|innsendt|' +
      'submitted|submitted at|submission time|submission date|innsendingstidspunkt|registreringsdato|' +
      'registration date|pameldingsdato|pameldt dato|opprettet')],
    ['submittedAt', /^(?:dato|date|tid|tidspunkt|time)$/],
    ['extraNight', nightPattern(extraNight)],
    ['extraNight', w('lang reiseveg|lang reisevei|long journey|long travel|ekstra natt|ekstranatt|' +
      'ekstra overnatting|extra night|night before|natta for|natten for')],
    ['needsRoom', w('overnatt\\w*|accommodation|hotel\\w*|hotell\\w*|rom|room|losji|natt|night|overnight|11 12')],
    ['topLeader', w('topp ?le(?:iar|der)\\w*|top leaders?\\w*|top management')],
    ['cancelled', w('status|avmeld\\w*|cancel\\w*|withdrawn|trukket|trekt')],
    ['dietary', w('allergi\\w*|allerg(?:y|ies)|kosthald|kosthold|diett|diet|dietary|matbehov|andre behov|other needs')],
    ['email', w('e ?post\\w*|e ?mail\\w*|mail')],
    ['phone', w('telefon\\w*|tlf|mobil\\w*|phone|mobile|telephone')],
    ['firstName', w('fornavn|forenamn|fornamn|first name|given name|firstname')],
    ['lastName', w('etternavn|etternamn|last name|surname|family name|lastname')],
    ['attendance', w('fysisk\\w*|digital\\w*|deltaking\\w*|deltakelse\\w*|deltakingsform|attendance|attend\\w*|' +
      'oppmote|in person|korleis deltek|korleis vil du delta|hvordan deltar|hvordan vil du delta|participat\\w*')],
    ['role', w('stilling\\w*|rolle|role|title|tittel|job title|position|yrke')],
    ['organisation', w('kommune|kommunen|organisasjon\\w*|organisation|organization|arbeidsstad|arbeidssted|' +
      'arbeidsgivar|arbeidsgiver|employer|municipality|verksemd|virksomhet|company')],
    ['name', w('namn|navn|name|full name|fullt namn|fullt navn|deltakar|deltaker|participant')],
    ['notes', w('merknad\\w*|kommentar\\w*|notes?|comments?|anna|annet|other information')],
  ];
}

/** The field a folded header names by itself, or null. */
export function recogniseHeader(folded: string, options: MapOptions = {}): Field | null {
  if (folded === '') return null;
  // Microsoft Forms' start time and last-change time are not the submission.
  const notTime = /\b(?:start\w*|last modified|siste endring|modified|updated|endret|endra)\b/.test(folded);
  for (const [field, re] of rules(options.extraNight)) {
    if (field === 'submittedAt' && notTime) continue;
    if (re.test(folded)) return field;
  }
  return null;
}

const ANONYMOUS = new Set(['anonymous', 'anonym', 'anonymt']);

/** Does a (non-blank) value fit the field? Used to choose between two columns for the same field. */
function fitsText(field: Field, text: string): boolean {
  const f = fold(text);
  switch (field) {
    case 'email':
      return text.includes('@') && !ANONYMOUS.has(f);
    case 'name':
    case 'firstName':
    case 'lastName':
    case 'organisation':
      return !ANONYMOUS.has(f) && !text.includes('@') && /[a-z]/.test(f);
    case 'needsRoom':
    case 'extraNight':
    case 'topLeader':
      return parseYesNo(text) !== null;
    case 'attendance':
      return parseAttendance(text) !== null || parseYesNo(text) !== null;
    default:
      return true;
  }
}

/** Share of a column's non-blank sample values that fit the field; 0.5 when the sample has none. */
function fitScore(field: Field, column: number, sample: readonly Cell[][]): number {
  const cells = sample.map((row) => row[column]).filter((c): c is Cell => !isBlankCell(c));
  if (cells.length === 0) return 0.5;
  if (field === 'submittedAt') {
    return parseTimestampColumn(cells, 'UTC').values.filter((v) => v !== null).length / cells.length;
  }
  return cells.filter((c) => fitsText(field, cellText(c))).length / cells.length;
}

/**
 * Maps headers to fields. Overrides (keys compared after `fold`, so "Kommune " matches "kommune") come
 * first; when several columns name the same field, the one whose sample values fit best wins and the others
 * are unused. Ties go to the leftmost, so of two headers that fold the same the first wins, except that
 * Microsoft Forms' `Email`/`Name` (`E-postadresse`/`Navn`) columns saying "anonymous" give way to the
 * form's own questions, even when these are worded the same. First and last name columns are preferred
 * to a full-name column unless the full-name column fits better.
 */
export function mapColumns(
  headers: readonly string[],
  sample: readonly Cell[][],
  overrides: Readonly<Record<string, Field | 'ignore'>>,
  options: MapOptions = {},
): ColumnMapping {
  const folded = headers.map(fold);
  const overrideByFold = new Map<string, Field | 'ignore'>();
  for (const [key, value] of Object.entries(overrides)) overrideByFold.set(fold(key), value);
  const unmatchedOverrides = [...overrideByFold.keys()].filter((k) => !folded.includes(k));

  const fields: Partial<Record<Field, number>> = {};
  const overridden = new Set<Field>();
  const ignored: number[] = [];
  const unused: number[] = [];
  const candidates = new Map<Field, number[]>();
  const alsoCancelled: number[] = [];

  for (let i = 0; i < headers.length; i++) {
    const f = folded[i]!;
    const override = overrideByFold.get(f);
    if (override === 'ignore') {
      ignored.push(i);
    } else if (override !== undefined) {
      if (overridden.has(override)) unused.push(i);
      else {
        overridden.add(override);
        fields[override] = i;
      }
    } else {
      const field = recogniseHeader(f, options);
      if (field === null) unused.push(i);
      else candidates.set(field, [...(candidates.get(field) ?? []), i]);
    }
  }

  for (const [field, columns] of candidates) {
    if (overridden.has(field)) {
      unused.push(...columns);
      continue;
    }
    if (field === 'cancelled') {
      // Every column that can withdraw someone is read, not only the best fit.
      fields.cancelled = columns[0]!;
      alsoCancelled.push(...columns.slice(1));
      continue;
    }
    let best = columns[0]!;
    let bestScore = columns.length > 1 ? fitScore(field, best, sample) : 1;
    for (const column of columns.slice(1)) {
      const score = fitScore(field, column, sample);
      if (score > bestScore) [best, bestScore] = [column, score];
    }
    fields[field] = best;
    unused.push(...columns.filter((c) => c !== best));
  }

  // A full-name column next to first and last name columns: keep the better fit (first/last on a tie).
  if (fields.name !== undefined && fields.firstName !== undefined && fields.lastName !== undefined &&
    !overridden.has('name')) {
    const nameFit = fitScore('name', fields.name, sample);
    if (nameFit <= fitScore('firstName', fields.firstName, sample)) {
      unused.push(fields.name);
      delete fields.name;
    }
  }

  const missing: RequiredField[] = [];
  if (fields.name === undefined && (fields.firstName === undefined || fields.lastName === undefined)) missing.push('name');
  if (fields.organisation === undefined) missing.push('organisation');
  if (fields.submittedAt === undefined) missing.push('submittedAt');
  unused.sort((a, b) => a - b);
  return { fields, ignored, unused, missing, unmatchedOverrides, alsoCancelled };
}
