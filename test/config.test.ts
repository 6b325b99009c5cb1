// Settings: the embedded event, overrides, and messages that name the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, parseConfig } from '../src/config/config.js';
import { DEFAULT_EVENT } from '../src/config/default-event.js';
import { InputError } from '../src/errors.js';

async function errorOf(f: () => unknown): Promise<InputError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('settings', () => {
  it('with no config file, the embedded 2021 Ålesund event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samling-cfg-'));
    const { settings, source } = await loadSettings(dir);
    expect(source).toBeNull();
    expect(settings).toEqual(DEFAULT_EVENT);
    expect(settings).toMatchObject({ quota: 4, mainNight: '2021-11-11', extraNight: '2021-11-10', deadline: '2021-09-15', extraNightReview: ['1507'] });
  });

  it('overrides only what the file says; the extra night follows the main night', async () => {
    const s = await parseConfig({ quota: 2, mainNight: '2022-10-20', hotels: [{ name: 'Scandic', rooms: 40 }] }, 'c.json');
    expect(s).toMatchObject({ quota: 2, mainNight: '2022-10-20', extraNight: '2022-10-19', name: DEFAULT_EVENT.name });
    expect(s.hotels).toEqual([{ name: 'Scandic', rooms: 40, roomRate: null }]);
  });

  it('in 2024 or later the register period follows, and the host municipality is the venue\'s new code', async () => {
    const s = await parseConfig({ mainNight: '2025-11-13' }, 'c.json');
    expect(s.region).toEqual({ county: '15', period: '2024' });
    expect(s.extraNightReview).toEqual(['1508']); // Ålesund after the 2024 split
  });

  it('names every bad field on its own line', async () => {
    const e = await errorOf(() => parseConfig({ quota: -1, deadline: '15.09.2021', latePolicy: 'maybe', hotels: [{ rooms: 3 }], typo: true }, 'samling.config.json'));
    expect(e.file).toBe('samling.config.json');
    expect(e.message).toMatch(/quota: expected 0 or more/);
    expect(e.message).toMatch(/deadline: expected a date as YYYY-MM-DD/);
    expect(e.message).toMatch(/latePolicy: expected review, accept or reject/);
    expect(e.message).toMatch(/hotels\[0\]\.name: /);
    expect(e.message).toMatch(/unknown setting "typo"/);
  });

  it('rejects review codes outside the region, an unknown county, and an extra night after the main night', async () => {
    expect((await errorOf(() => parseConfig({ extraNightReview: ['4601'] }, 'c.json'))).message).toMatch(/extraNightReview: 4601 is not a municipality of Møre og Romsdal/);
    const county = await errorOf(() => parseConfig({ region: 'Atlantis' }, 'c.json'));
    expect(county.message).toMatch(/Unknown county "Atlantis"/);
    expect(county.file).toBe('c.json');
    expect((await errorOf(() => parseConfig({ extraNight: '2021-11-12' }, 'c.json'))).message).toMatch(/before the main night/);
  });

  it('an own register from a CSV: its municipalities, names and aliases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samling-cfg-'));
    writeFileSync(join(dir, 'kommunar.csv'), 'kode;namn;aliases\n1520;Ørsta;Hovdebygda\n1577;Volda;Grodås|Hornindal\n');
    writeFileSync(join(dir, 'samling.config.json'), JSON.stringify({ venue: 'Volda', register: 'kommunar.csv' }));
    const { settings } = await loadSettings(dir);
    expect(settings.register?.municipalities).toEqual([
      { code: '1520', name: 'Ørsta', aliases: ['Hovdebygda'] },
      { code: '1577', name: 'Volda', aliases: ['Grodås', 'Hornindal'] },
    ]);
    expect(settings.extraNightReview).toEqual(['1577']);
    writeFileSync(join(dir, 'kommunar.csv'), 'kode;namn\n1520;Ørsta\nabc;Volda\n');
    const e = await errorOf(() => loadSettings(dir));
    expect(e).toMatchObject({ file: 'kommunar.csv', row: 3 });
  });
});
