// What every command starts from: the options, the settings, the workspace, where to print,
// and whether it may ask questions.
import { Workspace } from '../workspace/workspace.js';
import { loadSettings } from '../config/config.js';
import { consoleOutput, type Output } from '../ui/output.js';
import type { EventSettings, Lang } from '../core/types.js';

export interface GlobalOptions {
  workspace: string;
  config?: string;
  out?: string;
  lang: Lang;
  json?: boolean;
  input: boolean;
  color: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export interface Context {
  opts: GlobalOptions;
  settings: EventSettings;
  /** The settings file used, or null for the embedded default event. */
  settingsSource: string | null;
  workspace: Workspace;
  out: Output;
  /** True only when prompting is allowed: terminals on both ends, no --no-input, no --json, no CI. */
  interactive: boolean;
}

export function canPrompt(opts: Pick<GlobalOptions, 'input' | 'json'>, env = process.env): boolean {
  if (opts.input === false || opts.json) return false;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return false;
  return !!process.stdin.isTTY && !!process.stdout.isTTY;
}

export async function createContext(opts: GlobalOptions): Promise<Context> {
  const workspace = new Workspace(opts.workspace);
  workspace.ensureFolder(opts.workspace);
  const { settings, source } = await loadSettings(workspace.dir, opts.config);
  return {
    opts,
    settings,
    settingsSource: source,
    workspace,
    out: consoleOutput(!!opts.quiet),
    interactive: canPrompt(opts),
  };
}
