// The rules read a stored submission time by arithmetic rather than Date.UTC (for speed at a million rows):
// the instant must be the one Date.UTC gives, also for dates that do not exist and for two-digit years.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedInstant } from '../src/core/rules.js';

describe('storedInstant', () => {
  it('reads a stored time as Date.UTC does, also for dates that do not exist and two-digit years', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two(13), two(32), two(24), two(60), two(60), fc.constantFrom('+', '-'), two(14), two(59))
      .map(([y, mo, d, h, mi, s, sign, oh, om]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${sign}${oh}:${om}`);
    const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    fc.assert(
      fc.property(text, (t) => {
        const [y, mo, d, h, mi, s, oh, om] = [0, 5, 8, 11, 14, 17, 20, 23].map((at) => Number(t.slice(at, at === 0 ? 4 : at + 2)));
        const leapDay = mo === 2 && d === 29 && !(y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0));
        const exists = mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= days[mo! - 1]! && !leapDay && h! <= 23 && mi! <= 59 && s! <= 59;
        const offset = (t[19] === '-' ? -1 : 1) * (oh! * 60 + om!) * 60_000;
        const expected = exists ? Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - offset : NaN;
        expect(storedInstant(t)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
