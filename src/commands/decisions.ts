// Recording organisers' decisions in the workspace (under the lock), shared by `late` and `decide`.
import { InputError } from '../errors.js';
import { findRegistration } from './shared.js';
import type { Context } from './context.js';
import type { Decision, Registration } from '../core/types.js';
import type { WorkspaceState } from '../workspace/workspace.js';

/** Resolves ids or e-mails to registrations; an unknown one stops everything (exit 2, nothing written). */
export function resolveAll(state: WorkspaceState, ids: string[]): Registration[] {
  return ids.map((id) => {
    const r = findRegistration(state, id);
    if (!r) {
      throw new InputError(
        `no registration with id or e-mail "${id}"`,
        undefined,
        undefined,
        'See the ids with samling status, or in out/needs-attention.csv and out/late-registrations.csv.',
      );
    }
    return r;
  });
}

/** Applies `change` to the state under the lock and saves it. */
export async function updateState<T>(ctx: Context, change: (state: WorkspaceState) => T): Promise<T> {
  if (!ctx.workspace.exists()) {
    throw new InputError('this workspace has no registrations yet', ctx.opts.workspace, undefined, 'Import the sign-up exports first: samling import FILE (or samling plan FILE).');
  }
  return ctx.workspace.withLock(() => {
    const state = ctx.workspace.load();
    const result = change(state);
    ctx.workspace.save(state);
    return result;
  });
}

export function decision(kind: Decision['kind'], id: string, now = new Date()): Decision {
  return { kind, id, at: now.toISOString() };
}
