// samling import FILE... — read exports into the workspace and report every row and every problem.
import { createContext, type GlobalOptions } from './context.js';
import { applyImports, parseMapOptions, readImport, type FileReport, type ParsedFile } from '../workspace/importer.js';
import { planFor, plural } from './shared.js';
import { problemText } from '../core/render/i18n.js';
import { color } from '../ui/color.js';
import type { Context } from './context.js';
import type { Plan, PlannedRegistration } from '../core/types.js';
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
}

/** Reads every file first (bad input stops here, nothing written), then merges under the lock. */
export async function runImport(ctx: Context, files: string[], opts: { map?: string[]; sheet?: string; dryRun?: boolean }): Promise<ImportResult> {
  const map = parseMapOptions(opts.map);
  const parsed: ParsedFile[] = [];
  for (const f of files) parsed.push(await readImport(f, ctx.settings, { map, sheet: opts.sheet }));
  const now = new Date().toISOString();
  const merge = (state: WorkspaceState) => applyImports(state, parsed, now);
  let result: { state: WorkspaceState; reports: FileReport[] };
  if (opts.dryRun) {
    result = merge(ctx.workspace.load());
  } else {
    result = await ctx.workspace.withLock(() => {
      const r = merge(ctx.workspace.load());
      for (const p of parsed) ctx.workspace.keepCopy(p.path, p.table.hash);
      ctx.workspace.save(r.state);
      return r;
    });
  }
  const plan = planFor(result.state, ctx.settings);
  const imported = new Set(parsed.flatMap((p) => p.registrations.map((r) => r.id)));
  const flagged = plan.registrations.filter(
    (r) => imported.has(r.id) && (r.problems.length > 0 || r.warnings.length > 0 || r.status === 'not-eligible'),
  );
  return { reports: result.reports, state: result.state, plan, flagged };
}

export function importReportJson(result: ImportResult) {
  return {
    files: result.reports,
    totals: sumReports(result.reports),
    problems: result.flagged.map((r) => ({
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

/** The import report as lines for the terminal. Names nobody: rows are named by file, row and id. */
export function importReportLines(result: ImportResult, dryRun: boolean): string[] {
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
    for (const r of result.flagged) {
      const texts = [...r.problems, ...r.warnings].map((p) => problemText(p, 'en'));
      if (r.status === 'not-eligible' && r.outside) texts.push(r.outside.county ? `${r.outside.name}: not eligible for a paid room (${r.outside.county})` : `"${r.organisation}": not a municipality of the region, no paid room`);
      const mark = r.status === 'needs-attention' ? color.red('!') : color.yellow('·');
      lines.push(`  ${mark} ${r.source.file} row ${r.source.row} (${r.id}): ${texts.join('; ')}`);
    }
  }
  if (dryRun) lines.push('', color.yellow('Dry run: nothing was written.'));
  return lines;
}

/** What to do next, after an import or a plan. */
export function nextSteps(plan: Plan): string[] {
  const lines: string[] = [];
  const count = (s: string) => plan.registrations.filter((r) => r.status === s).length;
  const late = count('late-pending');
  const attention = count('needs-attention');
  const review = plan.registrations.filter((r) => r.extraNight === 'review').length;
  if (late) lines.push(`${plural(late, 'late registration waits', 'late registrations wait')} for a decision: samling late`);
  if (attention) lines.push(`${plural(attention, 'registration needs', 'registrations need')} attention: samling status (or out/needs-attention.csv after samling plan)`);
  if (review) lines.push(`${plural(review, 'extra-night request waits', 'extra-night requests wait')} for review: samling decide ID --extra-night / --no-extra-night`);
  return lines;
}

export default async function importCommand(opts: ImportOptions, files: string[]): Promise<void> {
  const ctx = createContext(opts);
  const result = await runImport(ctx, files, opts);
  if (opts.json) {
    ctx.out.data(JSON.stringify(importReportJson(result), null, 2));
    return;
  }
  ctx.out.data(importReportLines(result, !!opts.dryRun).join('\n'));
  const next = nextSteps(result.plan);
  if (next.length) ctx.out.info('\n' + next.join('\n'));
}
