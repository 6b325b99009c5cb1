// samling init — ask for the event's settings (defaults from the embedded event, or from the county
// chosen) and write samling.config.json. --yes writes the defaults without asking.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type GlobalOptions, canPrompt } from './context.js';
import { Workspace } from '../workspace/workspace.js';
import { CONFIG_FILE, parseConfig } from '../config/config.js';
import type { ConfigFile } from '../config/schema.js';
import { DEFAULT_EVENT } from '../config/default-event.js';
import { writeFileAtomic } from '../io/atomic.js';
import { InputError } from '../errors.js';
import { addDays } from '../core/dates.js';
import { consoleOutput } from '../ui/output.js';
import { prompts } from '../ui/prompts.js';
import { createRegister, findCounty } from '../core/register.js';
import type { EventSettings } from '../core/types.js';

export interface InitOptions extends GlobalOptions {
  yes?: boolean;
  force?: boolean;
}

/** The config file for the given settings: every setting written out, so the organiser sees them all. */
export function configFromSettings(s: EventSettings): ConfigFile {
  return {
    name: s.name,
    venue: s.venue,
    timeZone: s.timeZone,
    start: s.start,
    end: s.end,
    mainNight: s.mainNight,
    extraNight: s.extraNight,
    deadline: s.deadline,
    quota: s.quota,
    latePolicy: s.latePolicy,
    region: { county: s.region.county, period: s.region.period },
    extraNightReview: s.extraNightReview,
    hotels: s.hotels.map((h) => ({ name: h.name, rooms: h.rooms, ...(h.roomRate != null ? { roomRate: h.roomRate } : {}) })),
    roomRate: s.roomRate,
    roomingList: { ...s.roomingList },
    assumeInPerson: s.assumeInPerson,
    assumeNeedsRoom: s.assumeNeedsRoom,
    columns: s.columns,
    aliases: s.aliases,
  };
}

const isDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? true : 'Write the date as YYYY-MM-DD');
const isDateTime = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? true : 'Write it as YYYY-MM-DDTHH:mm, e.g. 2021-11-11T12:00');
const isWhole = (v: string) => (/^\d+$/.test(v.trim()) ? true : 'A whole number, please');
const isMoney = (v: string) => (v.trim() === '' || /^\d+([.,]\d+)?$/.test(v.trim()) ? true : 'An amount like 1290, or blank for none');

/** Asks every question; each answer defaults to `base`. */
export async function askSettings(base: EventSettings): Promise<EventSettings> {
  const p = prompts();
  const s: EventSettings = structuredClone(base);
  const countyText = await p.input({
    message: 'County of the municipalities invited (number or name):',
    default: findCounty(base.region.county, base.region.period)?.name ?? base.region.county,
    validate: (v) => (findCounty(v, '2024') || findCounty(v, '2020') ? true : 'Not a county I know: try a number like 15 or a name like Vestland'),
  });
  const year = await p.input({ message: 'Year of the gathering:', default: base.mainNight.slice(0, 4), validate: (v) => (/^20\d\d$/.test(v) ? true : 'A year like 2025') });
  const period = year >= '2024' ? '2024' : '2020';
  const county = findCounty(countyText, period);
  if (!county) throw new InputError(`"${countyText}" is not a county in ${period === '2024' ? '2024 or later' : '2020–2023'}`);
  s.region = { county: county.code, period };
  const register = createRegister({ county: county.code, period });
  const sameEvent = county.code === base.region.county && year === base.mainNight.slice(0, 4);
  const shift = (d: string) => (sameEvent ? d : `${year}${d.slice(4)}`);

  s.name = await p.input({ message: 'Name of the event:', default: sameEvent ? base.name : `Samling for kommunane i ${county.name}` });
  s.venue = await p.input({ message: 'Venue (town):', default: sameEvent ? base.venue : register.municipalities[0]?.name ?? base.venue });
  s.mainNight = await p.input({ message: 'Main night, check-in date (YYYY-MM-DD):', default: shift(base.mainNight), validate: isDate });
  const sameNight = s.mainNight === base.mainNight;
  s.start = await p.input({ message: 'Starts, local time (YYYY-MM-DDTHH:mm):', default: sameNight ? base.start : `${s.mainNight}T12:00`, validate: isDateTime });
  s.end = await p.input({
    message: 'Ends, local time (YYYY-MM-DDTHH:mm):',
    default: sameNight ? base.end : `${addDays(s.mainNight, 1)}T12:00`,
    validate: (v) => (isDateTime(v) !== true ? isDateTime(v) : v > s.start ? true : `The end must come after the start (${s.start})`),
  });
  const extra = await p.confirm({
    message: `Is the night before (${addDays(s.mainNight, -1)}) paid as an extra night for those with a long journey?`,
    default: base.extraNight !== null,
  });
  s.extraNight = extra ? addDays(s.mainNight, -1) : null;
  s.deadline = await p.input({
    message: 'Registration deadline, the last day on time (YYYY-MM-DD):',
    default: shift(base.deadline),
    validate: (v) => (isDate(v) !== true ? isDate(v) : v <= s.mainNight ? true : `The deadline must be on or before the main night (${s.mainNight})`),
  });
  s.quota = Number(await p.input({ message: 'Paid places per municipality:', default: String(base.quota), validate: isWhole }));
  s.latePolicy = await p.select({
    message: 'Late registrations:',
    default: base.latePolicy,
    choices: [
      { name: 'wait for my decision (review)', value: 'review' as const },
      { name: 'accept them while places are left', value: 'accept' as const },
      { name: 'reject them', value: 'reject' as const },
    ],
  });
  const host = register.match(s.venue);
  const reviewDefault = sameEvent ? base.extraNightReview : host.kind === 'region' ? [host.code] : [];
  if (s.extraNight) {
    s.extraNightReview = await p.checkbox({
      message: 'Municipalities close to the venue: hold their extra-night requests for review',
      choices: register.municipalities.map((m) => ({ name: `${m.name} (${m.code})`, value: m.code, checked: reviewDefault.includes(m.code) })),
    });
  } else s.extraNightReview = [];
  s.hotels = [];
  // No hotel by default, as in the embedded event: pressing enter throughout writes what --yes writes.
  while (await p.confirm({ message: s.hotels.length ? 'Add another hotel?' : 'Name the hotel(s) and rooms held? (no: one hotel called "hotel", no room limit)', default: false })) {
    const name = await p.input({ message: 'Hotel name:', validate: (v) => (v.trim() ? true : 'A name, please') });
    const rooms = await p.input({ message: 'Rooms per night held for the event (blank = no limit):', default: '', validate: (v) => (v.trim() === '' || /^[1-9]\d*$/.test(v.trim()) ? true : 'A whole number of rooms (1 or more), or blank for no limit') });
    const rate = await p.input({ message: 'Room rate per night (blank = the event rate):', default: '', validate: isMoney });
    s.hotels.push({ name: name.trim(), rooms: rooms.trim() ? Number(rooms) : null, roomRate: rate.trim() ? Number(rate.replace(',', '.')) : null });
  }
  const rate = await p.input({ message: 'Room rate per night, for costs (blank = none):', default: base.roomRate === null ? '' : String(base.roomRate), validate: isMoney });
  s.roomRate = rate.trim() ? Number(rate.replace(',', '.')) : null;
  const contact = await p.checkbox({
    message: 'Contact fields the hotel gets in the rooming list:',
    choices: [
      { name: 'e-mail', value: 'email', checked: base.roomingList.email },
      { name: 'phone', value: 'phone', checked: base.roomingList.phone },
    ],
  });
  s.roomingList = { ...s.roomingList, email: contact.includes('email'), phone: contact.includes('phone') };
  return s;
}

export default async function initCommand(opts: InitOptions): Promise<void> {
  const out = consoleOutput(!!opts.quiet);
  const ws = new Workspace(opts.workspace);
  ws.ensureFolder(opts.workspace);
  const target = opts.config ?? join(ws.dir, CONFIG_FILE);
  const shown = relative(process.cwd(), target) || CONFIG_FILE;
  if (existsSync(target) && !opts.force) {
    throw new InputError('already exists; nothing was changed', shown, undefined, 'Use --force to overwrite it.');
  }
  let settings: EventSettings;
  if (opts.yes) settings = structuredClone(DEFAULT_EVENT);
  else if (canPrompt(opts)) settings = await askSettings(DEFAULT_EVENT);
  else {
    throw new InputError('init asks questions, but cannot here (stdin or stdout is not a terminal, or --no-input, --json or CI is set)', undefined, undefined,
      'Use samling init --yes to write the default settings and edit the file, or run samling init in a terminal.');
  }
  const config = configFromSettings(settings);
  await parseConfig(config, shown); // the file we write must load
  writeFileAtomic(target, JSON.stringify(config, null, 2) + '\n');
  if (opts.json) return out.json(config);
  out.info(`Wrote ${shown}${opts.yes ? ' with the default settings: edit it for your event' : ''}. Next: samling plan <export.csv>`);
}
