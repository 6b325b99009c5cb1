import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { attentionRows, lateRows } from '../src/core/render/attention.js';
import { LANGS, MESSAGES, problemText, statusText, extraNightText, t, formatNight } from '../src/core/render/i18n.js';
import { escapeMarkdown, letterText, municipalityLetters } from '../src/core/render/letters.js';
import { municipalityRows } from '../src/core/render/municipalities.js';
import { hotelFileName, roomingChanges, roomingRows } from '../src/core/render/rooming.js';
import type {
  EventSettings,
  Plan,
  PlannedRegistration,
  ProblemCode,
} from '../src/core/types.js';
import { STATUSES } from '../src/core/types.js';
import { toCsv } from '../src/io/write-csv.js';
import { REGION, muni, plan as summarisedPlan, reg as plannedRegistration } from './helpers/report-plan.js';

// ---- Fixtures: the 2021 Møre og Romsdal event, plans built by hand ----

// Plans built with the report tests' helpers (the embedded register's 26 municipalities); here every
// participant is a "Kari" at the default hotel, so that a test names only what it is about.
let seq = 0;
/** A covered participant from Ørsta with the main night, unless told otherwise. */
function reg(over: Partial<PlannedRegistration> = {}): PlannedRegistration {
  seq++;
  return plannedRegistration({
    id: `r${String(seq).padStart(3, '0')}`,
    firstName: 'Kari',
    lastName: `Testesen${seq}`,
    email: `person${seq}@example.org`,
    phone: null,
    role: 'Rådgjevar klima',
    hotel: 'hotel',
    ...over,
  });
}

/** A plan with every municipality of the region summarised from the registrations given, at one hotel. */
const plan = (registrations: PlannedRegistration[], event: Partial<EventSettings> = {}): Plan =>
  summarisedPlan(registrations, event, [{ name: 'hotel', rooms: null }]);

const EXTRA = { extraNight: 'granted' as const, nights: ['2021-11-10', '2021-11-11'] };

/** Every cell of a CSV string, parsed back as a spreadsheet would read it. */
const readCsv = (csv: string, delimiter = ';'): string[][] => parse(csv, { delimiter, bom: true, relax_column_count: true });

// ---- i18n ----

describe('message tables', () => {
  const keys = Object.keys(MESSAGES.nn).sort();
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(LANGS)('%s has every key, none empty, with the same placeholders as nn', (lang) => {
    expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
    for (const k of keys) {
      const text = MESSAGES[lang][k as keyof typeof MESSAGES.nn];
      expect(text.trim(), `${lang} ${k}`).not.toBe('');
      expect(placeholders(text), `${lang} ${k}`).toEqual(placeholders(MESSAGES.nn[k as keyof typeof MESSAGES.nn]));
    }
  });

  it('names statuses in good Norwegian and English', () => {
    expect(LANGS.map((l) => statusText('covered', l))).toEqual(['Dekt', 'Dekket', 'Covered']);
    expect(LANGS.map((l) => extraNightText('granted', l))).toEqual(['Innvilga', 'Innvilget', 'Granted']);
    expect(LANGS.map((l) => t(l, 'yes'))).toEqual(['Ja', 'Ja', 'Yes']);
    // every status has its own word in every language
    for (const l of LANGS) expect(new Set(STATUSES.map((s) => statusText(s, l))).size).toBe(STATUSES.length);
  });

  it('words every problem code, with and without its values', () => {
    const codes: ProblemCode[] = [
      'no-name',
      'no-organisation',
      'bad-time',
      'unknown-municipality',
      'likely-duplicate',
      'extra-night-without-main',
      'anonymous-email',
      'bad-email',
      'unplaced',
    ];
    for (const lang of LANGS) {
      for (const code of codes) expect(problemText({ code }, lang)).not.toMatch(/[{}[\]]|«»|“”|\(\)/);
    }
    const p = { code: 'unknown-municipality' as const, args: { text: 'Kristiansand', suggestion: 'Kristiansund' } };
    expect(problemText(p, 'nn')).toBe('Ukjend kommune «Kristiansand»: meinte du Kristiansund?');
    expect(problemText(p, 'en')).toBe('Unknown municipality “Kristiansand”: did you mean Kristiansund?');
    expect(problemText({ code: 'unknown-municipality', args: { text: 'Kristiansand' } }, 'nb')).toBe(
      'Ukjent kommune «Kristiansand»',
    );
    expect(problemText({ code: 'likely-duplicate', args: { other: 'r9' } }, 'nn')).toContain('(r9)');
  });

  it('writes nights as dates', () => {
    expect(formatNight('nn', '2021-11-10')).toBe('10.–11. november 2021');
    expect(formatNight('en', '2021-11-30')).toBe('30 November–1 December 2021');
    expect(formatNight('nb', '2021-12-31')).toBe('31. desember 2021–1. januar 2022');
  });
});

// ---- Rooming list ----

describe('rooming list', () => {
  it('has exactly the hotel columns, and nothing the hotel does not need', () => {
    const p = plan([reg({ dietary: 'Nøtteallergi', notes: 'Kjem seint', role: 'Ordførar', topLeader: true })]);
    const { header, rows } = roomingRows(p, 'hotel', 'nn');
    expect(header).toEqual([
      'ID',
      'Etternamn',
      'Førenamn',
      'Kommune/organisasjon',
      'Ankomst',
      'Avreise',
      'Netter',
      'Romtype',
      'Betalar',
    ]);
    const text = toCsv(header, rows);
    for (const absent of ['Nøtteallergi', 'Kjem seint', 'Ordførar', '@example.org', 'Dekt']) expect(text).not.toContain(absent);
    expect(roomingRows(p, 'hotel', 'en').header).toEqual([
      'ID',
      'Last name',
      'First name',
      'Municipality/organisation',
      'Arrival',
      'Departure',
      'Nights',
      'Room type',
      'Payer',
    ]);
  });

  it('makes one stay of the extra night and the main night', () => {
    const main = reg({ lastName: 'Aasen' });
    const both = reg({ lastName: 'Berg', ...EXTRA });
    const { rows, stays } = roomingRows(plan([main, both]), 'hotel', 'nn');
    expect(rows).toEqual([
      [both.id, 'Berg', 'Kari', 'Ørsta', '2021-11-10', '2021-11-12', '2', 'Enkeltrom', 'Arrangøren'],
      [main.id, 'Aasen', 'Kari', 'Ørsta', '2021-11-11', '2021-11-12', '1', 'Enkeltrom', 'Arrangøren'],
    ]);
    expect(stays[0]).toMatchObject({ arrival: '2021-11-10', departure: '2021-11-12', nights: 2 });
  });

  it('lists only covered people at that hotel, sorted by arrival, municipality, last name', () => {
    const regs = [
      reg({ lastName: 'Øvrebø', municipality: muni('Volda') }),
      reg({ lastName: 'Dahl', municipality: muni('Volda') }),
      reg({ lastName: 'Ås', municipality: muni('Aukra') }),
      reg({ lastName: 'Tidleg', municipality: muni('Volda'), ...EXTRA }),
      reg({ lastName: 'Andrehotell', hotel: 'Scandic Parken' }),
      reg({ lastName: 'Ventar', status: 'over-quota', nights: [], hotel: null }),
      reg({ lastName: 'Digital', status: 'digital', nights: [], hotel: null }),
      reg({ lastName: 'Avmeld', status: 'cancelled', nights: [], hotel: null }),
    ];
    const p = plan(regs, { hotels: [{ name: 'hotel', rooms: 10 }, { name: 'Scandic Parken', rooms: null }] });
    expect(roomingRows(p, 'hotel', 'nn').rows.map((r) => r[1])).toEqual(['Tidleg', 'Ås', 'Dahl', 'Øvrebø']);
    expect(roomingRows(p, 'Scandic Parken', 'nn').rows.map((r) => r[1])).toEqual(['Andrehotell']);
  });

  it('lists over-quota people at the first hotel, their municipality paying, when configured', () => {
    const regs = [reg({ lastName: 'Dekt' }), reg({ lastName: 'Ventar', status: 'over-quota', nights: [], hotel: null })];
    const settings = { ...DEFAULT_EVENT.roomingList, includeOverQuota: true };
    const { rows } = roomingRows(plan(regs, { roomingList: settings }), 'hotel', 'nb');
    expect(rows.map((r) => [r[1], r[4], r[5], r[6], r[8]])).toEqual([
      ['Dekt', '2021-11-11', '2021-11-12', '1', 'Arrangøren'],
      ['Ventar', '2021-11-11', '2021-11-12', '1', 'Ørsta kommune'],
    ]);
  });

  it('adds e-mail and phone only when asked, phone without +47 and not neutralised', () => {
    const regs = [reg({ email: 'kari@example.org', phone: '+47 400 00 001' }), reg({ phone: '0047 90000002' })];
    const settings = { ...DEFAULT_EVENT.roomingList, email: true, phone: true };
    const { header, rows } = roomingRows(plan(regs, { roomingList: settings }), 'hotel', 'nn');
    expect(header.slice(-2)).toEqual(['E-post', 'Telefon']);
    const parsed = readCsv(toCsv(header, rows));
    expect(parsed[1]!.slice(-2)).toEqual(['kari@example.org', '400 00 001']);
    expect(parsed[2]!.at(-1)).toBe('90000002');
  });

  it('names the file after the hotel', () => {
    expect(hotelFileName('Scandic Parken')).toBe('rooming-list-scandic-parken.csv');
    expect(hotelFileName('hotel')).toBe('rooming-list-hotel.csv');
    expect(hotelFileName('Hotell Brosundet & Ålesund')).toBe('rooming-list-hotell-brosundet-alesund.csv');
  });
});

describe('rooming changes', () => {
  const stayer = reg({ lastName: 'Blir' });
  const leaver = reg({ lastName: 'Reiser' });
  const extra = reg({ lastName: 'Tidleg' });
  const before = roomingRows(plan([stayer, leaver, extra]), 'hotel', 'nn').stays;

  it('is empty when nothing changed', () => {
    const again = roomingRows(plan([stayer, leaver, extra]), 'hotel', 'nn').stays;
    expect(roomingChanges(before, again, 'nn').rows).toEqual([]);
  });

  it('lists a cancellation, a new extra night and an addition', () => {
    const newcomer = reg({ lastName: 'Ny' });
    const after = roomingRows(
      plan([
        stayer,
        { ...leaver, status: 'cancelled', nights: [], hotel: null },
        { ...extra, ...EXTRA },
        newcomer,
      ]),
      'hotel',
      'nn',
    ).stays;
    const { header, rows } = roomingChanges(before, after, 'nn');
    expect(header[0]).toBe('Endring');
    expect(header.slice(1)).toEqual(roomingRows(plan([]), 'hotel', 'nn').header);
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((r) => [r[1], r]));
    expect(byId.get(newcomer.id)!.slice(0, 7)).toEqual(['Ny', newcomer.id, 'Ny', 'Kari', 'Ørsta', '2021-11-11', '2021-11-12']);
    expect(byId.get(leaver.id)![0]).toBe('Fjerna');
    expect(byId.get(leaver.id)![2]).toBe('Reiser');
    const changed = byId.get(extra.id)!;
    expect(changed[0]).toBe('Endra');
    expect(changed[5]).toBe('2021-11-11 → 2021-11-10');
    expect(changed[6]).toBe('2021-11-12');
    expect(changed[7]).toBe('1 → 2');
    expect(byId.has(stayer.id)).toBe(false);
  });
});

// ---- municipalities.csv ----

describe('municipality summary', () => {
  it('has a row for each of the 26 municipalities even with no registration', () => {
    const { header, rows } = municipalityRows(plan([]), 'nn');
    expect(rows).toHaveLength(26);
    expect(header).toHaveLength(16);
    expect(rows.map((r) => r[0])).toEqual(REGION.map((m) => m.code));
    const orsta = rows.find((r) => r[1] === 'Ørsta')!;
    expect(orsta).toEqual(['1520', 'Ørsta', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', 'Nei', '4', '0', '']);
  });

  it('counts, says yes in the chosen language and figures the cost when there is a rate', () => {
    const regs = [reg({ ...EXTRA, topLeader: true }), reg(), reg({ status: 'cancelled', nights: [], hotel: null })];
    const { header, rows } = municipalityRows(plan(regs, { roomRate: 1295.5 }), 'en');
    const orsta = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === '1520')![i]]));
    expect(orsta).toMatchObject({
      Registered: '2',
      Covered: '2',
      'Extra nights': '1',
      Cancelled: '1',
      'Top leader present': 'Yes',
      'Places left': '2',
      'Room nights': '3',
      Cost: '3886.50',
    });
    expect(municipalityRows(plan(regs, { roomRate: 1295.5 }), 'nn').rows.find((r) => r[0] === '1520')!.at(-1)).toBe(
      '3886,50',
    );
  });
});

// ---- Letters ----

describe('municipality letters', () => {
  const orsta = reg({ firstName: 'Ingrid', lastName: 'Hovdenak', ...EXTRA });
  const volda = reg({ firstName: 'Sindre', lastName: 'Bjørkedal', municipality: muni('Volda') });
  const letters = municipalityLetters(plan([orsta, volda]), 'nn');
  const letter = (code: string) => letters.find((l) => l.fileName.startsWith(`${code}-`))!;

  it('writes one letter per municipality, named by code and name', () => {
    expect(letters).toHaveLength(26);
    expect(letter('1520').fileName).toBe('1520-orsta.md');
    expect(letter('1507').fileName).toBe('1507-alesund.md');
  });

  it("names only the municipality's own people, with status, nights and places left", () => {
    const text = letterText(letter('1520'));
    expect(text).toContain('Ingrid Hovdenak');
    expect(text).not.toContain('Bjørkedal');
    expect(letterText(letter('1577'))).not.toContain('Hovdenak');
    expect(text).toMatch(/\| Ingrid Hovdenak \| Dekt \| 10\.–12\. november 2021 \| Innvilga \|/);
    expect(text).toContain('De har brukt 1 av 4 plassar og har 3 att.');
    expect(text).toContain('15. september 2021');
    expect(text).toContain('Klimasamling for kommunane i Møre og Romsdal');
    expect(text).toContain('Ålesund');
  });

  it('invites a municipality with no registration', () => {
    const text = letterText(letter('1573'));
    expect(text).toContain('Vi har enno ikkje fått nokon påmelding');
    expect(text).not.toContain('| --- |');
    expect(letterText(municipalityLetters(plan([]), 'en')[0]!)).toContain('We have no registration yet');
  });

  it('escapes names so they cannot break the table', () => {
    const odd = reg({ firstName: '*Ola* | Nordmann', lastName: '_[x](http://e.example)' });
    const text = letterText(municipalityLetters(plan([odd]), 'nb').find((l) => l.fileName === '1520-orsta.md')!);
    const row = text.split('\n').find((l) => l.includes('Ola'))!;
    // four cells: five unescaped pipes
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
    expect(row).toContain('\\*Ola\\* \\| Nordmann');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });
});

// ---- Late and needs-attention ----

describe('late registrations and needs attention', () => {
  it('lists late ones with their decision, e-mail and the command that resolves them', () => {
    const pending = reg({ late: true, status: 'late-pending', nights: [], hotel: null, submittedAt: '2021-09-20T08:05:00+02:00' });
    const approved = reg({ late: true, lateDecision: 'approved', submittedAt: '2021-09-16T09:00:00+02:00' });
    const gone = reg({ late: true, status: 'cancelled', nights: [], hotel: null });
    const { header, rows } = lateRows(plan([pending, approved, gone, reg()]), 'nn');
    expect(header).toEqual(['ID', 'Namn', 'Kommune/organisasjon', 'Sendt inn', 'Avgjerd', 'E-post', 'Kommando']);
    expect([...rows]).toEqual([
      [approved.id, `Kari ${approved.lastName}`, 'Ørsta', '2021-09-16 09:00', 'Godkjend', approved.email, `samling late --reject ${approved.id}`],
      [pending.id, `Kari ${pending.lastName}`, 'Ørsta', '2021-09-20 08:05', 'Ventar på avgjerd', pending.email, `samling late --approve ${pending.id}`],
    ]);
  });

  it('gives the reason in words and the command for each case', () => {
    const near = reg({
      municipality: null,
      organisation: 'Kristiansand kommune',
      status: 'needs-attention',
      nights: [],
      hotel: null,
      problems: [{ code: 'unknown-municipality', args: { text: 'Kristiansand kommune', suggestion: 'Kristiansund', codes: '1505' } }],
    });
    const noName = reg({ firstName: '', lastName: '', status: 'needs-attention', nights: [], hotel: null, problems: [{ code: 'no-name' }] });
    const review = reg({ municipality: muni('Ålesund'), extraNight: 'review' });
    const fine = reg();
    const rows = [...attentionRows(plan([near, noName, review, fine]), 'nn').rows];
    expect(rows.map((r) => r[0])).toEqual([near.id, noName.id, review.id]);
    expect(rows[0]).toEqual([
      near.id,
      `Kari ${near.lastName}`,
      'Kristiansand kommune',
      'pameldingar.csv',
      String(near.source.row),
      'Ukjend kommune «Kristiansand kommune»: meinte du Kristiansund?',
      'Stadfest kommunen med kommandoen, eller rett namnet i skjemaet og importer på nytt',
      `samling decide ${near.id} --municipality 1505`,
    ]);
    expect(rows[1]![5]).toBe('Manglar namn');
    expect(rows[1]![7]).toBe(`samling decide ${noName.id} --cancel`);
    expect(rows[2]![7]).toBe(`samling decide ${review.id} --extra-night`);
  });
});

// ---- CSV injection through every CSV renderer ----

describe('formula injection', () => {
  const payloads = readFileSync(new URL('../fixtures/csv-injection-payloads.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .concat(['\r=1+1', '\r\n@SUM(1+1)']);

  it('the payload file is read untrimmed', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(25);
    expect(payloads.some((p) => p.startsWith('\t'))).toBe(true);
  });

  it('neutralises every payload used as a name or organisation, and it reads back intact', () => {
    const regs = payloads.flatMap((p, i) => [
      reg({ firstName: p, lastName: p, ...(i % 2 ? EXTRA : {}) }),
      reg({ firstName: p, lastName: p, late: true, status: 'late-pending', nights: [], hotel: null }),
      reg({ firstName: p, lastName: p, municipality: null, organisation: p, status: 'needs-attention', nights: [], hotel: null }),
    ]);
    const withOverQuota = { roomingList: { ...DEFAULT_EVENT.roomingList, includeOverQuota: true, email: true } };
    const p = plan(regs, withOverQuota);
    const rooming = roomingRows(p, 'hotel', 'nn');
    const outputs = {
      rooming,
      changes: roomingChanges([], rooming.stays, 'nn'),
      municipalities: municipalityRows(p, 'nn'),
      late: lateRows(p, 'nn'),
      attention: attentionRows(p, 'nn'),
    };
    for (const [name, out] of Object.entries(outputs)) {
      for (const delimiter of [';', ',']) {
        const cells = readCsv(toCsv(out.header, out.rows, { delimiter }), delimiter).flat();
        for (const cell of cells) {
          expect(cell, `${name}: ${JSON.stringify(cell)}`).not.toMatch(/^[\s]*[=+\-@]|^[\t\r\n]|^DDE/i);
        }
        for (const payload of payloads) {
          if (name === 'municipalities') continue;
          const expected = name === 'late' ? `'${payload} ${payload}` : `'${payload}`;
          expect(cells, `${name}: ${JSON.stringify(payload)}`).toContain(expected);
        }
      }
    }
  });
});
