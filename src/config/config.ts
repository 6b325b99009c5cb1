// Event settings: the embedded default event, overridden by samling.config.json, validated with the
// schema in schema.ts.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { fold } from '../core/text.js';
import { addDays } from '../core/dates.js';
import { createRegister, periodForDate } from '../core/register.js';
import { InputError } from '../errors.js';
import type { EventSettings } from '../core/types.js';
import type { ConfigFile } from './schema.js';
import { DEFAULT_EVENT } from './default-event.js';

export const CONFIG_FILE = 'samling.config.json';




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
    s.region = { county, period: period ?? periodForDate(s.mainNight) };
  } else if (file.mainNight && !file.region) {
    s.region = { county: base.region.county, period: periodForDate(s.mainNight) };
  }
  if (file.mainNight && file.extraNight === undefined && base.extraNight) {
    // Keep "the night before the main night" when only the main night moves.
    s.extraNight = addDays(s.mainNight, -1);
  }
  return s;
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
export async function parseConfig(data: unknown, file: string, dir = process.cwd()): Promise<EventSettings> {
  // zod is loaded only when there is a settings file to check: start-up stays quick without one.
  const { configSchema, describeIssues } = await import('./schema.js');
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
export async function loadSettings(workspace: string, configPath?: string): Promise<{ settings: EventSettings; source: string | null }> {
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
  return { settings: await parseConfig(data, shown, dirname(path)), source: shown };
}
