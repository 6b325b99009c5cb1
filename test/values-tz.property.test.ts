// Submission times take the offset of their wall-clock hour from caches (one check per local day, per hour
// only near an offset change). Every cached answer must be what the uncached wallClockOffset gives, above
// all on the days a zone changes its offset: DST in Oslo and New York, Lord Howe's half-hour DST, Kathmandu's
// move from +05:30 to +05:45 in 1986, New York's move from local mean time at noon on 18 November 1883 (a
// change late in the day, and an offset in fractions of a minute), and UTC.
import fc from 'fast-check';
import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, wallClockOffset } from '../src/core/values.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`values-tz: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

const ZONES = ['Europe/Oslo', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
const DAY = 86_400_000;
const two = (n: number) => (n < 10 ? '0' : '') + n;
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;

/** What an uncached reading gives for this wall clock: the same text with the offset of wallClockOffset. */
function expected(zone: string, ms: number): string {
  const wall = new Date(ms).toISOString().slice(0, 19);
  const [y, mo, d, h] = [wall.slice(0, 4), wall.slice(5, 7), wall.slice(8, 10), wall.slice(11, 13)].map(Number) as [number, number, number, number];
  return wall + offsetText(wallClockOffset(zone, y, mo, d, h));
}
const actual = (zone: string, ms: number): string | null => parseTimestamp(new Date(ms).toISOString().slice(0, 19), zone);

/** Midnights (as wall clocks, in UTC ms) of the days on which the zone's offset changes, in the given years. */
function changeDays(zone: string, years: number[]): number[] {
  const days: number[] = [];
  for (const year of years) {
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
      if (tzOffset(zone, new Date(t)) !== tzOffset(zone, new Date(t + DAY))) days.push(t);
    }
  }
  return days;
}

const YEARS = [1883, 1985, 1986, 1987, 2007, 2021, 2024, 2038];
const CHANGES = new Map(ZONES.map((zone) => [zone, changeDays(zone, YEARS)]));

describe('the offset of a wall-clock time, cached by day and hour', () => {
  it('finds the changes it is tested on', () => {
    expect(CHANGES.get('Europe/Oslo')).toHaveLength(14);
    expect(CHANGES.get('America/New_York')).toHaveLength(15);
    expect(CHANGES.get('Australia/Lord_Howe')).toHaveLength(14);
    expect(CHANGES.get('Asia/Kathmandu')).toHaveLength(1);
    expect(CHANGES.get('UTC')).toEqual([]);
  });

  it('is the uncached offset for every hour from three days before each change to three days after', () => {
    const wrong: string[] = [];
    for (const [zone, days] of CHANGES) {
      for (const day of days) {
        for (let t = day - 3 * DAY; t < day + 4 * DAY; t += 1_800_000) {
          if (actual(zone, t) !== expected(zone, t)) wrong.push(`${zone} ${new Date(t).toISOString()}: ${actual(zone, t)}, not ${expected(zone, t)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the DST edges as before: the autumn overlap its first offset, the spring gap the one before', () => {
    const at = (zone: string, wall: string) => parseTimestamp(wall, zone);
    expect(at('Europe/Oslo', '2024-10-27T02:30:00')).toBe('2024-10-27T02:30:00+02:00');
    expect(at('Europe/Oslo', '2024-03-31T02:30:00')).toBe('2024-03-31T02:30:00+01:00');
    expect(at('America/New_York', '2024-11-03T01:30:00')).toBe('2024-11-03T01:30:00-04:00');
    expect(at('America/New_York', '2024-03-10T02:30:00')).toBe('2024-03-10T02:30:00-05:00');
    expect(at('Australia/Lord_Howe', '2024-04-07T01:45:00')).toBe('2024-04-07T01:45:00+11:00');
    expect(at('Asia/Kathmandu', '1986-01-02T12:00:00')).toBe('1986-01-02T12:00:00+05:45');
    expect(at('Asia/Kathmandu', '1985-12-30T12:00:00')).toBe('1985-12-30T12:00:00+05:30');
  });

  it('is the uncached offset for any time in any of the zones, in any order of reading', () => {
    const near = fc.constantFrom(...ZONES.filter((z) => z !== 'UTC')).chain((zone) =>
      fc.record({
        zone: fc.constant(zone),
        ms: fc.tuple(fc.constantFrom(...CHANGES.get(zone)!), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([d, dt]) => d + Math.floor(dt / 1000) * 1000),
      }));
    const anywhere = fc.record({
      zone: fc.constantFrom(...ZONES),
      ms: fc.integer({ min: Date.UTC(1850, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => s * 1000),
    });
    fc.assert(fc.property(fc.array(fc.oneof(near, anywhere), { minLength: 1, maxLength: 30 }), (times) => {
      for (const { zone, ms } of times) expect(actual(zone, ms)).toBe(expected(zone, ms));
    }), { seed: SEED, numRuns: 300 });
  });
});
