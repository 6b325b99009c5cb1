// The door and caterer lists skip the comparison sort when the plan is in order already (byOrganisation):
// their rows must be those of a plain sort by municipality or organisation, last name, first name (ties in
// plan order), whether the plan comes in order or not, with municipalities sharing a name ("Herøy") and
// organisations typed like a municipality's name. Synthetic people only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dietaryRows, participantRows } from '../src/core/render/lists.js';
import { organisationOf, statesNeed } from '../src/core/render/common.js';
import { statusText } from '../src/core/render/i18n.js';
import { sortBy, sortKey } from '../src/core/sort.js';
import { STATUSES, type MunicipalityRef, type PlannedRegistration } from '../src/core/types.js';
import { plan, reg } from './helpers/report-plan.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`lists-order: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

const MUNICIPALITIES: MunicipalityRef[] = [
  { code: '1515', name: 'Herøy' },
  { code: '1818', name: 'Herøy' }, // same name in another county
  { code: '1520', name: 'Ørsta' },
  { code: '1507', name: 'Ålesund' },
];
const NAMES = ['Berg', 'berg', 'Bérg', 'Øye', 'Aas', 'Å', 'Nr 10', 'Nr 9', ''];
const ORGANISATIONS = ['Ørsta', 'herøy', 'Firma AS', 'firma as', 'Lag 10', 'Lag 9'];

const person = fc
  .record({
    municipality: fc.option(fc.nat(MUNICIPALITIES.length - 1), { nil: null }),
    copy: fc.boolean(), // an equal municipality object, not the same one
    organisation: fc.constantFrom(...ORGANISATIONS),
    firstName: fc.constantFrom(...NAMES),
    lastName: fc.constantFrom(...NAMES),
    status: fc.constantFrom(...STATUSES),
    attendance: fc.constantFrom('in-person' as const, 'digital' as const),
    dietary: fc.constantFrom(null, 'Nei', 'Glutenfri', ' Vegetar ', 'Ingen allergiar'),
  })
  .map(({ municipality, copy, ...rest }): PlannedRegistration => {
    const m = municipality === null ? null : MUNICIPALITIES[municipality]!;
    return reg({ ...rest, municipality: m && copy ? { ...m } : m });
  });

/** The plan's order (see outputOrder in rules.ts): municipality code, last name, first name, id. */
const planOrder = (people: PlannedRegistration[]) =>
  sortBy(people, (r) => [r.municipality?.code ?? '\uffff', sortKey(r.lastName), sortKey(r.firstName), r.id]);

/** The order the lists must have, by a plain stable sort. */
const reference = (people: PlannedRegistration[]) =>
  sortBy(people, (r) => [sortKey(organisationOf(r)), sortKey(r.lastName), sortKey(r.firstName)]);

describe('participants.csv and dietary.csv order', () => {
  it('is that of a plain sort, for plans in order and out of order', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), fc.boolean(), (people, ordered) => {
        const regs = ordered ? planOrder(people) : people;
        const p = plan(regs);
        if (ordered) p.inOutputOrder = true; // as the rules mark their plans: the lists then trust the order
        const participants = reference(regs.filter((r) => r.status !== 'cancelled')).map((r) => [
          r.firstName,
          r.lastName,
          organisationOf(r),
          r.role ?? '',
          r.attendance === 'digital' ? 'Digitalt' : 'Fysisk',
          statusText(r.status, 'nn'),
        ]);
        expect([...participantRows(p, 'nn').rows]).toEqual(participants);
        const needs = regs.filter((r) => r.status !== 'cancelled' && r.attendance === 'in-person' && statesNeed(r.dietary));
        const dietary = reference(needs).map((r) => [r.lastName, r.firstName, organisationOf(r), r.dietary!.trim()]);
        expect([...dietaryRows(p, 'nn').rows]).toEqual(dietary);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('lists two municipalities of the same name together, each by name', () => {
    const [a, b] = [MUNICIPALITIES[0]!, MUNICIPALITIES[1]!];
    const regs = planOrder([reg({ municipality: b, lastName: 'Aas' }), reg({ municipality: a, lastName: 'Berg' }), reg({ municipality: a, lastName: 'Øye' })]);
    expect([...participantRows(plan(regs), 'nn').rows].map((r) => r[1])).toEqual(['Aas', 'Berg', 'Øye']);
  });
});
