// Any county, any year: a gathering for another county end to end, and the register following the event's date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvOutput, run, tempWorkspace } from './helpers/cli.js';

interface Reg { email: string; status: string; municipality: { code: string; name: string } | null; extraNight: string; nights: string[]; hotel: string | null; problems: string[] }

function status(ws: string) {
  const r = run(['status', '--json'], { cwd: ws });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { registrations: Reg[]; municipalities: { code: string; name: string; covered: number; topLeader: boolean }[]; hotels: { name: string; nights: { date: string; rooms: number; capacity: number | null }[] }[] };
}

describe('Vestland 2024, from its own config and export', () => {
  it('plans the gathering: its 43 municipalities, its hotels, outsiders named with their county', async () => {
    const ws = tempWorkspace('vestland-2024');
    const dir = join(ws, 'vestland-2024');
    const r = run(['plan', 'pamelding.csv', '--lang', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Ålesund: a municipality in Møre og Romsdal, not in Vestland/);
    const s = status(dir);
    expect(s.municipalities).toHaveLength(43);
    const by = (email: string) => s.registrations.find((x) => x.email === email)!;
    expect(by('oddvar.myrdal@example.org').municipality).toEqual({ code: '4621', name: 'Voss' }); // "Voss herad"
    expect(by('karl.sande@example.org')).toMatchObject({ status: 'not-eligible', municipality: null });
    expect(by('eva.nes@example.org').status).toBe('not-eligible');
    // Quota 3: Voss has four who want rooms.
    expect(s.municipalities.find((m) => m.code === '4621')!.covered).toBe(3);
    expect(by('mona.hauge@example.org').status).toBe('over-quota');
    // The host municipality's extra-night request waits for review; others far away get it.
    expect(by('per.bergsvik@example.org')).toMatchObject({ extraNight: 'review', nights: ['2024-10-17'] });
    expect(by('sigrid.heggen@example.org')).toMatchObject({ extraNight: 'granted', nights: ['2024-10-16', '2024-10-17'] });
    // Late: one second after the end of 1 September.
    expect(by('nils.berge@example.org').status).toBe('late-pending');
    // Hotels in config order: the first holds 4 rooms a night, the next takes the rest.
    const [bryggen, nygard] = s.hotels;
    expect(bryggen!.nights.every((n) => n.rooms <= 4 && n.capacity === 4)).toBe(true);
    expect(nygard!.nights.find((n) => n.date === '2024-10-17')!.rooms).toBeGreaterThan(0);
    const voss = s.registrations.filter((x) => x.municipality?.code === '4621' && x.status === 'covered');
    expect(new Set(voss.map((x) => x.hotel)).size).toBe(1); // kept together
    const list = await readCsvOutput(join(dir, 'out', 'rooming-list-hotell-bryggen.csv'));
    expect(list.header).toEqual(['ID', 'Last name', 'First name', 'Municipality/organisation', 'Arrival', 'Departure', 'Nights', 'Room type', 'Payer']);
    expect(list.rows.length).toBeGreaterThan(0);
    const municipalities = await readCsvOutput(join(dir, 'out', 'municipalities.csv'));
    expect(municipalities.rows).toHaveLength(43);
  });
});

describe('Møre og Romsdal in 2024: the register follows the event\'s date', () => {
  it('has 27 municipalities, Haram as 1580 again, the rest of old Ålesund as 1508', () => {
    const ws = tempWorkspace('google-forms-nn.csv');
    writeFileSync(join(ws, 'samling.config.json'), JSON.stringify({ mainNight: '2024-11-14', start: '2024-11-14T12:00', end: '2024-11-15T12:00', deadline: '2024-09-15', extraNightReview: ['1508'] }));
    const csv = readFileSync(join(ws, 'google-forms-nn.csv'), 'utf8')
      .replace(/\d\d\.09\.2021/g, '01.09.2024')
      .replace('Ørskog', 'Brattvåg');
    writeFileSync(join(ws, 'google-forms-nn.csv'), csv);
    const r = run(['plan', 'google-forms-nn.csv'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const s = status(ws);
    expect(s.municipalities).toHaveLength(27);
    expect(s.municipalities.find((m) => m.code === '1580')!.name).toBe('Haram');
    const perOve = s.registrations.find((x) => x.email === 'perove.strand@example.org')!;
    expect(perOve.municipality).toEqual({ code: '1580', name: 'Haram' });
    expect(s.registrations.find((x) => x.email === 'hakon.langva@example.org')!.municipality).toEqual({ code: '1508', name: 'Ålesund' });
  });
});
