import { describe, expect, it } from 'vitest';
import { mapColumns, recogniseHeader } from '../src/core/columns.js';
import { fold } from '../src/core/text.js';
import type { Cell } from '../src/io/table.js';

/** The header of each column a field maps to, for readable assertions. */
function mapped(headers: string[], sample: Cell[][] = [], overrides = {}) {
  const m = mapColumns(headers, sample, overrides);
  const byField = Object.fromEntries(Object.entries(m.fields).map(([f, i]) => [f, headers[i!]]));
  return { ...m, byField, unusedHeaders: m.unused.map((i) => headers[i]) };
}

describe('mapColumns: real header rows', () => {
  it('Google Forms in Nynorsk, verbatim questions with trailing spaces', () => {
    const headers = [
      'Tidsmerke',
      'E-postadresse',
      'Namn ',
      'Kommune / organisasjon ',
      'Stilling / rolle ',
      'Telefon ',
      'Korleis deltek du? Fysisk i Ålesund eller digitalt ',
      'Treng du overnatting frå 11. til 12. november? ',
      'Treng du overnatting frå 10. til 11. november pga. lang reiseveg? ',
      'Skal du delta på toppleiarforum (for ordførar og kommunedirektør)? ',
      'Allergiar eller andre behov ',
      'Merknad ',
    ];
    const m = mapped(headers);
    expect(m.byField).toEqual({
      submittedAt: 'Tidsmerke',
      email: 'E-postadresse',
      name: 'Namn ',
      organisation: 'Kommune / organisasjon ',
      role: 'Stilling / rolle ',
      phone: 'Telefon ',
      attendance: 'Korleis deltek du? Fysisk i Ålesund eller digitalt ',
      needsRoom: 'Treng du overnatting frå 11. til 12. november? ',
      extraNight: 'Treng du overnatting frå 10. til 11. november pga. lang reiseveg? ',
      topLeader: 'Skal du delta på toppleiarforum (for ordførar og kommunedirektør)? ',
      dietary: 'Allergiar eller andre behov ',
      notes: 'Merknad ',
    });
    expect(m.missing).toEqual([]);
    expect(m.unused).toEqual([]);
  });

  it('Microsoft Forms in English: the anonymous Email/Name give way to the form’s own questions', () => {
    const headers = [
      'ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time',
      'Full name', 'Your email', 'Municipality or organisation', 'Job title',
      'Will you attend in person or digitally?', 'Do you need a hotel room for the night 11–12 November?',
      'Do you need a room the night 10–11 November because of a long journey?',
      'Will you attend the top leaders’ forum?', 'Allergies or dietary needs', 'Comments',
    ];
    const sample: Cell[][] = [
      [1, { wallClock: '2021-09-01T09:58:00' }, { wallClock: '2021-09-01T10:00:00' }, 'anonymous', 'anonymous', '',
        'Kari Nordmann', 'kari@example.org', 'Ørsta', 'Rådgjevar', 'In person', 'Yes', 'No', 'No', '', ''],
      [2, { wallClock: '2021-09-02T09:58:00' }, { wallClock: '2021-09-02T10:00:00' }, 'anonymous', 'anonymous', '',
        'Ola Nordmann', 'ola@example.org', 'Volda', 'Ordførar', 'Digital', 'No', 'No', 'Yes', 'Gluten', ''],
    ];
    const m = mapped(headers, sample);
    expect(m.byField).toEqual({
      submissionId: 'ID',
      submittedAt: 'Completion time',
      name: 'Full name',
      email: 'Your email',
      organisation: 'Municipality or organisation',
      role: 'Job title',
      attendance: 'Will you attend in person or digitally?',
      needsRoom: 'Do you need a hotel room for the night 11–12 November?',
      extraNight: 'Do you need a room the night 10–11 November because of a long journey?',
      topLeader: 'Will you attend the top leaders’ forum?',
      dietary: 'Allergies or dietary needs',
      notes: 'Comments',
    });
    expect(m.unusedHeaders).toEqual(['Start time', 'Email', 'Name', 'Last modified time']);
  });

  it('Microsoft Forms in Bokmål: Fullføringstidspunkt, not Starttidspunkt; anonymous E-postadresse/Navn lose', () => {
    const headers = ['ID', 'Starttidspunkt', 'Fullføringstidspunkt', 'E-postadresse', 'Navn',
      'Tidspunkt for siste endring', 'Navn ', 'E-post', 'Kommune', 'Stilling'];
    const sample: Cell[][] = [
      [1, '01.09.2021 09:58', '01.09.2021 10:00', 'anonymous', 'anonymous', '', 'Kari Nordmann', 'kari@example.org',
        'Ørsta', 'Rådgiver'],
    ];
    const m = mapped(headers, sample);
    // "Navn" and "Navn " fold the same: the form's own question wins because the system column is anonymous.
    expect(m.fields).toEqual({ submissionId: 0, submittedAt: 2, name: 6, email: 7, organisation: 8, role: 9 });
    expect(m.unusedHeaders).toEqual(['Starttidspunkt', 'E-postadresse', 'Navn', 'Tidspunkt for siste endring']);
  });

  it('Microsoft Forms not anonymous: the system Email and Name columns hold real values and stay', () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Your email', 'Organisation'];
    const sample: Cell[][] = [[1, '', '', 'kari@example.org', 'Kari Nordmann', 'kari@example.org', 'Ørsta']];
    expect(mapped(headers, sample).byField).toMatchObject({ email: 'Email', name: 'Name' });
  });

  it('Nettskjema variable names', () => {
    const headers = ['$submission_id', '$created', '$answer_time_ms', 'namn', 'epost', 'mobil', 'kommune',
      'stilling', 'fysisk_digital', 'overnatting', 'ekstra_natt', 'toppleiarforum', 'allergiar', 'kommentar'];
    const m = mapped(headers);
    expect(m.byField).toEqual({
      submissionId: '$submission_id', submittedAt: '$created', name: 'namn', email: 'epost', phone: 'mobil',
      organisation: 'kommune', role: 'stilling', attendance: 'fysisk_digital', needsRoom: 'overnatting',
      extraNight: 'ekstra_natt', topLeader: 'toppleiarforum', dietary: 'allergiar', notes: 'kommentar',
    });
    expect(m.unusedHeaders).toEqual(['$answer_time_ms']);
  });

  it("an event system's export: Registrert, Fornavn, Etternavn, Organisasjon, Status", () => {
    const headers = ['Registrert', 'Fornavn', 'Etternavn', 'E-post', 'Mobil', 'Organisasjon', 'Stilling', 'Status',
      'Deltakertype'];
    const m = mapped(headers);
    expect(m.byField).toEqual({
      submittedAt: 'Registrert', firstName: 'Fornavn', lastName: 'Etternavn', email: 'E-post', phone: 'Mobil',
      organisation: 'Organisasjon', role: 'Stilling', cancelled: 'Status',
    });
    expect(m.missing).toEqual([]);
    expect(m.unusedHeaders).toEqual(['Deltakertype']);
  });

  it('English first/last name, Surname and Employer', () => {
    expect(mapped(['Timestamp', 'First name', 'Surname', 'Employer']).byField).toEqual({
      submittedAt: 'Timestamp', firstName: 'First name', lastName: 'Surname', organisation: 'Employer',
    });
  });
});

describe('recogniseHeader', () => {
  it.each([
    ['Arbeidsstad', 'organisation'], ['Arbeidssted', 'organisation'], ['Municipality', 'organisation'],
    ['Førenamn', 'firstName'], ['Etternamn', 'lastName'], ['Innsendt', 'submittedAt'],
    ['Avmelding', 'cancelled'], ['Avmeld', 'cancelled'], ['Cancelled', 'cancelled'],
    ['Kosthald', 'dietary'], ['Dietary requirements', 'dietary'], ['Notes', 'notes'], ['Tittel', 'role'],
    ['Deltaking', 'attendance'], ['Korleis deltek du?', 'attendance'], ['How will you participate?', 'attendance'], ['Deltakelse', 'attendance'], ['Attendance', 'attendance'],
    ['Toppleder', 'topLeader'], ['Treng du hotellrom?', 'needsRoom'], ['Accommodation', 'needsRoom'],
    ['Ekstra natt 10.-11. nov', 'extraNight'], ['Overnatting 10. til 11. november', 'extraNight'],
    ['Overnatting natt til 12. november', 'needsRoom'], ['Phone', 'phone'],
  ])('%j → %s', (header, field) => expect(recogniseHeader(fold(header))).toBe(field));

  it.each(['Start time', 'Starttidspunkt', 'Last modified time', 'Kva er favorittfargen din?', ''])(
    '%j → nothing',
    (header) => expect(recogniseHeader(fold(header))).toBeNull(),
  );

  it('recognises the extra night of another event from its date', () => {
    const header = fold('Treng du rom natta 3.–4. mars?');
    expect(recogniseHeader(header, { extraNight: '2025-03-03' })).toBe('extraNight');
    expect(recogniseHeader(header)).toBe('needsRoom');
    expect(recogniseHeader(fold('Rom 30.–31. mars'), { extraNight: '2025-03-30' })).toBe('extraNight');
    expect(recogniseHeader(fold('Rom 31. mars – 1. april'), { extraNight: '2025-03-31' })).toBe('needsRoom');
    expect(recogniseHeader(fold('Rom 31.3.–1.4.'), { extraNight: '2025-03-31' })).toBe('needsRoom');
  });
});

describe('mapColumns: choosing between columns', () => {
  it('keeps the first of two headers that fold the same; the other is unused', () => {
    const m = mapped(['Tidsmerke', 'Namn', 'Kommune', 'Kommune ']);
    expect(m.fields.organisation).toBe(2);
    expect(m.unused).toEqual([3]);
  });

  it('picks the time column whose values parse', () => {
    const headers = ['Registrert', 'Tidsmerke', 'Namn', 'Kommune'];
    const sample: Cell[][] = [['ja', '15.09.2021 kl. 10.00.00', 'Kari Nordmann', 'Ørsta']];
    expect(mapped(headers, sample).byField.submittedAt).toBe('Tidsmerke');
  });

  it('picks the e-mail column whose values contain @', () => {
    const headers = ['Tidsmerke', 'Namn', 'Kommune', 'E-post', 'Epost'];
    const sample: Cell[][] = [['', 'Kari', 'Ørsta', 'ja', 'kari@example.org']];
    expect(mapped(headers, sample).byField.email).toBe('Epost');
  });

  it('prefers first and last name to a full-name column, unless the full name fits better', () => {
    const headers = ['Tidsmerke', 'Name', 'Fornavn', 'Etternavn', 'Kommune'];
    const real: Cell[][] = [['', 'Kari Nordmann', 'Kari', 'Nordmann', 'Ørsta']];
    expect(mapped(headers, real).fields).toMatchObject({ firstName: 2, lastName: 3 });
    expect(mapped(headers, real).fields.name).toBeUndefined();
    const anonymousFirst: Cell[][] = [['', 'Kari Nordmann', 'anonymous', 'anonymous', 'Ørsta']];
    expect(mapped(headers, anonymousFirst).fields.name).toBe(1);
  });
});

describe('mapColumns: overrides and missing fields', () => {
  it('matches override keys after folding and lets them win over the automatic mapping', () => {
    const headers = ['Tidsmerke', 'Namn', 'Kommune ', 'Arbeidsgjevar', 'Merknad'];
    const m = mapped(headers, [], { 'Arbeidsgjevar': 'organisation', 'kommune': 'ignore', 'MERKNAD ': 'ignore' });
    expect(m.byField).toEqual({ submittedAt: 'Tidsmerke', name: 'Namn', organisation: 'Arbeidsgjevar' });
    expect(m.ignored).toEqual([2, 4]);
    expect(m.missing).toEqual([]);
  });

  it('an override to a field takes it from the recognised column, which becomes unused', () => {
    const m = mapped(['Tidsmerke', 'Namn', 'Kommune', 'Kommune (fritekst)'], [], { 'Kommune (fritekst)': 'organisation' });
    expect(m.fields.organisation).toBe(3);
    expect(m.unused).toEqual([2]);
  });

  it('lists override keys that match no header', () => {
    expect(mapColumns(['Tidsmerke'], [], { 'Kommmune': 'organisation' }).unmatchedOverrides).toEqual(['kommmune']);
  });

  it('lists the required fields it cannot find', () => {
    expect(mapColumns(['Farge', 'Telefon'], [], {}).missing).toEqual(['name', 'organisation', 'submittedAt']);
    expect(mapColumns(['Tidsmerke', 'Fornavn', 'Kommune'], [], {}).missing).toEqual(['name']);
    expect(mapColumns(['Tidsmerke', 'Fornavn', 'Etternavn', 'Kommune'], [], {}).missing).toEqual([]);
    expect(mapColumns(['Start time', 'Name', 'Kommune'], [], {}).missing).toEqual(['submittedAt']);
  });

  it('accounts for every column exactly once', () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Your email', 'Full name', 'Kommune',
      'Kommune', 'Farge', 'Merknad'];
    const m = mapColumns(headers, [], { merknad: 'ignore' });
    const all = [...Object.values(m.fields), ...m.ignored, ...m.unused].sort((a, b) => a! - b!);
    expect(all).toEqual(headers.map((_, i) => i));
  });
});

describe('a sheet exported without its header row', () => {
  it('is told from a header row by the answers under it: a date header over yes/no answers is a header', async () => {
    const { looksLikeAnswers } = await import('../src/workspace/importer.js');
    // The first row of a Google Forms sheet without its headers, and the row under it.
    expect(looksLikeAnswers(['01.09.2021 kl. 09.12.44', 'ingrid@example.org', 'Ingrid Håland', 'Ørsta'],
      ['02.09.2021 kl. 10.00.00', 'ola@example.org', 'Ola Nordmann', 'Volda'])).toBe(true);
    expect(looksLikeAnswers(['Namn', 'Kommune', 'E-post'], ['Ola Nordmann', 'Volda', 'ola@example.org'])).toBe(false);
    // A column per day: dates as headers, crosses or yes/no under them.
    expect(looksLikeAnswers(['Namn', 'Kommune', '11.11.2021', '12.11.2021'], ['Ola Nordmann', 'Volda', 'x', 'Ja'])).toBe(false);
    expect(looksLikeAnswers(['Namn', 'Telefon 400 00 001'], ['Ola Nordmann', '400 00 002'])).toBe(false);
    // One row alone: nothing to compare with, and an e-mail address or a time tells.
    expect(looksLikeAnswers(['01.09.2021 kl. 09.12.44', 'ingrid@example.org', 'Ingrid Håland', 'Ørsta'], [])).toBe(true);
    expect(looksLikeAnswers(['Namn', 'Kommune', 'E-post'], [])).toBe(false);
  });

  it('stops before any question in a terminal: no column has a name to pick, and the answers are not shown', async () => {
    const { readImport } = await import('../src/workspace/importer.js');
    const { DEFAULT_EVENT } = await import('../src/config/default-event.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'samling-noheader-')), 'svar.csv');
    writeFileSync(file, '01.09.2021 kl. 09.12.44,ingrid@example.org,Ingrid Håland,Ørsta\n02.09.2021 kl. 10.00.00,ola@example.org,Ola Nordmann,Volda\n');
    let asked = false;
    const read = readImport(file, DEFAULT_EVENT, { ask: async () => ((asked = true), null) });
    await expect(read).rejects.toThrow(/the first row holds answers/);
    expect(asked).toBe(false);
  });
});
