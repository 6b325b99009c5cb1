// samling import FILE... — read exports into the workspace and report every row and every problem.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createContext, type GlobalOptions } from './context.js';
export { nextSteps } from './shared.js';
import { fold } from '../core/text.js';
import { InputError } from '../errors.js';
import { applyImports, parseMapOptions, readImport, type FileReport, type ParsedFile } from '../workspace/importer.js';
import { nextSteps, planFor, plural, registerFor } from './shared.js';
import { problemText } from '../core/render/i18n.js';
import { JsonList } from '../core/render/json.js';
import { CONFIG_FILE } from '../config/config.js';
import { writeFileAtomic } from '../io/atomic.js';
import { color } from '../ui/color.js';
import { createProgress, NO_PROGRESS, type Progress } from '../ui/progress.js';
import type { Context } from './context.js';
import type { Decision, Plan, PlannedRegistration, Register } from '../core/types.js';
import type { WorkspaceState } from '../workspace/workspace.js';

export interface ImportOptions extends GlobalOptions {
  map?: string[];
  sheet?: string;
  dryRun?: boolean;
}

export interface ImportResult {
  reports: FileReport[];
  state: WorkspaceState;
  plan: Plan;
  /** Registrations read in this import that have problems, or are not eligible. */
  flagged: PlannedRegistration[];
  /** What the organiser decided when asked, and columns remembered. */
  messages: string[];
}

/** Reads every file (in a terminal, asking for a column that cannot be found). Bad input stops here. */
export async function readAll(ctx: Context, files: string[], opts: { map?: string[]; sheet?: string }, progress: Progress): Promise<ParsedFile[]> {
  const map = parseMapOptions(opts.map);
  const ask = ctx.interactive ? (await import('../ui/review.js')).askColumn : undefined;
  const parsed: ParsedFile[] = [];
  for (const f of files) parsed.push(await readImport(f, ctx.settings, { map, sheet: opts.sheet, ask, progress }));
  // A --map header that no file has is a typo: say so rather than import without it.
  const unmatched = Object.keys(map).filter((h) => parsed.every((p) => p.mapping.unmatchedOverrides.includes(fold(h))));
  if (unmatched.length && parsed.length) {
    const headers = [...new Set(parsed.flatMap((p) => p.table.headers))].map((h) => `"${h}"`).join(', ');
    throw new InputError(`--map "${unmatched[0]}=…": no column has that header`, parsed.length === 1 ? parsed[0]!.path : undefined, undefined, `Headers found: ${headers}.`);
  }
  return parsed;
}

/** Identifies the state file's version, to see whether another process saved it meanwhile. */
export function stateStamp(ctx: Context): string {
  try {
    const st = statSync(ctx.workspace.statePath);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'none';
  }
}

/**
 * In a terminal, the questions an import raises: unknown municipality names among `only` (all when not
 * given), then municipalities over their quota ('ask' = a yes/no first). Returns the decisions to record.
 */
export async function askAfterImport(
  ctx: Context,
  state: WorkspaceState,
  plan: Plan,
  register: Register,
  opts: { only?: Set<string>; overQuota: 'ask' | 'always' | 'never' },
): Promise<{ decisions: Decision[]; messages: string[]; plan: Plan }> {
  const { reviewMunicipalities, chooseOverQuota, overQuotaUndecided } = await import('../ui/review.js');
  const at = new Date().toISOString();
  const decisions: Decision[] = [];
  const messages: string[] = [];
  const unknown = plan.registrations.filter(
    (r) => r.status === 'needs-attention' && (!opts.only || opts.only.has(r.id)) && r.problems.some((p) => p.code === 'unknown-municipality'),
  );
  for (const a of await reviewMunicipalities(unknown, register)) {
    decisions.push({ kind: 'map-municipality', id: a.id, name: a.name, code: a.code, at });
    const typed = unknown.find((r) => r.id === a.id)!.organisation;
    const means = a.code ? register.municipalities.find((m) => m.code === a.code)?.name ?? a.code : 'not a municipality of the region';
    messages.push(`Remembered: “${typed}” means ${means} (for everyone who typed it).`);
  }
  const replan = () => planFor({ ...state, decisions: [...state.decisions, ...decisions] }, ctx.settings, register);
  if (decisions.length) plan = replan();
  if (opts.overQuota !== 'never') {
    const list = overQuotaUndecided(plan, [...state.decisions, ...decisions]);
    const places = await chooseOverQuota(list, ctx.settings.quota, opts.overQuota === 'ask');
    for (const a of places) decisions.push({ kind: a.kind, id: a.id, at });
    if (places.length) {
      plan = replan();
      const touched = new Set(list.filter((m) => m.candidates.some((r) => places.some((a) => a.id === r.id))).map((m) => m.code));
      for (const m of list.filter((x) => touched.has(x.code))) {
        const covered = plan.registrations.filter((r) => r.municipality?.code === m.code && r.status === 'covered');
        messages.push(`${m.name}: the places go to ${covered.map((r) => `${r.firstName} ${r.lastName}`.trim()).join(', ') || 'nobody'}.`);
      }
      messages.push(`Saved as ${places.length} cover/uncover decisions (samling decide lists them; samling decide ID --undo takes one back).`);
    }
  }
  return { decisions, messages, plan };
}

/** Over-quota municipalities nobody has chosen for: what the rule did, and how to choose otherwise. */
export function overQuotaHint(ctx: Context, plan: Plan, decisions: Decision[]): string | null {
  if (!plan.municipalities.some((m) => m.overQuota)) return null;
  const decided = new Set(decisions.filter((d) => d.kind === 'cover' || d.kind === 'uncover').map((d) => d.id));
  const chosen = new Set<string>();
  if (decided.size) for (const r of plan.registrations) if (r.municipality && decided.has(r.id)) chosen.add(r.municipality.code);
  const over = plan.municipalities.filter((m) => m.overQuota && !chosen.has(m.code));
  if (!over.length) return null;
  const shown = over.slice(0, 5).map((m) => `${m.name} ${m.covered + m.overQuota} for ${plan.event.quota}`).join(', ') + (over.length > 5 ? ` and ${over.length - 5} more` : '');
  return `More people than places: ${shown}. The earliest registrations have the places; to choose others: ` +
    `samling decide ID --cover / --uncover${ctx.interactive ? ' or samling plan --review' : ''}.`;
}

/** Remembers the columns the organiser named, in the config file in use (created when absent), atomically. */
export function rememberColumns(ctx: Context, parsed: ParsedFile[]): string | null {
  const learned = Object.assign({}, ...parsed.map((p) => p.learned)) as Record<string, string>;
  if (!Object.keys(learned).length) return null;
  const path = ctx.opts.config ? resolve(ctx.opts.config) : join(ctx.workspace.dir, CONFIG_FILE);
  const data = (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) : {}) as { columns?: Record<string, string> };
  data.columns = { ...data.columns, ...learned };
  writeFileAtomic(path, JSON.stringify(data, null, 2) + '\n');
  const what = Object.entries(learned).map(([h, f]) => `"${h.trim()}" is ${f}`).join(', ');
  return `Remembered in ${relative(process.cwd(), path) || CONFIG_FILE}: ${what} (next time samling will not ask).`;
}

/** Reads every file first (bad input stops here, nothing written), asks in a terminal, then merges under the lock. */
export async function runImport(
  ctx: Context,
  files: string[],
  opts: { map?: string[]; sheet?: string; dryRun?: boolean },
  progress: Progress = NO_PROGRESS,
): Promise<ImportResult> {
  const register = registerFor(ctx.settings);
  const parsed = await readAll(ctx, files, opts, progress);
  const now = new Date().toISOString();
  const stamp = stateStamp(ctx);
  progress.phase('merging', { rows: parsed.reduce((n, p) => n + p.rowsRead, 0) });
  let result = applyImports(ctx.workspace.load(), parsed, now);
  progress.phase('deciding', { rows: result.state.registrations.current.size });
  let plan = planFor(result.state, ctx.settings, register);
  let asked: Awaited<ReturnType<typeof askAfterImport>> = { decisions: [], messages: [], plan };
  if (ctx.interactive && !opts.dryRun) {
    progress.done();
    asked = await askAfterImport(ctx, result.state, plan, register, { only: importedIds(parsed), overQuota: 'ask' });
    plan = asked.plan;
  }
  const messages = [...asked.messages];
  if (!opts.dryRun) {
    progress.phase('saving the workspace');
    let reloaded = false;
    result = await ctx.workspace.withLock(() => {
      const r = stateStamp(ctx) === stamp ? result : ((reloaded = true), applyImports(ctx.workspace.load(), parsed, now));
      r.state.decisions.push(...asked.decisions);
      // First: a config that cannot be written then leaves the workspace as it was.
      const remembered = rememberColumns(ctx, parsed);
      if (remembered) messages.push(remembered);
      for (const p of parsed) ctx.workspace.keepCopy(p.path, p.table.hash);
      ctx.workspace.save(r.state);
      return r;
    });
    if (reloaded) plan = planFor(result.state, ctx.settings, register);
  } else if (parsed.some((p) => Object.keys(p.learned).length)) {
    messages.push('Dry run: the columns you named are not remembered (use --map "Header=field", or run without --dry-run).');
  }
  progress.done();
  return { reports: result.reports, state: result.state, plan, flagged: flaggedAfterImport(plan, parsed), messages };
}

/** The ids of the registrations in the files just read. */
export const importedIds = (parsed: ParsedFile[]): Set<string> => new Set(parsed.flatMap((p) => p.registrations.map((r) => r.id)));

/**
 * The registrations just imported that have something to look at: a problem, a warning, or no right to a
 * place. Few have, so they are found first and then looked for among the imported (no set of everyone's id).
 */
export function flaggedAfterImport(plan: Plan, parsed: ParsedFile[]): PlannedRegistration[] {
  const flagged = plan.registrations.filter((r) => r.problems.length > 0 || r.warnings.length > 0 || r.status === 'not-eligible');
  if (flagged.length === 0) return flagged;
  const wanted = new Set(flagged.map((r) => r.id));
  const imported = new Set<string>();
  for (const p of parsed) for (const r of p.registrations) if (wanted.has(r.id)) imported.add(r.id);
  return flagged.filter((r) => imported.has(r.id));
}

export function importReportJson(result: ImportResult) {
  return {
    files: result.reports,
    totals: sumReports(result.reports),
    problems: new JsonList(result.flagged, (r: PlannedRegistration) => ({
      id: r.id,
      file: r.source.file,
      row: r.source.row,
      status: r.status,
      problems: r.problems.map((p) => problemText(p, 'en')),
      warnings: r.warnings.map((p) => problemText(p, 'en')),
      ...(r.status === 'not-eligible' ? { notEligible: r.outside } : {}),
    })),
  };
}

function sumReports(reports: FileReport[]) {
  const t = { rowsRead: 0, added: 0, updated: 0, unchanged: 0, duplicates: 0, blank: 0 };
  for (const r of reports) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  return t;
}

function describeDelimiter(d: string | null): string {
  if (d === null) return '';
  return { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[d] ?? `"${d}"`;
}

/**
 * The import report as lines for the terminal. Names nobody: rows are named by file, row and id. `samling
 * import` lists every row to look at (SPEC 5); `plan`, an overview, lists the first `limit` and says where
 * the rest are (`more`).
 */
export function importReportLines(
  result: ImportResult,
  dryRun: boolean,
  region = 'the region',
  cut?: { limit: number; more: string },
): string[] {
  const lines: string[] = [];
  for (const r of result.reports) {
    const how = [r.encoding, r.sheet ? `sheet "${r.sheet}"` : '', describeDelimiter(r.delimiter) && `${describeDelimiter(r.delimiter)}-separated`]
      .filter(Boolean)
      .join(', ');
    lines.push(`${color.bold(r.file)} (${how}): ${plural(r.rowsRead, 'row', 'rows')} read`);
    lines.push(
      `  ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${plural(r.duplicates, 'merged duplicate', 'merged duplicates')}, ${plural(r.blank, 'blank row', 'blank rows')} skipped`,
    );
  }
  if (result.flagged.length) {
    lines.push('');
    lines.push(color.bold('To look at:'));
    // In file and row order, as the organiser finds them in the sheet.
    const files = result.reports.map((r) => basename(r.file));
    const fileOrder = (name: string) => (files.indexOf(name) + 1 || files.length + 1);
    const flagged = [...result.flagged].sort((a, b) => fileOrder(a.source.file) - fileOrder(b.source.file) || a.source.row - b.source.row);
    const shown = cut ? flagged.slice(0, cut.limit) : flagged;
    for (const r of shown) {
      const texts = [...r.problems, ...r.warnings].map((p) => problemText(p, 'en'));
      if (r.status === 'not-eligible' && r.outside) {
        texts.push(r.outside.county
          ? `${r.outside.name}: a municipality in ${r.outside.county}, not in ${region}, so no paid room`
          : `"${r.organisation}": not a municipality of ${region}, no paid room`);
      }
      const mark = r.status === 'needs-attention' ? color.red('!') : color.yellow('·');
      lines.push(`  ${mark} ${r.source.file} row ${r.source.row} (${r.id}): ${texts.join('; ')}`);
    }
    if (shown.length < flagged.length) lines.push(`  … and ${flagged.length - shown.length} more (${cut!.more})`);
  }
  if (dryRun) lines.push('', color.yellow('Dry run: nothing was written.'));
  return lines;
}


export default async function importCommand(opts: ImportOptions, files: string[]): Promise<void> {
  const ctx = await createContext(opts);
  const progress = createProgress(opts);
  let result: ImportResult;
  try {
    result = await runImport(ctx, files, opts, progress);
  } finally {
    progress.done();
  }
  if (opts.json) {
    await ctx.out.json(importReportJson(result));
    return;
  }
  ctx.out.data(importReportLines(result, !!opts.dryRun, registerFor(ctx.settings).regionName).join('\n'));
  const next = [...result.messages, ...nextSteps(result.plan)];
  const over = overQuotaHint(ctx, result.plan, result.state.decisions);
  if (over) next.push(over);
  if (next.length) ctx.out.info('\n' + next.join('\n'));
}
