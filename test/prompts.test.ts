// Every question samling asks, answered through the one prompts module without a terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { askSettings, configFromSettings } from '../src/commands/init.js';
import { parseConfig } from '../src/config/config.js';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { askColumn, chooseOverQuota, overQuotaUndecided, reviewLate, reviewMunicipalities } from '../src/ui/review.js';
import { createProgress } from '../src/ui/progress.js';
import { registerFor } from '../src/commands/shared.js';
import { enter, script, type Answer, type Question } from './helpers/scripted-prompts.js';
import { muni, plan, reg } from './helpers/report-plan.js';

let restore = () => {};
afterEach(() => restore());
function answer(answers: Answer[]) {
  const s = script(answers);
  restore = s.restore;
  return s;
}

const REGISTER = registerFor(DEFAULT_EVENT);

describe('init: askSettings', () => {
  it('pressing enter at every question gives the embedded event, as --yes does', async () => {
    const s = answer(Array.from({ length: 15 }, () => [/./, enter] as Answer));
    const settings = await askSettings(DEFAULT_EVENT);
    expect(configFromSettings(settings)).toEqual(configFromSettings(DEFAULT_EVENT));
    // Every setting the issue names is asked, each with the embedded event's value as its default.
    const messages = s.asked.map((q) => q.message).join('\n');
    for (const topic of [/County/, /Name of the event/, /Venue/, /Main night/, /night before \(2021-11-10\)/, /deadline/i, /places per municipality/,
      /Late registrations/, /extra-night requests for review/, /hotel/, /Room rate/, /Contact fields/]) {
      expect(messages).toMatch(topic);
    }
    const inputs = s.asked.filter((q) => q.kind === 'input');
    expect(inputs.find((q) => /Paid places/.test(q.message))?.default).toBe('4');
    expect(inputs.find((q) => /deadline/i.test(q.message))?.default).toBe('2021-09-15');
    expect(s.asked.find((q) => /review/.test(q.message) && q.kind === 'checkbox')?.choices?.filter((c) => c.checked).map((c) => c.value)).toEqual(['1507']);
    expect(s.left()).toBe(0);
  });

  it('a new event: county, year, dates shifted, a hotel with rooms and rate, e-mail to the hotel', async () => {
    const s = answer([
      [/County/, () => 'Vestland'],
      [/Year/, () => '2025'],
      [/Name of the event/, () => 'Klimasamling for kommunane i Vestland'],
      [/Venue/, () => 'Bergen'],
      [/Main night/, enter],
      [/Starts/, enter],
      [/Ends/, enter],
      [/night before \(2025-11-10\)/, () => true],
      [/deadline/i, enter],
      [/places per municipality/, () => '3'],
      [/Late registrations/, () => 'accept'],
      [/extra-night requests for review/, enter],
      [/Name the hotel/, () => true],
      [/Hotel name/, () => 'Hotell Bryggen'],
      [/Rooms per night/, () => '60'],
      [/Room rate per night \(blank = the event rate\)/, () => '1290'],
      [/Add another hotel/, () => false],
      [/Room rate per night, for costs/, () => '1190,50'],
      [/Contact fields/, () => ['email']],
    ]);
    const settings = await askSettings(DEFAULT_EVENT);
    expect(settings).toMatchObject({
      name: 'Klimasamling for kommunane i Vestland',
      venue: 'Bergen',
      region: { county: '46', period: '2024' },
      mainNight: '2025-11-11',
      extraNight: '2025-11-10',
      start: '2025-11-11T12:00',
      end: '2025-11-12T12:00',
      deadline: '2025-09-15',
      quota: 3,
      latePolicy: 'accept',
      extraNightReview: ['4601'], // the host municipality, Bergen, pre-ticked
      hotels: [{ name: 'Hotell Bryggen', rooms: 60, roomRate: 1290 }],
      roomRate: 1190.5,
      roomingList: { email: true, phone: false },
    });
    // The file written from it loads.
    expect((await parseConfig(configFromSettings(settings), 'samling.config.json')).region.county).toBe('46');
    // Bad answers are refused with a message saying what to write.
    const q = (re: RegExp) => s.asked.find((x) => re.test(x.message))!.validate as (v: string) => true | string;
    expect(q(/places per municipality/)('fire')).toMatch(/whole number/);
    expect(q(/deadline/i)('2025-12-01')).toMatch(/on or before the main night/);
    expect(q(/Ends/)('2025-11-11T09:00')).toMatch(/after the start/);
    expect(q(/Main night/)('11.11.2025')).toMatch(/YYYY-MM-DD/);
    expect(q(/County/)('Atlantis')).toMatch(/Not a county/);
    expect(q(/Rooms per night/)('0')).toMatch(/1 or more/);
  });
});

describe('late: reviewLate', () => {
  it('ticks to approve, then to reject among the rest; the others keep waiting', async () => {
    const a = reg({ status: 'late-pending', late: true });
    const b = reg({ status: 'late-pending', late: true });
    const c = reg({ status: 'late-pending', late: true });
    const s = answer([
      [/3 late registration\(s\).*APPROVE/, () => [a.id]],
      [/REJECT/, (q) => (expect(q.choices!.map((x) => x.value)).toEqual([b.id, c.id]), [c.id])],
    ]);
    expect(await reviewLate([a, b, c])).toEqual({ approve: [a.id], reject: [c.id] });
    expect(s.asked[0]!.choices![0]!.name).toContain(`${a.firstName} ${a.lastName}`);
  });

  it('all approved: no second question', async () => {
    const a = reg({ status: 'late-pending', late: true });
    answer([[/APPROVE/, () => [a.id]]]);
    expect(await reviewLate([a])).toEqual({ approve: [a.id], reject: [] });
  });
});

describe('import: a column that cannot be found', () => {
  it('lists every header, unused ones first with examples, and "none of these"', async () => {
    const s = answer([[/svar\.csv: no column found for the municipality or organisation/, (q) => q.choices![0]!.value]]);
    const picked = await askColumn({
      file: 'svar.csv',
      field: 'organisation',
      headers: ['Tidsmerke', 'Namn', 'Arbeidsplass'],
      fields: ['submittedAt', 'name', null],
      examples: [['01.09.2021 kl. 09.00.00'], ['Nora Lie'], ['Ørsta', 'Volda']],
    });
    expect(picked).toBe(2);
    const choices = s.asked[0]!.choices!;
    expect(choices.map((c) => c.value)).toEqual([2, 0, 1, null]);
    expect(choices[0]!.description).toBe('e.g. Ørsta · Volda');
    expect(choices[1]!.name).toMatch(/now read as submittedAt/);
  });
});

describe('import: an unknown municipality name', () => {
  const near = (text: string, codes: string) =>
    reg({ municipality: null, status: 'needs-attention', organisation: text, problems: [{ code: 'unknown-municipality', args: { text, codes } }] });

  it('asks once per name; a suggestion, "not a municipality", another one, or skip', async () => {
    const k1 = near('Kristiansand', '1505');
    const k2 = near('kristiansand ', '1505');
    const v = near('Voldaa', '1577');
    const o = near('Orstaa', '1520');
    const s = answer([
      [/“Kristiansand”.*and 1 more/, (q) => (expect(q.choices!.map((c) => c.name)[0]).toBe('Kristiansund (1505)'), expect(q.default).toBe('1505'), '1505')],
      [/“Voldaa”/, () => 'other'],
      [/Which municipality does “Voldaa” mean/, () => '1577'],
      [/“Orstaa”/, (q) => (expect(q.choices!.map((c) => c.value)).toContain('none'), 'skip')],
    ]);
    const answers = await reviewMunicipalities([k1, k2, v, o], REGISTER);
    expect(answers).toEqual([
      { id: k1.id, name: 'kristiansand', code: '1505' },
      { id: v.id, name: 'voldaa', code: '1577' },
    ]);
    expect(s.left()).toBe(0);
  });

  it('"not a municipality of the region" is code null', async () => {
    const f = near('Fylkeskomune', '1505');
    answer([[/Fylkeskomune/, () => 'none']]);
    expect(await reviewMunicipalities([f], REGISTER)).toEqual([{ id: f.id, name: 'fylkeskomune', code: null }]);
  });
});

describe('over quota: who gets the places', () => {
  const volda = () => {
    const people = [1, 2, 3, 4, 5].map((n) =>
      reg({ municipality: muni('Volda'), submittedAt: `2021-09-0${n}T10:00:00+02:00`, status: n <= 4 ? 'covered' : 'over-quota' }),
    );
    const orsta = [1, 2, 3, 4, 5].map((n) => reg({ municipality: muni('Ørsta'), status: n <= 4 ? 'covered' : 'over-quota' }));
    return { people, orsta, p: plan([...people, ...orsta]) };
  };

  it('only municipalities over quota with no cover/uncover decision yet are asked about', () => {
    const { people, orsta, p } = volda();
    const list = overQuotaUndecided(p, [{ kind: 'cover', id: orsta[4]!.id, at: '2021-09-20T10:00:00Z' }]);
    expect(list.map((m) => m.name)).toEqual(['Volda']);
    expect(list[0]!.candidates.map((r) => r.id)).toEqual(people.map((r) => r.id));
  });

  it('pre-ticks the rule\'s choice; a swap becomes uncover + cover; no change, no decision', async () => {
    const { people, p } = volda();
    const list = overQuotaUndecided(p, []).filter((m) => m.name === 'Volda');
    const ids = people.map((r) => r.id);
    const s = answer([
      [/Volda: 5 people for 4 places/, (q) => (expect(q.choices!.filter((c) => c.checked).map((c) => c.value)).toEqual(ids.slice(0, 4)), [ids[0], ids[2], ids[3], ids[4]])],
    ]);
    expect(await chooseOverQuota(list, 4, false)).toEqual([{ kind: 'uncover', id: ids[1] }, { kind: 'cover', id: ids[4] }]);
    // At most the quota may be ticked.
    const validate = s.asked[0]!.validate as (v: string[]) => true | string;
    expect(validate(ids)).toBe('At most 4: untick 1');
    expect(validate(ids.slice(0, 4))).toBe(true);
    restore();
    answer([[/Volda/, enter]]);
    expect(await chooseOverQuota(list, 4, false)).toEqual([]);
  });

  it('fewer ticks than places: everyone unticked is taken out, so the free places stay free', async () => {
    const { people, p } = volda();
    const list = overQuotaUndecided(p, []).filter((m) => m.name === 'Volda');
    const ids = people.map((r) => r.id);
    answer([[/Volda/, () => ids.slice(0, 3)]]);
    expect(await chooseOverQuota(list, 4, false)).toEqual([{ kind: 'uncover', id: ids[3] }, { kind: 'uncover', id: ids[4] }]);
  });

  it('asks first, default no; "no" asks nothing more', async () => {
    const { p } = volda();
    const s = answer([[/2 municipalities have more people than places \(Ørsta 5 for 4, Volda 5 for 4\).*Choose yourself/, (q: Question) => (expect(q.default).toBe(false), false)]]);
    expect(await chooseOverQuota(overQuotaUndecided(p, []), 4, true)).toEqual([]);
    expect(s.asked).toHaveLength(1);
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (s: string) => written.push(s) };
  };

  it('in a terminal, a big file shows its phases with row counts and time on one line, then clears it', () => {
    const s = stream(true);
    let t = 0;
    const p = createProgress({}, s, () => t);
    p.phase('reading svar.csv', { big: false });
    expect(s.written).toEqual([]); // not known to be big yet
    t = 1500;
    p.phase('checking', { rows: 12_000 });
    p.phase('deciding', { rows: 11_990 });
    p.done();
    expect(s.written[0]).toBe('\rsamling: checking 12,000 rows… 1.5 s');
    expect(s.written[1]).toMatch(/^\rsamling: deciding 11,990 rows… 1\.5 s/);
    expect(s.written.at(-1)).toMatch(/^\r +\r$/);
    expect(s.written.join('')).not.toMatch(/\u001b/);
  });

  it('--verbose writes how long each phase took, a line each, also in a pipe and for small files', () => {
    const s = stream(false);
    let t = 0;
    const p = createProgress({ verbose: true, quiet: true }, s, () => t, () => 80 * 2 ** 20);
    p.phase('reading svar.csv');
    t = 420;
    p.phase('deciding', { rows: 1200 });
    t = 1000;
    p.done();
    p.done(); // a second done (the finally after an early one) writes nothing more
    expect(s.written).toEqual(['samling: reading svar.csv: 0.420 s, 80 MiB\n', 'samling: deciding 1,200 rows: 0.580 s, 80 MiB\n']);
  });

  it('small files, pipes, --json and --quiet show nothing', () => {
    for (const [opts, tty, rows] of [[{}, true, 500], [{}, false, 50_000], [{ json: true }, true, 50_000], [{ quiet: true }, true, 50_000]] as const) {
      const s = stream(tty);
      const p = createProgress(opts, s);
      p.phase('checking', { rows });
      p.done();
      expect(s.written).toEqual([]);
    }
  });
});
