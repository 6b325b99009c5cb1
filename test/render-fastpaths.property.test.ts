// The renderers' fast paths must write the very bytes of the plain ones: the lists' CSV lines (ListTable.lines,
// late registrations too) against their rows through csvChunks, for every delimiter and language; the cell encoder against the
// plain rule (safeCell, then RFC 4180 quoting); the letters' rows against their plain cells; the
// report's counts from picks() against plain counts. Synthetic people only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dietaryRows, digitalRows, participantRows } from '../src/core/render/lists.js';
import { lateRows } from '../src/core/render/attention.js';
import { escapeMarkdown, letterText, municipalityLetters } from '../src/core/render/letters.js';
import { fullName, picks, runs } from '../src/core/render/common.js';
import { extraNightText, formatSpan, statusText, t } from '../src/core/render/i18n.js';
import { addDays } from '../src/core/dates.js';
import { roleAreas } from '../src/core/render/roles.js';
import { csvCells, safeCell, tableChunks, toCsv } from '../src/io/write-csv.js';
import { STATUSES, type Lang, type MunicipalityRef, type PlannedRegistration } from '../src/core/types.js';
import { muni, plan, reg } from './helpers/report-plan.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`render-fastpaths: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

const DELIMITERS = [';', ',', '\t', '|'];
const LANGS: Lang[] = ['nn', 'nb', 'en'];
const MUNICIPALITIES: (MunicipalityRef | null)[] = [muni('Ørsta'), muni('Volda'), muni('Ålesund'), null];

/** Text with what a CSV, a spreadsheet or Markdown could trip on: delimiters, quotes, breaks, formulas. */
const tricky = fc.oneof(
  fc.constantFrom('', 'Kari', 'Ørsta', ' Vegetar ', 'Nei', 'Glutenfri', '=1+1', '@SUM(A1)', '-5', '+47 400 00 001', 'DDE ("x")', '\tx'),
  fc.constantFrom('Ola "Olsen"', 'a;b', 'a,b', 'a\tb', 'a|b', 'a\nb', 'a\r\nb', '*Ola* | _x_', '[x](e)', '\\', 'Å#&!<>~`'),
  fc.string({ unit: fc.constantFrom('a', 'Ø', ' ', ';', ',', '\t', '|', '"', '\n', '\r', '=', '-', '*', '_', '#'), maxLength: 8 }),
);

const person = fc
  .record({
    municipality: fc.constantFrom(...MUNICIPALITIES),
    organisation: tricky,
    firstName: tricky,
    lastName: tricky,
    role: fc.option(tricky, { nil: null }),
    email: fc.option(tricky, { nil: null }),
    status: fc.constantFrom(...STATUSES),
    attendance: fc.constantFrom('in-person' as const, 'digital' as const),
    dietary: fc.option(tricky, { nil: null }),
    extraNight: fc.constantFrom('granted' as const, 'review' as const, 'not-covered' as const, 'not-requested' as const),
    nights: fc.constantFrom<string[]>([], ['2021-11-11'], ['2021-11-10', '2021-11-11']),
    late: fc.boolean(),
    lateDecision: fc.constantFrom(null, 'approved' as const, 'rejected' as const),
    submittedAt: fc.option(fc.constantFrom('2021-09-16T08:05:00+02:00', '2021-09-15T23:59:00+02:00', '2021-09-16T08:05:00+02:00'), { nil: null }),
  })
  .map((r): PlannedRegistration => reg(r));

describe('ListTable.lines', () => {
  it('writes the bytes csvChunks writes for the rows, for every list, delimiter and language', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 30 }), fc.constantFrom(...DELIMITERS), fc.constantFrom(...LANGS), (people, delimiter, lang) => {
        const p = plan(people);
        for (const list of [participantRows, dietaryRows, digitalRows, lateRows]) {
          const table = list(p, lang);
          expect([...tableChunks(table, { delimiter })].join('')).toBe(toCsv(table.header, table.rows, { delimiter }));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('csvCells', () => {
  /** The rule as the spec states it: neutralise, then quote a cell with the delimiter, a quote or a break. */
  const plain = (s: string, d: string) => {
    const v = safeCell(s);
    return v.includes(d) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };

  it('encodes a cell as the plain rule does, the first time and when it comes again', () => {
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 20 }), fc.constantFrom(...DELIMITERS), (cells, d) => {
        const c = csvCells(d);
        for (const s of [...cells, ...cells]) {
          expect(c.cell(s)).toBe(plain(s, d));
          expect(c.known(s)).toBe(plain(s, d));
        }
        expect(toCsv(['h'], cells.map((s) => [s, s]), { delimiter: d })).toBe(
          '\uFEFFh\r\n' + cells.map((s) => `${plain(s, d)}${d}${plain(s, d)}\r\n`).join(''),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('municipality letters', () => {
  it("write each of its people's rows as the plain cells make them (name escaped, status, nights, extra night)", () => {
    // The plain row: no cache of the cells after the name (the letters keep one per status, extra night and nights).
    const nightsText = (nights: string[], lang: Lang) => (nights.length
      ? runs(nights).map((run) => formatSpan(lang, run[0]!, addDays(run[run.length - 1]!, 1))).join(', ')
      : t(lang, 'letter.noNights'));
    const row = (r: PlannedRegistration, lang: Lang) =>
      `| ${escapeMarkdown(fullName(r))} | ${statusText(r.status, lang)} | ${nightsText(r.nights, lang)} | ${extraNightText(r.extraNight, lang)} |`;
    fc.assert(
      fc.property(fc.array(person, { maxLength: 20 }), fc.constantFrom(...LANGS), (people, lang) => {
        for (const letter of municipalityLetters(plan(people), lang)) {
          const code = letter.fileName.slice(0, 4);
          const rows = letterText(letter).split('\n').filter((l) => l.startsWith('| ')).slice(1); // after the header
          const expected = people.filter((r) => r.municipality?.code === code).map((r) => row(r, lang));
          expect(rows.filter((l) => l !== '| --- | --- | --- | --- |').sort()).toEqual(expected.sort());
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('picks', () => {
  it("counts as plain filters do, and the role areas' people per municipality", () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 30 }), (people) => {
        const { counts, areaLists } = picks(plan(people));
        const active = people.filter((r) => r.status !== 'cancelled');
        expect(counts).toEqual({
          registered: active.length,
          inPerson: active.filter((r) => r.attendance !== 'digital').length,
          digital: active.filter((r) => r.attendance === 'digital').length,
          latePending: active.filter((r) => r.status === 'late-pending').length,
        });
        for (const m of MUNICIPALITIES) {
          if (!m) continue;
          const own = active.filter((r) => r.municipality?.code === m.code && r.role !== null);
          const expected = new Map<unknown, number>();
          for (const r of own) expected.set(roleAreas(r.role), (expected.get(roleAreas(r.role)) ?? 0) + 1);
          expect(new Map(areaLists.get(m.code) ?? [])).toEqual(expected);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
