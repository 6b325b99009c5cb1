// Merging imports: latest submission wins, corrections win, the same rows again change nothing.
import { describe, expect, it } from 'vitest';
import { mergeRegistrations, type MergeState } from '../src/core/merge.js';
import type { Registration } from '../src/core/types.js';
import { registration } from './helpers/registrations.js';

function reg(over: Partial<Registration> & { email: string; submittedAt: string }): Registration {
  return registration(over.email.slice(0, 8), {
    key: `${over.email}`,
    firstName: 'Cato',
    lastName: 'Rise',
    organisation: 'Molde',
    submittedAtText: over.submittedAt,
    attendance: null,
    source: { file: 'a.csv', hash: 'h', row: 2 },
    ...over,
  });
}
const empty = (): MergeState => ({ current: new Map(), history: [] });
const T = '2021-09-01T10:00:00+02:00';

describe('merging imports', () => {
  it('a correction in a newer export wins; importing the old export again changes nothing', () => {
    const a1 = reg({ email: 'cato@example.org', submittedAt: T, extraNight: false });
    const a2 = reg({ email: 'cato@example.org', submittedAt: T, extraNight: true, source: { file: 'a2.csv', hash: 'h2', row: 2 } });
    let { state } = mergeRegistrations(empty(), [a1]);
    const second = mergeRegistrations(state, [a2]);
    expect(second.counts).toMatchObject({ updated: 1 });
    expect(second.state.current.get('cato@example.org')!.extraNight).toBe(true);
    const third = mergeRegistrations(second.state, [{ ...a1 }]);
    expect(third.counts).toMatchObject({ added: 0, updated: 0 });
    expect(third.state.current.get('cato@example.org')!.extraNight).toBe(true);
    ({ state } = third);
    expect(state.history).toHaveLength(1);
  });

  it('the latest submission wins whatever the order the files come in', () => {
    const early = reg({ email: 'kari@example.org', submittedAt: '2021-09-01T10:00:00+02:00', needsRoom: false });
    const late = reg({ email: 'kari@example.org', submittedAt: '2021-09-05T10:00:00+02:00', needsRoom: true });
    for (const order of [[early, late], [late, early]]) {
      let state = empty();
      for (const r of order) state = mergeRegistrations(state, [{ ...r }]).state;
      expect(state.current.get('kari@example.org')!.needsRoom).toBe(true);
    }
  });

  it('within one file the later row of the same person wins, the other is a merged duplicate', () => {
    const first = reg({ email: 'ola@example.org', submittedAt: T, role: 'Rådgjevar' });
    const second = reg({ email: 'ola@example.org', submittedAt: T, role: 'Plansjef', source: { file: 'a.csv', hash: 'h', row: 9 } });
    const { state, counts } = mergeRegistrations(empty(), [first, second]);
    expect(counts).toEqual({ added: 1, updated: 0, unchanged: 0, duplicates: 1 });
    expect(state.current.get('ola@example.org')!.role).toBe('Plansjef');
  });
});
