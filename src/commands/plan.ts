// samling plan [FILE...] — the main job: import, decide, write every output, print the overview.
import { relative } from 'node:path';
import { createContext, type GlobalOptions } from './context.js';
import { planFor, registerFor } from './shared.js';
import { importReportLines, nextSteps, type ImportResult } from './import.js';
import { statusLines } from './status.js';
import { todayIn, writeLists, writeOptions, writeReport, writeRooming, writeSummaries, type OutputOptions } from './outputs.js';
import { applyImports, parseMapOptions, readImport, type ParsedFile } from '../workspace/importer.js';
import { statusJson } from '../core/status-json.js';
import { ExitCode, EXIT_ATTENTION } from '../errors.js';

export interface PlanOptions extends GlobalOptions, OutputOptions {
  map?: string[];
  sheet?: string;
  strict?: boolean;
}

export default async function planCommand(opts: PlanOptions, files: string[] = []): Promise<void> {
  const ctx = createContext(opts);
  const w = writeOptions(ctx, opts);
  const map = parseMapOptions(opts.map);
  const register = registerFor(ctx.settings);
  // Read and check every file before anything is written.
  const parsed: ParsedFile[] = [];
  for (const f of files) parsed.push(await readImport(f, ctx.settings, { map, sheet: opts.sheet }));

  const result = await ctx.workspace.withLock(async () => {
    const loaded = ctx.workspace.load();
    const { state, reports } = applyImports(loaded, parsed, new Date().toISOString());
    for (const p of parsed) ctx.workspace.keepCopy(p.path, p.table.hash);
    const plan = planFor(state, ctx.settings, register);
    const rooming = await writeRooming(plan, state, w);
    const summaries = writeSummaries(plan, w);
    const lists = writeLists(plan, w);
    const report = writeReport(plan, { ...w, today: todayIn(ctx.settings.timeZone), names: true });
    ctx.workspace.save(state);
    return { state, reports, plan, written: [...rooming.written, ...summaries, ...lists, report], changes: rooming.changes };
  });

  const { plan } = result;
  if (opts.json) {
    ctx.out.data(JSON.stringify({ ...statusJson(plan), imported: result.reports, written: result.written }, null, 2));
  } else {
    if (parsed.length) {
      const imported = new Set(parsed.flatMap((p) => p.registrations.map((r) => r.id)));
      const flagged = plan.registrations.filter((r) => imported.has(r.id) && (r.problems.length > 0 || r.warnings.length > 0 || r.status === 'not-eligible'));
      const ir: ImportResult = { reports: result.reports, state: result.state, plan, flagged };
      ctx.out.data(importReportLines(ir, false).join('\n') + '\n');
    }
    ctx.out.data(statusLines(plan, todayIn(ctx.settings.timeZone)).filter((l, i, a) => !(i === a.length - 1 && l === '')).join('\n'));
    const where = relative(process.cwd(), w.outDir) || '.';
    const letters = result.written.filter((f) => f.startsWith('municipalities/') || f.startsWith('municipalities\\')).length;
    const files = result.written.filter((f) => !f.startsWith('municipalities/') && !f.startsWith('municipalities\\'));
    ctx.out.info(`\nWrote to ${where}/: ${files.join(', ')}, and ${letters} letters in municipalities/`);
    for (const [hotel, n] of Object.entries(result.changes)) {
      ctx.out.info(n ? `${hotel}: ${n} change(s) since the last list (rooming-changes file)` : `${hotel}: no changes since the last list`);
    }
  }
  if (opts.strict && nextSteps(plan).length) throw new ExitCode(EXIT_ATTENTION);
}
