// Generates src/data/register-data.ts from the reference data in ../shared/data (or the folder given as
// the first argument), so that the tool never reads that folder at run time.
//   node scripts/build-register-data.mjs [DATA_DIR]
// Checks the facts it relies on (counts, codes, no alias with two codes) and stops on any surprise.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = process.argv[2] ?? join(root, '..', 'shared', 'data');
const outFile = join(root, 'src', 'data', 'register-data.ts');
const FILES = {
  counties: 'norway-counties.csv',
  m2020: 'norway-municipalities-2020.csv',
  m2024: 'norway-municipalities-2024.csv',
  county15: 'municipalities-more-og-romsdal.csv',
  merged: 'merged-municipalities.csv',
};
const read = (name) =>
  parse(readFileSync(join(dataDir, name), 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
const check = (ok, message) => {
  if (!ok) throw new Error(`build-register-data: ${message}`);
};

// The matcher's own functions (src/core/register.ts bundled with this file's output stubbed out): nameKey for
// the index keys below, worked out here so that start-up does not fold ~3,000 names (~20 ms of cold code), and
// how it takes names apart, so that the aliases are taken apart the same way.
const stub = 'export const COUNTIES = {}, MUNICIPALITIES = {}, ALIASES = {}, NAME_KEYS = {}, COUNTY_KEYS = {};';
const bundled = await build({
  entryPoints: [join(root, 'src', 'core', 'register.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
  plugins: [
    {
      name: 'stub-register-data',
      setup(b) {
        b.onResolve({ filter: /register-data\.js$/ }, () => ({ path: 'register-data', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: stub }));
      },
    },
  ],
});
const { nameKey, withoutDisambiguation, parallelParts: parts } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const PERIODS = ['2020', '2024'];
const counties = read(FILES.counties);
const municipalities = { 2020: read(FILES.m2020), 2024: read(FILES.m2024) };
const county15 = read(FILES.county15);
const merged = read(FILES.merged);

// --- counties and municipalities of Norway ---------------------------------------------------
const COUNTIES = {};
for (const p of PERIODS) {
  COUNTIES[p] = Object.fromEntries(counties.filter((c) => c.period === p).map((c) => [c.county_code, c.county_name]));
}
check(Object.keys(COUNTIES['2020']).length === 11, 'expected 11 counties for 2020–2023');
check(Object.keys(COUNTIES['2024']).length === 15, 'expected 15 counties from 2024');

const MUNICIPALITIES = {};
const byCode = {};
for (const p of PERIODS) {
  const rows = [...municipalities[p]].sort((a, b) => a.code.localeCompare(b.code));
  byCode[p] = new Map(rows.map((r) => [r.code, r]));
  check(byCode[p].size === rows.length, `duplicate code in the ${p} list`);
  for (const r of rows) {
    check(/^\d{4}$/.test(r.code), `bad code ${r.code}`);
    check(r.county_code === r.code.slice(0, 2), `${r.code}: county is not the first two digits`);
    check(COUNTIES[p][r.county_code] === r.county_name, `${r.code}: county ${r.county_name} not in ${FILES.counties}`);
  }
  // One string per county, "code name|code name…": compact and readable in a diff.
  const perCounty = {};
  for (const r of rows) (perCounty[r.county_code] ??= []).push(`${r.code} ${r.name}`);
  MUNICIPALITIES[p] = Object.fromEntries(Object.entries(perCounty).map(([c, list]) => [c, list.join('|')]));
}
check(byCode['2020'].size === 356, 'expected 356 municipalities for 2020–2023');
check(byCode['2024'].size === 357, 'expected 357 municipalities from 2024');

// --- extra names (aliases) per period: code → names -------------------------------------------
const ALIASES = { 2020: {}, 2024: {} };
const owner = { 2020: new Map(), 2024: new Map() }; // lower-cased alias → code, to catch clashes
function addAlias(p, code, name) {
  check(byCode[p].has(code), `alias ${name}: ${code} is not a ${p} municipality`);
  const k = name.toLowerCase();
  const other = owner[p].get(k);
  check(other === undefined || other === code, `alias ${name} maps to both ${other} and ${code} (${p})`);
  if (other) return;
  owner[p].set(k, code);
  (ALIASES[p][code] ??= []).push(name);
}

// Møre og Romsdal: Nynorsk/Bokmål names and the aliases of the county file. For 2024, old Ålesund (1507)
// is split: Haram and Brattvåg (its centre) → 1580 Haram; the rest (Ørskog, Skodje, Sandøy…) → 1508 Ålesund.
const HARAM_2024 = /^(haram|brattv(å|a|aa)g)\b/i;
const codes15 = new Set(county15.map((r) => r.code_2020));
check(county15.length === 26, `expected 26 municipalities in ${FILES.county15}`);
check(
  [...byCode['2020'].values()].filter((r) => r.county_code === '15').every((r) => codes15.has(r.code)),
  `${FILES.county15} and ${FILES.m2020} disagree on county 15`,
);
const code2024 = (r, name) => {
  const codes = r.code_2024.split('|');
  return codes.length === 1 ? codes[0] : HARAM_2024.test(name) ? '1580' : '1508';
};
for (const r of county15) {
  // "X kommune" forms are left out: the matcher drops a leading or trailing "kommune" itself.
  const names = [r.name_nn, r.name_nb, ...r.aliases.split('|')]
    .map((s) => s.trim())
    .filter((s) => s && !/ kommune$/i.test(s) && s !== byCode['2020'].get(r.code_2020)?.name);
  for (const name of names) {
    addAlias('2020', r.code_2020, name);
    addAlias('2024', code2024(r, name), name);
  }
}
// Municipalities merged in the 2020 reform, including those that left the county (Halsa → Heim).
for (const r of merged) {
  const name = withoutDisambiguation(r.old_name);
  if (name === withoutDisambiguation(r.became_name)) continue;
  addAlias('2020', r.became_code_2020, name);
  const r15 = county15.find((m) => m.code_2020 === r.became_code_2020);
  addAlias('2024', r15 ? code2024(r15, name) : r.became_code_2020, name);
}
// Parallel Sami/Kven names that came into use later in 2020–2023 (Evenes - Evenášši, Trondheim - Tråante…):
// the 2020 municipality of the same name also answers to them.
for (const m of byCode['2024'].values()) {
  if (!m.name.includes(' - ')) continue;
  const old = [...byCode['2020'].values()].find((o) => parts(o.name).some((x) => parts(m.name).includes(x)));
  if (!old) continue;
  for (const x of parts(m.name)) if (!parts(old.name).includes(x)) addAlias('2020', old.code, x);
}
const count15 = (p) => [...byCode[p].values()].filter((r) => r.county_code === '15').length;
check(count15('2020') === 26 && count15('2024') === 27, 'expected 26 / 27 municipalities in county 15');
check(byCode['2024'].get('1580')?.name === 'Haram', 'expected 1580 Haram in 2024');

// --- name keys -------------------------------------------------------------------------------

// Counties: the keys of the official name and of each parallel name, as the matcher's county list holds them.
const COUNTY_KEYS = {};
for (const p of PERIODS) {
  COUNTY_KEYS[p] = Object.fromEntries(
    Object.entries(COUNTIES[p]).map(([code, full]) => [code, [full, ...parts(full)].map(nameKey).join('|')]),
  );
}
// Municipalities: the keys of the official name, name, its parallel parts and aliases, in that order, each
// once. Those of the name and its parts get a "*": the matcher also indexes them with the county after them,
// which is what the key of "Herøy Nordland" and "Herøy i Nordland" is (checked here). One string per county,
// in the order of MUNICIPALITIES: an object keyed by municipality code took ~2.5 ms more to load.
const NAME_KEYS = {};
for (const p of PERIODS) {
  const perCounty = {};
  for (const r of byCode[p].values()) {
    const name = withoutDisambiguation(r.name);
    const own = [name, ...parts(name)];
    const bases = [...new Set(own.map(nameKey))];
    const keys = [...new Set([r.name, ...own, ...(ALIASES[p][r.code] ?? [])].map(nameKey))].filter(Boolean);
    check(bases.every(Boolean) && keys.filter((k) => bases.includes(k)).join('|') === bases.join('|'), `${r.code}: unexpected name keys`);
    const county = parts(r.county_name)[0];
    const countyKey = nameKey(county);
    for (const n of own) {
      check(nameKey(`${n} ${county}`) === `${nameKey(n)} ${countyKey}`, `${r.code}: key of "${n} ${county}"`);
      check(nameKey(`${n} i ${county}`) === `${nameKey(n)} i ${countyKey}`, `${r.code}: key of "${n} i ${county}"`);
    }
    (perCounty[r.county_code] ??= []).push(keys.map((k) => (bases.includes(k) ? `${k}*` : k)).join('|'));
  }
  NAME_KEYS[p] = Object.fromEntries(Object.entries(perCounty).map(([c, list]) => [c, list.join(';')]));
}

// --- write ------------------------------------------------------------------------------------
const sources = Object.values(FILES).join(', ');
const fromDir = relative(root, dataDir).replaceAll('\\', '/');
const json = (v) => JSON.stringify(v, null, 2).replaceAll('"', "'");
const aliasStrings = (p) =>
  Object.fromEntries(
    Object.keys(ALIASES[p])
      .sort()
      .map((c) => [c, ALIASES[p][c].join('|')]),
  );
const out = `// GENERATED by scripts/build-register-data.mjs — do not edit; run \`node scripts/build-register-data.mjs\`.
// From ${fromDir}/: ${sources}
// (Statistics Norway's KLASS 131 versions 2020 and 2024, and the Møre og Romsdal aliases and mergers).

/** '2020' = the register valid 2020-01-01 to 2023-12-31; '2024' = valid from 2024-01-01. */
export type RegisterPeriod = '2020' | '2024';

/** Counties: code → official name (parallel Sami/Kven names after " - "). */
export const COUNTIES: Record<RegisterPeriod, Record<string, string>> = ${json(COUNTIES)};

/** Municipalities per county: "code name|code name…" in code order, official names. */
export const MUNICIPALITIES: Record<RegisterPeriod, Record<string, string>> = ${json(MUNICIPALITIES)};

/**
 * Extra names a municipality answers to: code → names separated by "|" (Nynorsk/Bokmål forms, pre-2020
 * municipalities, ASCII and historic spellings, centres and villages, later parallel names).
 */
export const ALIASES: Record<RegisterPeriod, Record<string, string>> = {
  '2020': ${json(aliasStrings('2020')).replaceAll('\n', '\n  ')},
  '2024': ${json(aliasStrings('2024')).replaceAll('\n', '\n  ')},
};

/** Counties: code → the matcher's keys (nameKey) of the official name and of each parallel name, "|" between. */
export const COUNTY_KEYS: Record<RegisterPeriod, Record<string, string>> = ${json(COUNTY_KEYS)};

/**
 * Municipalities per county, in the order of MUNICIPALITIES, ";" between: the matcher's keys (nameKey) of the
 * official name, name, parallel parts and aliases, each once, "|" between; "*" marks those also indexed with
 * the county after them ("heroy nordland"). Worked out here so that start-up does not fold every name; a test
 * checks them against nameKey.
 */
export const NAME_KEYS: Record<RegisterPeriod, Record<string, string>> = ${json(NAME_KEYS)};
`;
writeFileSync(outFile, out);
console.log(`wrote ${relative(root, outFile)}: ${byCode['2020'].size} / ${byCode['2024'].size} municipalities`);
