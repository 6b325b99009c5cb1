import { describe, expect, it } from 'vitest';
import { encodeRegistration, encodeRegistrationJson, REGISTRATION_COLUMNS } from '../src/workspace/store.js';
import type { Registration } from '../src/core/types.js';

const base: Registration = {
  key: 'e:kari@example.org', id: 'ab12cd34', firstName: 'Kari "K"', lastName: 'Nordmann\\Ås', email: 'kari@example.org',
  phone: null, organisation: 'Molde\nkommune', role: null, submittedAt: '2021-09-01T10:00:00+02:00', submittedAtText: '01.09.2021 kl. 10.00',
  attendance: 'in-person', needsRoom: true, extraNight: null, topLeader: false, cancelled: false, dietary: 'Ingen \u2028', notes: null,
  source: { file: 'svar.csv', hash: 'f'.repeat(64), row: 7 }, problems: [],
};

describe('the state file writes each registration as the same JSON as before', () => {
  it('field by field equals JSON.stringify of the encoded array', () => {
    const cases: Registration[] = [
      base,
      { ...base, problems: [{ code: 'bad-email', args: { text: 'kari at example' } }, { code: 'bad-time' }], email: null, attendance: null },
      // An older state can lack a field: it is written as null, as the array form did.
      { ...base, notes: undefined as unknown as null },
    ];
    for (const r of cases) expect(encodeRegistrationJson(r)).toBe(JSON.stringify(encodeRegistration(r)));
    expect(REGISTRATION_COLUMNS.length).toBe(19); // a new column must be added to encodeRegistrationJson too
  });
});

describe('the field-by-field JSON escapes what JSON.stringify escapes', () => {
  it('quotes, backslashes, control characters and lone surrogates', () => {
    for (const text of ['a"b', 'a\\b', 'tab\there', 'nul\u0000', 'line\u2028sep', 'smile \ud83d\ude00', 'lone \ud83d', 'Ærøskøbing']) {
      const r = { ...base, firstName: text, notes: text };
      expect(encodeRegistrationJson(r)).toBe(JSON.stringify(encodeRegistration(r)));
    }
  });
});
