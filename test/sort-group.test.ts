import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortBy, sortByGroup, sortKey } from '../src/core/sort.js';

describe('sortByGroup (lists sorted by municipality, then name) gives exactly sortBy order', () => {
  it('for any people, in any input order, ties kept in input order', () => {
    const name = fc.constantFrom('Aase', 'Åse', 'Bø', 'bø', 'Øystein', 'Zakariassen', '', 'Lid');
    const person = fc.record({ org: fc.constantFrom('Molde', 'Ålesund', 'Aukra', 'aukra', 'Fylket'), last: name, first: name, n: fc.nat() });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 60 }), fc.boolean(), (people, presorted) => {
        // Half the time in (last, first) order already, as the plan hands them over.
        const input = presorted ? sortBy(people, (p) => [sortKey(p.last), sortKey(p.first)]) : people;
        const expected = sortBy(input, (p) => [sortKey(p.org), sortKey(p.last), sortKey(p.first)]);
        expect(sortByGroup(input, (p) => sortKey(p.org), (p) => [sortKey(p.last), sortKey(p.first)])).toEqual(expected);
      }),
    );
  });
});
