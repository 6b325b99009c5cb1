// Event settings: the embedded default event, overridden by samling.config.json, validated with zod.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { fold } from '../core/text.js';
import { createRegister } from '../core/register.js';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { FIELDS, type EventSettings } from '../core/types.js';
import { DEFAULT_EVENT } from './default-event.js';

export const CONFIG_FILE = 'samling.config.json';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(
  (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  'not a real date',
);
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected a local time as YYYY-MM-DDTHH:mm');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not a known time zone (e.g. Europe/Oslo)');
const money = z.number().nonnegative('expected an amount ≥ 0').nullable();
const fieldName = z.enum(["ignore", ...FIELDS] as [string, ...string[]], {
  error: () => `expected one of ${[...FIELDS, 'ignore'].join(', ')}`,
});

const hotel = z.strictObject({
  name: z.string().trim().min(1, 'a hotel needs a name'),
  rooms: z.number().int('expected a whole number of rooms').positive('expected at least 1 room').nullable().optional(),
  roomRate: money.optional(),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().trim().min(1).optional(),
  venue: z.string().trim().min(1).optional(),
  timeZone: timeZone.optional(),
  start: dateTime.optional(),
  end: dateTime.optional(),
  mainNight: date.optional(),
  extraNight: date.nullable().optional(),
  deadline: date.optional(),
  quota: z.number().int('expected a whole number').min(0, 'expected 0 or more').optional(),
  latePolicy: z.enum(['review', 'accept', 'reject'], { error: () => 'expected review, accept or reject' }).optional(),
  region: z
    .union([
      z.string().trim().min(1),
      z.strictObject({ county: z.string().trim().min(1), period: z.enum(['2020', '2024']).optional() }),
    ])
    .optional(),
  register: z.string().trim().min(1, 'expected the path of a CSV file').optional(),
  extraNightReview: z.array(z.string().regex(/^\d{4}$/, 'expected a 4-digit municipality code')).optional(),
  hotels: z.array(hotel).optional(),
  roomRate: money.optional(),
  roomingList: z
    .strictObject({
      email: z.boolean().optional(),
      phone: z.boolean().optional(),
      includeOverQuota: z.boolean().optional(),
      roomType: z.string().trim().min(1).optional(),
    })
    .optional(),
  assumeInPerson: z.boolean().optional(),
  assumeNeedsRoom: z.boolean().optional(),
  columns: z.record(z.string(), fieldName).optional(),
  aliases: z.record(z.string(), z.string().regex(/^\d{4}$/, 'expected a 4-digit municipality code').nullable()).optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

/** The period of the register follows the event's date unless the config sets it. */
function periodFor(mainNight: string): '2020' | '2024' {
  return mainNight >= '2024-01-01' ? '2024' : '2020';
}

/** Applies a parsed config file over the embedded default. Pure. */
export function applyConfig(file: ConfigFile, base: EventSettings = DEFAULT_EVENT): EventSettings {
  const s: EventSettings = structuredClone(base);
  const { $schema: _schema, region, roomingList, hotels, register: _register, ...rest } = file;
  Object.assign(s, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
  if (roomingList) Object.assign(s.roomingList, Object.fromEntries(Object.entries(roomingList).filter(([, v]) => v !== undefined)));
  if (hotels) s.hotels = hotels.map((h) => ({ name: h.name, rooms: h.rooms ?? null, roomRate: h.roomRate ?? null }));
  if (region !== undefined) {
    const county = typeof region === 'string' ? region : region.county;
    const period = typeof region === 'string' ? undefined : region.period;
    s.region = { county, period: period ?? periodFor(s.mainNight) };
  } else if (file.mainNight && !file.region) {
    s.region = { county: base.region.county, period: periodFor(s.mainNight) };
  }
  if (file.mainNight && file.extraNight === undefined && base.extraNight) {
    // Keep "the night before the main night" when only the main night moves.
    const d = new Date(`${s.mainNight}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    s.extraNight = d.toISOString().slice(0, 10);
  }
  return s;
}

/** Turns zod issues into one line per bad field: `quota: expected a whole number`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(top level)';
    const msg = i.code === 'unrecognized_keys' ? `unknown setting${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return `${path}: ${msg}`;
  });
}

/**
 * Reads the organiser's own register: a CSV (`,` or `;`) with a code column (`code`, `code_2020`, `kode`,
 * `kommunenummer`), optionally a name (`name`, `name_nn`, `namn`, `navn`) and `aliases` separated by `|`.
 */
export function readRegisterFile(path: string, shown: string): NonNullable<EventSettings['register']> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new InputError('cannot read the register file named by "register" in the settings', shown);
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    throw new InputError(`not a readable CSV: ${(e as Error).message}`, shown);
  }
  const header = (rows[0] ?? []).map((h) => fold(h));
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const code = col('code', 'code 2020', 'code 2024', 'kode', 'kommunenummer', 'nummer', 'nr');
  const name = col('name', 'name nn', 'namn', 'navn', 'kommune');
  const aliases = col('aliases', 'alias', 'andre namn', 'andre navn');
  if (code < 0) throw new InputError('no code column (code, kode or kommunenummer)', shown, 1);
  const municipalities = rows.slice(1).map((r, i) => {
    const c = (r[code] ?? '').padStart(4, '0');
    if (!/^\d{4}$/.test(c)) throw new InputError(`"${r[code] ?? ''}" is not a 4-digit municipality code`, shown, i + 2);
    const n = name >= 0 ? r[name]?.trim() : undefined;
    const a = aliases >= 0 ? (r[aliases] ?? '').split('|').map((x) => x.trim()).filter(Boolean) : [];
    return { code: c, ...(n ? { name: n } : {}), aliases: a };
  });
  if (!municipalities.length) throw new InputError('the register lists no municipality', shown);
  return { file: shown, municipalities };
}

/** Validates a parsed config object; throws InputError naming every bad field. */
export function parseConfig(data: unknown, file: string, dir = process.cwd()): EventSettings {
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const lines = describeIssues(result.error);
    throw new InputError(
      `invalid settings:\n  ${lines.join('\n  ')}`,
      file,
      undefined,
      'Fix the fields named above (samling init writes a valid file).',
    );
  }
  const s = applyConfig(result.data);
  if (result.data.register) s.register = readRegisterFile(resolve(dir, result.data.register), result.data.register);
  let register;
  try {
    register = createRegister({ county: s.region.county, period: s.region.period, members: s.register?.municipalities });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.message, file, undefined, e.hint);
    throw e;
  }
  if (result.data.extraNightReview === undefined) {
    // By default the host municipality's extra-night requests wait for review: the venue's municipality.
    const host = register.match(s.venue);
    s.extraNightReview = host.kind === 'region' ? [host.code] : [];
  } else {
    const unknown = s.extraNightReview.filter((c) => !register.municipalities.some((m) => m.code === c));
    if (unknown.length) {
      throw new InputError(`invalid settings:\n  extraNightReview: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not municipalities' : 'is not a municipality'} of ${register.regionName}`, file);
    }
  }
  if (s.extraNight && s.extraNight >= s.mainNight) {
    throw new InputError('extraNight: the extra night must come before the main night', file);
  }
  return s;
}

/**
 * Loads the settings: `--config FILE` when given (must exist), else `samling.config.json` in the workspace when
 * there is one, else the embedded default event.
 */
export function loadSettings(workspace: string, configPath?: string): { settings: EventSettings; source: string | null } {
  const path = configPath ? resolve(configPath) : resolve(workspace, CONFIG_FILE);
  const shown = configPath ?? CONFIG_FILE;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (!configPath && (e as NodeJS.ErrnoException).code === 'ENOENT') return { settings: structuredClone(DEFAULT_EVENT), source: null };
    throw new InputError('cannot read the settings file (does it exist?)', shown);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message}`, shown);
  }
  return { settings: parseConfig(data, shown, dirname(path)), source: shown };
}
