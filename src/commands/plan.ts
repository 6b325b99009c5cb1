// samling plan [FILE...] — the main job: import, decide, write every output, print the overview.
// In a terminal it asks what the import raises (a missing column, an unknown municipality name, and —
// after new files or with --review — who gets the places where a municipality is over its quota),
// before taking the workspace lock, so a question never holds up another samling.
import { join } from 'node:path';
import { createContext, type GlobalOptions } from './context.js';
import { planFor, registerFor, waitsForOrganiser } from './shared.js';
import { askAfterImport, flaggedAfterImport, importedIds, importReportLines, overQuotaHint, readAll, rememberColumns, stateStamp, type ImportResult } from './import.js';
import { statusLines } from './status.js';
import { changesLines, removeLeftoverOutputs, shownOutDir, todayIn, updateRooming, writeLists, writeOptions, writeReport, writeSummaries, type OutputOptions } from './outputs.js';
import { applyImports } from '../workspace/importer.js';
import { statusJson } from '../core/render/status-json.js';
import { ExitCode, EXIT_ATTENTION, InputError } from '../errors.js';
import { createProgress } from '../ui/progress.js';

export interface PlanOptions extends GlobalOptions, OutputOptions {
  map?: string[];
  sheet?: string;
  strict?: boolean;
  review?: boolean;
}

export default async function planCommand(opts: PlanOptions, files: string[] = []): Promise<void> {
  const ctx = await createContext(opts);
  if (opts.review && !ctx.interactive) {
    throw new InputError('--review asks questions, but this is not a terminal (or --no-input, --json or CI is set)', undefined, undefined,
      'Decide without questions: samling decide ID --cover / --uncover, samling decide ID --municipality CODE, samling late --approve ID.');
  }
  const w = writeOptions(ctx, opts);
  const register = registerFor(ctx.settings);
  const progress = createProgress(opts);
  let result;
  try {
    // Read and check every file, and ask what needs asking, before anything is written.
    const parsed = await readAll(ctx, files, opts, progress);
    const now = new Date().toISOString();
    const stamp = stateStamp(ctx);
    const merge = () => applyImports(ctx.workspace.load(), parsed, now);
    progress.phase('merging', { rows: parsed.reduce((n, p) => n + p.rowsRead, 0) });
    let merged = merge();
    progress.phase('deciding', { rows: merged.state.registrations.current.size });
    let plan = planFor(merged.state, ctx.settings, register);
    let decisions: Awaited<ReturnType<typeof askAfterImport>>['decisions'] = [];
    let messages: string[] = [];
    if (ctx.interactive && (parsed.length || opts.review)) {
      progress.done();
      const only = opts.review ? undefined : importedIds(parsed);
      ({ decisions, messages, plan } = await askAfterImport(ctx, merged.state, plan, register, { only, overQuota: opts.review ? 'always' : 'ask' }));
    }

    result = await ctx.workspace.withLock(async () => {
      removeLeftoverOutputs(w);
      // Another samling saved meanwhile (while the organiser answered): start again from what it saved.
      const changed = stateStamp(ctx) !== stamp;
      if (changed) merged = merge();
      const { state, reports } = merged;
      state.decisions.push(...decisions);
      if (changed) plan = planFor(state, ctx.settings, register);
      const writeRoomingLists = updateRooming(plan, state, w);
      // The state is complete now: saved around the outputs (see saveAround), which are written to their
      // temporary files and put in place together with it, so that a state or an output that cannot be
      // written leaves every output and the workspace as they were.
      progress.phase('saving the workspace');
      const written = await ctx.workspace.saveAround(state, async (files) => {
        // The columns the organiser named, first: a config that cannot be written then changes nothing else.
        const remembered = rememberColumns(ctx, parsed);
        if (remembered) messages.push(remembered);
        progress.phase('writing the letters and summaries');
        const summaries = writeSummaries(plan, w, files);
        progress.phase('writing the participant lists');
        const lists = writeLists(plan, w, files);
        progress.phase('writing the report');
        const report = writeReport(plan, { ...w, today: todayIn(ctx.settings.timeZone), names: true }, files);
        // Last, so they are put in place last. Every target is checked before any rename (a list another
        // program holds stops plan there, with every file as it was); should a rename still fail midway, the
        // hotels' lists are the likeliest to stay as they were with the state.
        progress.phase('writing the rooming lists');
        const rooming = await writeRoomingLists(files);
        progress.phase('putting the workspace in place');
        for (const p of parsed) ctx.workspace.keepCopy(p.path, p.table.hash);
        return { files: [...rooming.written, ...summaries, ...lists, report], changes: rooming.changes };
      });
      return { state, reports, plan, parsed, written: written.files, changes: written.changes };
    });
    result = { ...result, messages };
  } finally {
    progress.done();
  }

  const { plan, parsed } = result;
  if (opts.json) {
    await ctx.out.json({ ...statusJson(plan), imported: result.reports, written: result.written });
  } else {
    const where = shownOutDir(w);
    if (parsed.length) {
      const ir: ImportResult = { reports: result.reports, state: result.state, plan, flagged: flaggedAfterImport(plan, parsed), messages: [] };
      // An overview: the first rows to look at, and where the rest are (a big import would flood the terminal).
      const more = `every one: samling import FILE --dry-run; those that need attention: ${join(where, 'needs-attention.csv')}`;
      ctx.out.data(importReportLines(ir, false, register.regionName, { limit: 20, more }).join('\n') + '\n');
    }
    ctx.out.data(statusLines(plan, todayIn(ctx.settings.timeZone)).filter((l, i, a) => !(i === a.length - 1 && l === '')).join('\n'));
    const letters = result.written.filter((f) => f.startsWith('municipalities/') || f.startsWith('municipalities\\')).length;
    const files = result.written.filter((f) => !f.startsWith('municipalities/') && !f.startsWith('municipalities\\'));
    if (result.messages.length) ctx.out.info('\n' + result.messages.join('\n'));
    ctx.out.info(`\nWrote to ${where}/: ${files.join(', ')}, and ${letters} letters in municipalities/`);
    for (const line of changesLines(result.changes, w)) ctx.out.info(line);
    const over = overQuotaHint(ctx, plan, result.state.decisions);
    if (over) ctx.out.info(over);
  }
  // The same test as `check` (nextSteps says what to do about each kind).
  if (opts.strict && plan.registrations.some(waitsForOrganiser)) throw new ExitCode(EXIT_ATTENTION);
}
