// Registrations and a fake register for the tests of the rules and the merge: the real matcher is tested in
// register.test.ts. Invented people only.
import { fold } from '../../src/core/text.js';
import type { MunicipalityRef, Plan, PlannedRegistration, Register, Registration } from '../../src/core/types.js';

/**
 * A register that knows `municipalities` by name (case, accents and a trailing "kommune" ignored), treats
 * "Kristiansand" as a near miss of Kristiansund, "Bergen" as outside (Vestland), and the rest as organisations.
 */
export function fakeRegister(municipalities: MunicipalityRef[]): Register {
  const byName = new Map(municipalities.map((m) => [fold(m.name), m]));
  return {
    municipalities,
    regionName: 'Møre og Romsdal',
    match(text) {
      const key = fold(text).replace(/ kommune$/, '');
      const m = byName.get(key);
      if (key === '') return { kind: 'empty' };
      if (m) return { kind: 'region', ...m };
      if (key === 'kristiansand') return { kind: 'near-miss', suggestions: [{ code: '1505', name: 'Kristiansund' }] };
      if (key === 'bergen') return { kind: 'outside', name: 'Bergen', county: 'Vestland' };
      return { kind: 'organisation' };
    },
  };
}

/** An on-time, in-person registration from Ørsta who needs a room for the main night, unless told otherwise. */
export function registration(id: string, fields: Partial<Registration> = {}): Registration {
  return {
    key: `${id}@example.org`,
    id,
    firstName: 'Kari',
    lastName: `Testesen-${id}`,
    email: `${id}@example.org`,
    phone: null,
    organisation: 'Ørsta',
    role: null,
    submittedAt: '2021-09-01T10:00:00+02:00',
    submittedAtText: '01.09.2021 10:00',
    attendance: 'in-person',
    needsRoom: true,
    extraNight: false,
    topLeader: null,
    cancelled: false,
    dietary: null,
    notes: null,
    source: { file: 'paamelding.csv', hash: 'abc', row: 2 },
    problems: [],
    ...fields,
  };
}

/** Every field of a planned registration (most are getters on its class, which toEqual does not see). */
// Every field, checked by the compiler: a field added to PlannedRegistration must be added here too.
const PLANNED_FIELDS = Object.keys({
  id: true, firstName: true, lastName: true, email: true, phone: true, municipality: true, organisation: true, role: true,
  submittedAt: true, late: true, lateDecision: true, status: true, extraNight: true, nights: true, hotel: true,
  attendance: true, needsRoom: true, topLeader: true, dietary: true, notes: true, problems: true, warnings: true,
  outside: true, source: true,
} satisfies Record<keyof PlannedRegistration, true>) as (keyof PlannedRegistration)[];

/** A plan with each planned registration as a plain object of all its fields: for comparing whole plans. */
export const planFields = (p: Plan) => ({
  ...p,
  registrations: p.registrations.map((r) => Object.fromEntries(PLANNED_FIELDS.map((f) => [f, r[f]]))),
});

