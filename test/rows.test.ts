import { describe, expect, it } from 'vitest';
import { mapColumns } from '../src/core/columns.js';
import { registrationId, registrationKey, splitName, toRegistrations } from '../src/core/rows.js';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import type { Cell, Table } from '../src/io/table.js';

function table(headers: string[], rows: Cell[][], file = 'pamelding.csv'): Table {
  return {
    file,
    hash: 'abc123',
    headers,
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
    encoding: 'utf-8',
    delimiter: ',',
  };
}

function read(headers: string[], rows: Cell[][], overrides = {}) {
  const t = table(headers, rows);
  return toRegistrations(t, mapColumns(headers, rows, overrides), DEFAULT_EVENT);
}

const GOOGLE_NN = [
  'Tidsmerke', 'E-postadresse', 'Namn ', 'Kommune / organisasjon ', 'Telefon ',
  'Korleis deltek du? ', 'Treng du overnatting frå 11. til 12. november? ',
  'Treng du overnatting frå 10. til 11. november pga. lang reiseveg? ', 'Toppleiarforum ', 'Allergiar ', 'Merknad ',
];

describe('toRegistrations: a Google Forms sheet', () => {
  const { registrations, blankRows } = read(GOOGLE_NN, [
    ['15.09.2021 kl. 23.59.59', ' Kari.Nordmann@Example.org ', '  Kari Anne  Nordmann ', ' Ørsta kommune ',
      '+47 912 34 567', 'Fysisk', 'Ja, takk', 'Nei takk', 'Nei', ' Gluten ', ''],
    ['', '', '', '  ', '', '', '', '', '', '', ''],
    ['16.09.2021 kl. 00.00.01', 'ola@example.org', 'Ola', 'Volda', '0047 41234567', 'Digitalt', 'nei', '', 'ja', '', 'Kjem seint'],
  ]);

  it('makes one registration per non-blank row and reports the blank rows by row number', () => {
    expect(registrations.map((r) => r.source)).toEqual([
      { file: 'pamelding.csv', hash: 'abc123', row: 2 },
      { file: 'pamelding.csv', hash: 'abc123', row: 4 },
    ]);
    expect(blankRows).toEqual([3]);
  });

  it('keeps text as typed apart from the ends, and splits a single name column at its last word', () => {
    const [kari, ola] = registrations;
    expect(kari).toMatchObject({
      firstName: 'Kari Anne', lastName: 'Nordmann', email: 'Kari.Nordmann@Example.org',
      organisation: 'Ørsta kommune', dietary: 'Gluten', notes: null, role: null, problems: [],
    });
    expect(ola).toMatchObject({ firstName: 'Ola', lastName: '', notes: 'Kjem seint', dietary: null });
  });

  it('keeps phone numbers as typed (the rooming list writes them without +47)', () => {
    expect(registrations.map((r) => r.phone)).toEqual(['+47 912 34 567', '0047 41234567']);
  });

  it('reads times, yes/no answers and attendance', () => {
    const [kari, ola] = registrations;
    expect(kari).toMatchObject({
      submittedAt: '2021-09-15T23:59:59+02:00', submittedAtText: '15.09.2021 kl. 23.59.59',
      attendance: 'in-person', needsRoom: true, extraNight: false, topLeader: false, cancelled: false,
    });
    expect(ola).toMatchObject({
      submittedAt: '2021-09-16T00:00:01+02:00', attendance: 'digital', needsRoom: false, extraNight: null, topLeader: true,
    });
  });

  it('keys by normalised e-mail, with the id every samling has given that e-mail', () => {
    expect(registrations[0]!.key).toBe('kari.nordmann@example.org');
    // Ids are in commands, notes and letters: they must never change between versions.
    expect(registrations[0]!.id).toBe('brr277ng');
  });
});

describe('toRegistrations: problems', () => {
  const headers = ['Tidsmerke', 'Namn', 'E-post', 'Kommune'];

  it('flags a missing name, organisation and time, and keeps the time text', () => {
    const { registrations } = read(headers, [
      ['i går', '', 'kari@example.org', ''],
      ['', 'Ola Nordmann', '', 'Volda'],
    ]);
    expect(registrations[0]!.problems).toEqual([
      { code: 'no-name' },
      { code: 'no-organisation' },
      { code: 'bad-time', args: { text: 'i går' } },
    ]);
    expect(registrations[0]).toMatchObject({ submittedAt: null, submittedAtText: 'i går', organisation: '' });
    expect(registrations[1]!.problems).toEqual([{ code: 'bad-time' }]);
  });

  it('treats an e-mail without @ as none, with a problem, and "anonymous" as none', () => {
    const { registrations } = read(headers, [
      ['15.09.2021 10:00', 'Kari Nordmann', 'kari.example.org', 'Ørsta'],
      ['15.09.2021 10:00', 'Ola Nordmann', 'anonymous', 'Volda'],
    ]);
    expect(registrations[0]!.email).toBeNull();
    expect(registrations[0]!.problems).toEqual([{ code: 'bad-email', args: { text: 'kari.example.org' } }]);
    expect(registrations[1]!.email).toBeNull();
    expect(registrations[1]!.problems).toEqual([]);
    expect(registrations[1]!.key).toMatch(/^n:[0-9a-f]{16}$/);
  });

  it('flags every row when the time column is missing altogether', () => {
    const { registrations } = read(['Namn', 'Kommune'], [['Kari Nordmann', 'Ørsta']]);
    expect(registrations[0]!.problems).toEqual([{ code: 'bad-time' }]);
  });
});

describe('toRegistrations: other layouts', () => {
  it('Microsoft Forms: the form’s own name and e-mail, not the anonymous system columns; Excel date cells', () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Full name', 'Your email', 'Organisation'];
    const { registrations } = read(headers, [
      [1, { wallClock: '2021-09-15T23:20:00' }, { wallClock: '2021-09-15T23:30:00' }, 'anonymous', 'anonymous',
        'Kari Nordmann', 'kari@example.org', 'Ørsta'],
    ]);
    expect(registrations[0]).toMatchObject({
      firstName: 'Kari', lastName: 'Nordmann', email: 'kari@example.org',
      submittedAt: '2021-09-15T23:30:00+02:00', submittedAtText: '2021-09-15T23:30:00',
    });
  });

  it('Nettskjema: 0/1 answers', () => {
    const headers = ['$submission_id', '$created', 'namn', 'epost', 'kommune', 'overnatting', 'ekstra_natt', 'toppleiarforum'];
    const { registrations } = read(headers, [
      ['123', '2021-09-01 10:00:00', 'Kari Nordmann', 'kari@example.org', 'Ørsta', '1', '0', '1'],
    ]);
    expect(registrations[0]).toMatchObject({
      submittedAt: '2021-09-01T10:00:00+02:00', needsRoom: true, extraNight: false, topLeader: true,
    });
  });

  it('an event system: first and last name columns as they are; Status Avmeldt cancels', () => {
    const headers = ['Registrert', 'Fornavn', 'Etternavn', 'Organisasjon', 'Status'];
    const { registrations } = read(headers, [
      ['01.09.2021 10:00', ' Kari Anne', 'Nordmann Berg ', 'Ørsta', 'Påmeldt'],
      ['02.09.2021 10:00', 'Ola', 'Nordmann', 'Volda', 'Avmeldt'],
      ['03.09.2021 10:00', 'Per', 'Hansen', 'Volda', 'Ja'],
    ]);
    expect(registrations.map((r) => [r.firstName, r.lastName, r.cancelled])).toEqual([
      ['Kari Anne', 'Nordmann Berg', false],
      ['Ola', 'Nordmann', true],
      ['Per', 'Hansen', false], // "Ja" in a status column says nothing about cancelling
    ]);
  });

  it('a yes in an Avmeld column cancels', () => {
    const { registrations } = read(['Tidsmerke', 'Namn', 'Kommune', 'Avmeld'], [
      ['01.09.2021 10:00', 'Kari Nordmann', 'Ørsta', 'Ja'],
      ['01.09.2021 10:00', 'Ola Nordmann', 'Volda', 'Nei'],
      ['01.09.2021 10:00', 'Per Hansen', 'Volda', ''],
    ]);
    expect(registrations.map((r) => r.cancelled)).toEqual([true, false, false]);
  });

  it('yes/no attendance answers follow the question', () => {
    const digital = read(['Tidsmerke', 'Namn', 'Kommune', 'Deltek du berre digitalt?'], [
      ['01.09.2021 10:00', 'Kari Nordmann', 'Ørsta', 'Ja'],
      ['01.09.2021 10:00', 'Ola Nordmann', 'Volda', 'Nei'],
    ]);
    expect(digital.registrations.map((r) => r.attendance)).toEqual(['digital', 'in-person']);
    const physical = read(['Tidsmerke', 'Namn', 'Kommune', 'Fysisk oppmøte'], [
      ['01.09.2021 10:00', 'Kari Nordmann', 'Ørsta', 'Ja'],
      ['01.09.2021 10:00', 'Ola Nordmann', 'Volda', 'Nei'],
    ]);
    expect(physical.registrations.map((r) => r.attendance)).toEqual(['in-person', 'digital']);
  });

  it('leaves answers the form does not ask as null', () => {
    const { registrations } = read(['Tidsmerke', 'Namn', 'Kommune'], [['01.09.2021 10:00', 'Kari Nordmann', 'Ørsta']]);
    expect(registrations[0]).toMatchObject({
      email: null, phone: null, attendance: null, needsRoom: null, extraNight: null, topLeader: null, cancelled: false,
    });
  });

  it('with a forum question, only a yes makes a top leader: a mayor who leaves it blank is not one (SPEC 2)', () => {
    const { registrations } = read(['Tidsmerke', 'Namn', 'Kommune', 'Stilling', 'Deltek du på toppleiarforum?'], [
      ['01.09.2021 10:00', 'Kari Nordmann', 'Sula', 'Kommunedirektør', ''],
      ['01.09.2021 10:00', 'Ola Nordmann', 'Volda', 'Rådgjevar', 'Ja'],
      ['01.09.2021 10:00', 'Per Nordmann', 'Ørsta', 'Ordførar', 'Nei'],
    ]);
    expect(registrations.map((r) => r.topLeader)).toEqual([false, true, false]);
  });

  it('reads a withdrawal in a Status column and in an Avmeld column when a form has both (SPEC 2)', () => {
    const rows = [
      ['01.09.2021 10:00', 'a@example.org', 'A One', 'Molde', 'x', ''],
      ['01.09.2021 10:00', 'b@example.org', 'B Two', 'Molde', '', 'withdrawn'],
      ['01.09.2021 10:00', 'c@example.org', 'C Three', 'Molde', '', 'Trukket'],
      ['01.09.2021 10:00', 'd@example.org', 'D Four', 'Molde', 'Nei', 'Påmeldt'],
      ['01.09.2021 10:00', 'e@example.org', 'E Five', 'Molde', 'Ja', 'Påmeldt'],
    ];
    const both = read(['Tidsmerke', 'E-post', 'Namn', 'Kommune', 'Avmeld', 'Status'], rows);
    expect(both.registrations.map((r) => r.cancelled)).toEqual([true, true, true, false, true]);
    // The other order: a yes in Status is not a withdrawal, a yes in Avmeld is.
    const swapped = read(['Tidsmerke', 'E-post', 'Namn', 'Kommune', 'Status', 'Avmeld'], rows.map((r) => [...r.slice(0, 4), r[5]!, r[4]!]));
    expect(swapped.registrations.map((r) => r.cancelled)).toEqual([true, true, true, false, true]);
  });

  it('uses an override to read an unknown column', () => {
    const { registrations } = read(['Tidsmerke', 'Namn', 'Arbeidsgjevar'], [['01.09.2021 10:00', 'Kari Nordmann', 'Ørsta']],
      { arbeidsgjevar: 'organisation' });
    expect(registrations[0]!.organisation).toBe('Ørsta');
  });
});

describe('splitName', () => {
  it.each([
    ['Kari Nordmann', 'Kari', 'Nordmann'],
    ['Kari Anne Nordmann', 'Kari Anne', 'Nordmann'],
    ['  Kari  ', 'Kari', ''],
    ['Nordmann, Kari', 'Kari', 'Nordmann'],
    ['Ola\tNordmann', 'Ola', 'Nordmann'],
    ['', '', ''],
  ])('%j → %j %j', (full, firstName, lastName) => expect(splitName(full)).toEqual({ firstName, lastName }));
});

describe('keys and ids', () => {
  const base = { email: null, firstName: 'Kari', lastName: 'Nordmann', organisation: 'Ørsta',
    submittedAt: '2021-09-01T10:00:00+02:00', submittedAtText: '01.09.2021 10:00' };

  it('keys by e-mail, ignoring case and spaces', () => {
    expect(registrationKey({ ...base, email: ' Kari.Nordmann@Example.ORG' })).toBe('kari.nordmann@example.org');
    expect(registrationKey({ ...base, email: 'kari.nordmann @example.org' })).toBe('kari.nordmann@example.org');
  });

  it('without e-mail, keys by folded name, organisation and time', () => {
    const key = registrationKey(base);
    expect(key).toMatch(/^n:[0-9a-f]{16}$/);
    expect(registrationKey({ ...base, firstName: 'KARI', organisation: 'orsta ' })).toBe(key);
    expect(registrationKey({ ...base, organisation: 'Volda' })).not.toBe(key);
    expect(registrationKey({ ...base, submittedAt: '2021-09-02T10:00:00+02:00' })).not.toBe(key);
    expect(registrationKey({ ...base, submittedAt: null })).not.toBe(key);
  });

  it('derives an 8-character id without i, l, o or u from the key alone', () => {
    const id = registrationId('kari@example.org');
    expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
    expect(registrationId('kari@example.org')).toBe(id);
    expect(registrationId('ola@example.org')).not.toBe(id);
    // Pinned: ids are printed in letters and stored in decisions, so they must never change between versions.
    expect(id).toBe('czt8cwc4');
  });

  it('gives the same ids when the same sheet is read again, even from another file', () => {
    const headers = ['Tidsmerke', 'Namn', 'Kommune'];
    const rows: Cell[][] = [['01.09.2021 10:00', 'Kari Nordmann', 'Ørsta']];
    const a = toRegistrations(table(headers, rows, 'a.csv'), mapColumns(headers, rows, {}), DEFAULT_EVENT);
    const b = toRegistrations(table(headers, rows, 'b.csv'), mapColumns(headers, rows, {}), DEFAULT_EVENT);
    expect(a.registrations[0]!.id).toBe(b.registrations[0]!.id);
  });
});

describe('toRegistrations: a long sheet', () => {
  it('keeps every registration, in row order, with its own row and time, however many rows there are', () => {
    const headers = ['Tidsmerke', 'Namn', 'Kommune'];
    const rows: Cell[][] = Array.from({ length: 20_001 }, (_, i) =>
      i % 5000 === 7 ? ['', '', ''] : [`2021-09-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`, `Person${i} Test`, 'Ørsta']);
    const { registrations, blankRows } = read(headers, rows);
    expect(blankRows).toEqual([9, 5009, 10009, 15009]);
    expect(registrations).toHaveLength(20_001 - 4);
    const expected = rows.flatMap((cells, i) => (cells[1] === '' ? [] : [[i + 2, cells[1], `${cells[0]}`.replace(' ', 'T') + '+02:00']]));
    expect(registrations.map((r) => [r.source.row, `${r.firstName} ${r.lastName}`, r.submittedAt])).toEqual(expected);
  });
});
