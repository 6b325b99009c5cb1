import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { plan } from '../src/core/rules.js';
import { STATUSES } from '../src/core/types.js';
import type { Decision, EventSettings, Hotel, Plan, Registration } from '../src/core/types.js';
import { fakeRegister, planFields } from './helpers/registrations.js';

// A small fake region, so that random registrations crowd the same municipalities.
const MUNICIPALITIES = [
  { code: '1506', name: 'Molde' },
  { code: '1507', name: 'Ålesund' },
  { code: '1520', name: 'Ørsta' },
  { code: '1577', name: 'Volda' },
];
const register = fakeRegister(MUNICIPALITIES);

const ORGANISATIONS = ['Molde', 'Ålesund', 'ørsta', 'Volda kommune', 'Volda', 'Bergen', 'Kristiansand', 'Fylket', ''];
const TIMES = [
  '2021-09-01T10:00:00+02:00',
  '2021-09-01T10:00:00+02:00',
  '2021-09-10T08:30:00Z',
  '2021-09-15T23:59:59+02:00',
  '2021-09-15T22:00:00Z',
  '2021-09-15T23:30:00',
  '2021-09-20T12:00:00+02:00',
  null,
];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const registrationFields = fc.record({
  firstName: fc.constantFrom('Kari', 'Per', 'Åse', ''),
  lastName: fc.constantFrom('Lie', 'Dal', 'Øye'),
  hasEmail: fc.boolean(),
  organisation: fc.constantFrom(...ORGANISATIONS),
  submittedAt: fc.constantFrom(...TIMES),
  attendance: maybe(fc.constantFrom('in-person' as const, 'digital' as const)),
  needsRoom: maybe(fc.boolean()),
  extraNight: maybe(fc.boolean()),
  topLeader: maybe(fc.boolean()),
  cancelled: fc.boolean(),
  row: fc.integer({ min: 2, max: 6 }),
});

const registrations = fc.array(registrationFields, { maxLength: 40 }).map((rows) =>
  rows.map(
    (r, i): Registration => ({
      key: `k${i}`,
      id: `r${i}`,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.hasEmail ? `r${i}@example.org` : null,
      phone: null,
      organisation: r.organisation,
      role: null,
      submittedAt: r.submittedAt,
      submittedAtText: r.submittedAt ?? 'ukjent',
      attendance: r.attendance,
      needsRoom: r.needsRoom,
      extraNight: r.extraNight,
      topLeader: r.topLeader,
      cancelled: r.cancelled,
      dietary: null,
      notes: null,
      source: { file: 'a.csv', hash: 'h', row: r.row },
      problems: [],
    }),
  ),
);

const KINDS = ['approve-late', 'reject-late', 'cover', 'uncover', 'extra-night', 'no-extra-night', 'cancel'] as const;
const decisions = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constantFrom(...KINDS), id: fc.constantFrom(...Array.from({ length: 42 }, (_, i) => `r${i}`)) }),
    fc.record({
      kind: fc.constant('map-municipality' as const),
      name: fc.constantFrom('kristiansand', 'fylket', 'bergen'),
      code: fc.constantFrom('1506', '1520', null),
    }),
  ).map((d): Decision => ({ ...d, at: '2021-10-01T12:00:00Z' })),
  { maxLength: 30 },
);

const settings = fc
  .record({
    quota: fc.integer({ min: 0, max: 4 }),
    latePolicy: fc.constantFrom('review' as const, 'accept' as const, 'reject' as const),
    extraNight: fc.constantFrom('2021-11-10', null),
    extraNightReview: fc.subarray(['1507', '1577']),
    hotels: fc.array(
      fc.record({ name: fc.constantFrom('A', 'B', 'C'), rooms: maybe(fc.integer({ min: 0, max: 6 })) }),
      { maxLength: 3 },
    ),
    assumeInPerson: fc.boolean(),
    assumeNeedsRoom: fc.boolean(),
  })
  .map((s): EventSettings => ({
    ...DEFAULT_EVENT,
    ...s,
    hotels: s.hotels.map((h, i): Hotel => ({ ...h, name: `${h.name}${i}` })),
  }));

const input = fc.tuple(registrations, decisions, settings);

const run = ([regs, decs, event]: readonly [Registration[], Decision[], EventSettings]): Plan => plan(regs, decs, event, register);

describe('plan properties', () => {
  it('never covers more than the quota in a municipality', () => {
    fc.assert(
      fc.property(input, (args) => {
        const p = run(args);
        for (const m of p.municipalities) {
          const covered = p.registrations.filter((r) => r.status === 'covered' && r.municipality?.code === m.code);
          expect(covered.length).toBe(m.covered);
          expect(m.covered).toBeLessThanOrEqual(args[2].quota);
          expect(m.placesLeft).toBe(args[2].quota - m.covered);
        }
      }),
    );
  });

  it('pays nights only for covered people, and the extra night only when granted', () => {
    fc.assert(
      fc.property(input, (args) => {
        const p = run(args);
        const event = args[2];
        for (const r of p.registrations) {
          if (r.extraNight === 'granted') expect(r.status).toBe('covered');
          if (r.status !== 'covered') expect(r.nights).toEqual([]);
          else expect(r.nights.includes(event.mainNight)).toBe(true);
          expect(r.nights.includes('2021-11-10')).toBe(r.extraNight === 'granted');
        }
        const granted = p.registrations.filter((r) => r.extraNight === 'granted').length;
        expect(p.nights.find((n) => n.date === '2021-11-10')?.rooms ?? 0).toBe(granted);
      }),
    );
  });

  it('gives every input registration exactly one status, and summaries add up', () => {
    fc.assert(
      fc.property(input, (args) => {
        const p = run(args);
        const regs = args[0];
        expect(p.registrations.map((r) => r.id).sort()).toEqual(regs.map((r) => r.id).sort());
        for (const r of p.registrations) expect(STATUSES).toContain(r.status);
        const inRegion = p.registrations.filter((r) => r.municipality !== null);
        const summed = p.municipalities.reduce((n, m) => n + m.registered + m.cancelled, 0);
        expect(summed).toBe(inRegion.length);
        for (const r of p.registrations) {
          if (r.status === 'needs-attention') expect(r.problems.length).toBeGreaterThan(0);
          if (r.status === 'not-eligible') expect(r.outside).not.toBeNull();
        }
      }),
    );
  });

  it('gives the same plan whatever the order of the registrations', () => {
    const shuffled = input.chain(([regs, decs, event]) =>
      fc
        .shuffledSubarray(regs, { minLength: regs.length, maxLength: regs.length })
        .map((perm) => [[regs, decs, event], [perm, decs, event]] as const),
    );
    // Every field an output reads, getters included (a planned registration's own keys are only a few).
    fc.assert(
      fc.property(shuffled, ([a, b]) => {
        expect(planFields(run(b))).toEqual(planFields(run(a)));
      }),
    );
  });

  it('never books a hotel beyond its rooms on any night, and every booked room is a covered guest', () => {
    fc.assert(
      fc.property(input, (args) => {
        const p = run(args);
        for (const h of p.hotels) {
          for (const n of h.nights) {
            if (n.capacity !== null) expect(n.rooms).toBeLessThanOrEqual(n.capacity);
            const guests = p.registrations.filter((r) => r.hotel === h.name && r.nights.includes(n.date));
            expect(guests.length).toBe(n.rooms);
          }
        }
        for (const r of p.registrations) {
          if (r.status !== 'covered') expect(r.hotel).toBeNull();
          else expect(r.hotel === null).toBe(r.problems.some((x) => x.code === 'unplaced'));
        }
      }),
    );
  });
});
