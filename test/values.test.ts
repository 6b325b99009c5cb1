import { describe, expect, it } from 'vitest';
import {
  isCancelledValue,
  parseAttendance,
  parseExcelSerial,
  parseTimestamp,
  parseTimestampColumn,
  parseYesNo,
} from '../src/core/values.js';

const OSLO = 'Europe/Oslo';
/** The default event's deadline: 15 September 2021 23:59:59 in Oslo, as an instant. */
const DEADLINE = Date.parse('2021-09-15T23:59:59+02:00');
const one = (cell: Parameters<typeof parseTimestamp>[0], tz = OSLO) => parseTimestamp(cell, tz);

describe('parseYesNo', () => {
  it.each([
    ['ja', true], ['Ja', true], ['JA ', true], ['j', true], ['yes', true], ['Yes please', true], ['x', true],
    ['X', true], ['1', true], ['true', true], ['TRUE', true], ['Ja, takk', true], ['Ja, eg treng rom', true],
    ['nei', false], ['Nei takk', false], ['n', false], ['No', false], ['0', false], ['false', false],
    ['Nei, eg bur i Ålesund', false],
  ])('%j → %s', (text, expected) => expect(parseYesNo(text)).toBe(expected));

  it.each(['', '   ', 'kanskje', 'maybe', 'Ordførar'])('%j → null (unknown, not no)', (text) => {
    expect(parseYesNo(text)).toBeNull();
  });
});

describe('parseAttendance', () => {
  it.each([
    ['Digitalt', 'digital'], ['Digital deltaking', 'digital'], ['digital', 'digital'], ['Online', 'digital'],
    ['Berre digitalt, ikkje fysisk', 'digital'],
    ['Fysisk', 'in-person'], ['Fysisk oppmøte', 'in-person'], ['I Ålesund', 'in-person'], ['Begge', 'in-person'],
    ['Fysisk og digitalt', 'in-person'], ['In person', 'in-person'],
  ])('%j → %s', (text, expected) => expect(parseAttendance(text)).toBe(expected));

  it('leaves blank and unknown answers to the caller', () => {
    expect(parseAttendance('')).toBeNull();
    expect(parseAttendance('Veit ikkje enno')).toBeNull();
  });
});

describe('isCancelledValue', () => {
  it.each(['Avmeldt', 'avmeld', 'Trekt', 'trukket', 'Cancelled', 'WITHDRAWN', 'Avmeldt 12.09'])('%j cancels', (t) =>
    expect(isCancelledValue(t)).toBe(true));
  it.each(['', 'Påmeldt', 'Registrert', 'Venteliste', 'Ikkje avmeldt', 'ja'])('%j does not cancel', (t) =>
    expect(isCancelledValue(t)).toBe(false));
});

describe('parseExcelSerial', () => {
  it('counts days from 1899-12-30 and rounds to the second', () => {
    expect(parseExcelSerial(44454.5)).toBe('2021-09-15T12:00:00');
    expect(parseExcelSerial(44454 + 23.5 / 24)).toBe('2021-09-15T23:30:00');
    expect(parseExcelSerial(44454 + (86_399.9999 / 86_400))).toBe('2021-09-16T00:00:00');
    expect(parseExcelSerial(1)).toBe('1899-12-31T00:00:00');
  });
});

describe('parseTimestamp: every format, in Europe/Oslo', () => {
  it.each([
    ['15.09.2021 kl. 23.59.59', '2021-09-15T23:59:59+02:00'], // Google Sheets, Norwegian
    ['15.09.2021 23:59:59', '2021-09-15T23:59:59+02:00'],
    ['15.09.2021 kl 23.59.59', '2021-09-15T23:59:59+02:00'],
    ['15.09.2021 kl. 9.05.00', '2021-09-15T09:05:00+02:00'],
    [' 15.09.2021 23.59 ', '2021-09-15T23:59:00+02:00'],
    ['15.09.21 23:59', '2021-09-15T23:59:00+02:00'],
    ['15.09.2021 23:59', '2021-09-15T23:59:00+02:00'],
    ['5.9.2021, 08:05', '2021-09-05T08:05:00+02:00'],
    ['15.09.2021', '2021-09-15T00:00:00+02:00'],
    ['2021-09-15T23:59:59', '2021-09-15T23:59:59+02:00'], // ISO without offset: wall clock in Oslo
    ['2021-09-15 10:00:00', '2021-09-15T10:00:00+02:00'], // Nettskjema
    ['2021-09-15T10:00:00.123', '2021-09-15T10:00:00+02:00'],
    ['2021-09-15T21:59:59Z', '2021-09-15T23:59:59+02:00'], // ISO in UTC, written in Oslo time
    ['2021-09-15T23:59:59+01:00', '2021-09-16T00:59:59+02:00'],
    ['2021-09-15T17:59:59-0400', '2021-09-15T23:59:59+02:00'],
    ['2021-09-15', '2021-09-15T00:00:00+02:00'],
    ['44454.5', '2021-09-15T12:00:00+02:00'], // Excel serial as text
  ])('%j → %s', (text, expected) => expect(one(text)).toBe(expected));

  it('reads an Excel date cell as the wall clock it shows: 23:30 on 15 September is on time', () => {
    const iso = one({ wallClock: '2021-09-15T23:30:00' });
    expect(iso).toBe('2021-09-15T23:30:00+02:00');
    expect(Date.parse(iso!)).toBeLessThanOrEqual(DEADLINE);
  });

  it('reads an Excel serial number cell in the event time zone', () => {
    expect(one(44454 + 23.5 / 24)).toBe('2021-09-15T23:30:00+02:00');
    expect(Date.parse(one(44455.0001)!)).toBeGreaterThan(DEADLINE);
  });

  it('gives the winter offset in November', () => {
    expect(one('11.11.2021 12:00')).toBe('2021-11-11T12:00:00+01:00');
    expect(one({ wallClock: '2021-11-10T09:00:00' })).toBe('2021-11-10T09:00:00+01:00');
    expect(one('2021-11-11T11:00:00Z')).toBe('2021-11-11T12:00:00+01:00');
  });

  it('takes the summer offset in the autumn overlap and keeps the winter one in the spring gap', () => {
    expect(one('31.10.2021 01:30')).toBe('2021-10-31T01:30:00+02:00');
    expect(one('31.10.2021 02:30')).toBe('2021-10-31T02:30:00+02:00'); // happened twice: the first
    expect(one('31.10.2021 03:30')).toBe('2021-10-31T03:30:00+01:00');
    expect(one('28.03.2021 01:30')).toBe('2021-03-28T01:30:00+01:00');
    expect(one('28.03.2021 02:30')).toBe('2021-03-28T02:30:00+01:00'); // never happened
    expect(one('28.03.2021 03:30')).toBe('2021-03-28T03:30:00+02:00');
  });

  it('uses the configured time zone', () => {
    expect(one('15.09.2021 12:00', 'UTC')).toBe('2021-09-15T12:00:00+00:00');
    expect(one('15.09.2021 12:00', 'America/New_York')).toBe('2021-09-15T12:00:00-04:00');
    expect(one('2021-09-15T12:00:00Z', 'Asia/Kolkata')).toBe('2021-09-15T17:30:00+05:30');
  });

  it.each(['', '  ', 'i går', '31.09.2021', '15.13.2021', '15.09.2021 24:00', '2021-02-29', '2021-09-15T10:6x:00', '15.09.2021 10:00:0x', '0', 'Sept 15'])(
    '%j → null',
    (text) => expect(one(text)).toBeNull(),
  );
});

describe('parseTimestampColumn: day/month order of slash dates', () => {
  const parse = (cells: string[]) => parseTimestampColumn(cells, OSLO);

  it('reads d/M/yyyy day-first when a value has a day over 12', () => {
    const { values, order } = parse(['3/9/2021 10:00:00', '20/9/2021 08:15:00']);
    expect(order).toBe('day-first');
    expect(values).toEqual(['2021-09-03T10:00:00+02:00', '2021-09-20T08:15:00+02:00']);
  });

  it('reads M/d/yy month-first when a value has a day over 12 in second place', () => {
    const { values, order } = parse(['3/9/21 10:00', '9/15/21 23:59']);
    expect(order).toBe('month-first');
    expect(values).toEqual(['2021-03-09T10:00:00+01:00', '2021-09-15T23:59:00+02:00']);
  });

  it('reads US times with AM/PM', () => {
    expect(parse(['9/15/2021 11:59:59 PM', '9/16/2021 12:05:00 AM', '9/16/2021 12:05 PM']).values).toEqual([
      '2021-09-15T23:59:59+02:00',
      '2021-09-16T00:05:00+02:00',
      '2021-09-16T12:05:00+02:00',
    ]);
  });

  it('prefers day-first when nothing decides, month-first when the column writes AM/PM', () => {
    expect(parse(['3/9/2021 10:00:00', '4/9/2021 10:00:00']).values[0]).toBe('2021-09-03T10:00:00+02:00');
    expect(parse(['3/9/2021 10:00:00 AM']).values[0]).toBe('2021-03-09T10:00:00+01:00');
  });

  it('keeps one value per cell, null where unparsable, mixing formats', () => {
    const { values, order } = parseTimestampColumn(
      ['15.09.2021 kl. 23.59.59', '', 'nonsense', { wallClock: '2021-09-01T08:00:00' }, 44454.5],
      OSLO,
    );
    expect(order).toBeNull();
    expect(values).toEqual([
      '2021-09-15T23:59:59+02:00',
      null,
      null,
      '2021-09-01T08:00:00+02:00',
      '2021-09-15T12:00:00+02:00',
    ]);
  });
});
