// The municipality register of an event's region, and the matcher that turns a typed municipality or
// organisation name into a municipality of the region, a municipality elsewhere in Norway, a near miss
// that needs the organiser, or an organisation. Data: src/data/register-data.ts (generated). Pure.
import { COUNTIES, COUNTY_KEYS, MUNICIPALITIES, NAME_KEYS, type RegisterPeriod } from '../data/register-data.js';
import { InputError } from '../errors.js';
import { editDistance, foldLoose, memo } from './text.js';
import type { MunicipalityMatch, MunicipalityRef, Register } from './types.js';

export type { RegisterPeriod };

export interface NorwegianMunicipality {
  code: string;
  /** Official name, disambiguation dropped: "Herøy", "Guovdageaidnu - Kautokeino". */
  name: string;
  countyCode: string;
  /** Main county name: "Trøndelag" (not "Trøndelag - Trööndelage"). */
  countyName: string;
}

/** A region's register; also says which county and period it is. */
export interface RegionRegister extends Register {
  county: { code: string; name: string };
  period: RegisterPeriod;
}

/** The register in force on a date (`YYYY-MM-DD…`): '2020' for 2020–2023 (and earlier), '2024' from 2024. */
export function periodForDate(date: string): RegisterPeriod {
  return date.slice(0, 10) >= '2024-01-01' ? '2024' : '2020';
}

const PERIOD_LABEL: Record<RegisterPeriod, string> = { '2020': '2020–2023', '2024': '2024 and later' };
// "herad" is what some Nynorsk municipalities call themselves (Voss herad, Kvam herad).
const KOMMUNE = 'kommune|kommunen|kommuna|kommun|herad|heradet|municipality|commune';
const KOMMUNE_WORDS = new RegExp(`\\b(?:${KOMMUNE})\\b`, 'g');
const AROUND_KOMMUNE = new RegExp(`^(.*?)\\b(?:${KOMMUNE})\\b(.*)$`);
/** Words that make a text an organisation even when it names a municipality: "Statens vegvesen, Molde". */
const ORGANISATION_WORDS = 'fylkeskommun|statsforvalt|fylkesm[ae]n|county|statens|direktorat|departement|universitet';
const ORGANISATION = new RegExp(`\\b(?:${ORGANISATION_WORDS}|hogsk[ou]l|sjukehus|sykehus|helseforetak)`);
/**
 * Counties before 2020 (and Viken, 2020–2023), with the county numbers that hold them now, so that
 * "Sande (Vestfold)" is not taken for Møre og Romsdal's Sande, while "Sogndal (Sogn og Fjordane)" is still
 * Vestland's Sogndal.
 */
const FORMER_COUNTIES: Record<string, string[]> = {
  Østfold: ['30', '31'], Akershus: ['30', '32'], Hedmark: ['34'], Oppland: ['34'], Buskerud: ['30', '33'],
  Vestfold: ['38', '39'], Telemark: ['38', '40'], 'Aust-Agder': ['42'], 'Vest-Agder': ['42'], Hordaland: ['46'],
  'Sogn og Fjordane': ['46'], 'Sør-Trøndelag': ['50'], 'Nord-Trøndelag': ['50'], Troms: ['54', '55'],
  Finnmark: ['54', '56'], Viken: ['30', '31', '32', '33'],
};

/** Folded form names are compared in: case, accents, punctuation and a "kommune" word dropped, aa → a. */
export function nameKey(text: string): string {
  return foldLoose(text).replace(KOMMUNE_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** A name without the county in brackets ("Herøy (Møre og Romsdal)" → "Herøy"). Also for scripts/build-register-data. */
export const withoutDisambiguation = (name: string) => name.replace(/\s*\(.*\)$/, '');
/** The parallel names of a name ("Evenes - Evenášši"). Also for scripts/build-register-data. */
export const parallelParts = (name: string) => name.split(' - ').map((s) => s.trim());

interface PeriodData {
  list: NorwegianMunicipality[];
  byCode: Map<string, NorwegianMunicipality>;
  /** Name key → codes (several for Herøy, Våler). */
  index: Map<string, string[]>;
  counties: { code: string; name: string; keys: string[] }[];
}

const periods = new Map<RegisterPeriod, PeriodData>();

/** Codes are digits: compared as text, without localeCompare (whose first call sets up a collator, ~10 ms). */
const byCodeText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The period's municipalities and their index. The keys come ready from the generator (NAME_KEYS, COUNTY_KEYS:
 * nameKey of each name, checked by a test) so that start-up only builds maps: folding ~3,000 names here
 * took ~20 ms of cold code in every command.
 */
function periodData(period: RegisterPeriod): PeriodData {
  let data = periods.get(period);
  if (data) return data;
  const counties = Object.entries(COUNTIES[period])
    .sort(([a], [b]) => byCodeText(a, b))
    .map(([code, full]) => ({ code, name: parallelParts(full)[0]!, keys: COUNTY_KEYS[period][code]!.split('|') }));
  const countyName = new Map(counties.map((c) => [c.code, c.name]));
  // keys[1] is the key of the main name ("trondelag"), keys[0] that of the whole ("trondelag troondelage").
  const countyKey = new Map(counties.map((c) => [c.code, c.keys[1]!]));
  const list: NorwegianMunicipality[] = [];
  const index = new Map<string, string[]>();
  const add = (key: string, code: string) => {
    const codes = index.get(key);
    if (!codes) index.set(key, [code]);
    else if (!codes.includes(code)) codes.push(code);
  };
  for (const [countyCode, packed] of Object.entries(MUNICIPALITIES[period])) {
    const county = countyName.get(countyCode)!;
    const inCounty = countyKey.get(countyCode)!;
    const keysOf = NAME_KEYS[period][countyCode]!.split(';'); // in the order of `packed`
    packed.split('|').forEach((entry, i) => {
      const code = entry.slice(0, 4);
      list.push({ code, name: withoutDisambiguation(entry.slice(5)), countyCode, countyName: county });
      // Keys of the official name, name, parallel parts and aliases; "*" marks the name and its parts, which
      // are also indexed with the county: "heroy nordland" ("Herøy (Nordland)"), "heroy i nordland".
      const keys = keysOf[i]!.split('|');
      for (const k of keys) add(k.endsWith('*') ? k.slice(0, -1) : k, code);
      for (const k of keys) {
        if (!k.endsWith('*')) continue;
        add(`${k.slice(0, -1)} ${inCounty}`, code);
        add(`${k.slice(0, -1)} i ${inCounty}`, code);
      }
    });
  }
  list.sort((a, b) => byCodeText(a.code, b.code));
  data = { list, byCode: new Map(list.map((m) => [m.code, m])), index, counties };
  periods.set(period, data);
  return data;
}

/** Every municipality of Norway in the period, in code order. */
export function municipalitiesOfNorway(period: RegisterPeriod): NorwegianMunicipality[] {
  return periodData(period).list.map((m) => ({ ...m }));
}

/** The counties of Norway in the period, in code order, with their main names. */
export function countiesOfNorway(period: RegisterPeriod): { code: string; name: string }[] {
  return periodData(period).counties.map(({ code, name }) => ({ code, name }));
}

/** A county by number ("46", "3") or name in any of its languages ("Vestland", "møre og romsdal", "Trööndelage"). */
export function findCounty(countyNumberOrName: string, period: RegisterPeriod): { code: string; name: string } | null {
  const text = countyNumberOrName.trim();
  const { counties } = periodData(period);
  const found = /^\d{1,2}$/.test(text)
    ? counties.find((c) => c.code === text.padStart(2, '0'))
    : counties.find((c) => c.keys.includes(nameKey(text).replace(/^(.+?) (fylke|fylkeskommune|county)$/, '$1')));
  return found ? { code: found.code, name: found.name } : null;
}

const EMPTY: MunicipalityMatch = Object.freeze({ kind: 'empty' });
const AN_ORGANISATION: MunicipalityMatch = Object.freeze({ kind: 'organisation' });
/** Organisation texts whose match is kept (a million rows of a region hold far fewer distinct ones). */
const CACHE_LIMIT = 100_000;
/** Longest key a near miss is looked for against: longer than any single municipality name (Nåavmesjenjaelmie). */
const NEAR_KEY_LENGTH = 18;

/**
 * The register of a county in a period. `aliases` are the organiser's own names (config): name → code, or
 * null for "not a municipality of the region"; they are checked before anything else.
 * Throws InputError when the county or an alias's code is unknown.
 */
export function createRegister(opts: {
  county: string;
  period: RegisterPeriod;
  aliases?: Record<string, string | null>;
  /** A register of the organiser's own (config `register`): these municipalities instead of the county's. */
  members?: { code: string; name?: string; aliases?: string[] }[];
}): RegionRegister {
  const { period } = opts;
  const data = periodData(period);
  const ownCounty = opts.members?.length ? ownRegisterCounty(opts.members, data) : null;
  const county = ownCounty ?? findCounty(opts.county, period);
  if (!county) {
    const known = data.counties.map((c) => `${c.code} ${c.name}`).join(', ');
    throw new InputError(
      `Unknown county "${opts.county}" in the ${PERIOD_LABEL[period]} register.`,
      undefined,
      undefined,
      `Use a county number or name: ${known}.`,
    );
  }
  const members = opts.members?.length
    ? opts.members.map(({ code, name }) => {
        const m = data.byCode.get(code);
        if (!m) throw new InputError(`register: ${code} is not a municipality code in the ${PERIOD_LABEL[period]} register.`);
        return name ? { ...m, name } : m;
      })
    : data.list.filter((m) => m.countyCode === county.code);
  const inRegion = new Set(members.map((m) => m.code));
  const regionResult = new Map<string, MunicipalityMatch>(
    members.map((m) => [m.code, Object.freeze({ kind: 'region', code: m.code, name: m.name })]),
  );
  const outsideResult = (codes: string[]): MunicipalityMatch => {
    const ms = codes.map((c) => data.byCode.get(c)!);
    const counties = new Set(ms.map((m) => m.countyName));
    return { kind: 'outside', name: ms[0]!.name, county: counties.size === 1 ? ms[0]!.countyName : null };
  };

  // Region keys (for exact and near matches): each key's codes in the region. The rest of the country is
  // data.index without them (elsewhere()), not a copy: ~0.5 MB less garbage at every start.
  const regionIndex = new Map<string, string[]>();
  data.index.forEach((codes, key) => {
    // Most keys name one municipality: no filtered copy of it (these arrays are only read).
    const here = codes.length === 1 ? (inRegion.has(codes[0]!) ? codes : null) : codes.filter((c) => inRegion.has(c));
    if (here?.length) regionIndex.set(key, here);
  });
  /** The municipalities a key names, when it names none of the region's. */
  const elsewhere = (key: string) => (regionIndex.has(key) ? undefined : data.index.get(key));
  // Region keys by length, so a near-miss search only looks at keys at most two letters longer or shorter;
  // names only, not the long "name i county" forms nor whole parallel names (their parts are names).
  const nearKeys: { key: string; codes: string[]; max: number }[][] = [];
  for (const [key, codes] of regionIndex) {
    if (key.length > NEAR_KEY_LENGTH) continue;
    (nearKeys[key.length] ??= []).push({ key, codes, max: key.replace(/ /g, '').length <= 5 ? 1 : 2 });
  }
  const ownCountyKeys = new Set(data.counties.find((c) => c.code === county.code)?.keys ?? []);
  const otherCounties = new Set(
    [
      ...Object.entries(FORMER_COUNTIES).filter(([, now]) => !now.includes(county.code)).map(([name]) => nameKey(name)),
      ...Object.values(COUNTY_KEYS['2020']).flatMap((keys) => keys.split('|')),
      ...Object.values(COUNTY_KEYS['2024']).flatMap((keys) => keys.split('|')),
    ].filter((k) => !ownCountyKeys.has(k)),
  );

  const configured = new Map<string, MunicipalityMatch>();
  const ownAliases = (opts.members ?? []).flatMap((m) => [...(m.aliases ?? []), ...(m.name ? [m.name] : [])].map((a) => [a, m.code] as const));
  for (const [name, code] of [...ownAliases, ...Object.entries(opts.aliases ?? {})]) {
    const key = nameKey(name);
    if (!key) continue;
    if (code === null) configured.set(key, AN_ORGANISATION);
    else if (regionResult.has(code)) configured.set(key, regionResult.get(code)!);
    else if (data.byCode.has(code)) configured.set(key, outsideResult([code]));
    else {
      throw new InputError(
        `aliases: "${name}" maps to ${code}, which is not a municipality code in the ${PERIOD_LABEL[period]} register.`,
      );
    }
  }

  const suggestions = (codes: Iterable<string>): MunicipalityMatch => ({
    kind: 'near-miss',
    suggestions: [...new Set(codes)].sort().map((c) => {
      const m = data.byCode.get(c)!;
      return { code: m.code, name: m.name };
    }),
  });

  /** Exact region name, then a near miss of one, then a municipality elsewhere. */
  const lookup = (key: string, regionToo: boolean): MunicipalityMatch | null => {
    if (regionToo) {
      const exact = regionIndex.get(key);
      if (exact?.length === 1) return regionResult.get(exact[0]!)!;
      if (exact) return suggestions(exact);
      // A real municipality elsewhere is a near miss only one letter off (Kristiansand, Sola, Strand),
      // not two (Folldal is not a slip for Valldal).
      const realElsewhere = data.index.has(key); // not a region key: no exact match above
      let best = Infinity;
      let near: string[] = [];
      for (let len = Math.max(0, key.length - 2); len <= Math.min(key.length + 2, NEAR_KEY_LENGTH); len++) {
        for (const k of nearKeys[len] ?? []) {
          const max = realElsewhere ? 1 : k.max;
          const d = editDistance(key, k.key, max);
          if (d > max || d > best) continue;
          if (d < best) [best, near] = [d, []];
          near.push(...k.codes);
        }
      }
      if (near.length) return suggestions(near);
    }
    const codes = elsewhere(key);
    return codes ? outsideResult(codes) : null;
  };

  const match = (text: string): MunicipalityMatch => {
    const folded = foldLoose(text);
    const whole = candidates(folded);
    if (!whole.length) return EMPTY;
    const pieces = text.split(/[,;:/|()[\]\n]|\s[-–—]\s/);
    const parts = pieces.length > 1 ? pieces.flatMap((p) => candidates(foldLoose(p))) : [];

    for (const key of [...whole, ...parts]) {
      const alias = configured.get(key);
      if (alias) return alias;
    }
    if (ORGANISATION.test(folded)) return AN_ORGANISATION;
    // Runs of up to four words: "sande vestfold" → sande, vestfold, sande vestfold.
    const words = whole[0]!.split(' ');
    const runs: string[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= 4 && i + n <= words.length; n++) runs.push(words.slice(i, i + n).join(' '));
    }
    // Another county named ("Sande (Vestfold)", "Sande kommune i Vestfold"): never one of the region's.
    const regionToo = !runs.some((k) => otherCounties.has(k)) && !parts.some((k) => otherCounties.has(k));
    for (const key of whole) {
      const found = lookup(key, regionToo);
      if (found) return found;
    }
    // "Molde kommune, Plan og bygg", "Plan - Molde": the pieces. Two region municipalities named
    // ("Ørsta/Volda") is for the organiser to decide.
    const inRegion = new Set<string>();
    let first: MunicipalityMatch | null = null;
    for (const key of parts) {
      const found = lookup(key, regionToo);
      if (!found) continue;
      first ??= found;
      if (found.kind === 'region') inRegion.add(found.code);
    }
    if (inRegion.size > 1) return suggestions(inRegion);
    if (first) return first;
    if (!regionToo) return AN_ORGANISATION;
    // A region name inside other words ("Ørsta og Volda", "NAV Ålesund"): the organiser decides.
    const inside = runs.flatMap((k) => regionIndex.get(k) ?? []);
    return inside.length ? suggestions(inside) : AN_ORGANISATION;
  };

  return {
    county,
    period,
    regionName: opts.members?.length ? 'the region' : county.name,
    municipalities: members.map((m): MunicipalityRef => ({ code: m.code, name: m.name })),
    match: memo(match, CACHE_LIMIT),
  };
}

/** The county of an own register: the one its municipalities share, or "the region" when they span several. */
function ownRegisterCounty(members: { code: string }[], data: PeriodData): { code: string; name: string } {
  const counties = new Set(members.map((m) => data.byCode.get(m.code)?.countyCode ?? ''));
  if (counties.size === 1) {
    const code = [...counties][0]!;
    const c = data.counties.find((x) => x.code === code);
    if (c) return { code: c.code, name: c.name };
  }
  return { code: '', name: 'the region' };
}

/**
 * The keys to try for a folded text, most complete first: the text without "kommune", the words
 * before "kommune" ("molde kommune plan og bygg" → "molde"), the words after it ("kommune orsta" → "orsta").
 */
function candidates(folded: string): string[] {
  const out = [nameKey(folded)];
  const around = AROUND_KOMMUNE.exec(folded);
  if (around) out.push(nameKey(around[1]!), nameKey(around[2]!.replace(/^\s*(?:i|of) /, '')));
  return [...new Set(out)].filter(Boolean);
}
