import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { plan } from '../src/core/rules.js';
import type {
  Decision,
  EventSettings,
  MunicipalityRef,
  Plan,
  PlannedRegistration,
  Registration,
} from '../src/core/types.js';
import { fakeRegister, planFields, registration } from './helpers/registrations.js';

// The 26 municipalities of Møre og Romsdal (2020–2023). A fake register: the real matcher is tested elsewhere.
const MUNICIPALITIES: MunicipalityRef[] = (
  '1505 Kristiansund,1506 Molde,1507 Ålesund,1511 Vanylven,1514 Sande,1515 Herøy,1516 Ulstein,1517 Hareid,' +
  '1520 Ørsta,1525 Stranda,1528 Sykkylven,1531 Sula,1532 Giske,1535 Vestnes,1539 Rauma,1547 Aukra,1554 Averøy,' +
  '1557 Gjemnes,1560 Tingvoll,1563 Sunndal,1566 Surnadal,1573 Smøla,1576 Aure,1577 Volda,1578 Fjord,1579 Hustadvika'
)
  .split(',')
  .map((s) => ({ code: s.slice(0, 4), name: s.slice(5) }));
const register = fakeRegister(MUNICIPALITIES);

// The invitation's numbers: quota 4, extra night 2021-11-10, main night 2021-11-11, deadline 2021-09-15 Oslo.
const EVENT: EventSettings = DEFAULT_EVENT;

let row = 1;
/** Each new registration one row further down the file, for the tie-break by row. */
function reg(id: string, fields: Partial<Registration> = {}): Registration {
  row++;
  return registration(id, { source: { file: 'paamelding.csv', hash: 'abc', row }, ...fields });
}

/** `count` registrations from one municipality, submitted one day apart in the given order. */
function many(prefix: string, count: number, organisation = 'Ørsta', fields: Partial<Registration> = {}): Registration[] {
  return Array.from({ length: count }, (_, i) =>
    reg(`${prefix}${i + 1}`, { organisation, submittedAt: `2021-09-${String(i + 1).padStart(2, '0')}T10:00:00+02:00`, ...fields }),
  );
}

const dec = (kind: Decision['kind'], id: string): Decision => ({ kind, id, at: '2021-10-01T12:00:00+02:00' });

function run(regs: Registration[], decisions: Decision[] = [], settings: Partial<EventSettings> = {}): Plan {
  return plan(regs, decisions, { ...EVENT, ...settings }, register);
}
function get(p: Plan, id: string): PlannedRegistration {
  const r = p.registrations.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id} in plan`);
  return r;
}
const statusOf = (p: Plan, id: string) => get(p, id).status;
const statuses = (p: Plan, ids: string[]) => ids.map((id) => statusOf(p, id));
const summaryOf = (p: Plan, code: string) => p.municipalities.find((m) => m.code === code)!;

describe('deadline', () => {
  it('is on time until 23:59:59 on 15 September in Oslo and late from midnight', () => {
    const p = run([
      reg('a', { submittedAt: '2021-09-15T23:59:59+02:00' }),
      reg('b', { submittedAt: '2021-09-16T00:00:00+02:00' }),
      reg('c', { submittedAt: '2021-09-15T22:00:00Z' }), // = 00:00 in Oslo the next day
      reg('d', { submittedAt: '2021-09-15T21:59:59Z' }),
      reg('e', { submittedAt: '2021-09-15T23:30:00' }), // wall-clock time without offset is Oslo time
    ]);
    expect(p.registrations.filter((r) => r.late).map((r) => r.id).sort()).toEqual(['b', 'c']);
    expect(statuses(p, ['a', 'b', 'c', 'd', 'e'])).toEqual(['covered', 'late-pending', 'late-pending', 'covered', 'covered']);
  });

  it('reads the ISO forms a reader may hand on, and refuses impossible dates', () => {
    const at = (submittedAt: string) => get(run([reg('a', { submittedAt })]), 'a');
    expect(at('2021-09-15T23:59:59+0200').late).toBe(false);
    expect(at('2021-09-15T17:59:59-04:00').late).toBe(false);
    expect(at('2021-09-15T18:00:00-04:00').late).toBe(true);
    expect(at('2021-09-16 00:00:00.000+02:00').late).toBe(true);
    expect(at('2021-09-16T00:30').late).toBe(true);
    for (const bad of ['2021-02-29T10:00:00', '2021-09-31T10:00:00+02:00', '15.09.2021 10:00', 'i går']) {
      expect(at(bad)).toMatchObject({ status: 'needs-attention', problems: [{ code: 'bad-time' }] });
    }
  });
});

describe('statuses in the order of SPEC 2', () => {
  it('cancelled wins over everything, by the status column or a cancel decision', () => {
    const p = run([reg('a', { cancelled: true, firstName: '', lastName: '' }), reg('b', { organisation: 'Bergen' })], [dec('cancel', 'b')]);
    expect(statuses(p, ['a', 'b'])).toEqual(['cancelled', 'cancelled']);
    expect(get(p, 'a').nights).toEqual([]);
  });

  it('needs attention, with the reason, when it cannot be decided', () => {
    const p = run([
      reg('noname', { firstName: '', lastName: '' }),
      reg('noorg', { organisation: '' }),
      reg('near', { organisation: 'Kristiansand' }),
      reg('notime', { submittedAt: null, submittedAtText: 'i går' }),
      reg('ok'),
    ]);
    expect(statuses(p, ['noname', 'noorg', 'near', 'notime', 'ok'])).toEqual([
      'needs-attention',
      'needs-attention',
      'needs-attention',
      'needs-attention',
      'covered',
    ]);
    expect(get(p, 'noname').problems.map((x) => x.code)).toEqual(['no-name']);
    expect(get(p, 'noorg').problems.map((x) => x.code)).toEqual(['no-organisation']);
    expect(get(p, 'near').problems).toEqual([
      { code: 'unknown-municipality', args: { text: 'Kristiansand', suggestion: 'Kristiansund', codes: '1505' } },
    ]);
    expect(get(p, 'near').municipality).toBeNull();
    expect(get(p, 'notime').problems).toEqual([{ code: 'bad-time', args: { text: 'i går' } }]);
  });

  it('recomputes blocking problems from the data and passes the reader\'s other problems on as warnings', () => {
    const p = run([
      reg('a', { problems: [{ code: 'unknown-municipality', args: { text: 'Kristiansand' } }] }),
      reg('b', { problems: [{ code: 'bad-email', args: { text: 'kari@' } }] }),
    ]);
    expect(get(p, 'a')).toMatchObject({ status: 'covered', problems: [], warnings: [] });
    expect(get(p, 'b')).toMatchObject({ status: 'covered', warnings: [{ code: 'bad-email', args: { text: 'kari@' } }] });
  });

  it('is not eligible outside the region or for an organisation, and gets no room', () => {
    const p = run([reg('bergen', { organisation: 'Bergen kommune' }), reg('fylke', { organisation: 'Fylkeskommunen' })]);
    expect(get(p, 'bergen')).toMatchObject({ status: 'not-eligible', municipality: null, outside: { name: 'Bergen', county: 'Vestland' }, nights: [] });
    expect(get(p, 'fylke')).toMatchObject({ status: 'not-eligible', municipality: null, outside: { name: 'Fylkeskommunen', county: null } });
  });

  it('digital and no-room people get no place, and unanswered questions follow the settings', () => {
    const regs = [
      reg('dig', { attendance: 'digital' }),
      reg('home', { needsRoom: false, organisation: 'Ålesund' }),
      reg('unasked', { attendance: null, needsRoom: null }),
    ];
    expect(statuses(run(regs), ['dig', 'home', 'unasked'])).toEqual(['digital', 'no-room', 'covered']);
    expect(statusOf(run(regs, [], { assumeInPerson: false }), 'unasked')).toBe('digital');
    expect(statusOf(run(regs, [], { assumeNeedsRoom: false }), 'unasked')).toBe('no-room');
    expect(get(run(regs, [], { assumeInPerson: false }), 'unasked').attendance).toBe('digital');
  });

  it('treats asking for the extra night but not the main night as needing both, with a warning', () => {
    const p = run([reg('a', { needsRoom: false, extraNight: true })]);
    expect(get(p, 'a')).toMatchObject({ status: 'covered', needsRoom: true, extraNight: 'granted', nights: ['2021-11-10', '2021-11-11'] });
    expect(get(p, 'a').warnings).toEqual([{ code: 'extra-night-without-main' }]);
  });
});

describe('likely duplicates', () => {
  it('flags registrations without e-mail that share a name and municipality, each naming the other', () => {
    const p = run([
      reg('a', { email: null, firstName: 'Åse', lastName: 'Lie' }),
      reg('b', { email: null, firstName: 'ase', lastName: ' LIE ', submittedAt: '2021-09-02T10:00:00+02:00' }),
      reg('c', { email: null, firstName: 'Åse', lastName: 'Lie', organisation: 'Volda' }),
    ]);
    expect(get(p, 'a').problems).toEqual([{ code: 'likely-duplicate', args: { other: 'b' } }]);
    expect(get(p, 'b').problems).toEqual([{ code: 'likely-duplicate', args: { other: 'a' } }]);
    expect(statusOf(p, 'c')).toBe('covered');
  });

  it('does not flag the one with an e-mail, and a cancelled one no longer counts', () => {
    const regs = [reg('a', { firstName: 'Per', lastName: 'Dal' }), reg('b', { email: null, firstName: 'Per', lastName: 'Dal' })];
    const p = run(regs);
    expect(statuses(p, ['a', 'b'])).toEqual(['covered', 'needs-attention']);
    expect(get(p, 'b').problems).toEqual([{ code: 'likely-duplicate', args: { other: 'a' } }]);
    expect(statuses(run(regs, [dec('cancel', 'a')]), ['a', 'b'])).toEqual(['cancelled', 'covered']);
  });

  it('two different people of the same name: a not-duplicate decision on one clears both', () => {
    const regs = [
      reg('a', { email: null, firstName: 'Kari', lastName: 'Nordmann', organisation: 'Molde' }),
      reg('b', { email: null, firstName: 'Kari', lastName: 'Nordmann', organisation: 'Molde', submittedAt: '2021-09-03T10:00:00+02:00' }),
    ];
    expect(statuses(run(regs), ['a', 'b'])).toEqual(['needs-attention', 'needs-attention']);
    expect(statuses(run(regs, [dec('not-duplicate', 'b')]), ['a', 'b'])).toEqual(['covered', 'covered']);
  });

  it('compares organisations by folded text when they are not municipalities', () => {
    const p = run([
      reg('a', { email: null, firstName: 'Per', lastName: 'Dal', organisation: 'Statsforvaltaren' }),
      reg('b', { email: null, firstName: 'Per', lastName: 'Dal', organisation: 'statsforvaltaren ' }),
    ]);
    expect(statuses(p, ['a', 'b'])).toEqual(['needs-attention', 'needs-attention']);
  });
});

describe('places per municipality', () => {
  it('covers the first four on time by submission time; the rest wait over quota', () => {
    const p = run(many('o', 6).reverse());
    expect(statuses(p, ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'])).toEqual([
      'covered', 'covered', 'covered', 'covered', 'over-quota', 'over-quota',
    ]);
    expect(summaryOf(p, '1520')).toMatchObject({ registered: 6, covered: 4, overQuota: 2, placesLeft: 0 });
  });

  it('breaks ties in submission time by source row, then id', () => {
    const same = { submittedAt: '2021-09-01T10:00:00+02:00' };
    const regs = [
      reg('z', { ...same, source: { file: 'f', hash: 'h', row: 2 } }),
      reg('y', { ...same, source: { file: 'f', hash: 'h', row: 3 } }),
      reg('x', { ...same, source: { file: 'f', hash: 'h', row: 4 } }),
      reg('w2', { ...same, source: { file: 'f', hash: 'h', row: 5 } }),
      reg('w1', { ...same, source: { file: 'f', hash: 'h', row: 5 } }),
    ];
    expect(statuses(run(regs), ['z', 'y', 'x', 'w1', 'w2'])).toEqual(['covered', 'covered', 'covered', 'covered', 'over-quota']);
  });

  it('gives manual covers the first places, in decision order, then on time, then approved late', () => {
    const regs = [...many('o', 4), reg('late', { submittedAt: '2021-09-20T10:00:00+02:00' })];
    const p = run(regs, [dec('approve-late', 'late'), dec('cover', 'o4')]);
    expect(statuses(p, ['o1', 'o2', 'o3', 'o4', 'late'])).toEqual(['covered', 'covered', 'covered', 'covered', 'over-quota']);
    expect(get(p, 'late').lateDecision).toBe('approved');

    const early = run(regs.slice(0, 3).concat(regs[4]!), [dec('approve-late', 'late')]);
    expect(statusOf(early, 'late')).toBe('covered'); // a free place goes to an approved late one

    const coverLate = run(regs, [dec('approve-late', 'late'), dec('cover', 'late')]);
    expect(statuses(coverLate, ['o4', 'late'])).toEqual(['over-quota', 'covered']);
  });

  it('never exceeds the quota: when more covers than places, the earliest decisions win', () => {
    const regs = many('o', 6);
    const covers = ['o6', 'o5', 'o4', 'o3', 'o2'].map((id) => dec('cover', id));
    const p = run(regs, covers);
    expect(statuses(p, ['o6', 'o5', 'o4', 'o3', 'o2', 'o1'])).toEqual([
      'covered', 'covered', 'covered', 'covered', 'over-quota', 'over-quota',
    ]);
  });

  it('takes an uncovered person out and moves the next one up; the latest decision wins', () => {
    const regs = many('o', 5);
    expect(statuses(run(regs, [dec('uncover', 'o1')]), ['o1', 'o5'])).toEqual(['over-quota', 'covered']);
    expect(statuses(run(regs, [dec('uncover', 'o1'), dec('cover', 'o1')]), ['o1', 'o5'])).toEqual(['covered', 'over-quota']);
  });

  it('frees a cancelled person\'s place for the next in line', () => {
    const regs = many('o', 5);
    expect(statusOf(run(regs), 'o5')).toBe('over-quota');
    const p = run(regs, [dec('cancel', 'o2')]);
    expect(statuses(p, ['o2', 'o5'])).toEqual(['cancelled', 'covered']);
    expect(summaryOf(p, '1520')).toMatchObject({ registered: 4, cancelled: 1, covered: 4, overQuota: 0 });
    regs[0]!.cancelled = true;
    expect(statusOf(run(regs), 'o5')).toBe('covered');
  });

  it('counts places only among people who need a room, per municipality', () => {
    const regs = [...many('o', 4), reg('home', { needsRoom: false }), reg('dig', { attendance: 'digital' }), ...many('v', 4, 'Volda')];
    const p = run(regs);
    expect(p.registrations.filter((r) => r.status === 'covered')).toHaveLength(8);
  });
});

describe('late registrations', () => {
  const late = { submittedAt: '2021-09-20T10:00:00+02:00' };
  it('review: pending until approved or rejected', () => {
    expect(statusOf(run([reg('a', late)]), 'a')).toBe('late-pending');
    expect(get(run([reg('a', late)]), 'a').lateDecision).toBeNull();
    expect(statusOf(run([reg('a', late)], [dec('approve-late', 'a')]), 'a')).toBe('covered');
    expect(statusOf(run([reg('a', late)], [dec('reject-late', 'a')]), 'a')).toBe('late-rejected');
    expect(statusOf(run([reg('a', late)], [dec('reject-late', 'a'), dec('approve-late', 'a')]), 'a')).toBe('covered');
  });
  it('accept: approved unless rejected', () => {
    expect(statusOf(run([reg('a', late)], [], { latePolicy: 'accept' }), 'a')).toBe('covered');
    expect(statusOf(run([reg('a', late)], [dec('reject-late', 'a')], { latePolicy: 'accept' }), 'a')).toBe('late-rejected');
  });
  it('reject: rejected unless approved', () => {
    expect(statusOf(run([reg('a', late)], [], { latePolicy: 'reject' }), 'a')).toBe('late-rejected');
    expect(statusOf(run([reg('a', late)], [dec('approve-late', 'a')], { latePolicy: 'reject' }), 'a')).toBe('covered');
  });
  it('a late digital participant is simply digital', () => {
    expect(get(run([reg('a', { ...late, attendance: 'digital' })]), 'a')).toMatchObject({ status: 'digital', late: true });
  });
  it('is counted per municipality', () => {
    const p = run(
      [reg('p', late), reg('r', late), reg('ap', late), reg('ontime')],
      [dec('reject-late', 'r'), dec('approve-late', 'ap')],
    );
    expect(summaryOf(p, '1520')).toMatchObject({ latePending: 1, lateRejected: 1, lateApproved: 1, covered: 2 });
  });
});

describe('extra night', () => {
  it('is granted to a covered person who asks, and paid for', () => {
    const p = run([reg('a', { extraNight: true }), reg('b')]);
    expect(get(p, 'a')).toMatchObject({ extraNight: 'granted', nights: ['2021-11-10', '2021-11-11'] });
    expect(get(p, 'b')).toMatchObject({ extraNight: 'not-requested', nights: ['2021-11-11'] });
    expect(p.nights).toEqual([{ date: '2021-11-10', rooms: 1 }, { date: '2021-11-11', rooms: 2 }]);
  });

  it('is held for review for the host municipality until decided', () => {
    const a = reg('a', { extraNight: true, organisation: 'Ålesund' });
    expect(get(run([a]), 'a')).toMatchObject({ status: 'covered', extraNight: 'review', nights: ['2021-11-11'] });
    expect(get(run([a], [dec('extra-night', 'a')]), 'a')).toMatchObject({ extraNight: 'granted', nights: ['2021-11-10', '2021-11-11'] });
    expect(get(run([a], [dec('no-extra-night', 'a')]), 'a')).toMatchObject({ extraNight: 'not-covered', nights: ['2021-11-11'] });
    expect(get(run([a], [], { extraNightReview: [] }), 'a').extraNight).toBe('granted');
  });

  it('is not-covered for anyone who asks without a place, whatever the status', () => {
    const regs = [...many('o', 4), reg('over', { extraNight: true, submittedAt: '2021-09-10T10:00:00+02:00' }),
      reg('dig', { extraNight: true, attendance: 'digital' }), reg('out', { extraNight: true, organisation: 'Bergen' })];
    const p = run(regs);
    for (const id of ['over', 'dig', 'out']) expect(get(p, id)).toMatchObject({ extraNight: 'not-covered', nights: [] });
  });

  it('can be granted by decision to a covered person who did not ask, and denied to one who did', () => {
    const p = run([reg('a'), reg('b', { extraNight: true })], [dec('extra-night', 'a'), dec('no-extra-night', 'b')]);
    expect(get(p, 'a')).toMatchObject({ extraNight: 'granted', nights: ['2021-11-10', '2021-11-11'] });
    expect(get(p, 'b')).toMatchObject({ extraNight: 'not-covered', nights: ['2021-11-11'] });
    expect(summaryOf(p, '1520')).toMatchObject({ extraNights: 1, roomNights: 3 });
  });

  it('is given to nobody when the event offers none', () => {
    const p = run([reg('a', { extraNight: true })], [], { extraNight: null });
    expect(get(p, 'a')).toMatchObject({ extraNight: 'not-requested', nights: ['2021-11-11'] });
    expect(p.nights).toEqual([{ date: '2021-11-11', rooms: 1 }]);
  });
});

describe('decisions', () => {
  it('maps a municipality name once for every registration that typed it', () => {
    const regs = [reg('a', { organisation: 'Kristiansand' }), reg('b', { organisation: 'KRISTIANSAND ' })];
    const mapped = run(regs, [{ kind: 'map-municipality', name: 'kristiansand', code: '1505', at: '2021-10-01' }]);
    expect(get(mapped, 'a')).toMatchObject({ status: 'covered', municipality: { code: '1505', name: 'Kristiansund' }, problems: [] });
    expect(statusOf(mapped, 'b')).toBe('covered');
    const notOurs = run(regs, [{ kind: 'map-municipality', name: 'kristiansand', code: null, at: '2021-10-01' }]);
    expect(statuses(notOurs, ['a', 'b'])).toEqual(['not-eligible', 'not-eligible']);
  });

  it('ignores decisions naming unknown ids', () => {
    const regs = many('o', 5);
    const unknown = ['cover', 'cancel', 'uncover', 'reject-late'].map((k) => dec(k as Decision['kind'], 'nobody'));
    expect(planFields(run(regs, unknown))).toEqual(planFields(run(regs)));
  });
});

describe('hotels', () => {
  const hotels = [
    { name: 'Brosundet', rooms: 5, roomRate: 1200 },
    { name: 'Scandic', rooms: 6 },
  ];

  it('keeps a municipality together in the next hotel when the first is too full', () => {
    const p = run([...many('m', 4, 'Molde'), ...many('a', 3, 'Ålesund'), ...many('k', 1, 'Kristiansund')], [], { hotels });
    // Kristiansund (1505) first: Brosundet; Molde (1506, 4) still fits there; Ålesund (3) goes whole to Scandic.
    expect(get(p, 'k1').hotel).toBe('Brosundet');
    expect(['m1', 'm2', 'm3', 'm4'].map((id) => get(p, id).hotel)).toEqual(Array(4).fill('Brosundet'));
    expect(['a1', 'a2', 'a3'].map((id) => get(p, id).hotel)).toEqual(Array(3).fill('Scandic'));
    expect(p.hotels).toEqual([
      { name: 'Brosundet', nights: [{ date: '2021-11-10', rooms: 0, capacity: 5 }, { date: '2021-11-11', rooms: 5, capacity: 5 }] },
      { name: 'Scandic', nights: [{ date: '2021-11-10', rooms: 0, capacity: 6 }, { date: '2021-11-11', rooms: 3, capacity: 6 }] },
    ]);
  });

  it('splits a municipality only when no hotel has room for all of it, and reports the unplaced', () => {
    const small = [{ name: 'Brosundet', rooms: 3 }, { name: 'Scandic', rooms: 2 }];
    const p = run([...many('o', 4, 'Ørsta', { extraNight: true }), ...many('v', 2, 'Volda')], [], { hotels: small });
    expect(['o1', 'o2', 'o3', 'o4'].map((id) => get(p, id).hotel)).toEqual(['Brosundet', 'Brosundet', 'Brosundet', 'Scandic']);
    // Volda: one room left in Scandic for two people.
    expect(['v1', 'v2'].map((id) => get(p, id).hotel)).toEqual(['Scandic', null]);
    expect(get(p, 'v2')).toMatchObject({ status: 'covered', problems: [{ code: 'unplaced' }] });
    expect(p.hotels[1]!.nights).toEqual([
      { date: '2021-11-10', rooms: 1, capacity: 2 },
      { date: '2021-11-11', rooms: 2, capacity: 2 },
    ]);
    expect(p.nights).toEqual([{ date: '2021-11-10', rooms: 4 }, { date: '2021-11-11', rooms: 6 }]);
  });

  it('over-quota people on the rooming lists take only the rooms left, beside their municipality\'s covered people', () => {
    const two = [{ name: 'Brosundet', rooms: 3 }, { name: 'Scandic', rooms: null }];
    const withOver = { ...EVENT.roomingList, includeOverQuota: true };
    // Kristiansund (1505): 2 covered fill Brosundet with Molde's 1; Ørsta (1520): 2 covered and 3 over quota.
    const regs = [...many('k', 2, 'Kristiansund'), ...many('m', 1, 'Molde'), ...many('o', 5, 'Ørsta')];
    const p = run(regs, [], { quota: 2, hotels: two, roomingList: withOver });
    expect(statuses(p, ['o1', 'o2', 'o3', 'o4', 'o5'])).toEqual(['covered', 'covered', 'over-quota', 'over-quota', 'over-quota']);
    // Brosundet is full with the covered: never more guests than rooms, and Ørsta stays together in Scandic.
    expect(p.hotels[0]!.nights.find((n) => n.date === '2021-11-11')).toEqual({ date: '2021-11-11', rooms: 3, capacity: 3, municipalityPaid: 0 });
    expect(['o1', 'o2', 'o3', 'o4', 'o5'].map((id) => get(p, id).hotel)).toEqual(Array(5).fill('Scandic'));
    // Scandic holds Ørsta's 2 covered and 3 over-quota guests; the 3 are said apart, their municipality paying.
    expect(p.hotels[1]!.nights.find((n) => n.date === '2021-11-11')).toMatchObject({ rooms: 5, municipalityPaid: 3 });
    expect(p.hotels[0]!.nights.find((n) => n.date === '2021-11-11')!.municipalityPaid).toBe(0);
    // The paid rooms stay the covered ones.
    expect(p.nights.find((n) => n.date === '2021-11-11')!.rooms).toBe(5);

    // With no room left anywhere, an over-quota guest is unplaced, not squeezed in.
    const full = [{ name: 'Brosundet', rooms: 3 }, { name: 'Scandic', rooms: 3 }];
    const q = run(regs, [], { quota: 2, hotels: full, roomingList: withOver });
    const hotelsOf = ['o3', 'o4', 'o5'].map((id) => get(q, id).hotel);
    expect(hotelsOf.filter((h) => h !== null)).toHaveLength(1);
    expect(['o3', 'o4', 'o5'].filter((id) => get(q, id).hotel === null).map((id) => get(q, id).problems)).toEqual([[{ code: 'unplaced' }], [{ code: 'unplaced' }]]);
    for (const h of q.hotels) for (const n of h.nights) expect(n.rooms).toBeLessThanOrEqual(n.capacity!);

    // Without includeOverQuota they have no hotel and no problem.
    const r = run(regs, [], { quota: 2, hotels: full });
    expect(['o3', 'o4', 'o5'].map((id) => [get(r, id).hotel, get(r, id).problems])).toEqual(Array(3).fill([null, []]));
  });

  it('uses one hotel called "hotel" without limit when none is configured', () => {
    const p = run(many('o', 3));
    expect(p.hotels).toEqual([
      { name: 'hotel', nights: [{ date: '2021-11-10', rooms: 0, capacity: null }, { date: '2021-11-11', rooms: 3, capacity: null }] },
    ]);
    expect(get(p, 'o1').hotel).toBe('hotel');
  });

  it('prices room nights at the hotel\'s rate, else the event\'s, else not at all', () => {
    const regs = [...many('m', 2, 'Molde', { extraNight: true }), ...many('a', 4, 'Ålesund')];
    const tight = [{ name: 'Brosundet', rooms: 3, roomRate: 1200 }, { name: 'Scandic', rooms: null }];
    const p = run(regs, [], { hotels: tight, roomRate: 1000 });
    expect(summaryOf(p, '1506')).toMatchObject({ roomNights: 4, cost: 4 * 1200 });
    expect(summaryOf(p, '1507')).toMatchObject({ roomNights: 4, cost: 4 * 1000 });
    expect(summaryOf(p, '1520')).toMatchObject({ roomNights: 0, cost: 0 });
    expect(summaryOf(run(regs), '1506').cost).toBeNull();
  });
});

describe('municipality summaries', () => {
  it('lists every municipality of the region in code order, also those with no registration', () => {
    const p = run([reg('a')]);
    expect(p.municipalities.map((m) => m.code)).toEqual(MUNICIPALITIES.map((m) => m.code));
    expect(summaryOf(p, '1576')).toEqual({
      code: '1576', name: 'Aure', registered: 0, inPerson: 0, digital: 0, covered: 0, extraNights: 0, overQuota: 0,
      latePending: 0, lateApproved: 0, lateRejected: 0, cancelled: 0, topLeader: false, placesLeft: 4, roomNights: 0, cost: null,
    });
  });

  it('counts registered, in person, digital and cancelled', () => {
    const p = run([reg('a'), reg('b', { attendance: 'digital' }), reg('c', { cancelled: true }), reg('d', { firstName: '', lastName: '' })]);
    expect(summaryOf(p, '1520')).toMatchObject({ registered: 3, inPerson: 2, digital: 1, cancelled: 1, covered: 1, placesLeft: 3 });
  });

  it('marks a top leader by the forum answer, or by the role when the form did not ask', () => {
    const top = (r: Registration) => summaryOf(run([r]), '1520').topLeader;
    expect(top(reg('a', { topLeader: true }))).toBe(true);
    expect(top(reg('a', { role: 'Ordførar' }))).toBe(true);
    expect(top(reg('a', { role: 'Rådmann' }))).toBe(true);
    expect(top(reg('a', { role: 'Kommunedirektør' }))).toBe(true);
    expect(top(reg('a', { role: 'Mayor' }))).toBe(true); // an English form
    expect(top(reg('a', { role: 'Municipal Director' }))).toBe(true);
    expect(top(reg('a', { role: 'Climate adviser' }))).toBe(false);
    expect(top(reg('a', { role: 'Ordførar', topLeader: false }))).toBe(false);
    expect(top(reg('a', { role: 'Klimarådgjevar' }))).toBe(false);
    expect(top(reg('a', { topLeader: true, cancelled: true }))).toBe(false);
    expect(get(run([reg('a', { role: 'ordfører' })]), 'a').topLeader).toBe(true);
  });
});

describe('the plan as a whole', () => {
  it('sorts registrations by municipality code (none last), last name in Norwegian order, first name', () => {
    const p = run([
      reg('x', { organisation: 'Bergen', lastName: 'Aas' }),
      reg('y', { organisation: 'Ørsta', lastName: 'Ås' }),
      reg('z', { organisation: 'Ørsta', lastName: 'Zahl' }),
      reg('w', { organisation: 'Molde', lastName: 'Øye' }),
      reg('v', { organisation: 'Ørsta', lastName: 'Zahl', firstName: 'Anne' }),
    ]);
    expect(p.registrations.map((r) => r.id)).toEqual(['w', 'v', 'z', 'y', 'x']);
  });

  it('does not depend on the order of the input', () => {
    const regs = [
      ...many('o', 6, 'Ørsta', { extraNight: true }),
      ...many('a', 3, 'Ålesund', { email: null }),
      reg('late', { submittedAt: '2021-09-20T10:00:00+02:00' }),
      reg('dup', { email: null, firstName: 'Kari', lastName: 'Testesen-a1', organisation: 'Ålesund' }),
    ];
    const decisions = [dec('cover', 'o6'), dec('approve-late', 'late')];
    const hotels = [{ name: 'Brosundet', rooms: 5 }, { name: 'Scandic', rooms: 3 }];
    expect(planFields(run([...regs].reverse(), decisions, { hotels }))).toEqual(planFields(run(regs, decisions, { hotels })));
  });

  it('accounts for every registration exactly once', () => {
    const regs = [...many('o', 6), reg('c', { cancelled: true }), reg('b', { organisation: 'Bergen' })];
    const p = run(regs);
    expect(p.registrations.map((r) => r.id).sort()).toEqual(regs.map((r) => r.id).sort());
  });
});
