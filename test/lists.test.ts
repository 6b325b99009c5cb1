import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dietaryRows, digitalRows, participantRows } from '../src/core/render/lists.js';
import { statesNeed } from '../src/core/render/common.js';
import { sortKey } from '../src/core/sort.js';
import { toCsv } from '../src/io/write-csv.js';
import { plan, reg, samplePlan } from './helpers/report-plan.js';

const sample = samplePlan();
const cancelled = sample.registrations.find((r) => r.status === 'cancelled')!;
/** Every value of a person that no list but the one that needs it may carry. */
const contact = sample.registrations.flatMap((r) => [r.email, r.phone, r.id].filter((v): v is string => !!v));
const cells = (t: { rows: string[][] }) => new Set(t.rows.flat());
/** A list with its rows read (renderers make them as they are read). */
const read = (t: { header: string[]; rows: Iterable<string[]> }) => ({ header: t.header, rows: [...t.rows] });

describe('participants.csv (badges and the door)', () => {
  const list = read(participantRows(sample, 'nn'));

  it('has name, municipality or organisation, role, in person or digital, and status — nothing else', () => {
    expect(list.header).toEqual(['Førenamn', 'Etternamn', 'Kommune/organisasjon', 'Stilling/rolle', 'Deltaking', 'Status']);
    expect(participantRows(sample, 'en').header).toEqual(['First name', 'Last name', 'Municipality/organisation', 'Role', 'Attendance', 'Status']);
    const all = cells(list);
    for (const v of contact) expect(all.has(v), v).toBe(false);
    for (const r of sample.registrations) if (r.dietary) expect(all.has(r.dietary), r.dietary).toBe(false);
  });

  it('lists everyone who has not cancelled, late and unresolved ones with their status', () => {
    expect(list.rows).toHaveLength(sample.registrations.length - 1);
    expect(list.rows.some((row) => row[1] === cancelled.lastName)).toBe(false);
    const late = sample.registrations.find((r) => r.status === 'late-pending')!;
    expect(list.rows).toContainEqual([late.firstName, late.lastName, 'Molde', 'Planleggar', 'Fysisk', 'Sein påmelding, ventar på avgjerd']);
    const unknown = sample.registrations.find((r) => r.status === 'needs-attention')!;
    expect(list.rows).toContainEqual([unknown.firstName, unknown.lastName, 'Kristiansand', 'Rådgjevar', 'Fysisk', 'Må sjekkast']);
    const digital = sample.registrations.find((r) => r.role === 'Næringssjef')!;
    expect(list.rows).toContainEqual([digital.firstName, digital.lastName, 'Ålesund', 'Næringssjef', 'Digitalt', 'Deltek digitalt']);
  });

  it('is sorted by municipality or organisation, then last name, the order of a door list', () => {
    const orgs = list.rows.map((r) => r[2]!);
    expect(orgs.indexOf('Aukra')).toBe(0);
    expect(orgs.lastIndexOf('Ørsta')).toBeLessThan(orgs.indexOf('Ålesund'));
    const orsta = list.rows.filter((r) => r[2] === 'Ørsta').map((r) => r[1]);
    expect(orsta).toEqual([...orsta].sort((a, b) => a!.localeCompare(b!, 'nb', { numeric: true })));
  });

  it('keeps a formula typed as a role from running in a spreadsheet', () => {
    const csv = toCsv(list.header, list.rows);
    const back = parse(csv, { delimiter: ';', bom: true }) as string[][];
    expect(back.flat()).toContain(`'=HYPERLINK("http://example.org")`);
    expect(back.flat().some((c) => c.startsWith('='))).toBe(false);
    // Names with HTML characters and quotes survive as typed.
    expect(back.flat()).toContain(`"O'Neill"`);
  });
});

describe('dietary.csv (the caterer)', () => {
  const list = read(dietaryRows(sample, 'nn'));

  it('has only the name, the municipality or organisation and the need', () => {
    expect(list.header).toEqual(['Etternamn', 'Førenamn', 'Kommune/organisasjon', 'Allergiar, kost og andre behov']);
    expect(dietaryRows(sample, 'nb').header).toEqual(['Etternavn', 'Fornavn', 'Kommune/organisasjon', 'Allergier, kost og andre behov']);
    const all = cells(list);
    for (const r of sample.registrations) {
      for (const v of [r.email, r.phone, r.id, r.role]) if (v) expect(all.has(v), v).toBe(false);
    }
  });

  it('lists in-person participants who state a need, not "Nei", not digital, not cancelled', () => {
    expect(list.rows.every((r) => r[0] || r[1])).toBe(true);
    expect(list.rows.map((r) => r.slice(2))).toEqual([
      ['Kristiansund', '-Laktosefri'],
      ['Møre og Romsdal fylkeskommune', 'Laktosefri'],
      ['Ørsta', 'Glutenfri'],
      ['Ørsta', 'Vegetar'], // on the waiting list, but attends
      ['Ålesund', 'Nøtteallergi'],
    ]);
    // Statsforvaltaren's "Glutenfri" is digital; Ørsta's "Nei" is no need.
    const cancelledNeed = plan([reg({ status: 'cancelled', dietary: 'Glutenfri' })]);
    expect([...dietaryRows(cancelledNeed, 'nn').rows]).toEqual([]);
  });

  it('neutralises a need that starts like a formula', () => {
    const back = parse(toCsv(list.header, list.rows), { delimiter: ';', bom: true }) as string[][];
    expect(back[1]!.slice(2)).toEqual(['Kristiansund', "'-Laktosefri"]);
  });

  it.each([
    ['Nei', false],
    ['nei.', false],
    ['Ingen', false],
    ['Ingen allergiar', false],
    ['Ingen spesielle behov', false],
    ['No special needs', false],
    ['None', false],
    ['-', false],
    ['  ', false],
    ['Glutenfri', true],
    ['Nei, men vegetar', true],
    ['Rullestol', true],
    ['Allergi mot nøtter', true],
  ])('%j states a need: %s', (text, need) => {
    expect(statesNeed(text)).toBe(need);
  });
});

describe('digital-participants.csv (webinar invitations)', () => {
  const list = read(digitalRows(sample, 'nn'));

  it('has name and e-mail of everyone taking part digitally, and nothing else', () => {
    expect(list.header).toEqual(['Førenamn', 'Etternamn', 'E-post']);
    const digital = sample.registrations.filter((r) => r.attendance === 'digital' && r.status !== 'cancelled');
    expect(digital).toHaveLength(2);
    expect(list.rows).toEqual(
      digital
        .sort((a, b) => a.lastName.localeCompare(b.lastName, 'nb', { numeric: true }))
        .map((r) => [r.firstName, r.lastName, r.email]),
    );
    expect(list.rows.some((row) => row[1] === cancelled.lastName)).toBe(false);
    const all = cells(list);
    for (const r of sample.registrations) for (const v of [r.phone, r.id, r.role, r.dietary]) if (v) expect(all.has(v), v).toBe(false);
  });

  it('keeps someone without an e-mail address on the list, with the cell empty', () => {
    const p = plan([reg({ attendance: 'digital', status: 'digital', email: null, firstName: 'Utan', lastName: 'Adresse' })]);
    expect(read(digitalRows(p, 'en'))).toEqual({ header: ['First name', 'Last name', 'E-mail'], rows: [['Utan', 'Adresse', '']] });
  });
});

describe('sortKey', () => {
  it('orders like Norwegian collation: case and accents ignored, æ ø å after z, numbers by value', () => {
    const names = ['Øye', 'åsen', 'Zakariassen', 'Ærø', 'éric', 'Eirik', 'Berg', 'berg', 'Ørsta', 'Ålesund', 'Molde', 'Møre', 'Rom 10', 'Rom 9'];
    const byKey = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
    expect(byKey).toEqual([...names].sort(collator.compare));
  });
});
