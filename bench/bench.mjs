// npm run bench — SPEC 9 and issue 5: `samling plan` on generated Google Forms exports of 1k–1M rows beside
// csv-parse alone on the same file, and `samling --help` beside a bare `node -e 0`.
//
// Fairness: both sides are whole processes (node start-up, reading the file, parsing; plan also decides and
// writes every output and the workspace state), run alternately, median of several runs. The baseline's
// in-process parse time is shown too. Peak memory is the process's maxRSS, written on exit by a preload.
// Environment: BENCH_SIZES=1000,10000 to choose sizes, BENCH_REPEATS=3 to force the repeats.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results');
// A private copy of the build (inside the repository, so node_modules still resolves): a rebuild of dist/
// by someone else during the run cannot break or change what is measured.
const APP = join(RESULTS, `.app-${process.pid}`);
cpSync(join(ROOT, 'bin'), join(APP, 'bin'), { recursive: true });
cpSync(join(ROOT, 'dist'), join(APP, 'dist'), { recursive: true });
process.on('exit', () => rmSync(APP, { recursive: true, force: true }));
const BIN = join(APP, 'bin', 'samling.js');
const BASELINE = join(ROOT, 'bench', 'csv-parse-alone.mjs');
const FLOOR = join(ROOT, 'bench', 'write-floor.mjs');
const SKETCH = join(ROOT, 'bench', 'work-sketch.mjs');
const PRELOAD = pathToFileURL(join(ROOT, 'bench', 'maxrss.mjs')).href;
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
const repeatsFor = (n) => Number(process.env.BENCH_REPEATS ?? (n >= 1_000_000 ? 2 : n >= 100_000 ? 3 : 5));

const tmp = mkdtempSync(join(tmpdir(), 'samling-bench-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;

/** Runs node with args; returns wall ms, peak RSS (KiB) and stdout. Fails loudly on an unexpected exit. */
function timed(args, { rss = true, cwd = tmp } = {}) {
  const rssFile = join(tmp, 'rss');
  rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, rss ? ['--import', PRELOAD, ...args] : args, {
    cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', CI: 'true' }, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stderr}`);
  return { ms, rssKiB: rss && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null, stdout: r.stdout, stderr: r.stderr };
}

/** The bytes of every file below `dir`. */
function bytesBelow(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath ?? e.path, e.name)).size;
  return n;
}

function planOnce(file) {
  const ws = mkdtempSync(join(tmp, 'ws-'));
  try {
    // --verbose: each phase's time on stderr ("samling: deciding 97,944 rows: 0.35 s"), kept per run.
    const run = timed([BIN, 'plan', file, '--workspace', ws, '--no-input', '--quiet', '--verbose']);
    const phases = {};
    for (const [, label, s] of run.stderr.matchAll(/^samling: (.+): ([\d.]+) s, \d+ MiB$/gm)) {
      phases[label.replace(/^reading .*/, 'reading').replace(/ [\d,]+ rows$/, '')] = Math.round(Number(s) * 1000);
    }
    return { ...run, phases, bytesWritten: bytesBelow(ws) };
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version, platform: `${process.platform} ${process.arch}`, loadAtStart: loadavg().map((x) => +x.toFixed(2)),
};
console.log(`samling bench — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAtStart.join(' ')}`);

const started = Date.now();
const sizes = [];
for (const n of SIZES) {
  const file = join(tmp, `export-${n}.csv`);
  await generate(n, file);
  const repeats = repeatsFor(n);
  const plan = [];
  const parse = [];
  const floor = [];
  const sketch = [];
  const floorOnce = () => floor.push(timed([FLOOR, file, ',', String(plan[0].bytesWritten), join(tmp, 'floor.out')]));
  const sketchOnce = () => sketch.push(timed([SKETCH, file, join(tmp, 'sketch')]));
  // The file was just written, so it is in the page cache for all three.
  for (let i = 0; i < repeats; i++) {
    // Rotate which goes first, so that none always meets a warmer machine (plan first in the first round: the
    // floor writes as many bytes as it did).
    const four = [() => plan.push(planOnce(file)), () => parse.push(timed([BASELINE, file, ','])), floorOnce, sketchOnce];
    for (let k = 0; k < 4; k++) four[(i + k) % 4]();
  }
  const row = {
    rows: n, bytes: statSync(file).size, repeats,
    planMs: median(plan.map((r) => r.ms)), planPeakKiB: Math.max(...plan.map((r) => r.rssKiB)),
    csvParseMs: median(parse.map((r) => r.ms)), csvParsePeakKiB: Math.max(...parse.map((r) => r.rssKiB)),
    csvParseInProcessMs: median(parse.map((r) => Number(r.stdout))),
    planBytesWritten: plan[0].bytesWritten, floorMs: median(floor.map((r) => r.ms)), floorPeakKiB: Math.max(...floor.map((r) => r.rssKiB)),
    sketchMs: median(sketch.map((r) => r.ms)), sketchPeakKiB: Math.max(...sketch.map((r) => r.rssKiB)),
    planRuns: plan.map((r) => Math.round(r.ms)), csvParseRuns: parse.map((r) => Math.round(r.ms)), floorRuns: floor.map((r) => Math.round(r.ms)),
    sketchRuns: sketch.map((r) => Math.round(r.ms)),
    // The phases of the run nearest the median (ms).
    planPhases: [...plan].sort((a, b) => Math.abs(a.ms - median(plan.map((r) => r.ms))) - Math.abs(b.ms - median(plan.map((r) => r.ms))))[0].phases,
  };
  row.ratio = +(row.planMs / row.csvParseMs).toFixed(2);
  row.floorRatio = +(row.floorMs / row.csvParseMs).toFixed(2);
  row.sketchRatio = +(row.sketchMs / row.csvParseMs).toFixed(2);
  sizes.push(row);
  rmSync(file, { force: true });
  console.error(`  ${n} rows: plan ${fmt(row.planMs)}, csv-parse ${fmt(row.csvParseMs)} (${row.ratio}×), floor ${fmt(row.floorMs)} (${row.floorRatio}×), sketch ${fmt(row.sketchMs)} (${row.sketchRatio}×)`);
}

const help = [];
const bare = [];
for (let i = 0; i < 31; i++) {
  if (i % 2) bare.push(timed(['-e', '0'], { rss: false }).ms);
  help.push(timed([BIN, '--help'], { rss: false }).ms);
  if (!(i % 2)) bare.push(timed(['-e', '0'], { rss: false }).ms);
}
const helpRow = { helpMs: median(help), bareNodeMs: median(bare) };
helpRow.ratio = +(helpRow.helpMs / helpRow.bareNodeMs).toFixed(2);

// Linear growth: time per 1,000 rows at each size, and each size against ten times the one before.
const lines = [
  '| rows | file | `samling plan` | peak memory | csv-parse alone (process) | csv-parse (in-process parse) | plan ÷ csv-parse | plan per 1k rows |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...sizes.map((s) => `| ${s.rows.toLocaleString('en')} | ${(s.bytes / 2 ** 20).toFixed(1)} MiB | ${fmt(s.planMs)} | ${mib(s.planPeakKiB)} | ${fmt(s.csvParseMs)} | ${fmt(s.csvParseInProcessMs)} | ${s.ratio}× | ${(s.planMs / (s.rows / 1000)).toFixed(1)} ms |`),
  '',
  'The floor: csv-parse alone, then the copy of the file and as many other bytes as `plan` writes, made in a cheap way (`write-floor.mjs`):',
  '',
  '| rows | `plan` writes | floor | floor ÷ csv-parse | `plan` beyond the floor |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...sizes.map((s) => `| ${s.rows.toLocaleString('en')} | ${(s.planBytesWritten / 2 ** 20).toFixed(1)} MiB | ${fmt(s.floorMs)} | ${s.floorRatio}× | ${fmt(s.planMs - s.floorMs)} |`),
  '',
  'The sketch: a part of `plan`\'s work, written lean and column-wise (`work-sketch.mjs`; what it does and leaves out is at its head):',
  '',
  '| rows | sketch | peak memory | sketch ÷ csv-parse | `samling plan` ÷ sketch |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...sizes.map((s) => `| ${s.rows.toLocaleString('en')} | ${fmt(s.sketchMs)} | ${mib(s.sketchPeakKiB)} | ${s.sketchRatio}× | ${(s.planMs / s.sketchMs).toFixed(2)}× |`),
  '',
  `Where \`plan\`'s time goes (ms, from \`--verbose\`; the rest is Node start-up and printing):`,
  '',
  `| rows | ${Object.keys(sizes.at(-1).planPhases).join(' | ')} |`,
  `| ---: | ${Object.keys(sizes.at(-1).planPhases).map(() => '---:').join(' | ')} |`,
  ...sizes.map((s) => `| ${s.rows.toLocaleString('en')} | ${Object.keys(sizes.at(-1).planPhases).map((k) => s.planPhases[k] ?? '').join(' | ')} |`),
  '',
  `| \`samling --help\` | \`node -e 0\` | ratio |`,
  '| ---: | ---: | ---: |',
  `| ${fmt(helpRow.helpMs)} | ${fmt(helpRow.bareNodeMs)} | ${helpRow.ratio}× |`,
];
machine.loadAtEnd = loadavg().map((x) => +x.toFixed(2));
const result = { date: new Date().toISOString(), machine, sizes, help: { ...helpRow, helpRuns: help.map(Math.round), bareRuns: bare.map(Math.round) }, totalSeconds: Math.round((Date.now() - started) / 1000) };
mkdirSync(RESULTS, { recursive: true });
const out = join(RESULTS, `bench-${result.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
console.log('\n' + lines.join('\n'));
console.log(`\n${result.totalSeconds} s in all; load at the end ${machine.loadAtEnd.join(' ')}; JSON: ${out}`);
rmSync(tmp, { recursive: true, force: true });
