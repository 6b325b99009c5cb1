// The shortcuts plan() takes for speed (shared empty lists, ranked sort keys, name look-up before the full
// duplicate key) must not change what an organiser sees: order of the lists, who is flagged, and for whom.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { firstInOrder, plan } from '../src/core/rules.js';
import { sortKey } from '../src/core/sort.js';
import { registrationId } from '../src/core/rows.js';
import type { EventSettings, PlannedRegistration, Registration } from '../src/core/types.js';
import { fakeRegister, registration } from './helpers/registrations.js';

const MUNICIPALITIES = [
  { code: '1506', name: 'Molde' },
  { code: '1520', name: 'Ørsta' },
];
const register = fakeRegister(MUNICIPALITIES);

function reg(i: number, fields: Partial<Registration>): Registration {
  return registration(`r${String(i).padStart(3, '0')}`, {
    key: `k${i}`, lastName: 'Lie', email: `r${i}@example.org`, organisation: 'Molde',
    submittedAt: `2021-09-01T10:${String(i % 60).padStart(2, '0')}:00+02:00`, submittedAtText: 'x', topLeader: false,
    source: { file: 'a.csv', hash: 'h', row: i + 2 }, ...fields,
  });
}

const event: EventSettings = { ...DEFAULT_EVENT, quota: 3, extraNight: null, hotels: [{ name: 'A', rooms: 1 }] };
const codes = (p: PlannedRegistration) => p.problems.map((x) => x.code);

describe('plan output after the speed-ups', () => {
  it('sorts by municipality (none last), Norwegian last and first name, then id', () => {
    const names = ['Øye', 'øye', 'Aas', 'Ås', 'Zahl', 'Dal', 'dal', 'Ærø', 'Lie 2', 'Lie 10', ''];
    const orgs = ['Molde', 'Ørsta', 'Fylket', ''];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names), fc.constantFrom(...orgs)), { maxLength: 40 }),
        fc.boolean(),
        (rows, samlingIds) => {
          // samling's own ids (8 characters, compared as numbers) or others (compared as text).
          const regs = rows.map(([first, last, org], i) =>
            reg(i, { firstName: first, lastName: last, organisation: org, ...(samlingIds ? { id: registrationId(`k${i}`) } : {}) }));
          // Given in reverse id order, so that namesakes in input order would be out of order.
          const out = plan([...regs].reverse(), [], event, register).registrations;
          const key = (p: PlannedRegistration) => [p.municipality?.code ?? '\uffff', sortKey(p.lastName), sortKey(p.firstName), p.id];
          for (let i = 1; i < out.length; i++) {
            const a = key(out[i - 1]!), b = key(out[i]!);
            const d = a.findIndex((x, n) => x !== b[n]);
            expect(d === -1 || a[d]! < b[d]!, `${a} before ${b}`).toBe(true);
          }
          expect(out.map((p) => p.id).sort()).toEqual(regs.map((r) => r.id).sort());
        },
      ),
    );
  });

  it('flags only the person without e-mail, also when the name is split differently', () => {
    const regs = [
      reg(1, { firstName: 'Kari Lie', lastName: '', email: null, submittedAt: '2021-09-02T10:00:00+02:00' }),
      reg(2, { firstName: 'Kari', lastName: 'Lie' }),
      reg(3, { firstName: 'Per', lastName: 'Dal' }),
      reg(4, { firstName: 'Kari', lastName: 'Lie', organisation: 'Ørsta' }),
    ];
    const out = plan(regs, [], event, register).registrations;
    const byId = new Map(out.map((p) => [p.id, p]));
    expect(byId.get('r001')!.problems).toEqual([{ code: 'likely-duplicate', args: { other: 'r002' } }]);
    for (const id of ['r002', 'r003', 'r004']) expect(codes(byId.get(id)!)).not.toContain('likely-duplicate');
  });

  it('gives "unplaced" only to those who did not fit, leaving the others without problems', () => {
    const regs = [reg(1, {}), reg(2, {}), reg(3, { organisation: 'Ørsta' })];
    const out = plan(regs, [], event, register).registrations;
    expect(out.map((p) => [p.id, p.hotel, codes(p)])).toEqual([
      ['r001', 'A', []],
      ['r002', null, ['unplaced']],
      ['r003', null, ['unplaced']],
    ]);
    expect(out.every((p) => p.warnings.length === 0)).toBe(true);
  });
});

describe('firstInOrder (places without sorting everyone)', () => {
  it('picks the same people, in the same order, as sorting all and taking the first k', () => {
    fc.assert(
      // k up to 64: above it firstInOrder sorts everyone, which is the reference itself.
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(50)), { maxLength: 80 }), fc.nat(64), (items, k) => {
        // Ties on the first number keep input order, as a stable sort does.
        const order = (a: [number, number], b: [number, number]) => a[0] - b[0];
        expect(firstInOrder(items, k, order)).toEqual([...items].sort(order).slice(0, k));
      }),
    );
  });
});
