// The workspace: a folder holding the config (optional), and in `.samling/` a copy of every imported file
// (named by content hash), the merged registrations with their history, the decisions, and the last
// rooming list written per hotel. All mutable state is one file, replaced atomically, so a crash leaves
// either the old state or the new one. A lock file keeps a second writer out. The state holds names,
// e-mails, phones and allergies: `.samling/` is made for its owner alone (0700, files 0600).
import { chmodSync, constants, closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync, copyFileSync, renameSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { isRunning, prepareFileAtomic, removeLeftoverTemporaries, stageFiles, withTemporary, writeFileAtomic, type StagedFiles } from '../io/atomic.js';
import { readLines } from '../io/read-lines.js';
import type { Stay } from '../core/render/rooming.js';
import type { Decision, Registration } from '../core/types.js';
import type { MergeState } from '../core/merge.js';
import { encodeRegistrationLines, REGISTRATION_COLUMNS, registrationDecoder, SourceIndex } from './store.js';

export const STATE_DIR = '.samling';
/**
 * 3: e-mail keys without `e:`. 2: sources listed once. Versions 1 and 2 are still read (and written as 3 on
 * the next save).
 */
const STATE_VERSION = 3;
const READABLE_VERSIONS = [1, 2, STATE_VERSION];
/** Registrations encoded together when saving: some 60,000 characters, a string of the young generation. */
const LINES_PER_PIECE = 256;
/** The workspace's folders and files, for the owner alone (less the umask): the state is personal data. */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = { mode: 0o600 };
/** What a killed samling leaves in `.samling/`: `.state.json.<pid>.tmp`, `lock.<pid>.tmp`, `<hash>.csv.<pid>.tmp`. */
const WORKSPACE_TEMPORARY = /\.(\d+)\.tmp$/;

export interface ImportedFile {
  hash: string;
  /** The name as the organiser gave it (basename only: no machine paths). */
  name: string;
  importedAt: string;
  rows: number;
}

export interface WorkspaceState {
  files: ImportedFile[];
  registrations: MergeState;
  decisions: Decision[];
  /** The stays last written for each hotel, to write the changes file next time. */
  rooming: Record<string, Stay[]>;
}

export function emptyState(): WorkspaceState {
  return { files: [], registrations: { current: new Map(), history: [] }, decisions: [], rooming: {} };
}

export class Workspace {
  readonly dir: string;
  readonly stateDir: string;
  readonly statePath: string;
  readonly lockPath: string;
  private locked = false;

  constructor(dir: string) {
    this.dir = resolve(dir);
    this.stateDir = join(this.dir, STATE_DIR);
    this.statePath = join(this.stateDir, 'state.json');
    this.lockPath = join(this.stateDir, 'lock');
  }

  /** Checks the folder exists (without creating anything). */
  ensureFolder(shown: string): void {
    let st;
    try {
      st = statSync(this.dir);
    } catch {
      throw new InputError('workspace folder not found', shown, undefined, 'Create it first, or leave out --workspace to use the current folder.');
    }
    if (!st.isDirectory()) throw new InputError('the workspace is not a folder', shown);
  }

  exists(): boolean {
    return existsSync(this.statePath);
  }

  load(): WorkspaceState {
    try {
      // samling's own layout, a line at a time; anything else (a file edited by hand) as one JSON text.
      return this.loadLines() ?? this.loadWhole();
    } catch (e) {
      if (e instanceof InputError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw new InputError('cannot read the workspace state', this.statePath);
    }
  }

  /**
   * The state as save() writes it: a head of a few lines, then one registration per line. Each line is
   * parsed on its own and becomes a registration at once, so that a million of them never exist as one
   * string or as raw arrays. Null when the file is laid out otherwise.
   */
  private loadLines(): WorkspaceState | null {
    const lines = readLines(this.statePath);
    try {
      return this.parseLines(lines);
    } finally {
      lines.return(undefined); // closes the file when the layout was not samling's own
    }
  }

  private parseLines(lines: Generator<string>): WorkspaceState | null {
    const head: string[] = [];
    for (let next = lines.next(); next.value !== '"registrations":['; next = lines.next()) {
      if (next.done || head.length === 10) return null;
      head.push(next.value);
    }
    let raw: Omit<RawState, 'registrations' | 'history'>;
    try {
      raw = JSON.parse(`${head.join('\n')}"registrations":[],"history":[]}`) as RawState;
    } catch {
      return null;
    }
    this.checkVersion(raw.version);
    const decode = registrationDecoder(raw.columns, raw.sources, raw.version);
    const current = new Map<string, Registration>();
    const history: Registration[] = [];
    let inHistory = false;
    let ended = false;
    for (let next = lines.next(); !next.done; next = lines.next()) {
      const line = next.value;
      if (line === '') continue;
      if (line === '],"history":[' && !inHistory) {
        inHistory = true;
        continue;
      }
      if (line === ']}' && inHistory) {
        ended = true;
        continue;
      }
      if (ended || line[0] !== '[') return null;
      let row: unknown[];
      try {
        row = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as unknown[];
      } catch {
        return null;
      }
      const r = decode(row);
      if (inHistory) history.push(r);
      else current.set(r.key, r);
    }
    return ended ? this.stateOf(raw, current, history) : null;
  }

  private loadWhole(): WorkspaceState {
    const text = readFileSync(this.statePath, 'utf8');
    let raw: RawState;
    try {
      raw = JSON.parse(text) as RawState;
    } catch {
      throw new InputError('the workspace state is not valid JSON (was it edited by hand?)', this.statePath, undefined,
        'Restore it from a backup, or delete the .samling folder and import the files again (decisions would be lost).');
    }
    this.checkVersion(raw.version);
    const decode = registrationDecoder(raw.columns, raw.sources, raw.version);
    const current = new Map<string, Registration>();
    for (const row of raw.registrations) {
      const r = decode(row);
      current.set(r.key, r);
    }
    return this.stateOf(raw, current, raw.history.map(decode));
  }

  private checkVersion(version: unknown): void {
    if (!READABLE_VERSIONS.includes(version as number)) throw new InputError(`unsupported workspace version ${String(version)}`, this.statePath);
  }

  private stateOf(raw: Pick<RawState, 'files' | 'decisions' | 'rooming'>, current: Map<string, Registration>, history: Registration[]): WorkspaceState {
    return { files: raw.files, registrations: { current, history }, decisions: raw.decisions, rooming: raw.rooming ?? {} };
  }

  /** Replaces the state file atomically. Call only while holding the lock. */
  save(state: WorkspaceState): void {
    if (!this.locked) throw new Error('workspace written without the lock');
    writeFileAtomic(this.statePath, this.stateText(state), PRIVATE_FILE);
  }

  /**
   * Saves `state` around `write` (the outputs made from it, written to `files`): the state is written beside
   * the state file first and flushed to disk while `write` writes the outputs beside theirs; then the
   * outputs are put in place, and the state last. If the state cannot be written, `write` never runs; if an
   * output cannot be written, the temporary files go: either way every output and the state stay as they
   * were. Call only while holding the lock.
   */
  async saveAround<T>(state: WorkspaceState, write: (files: StagedFiles) => Promise<T> | T): Promise<T> {
    if (!this.locked) throw new Error('workspace written without the lock');
    const saving = prepareFileAtomic(this.statePath, this.stateText(state), PRIVATE_FILE);
    const files = stageFiles();
    try {
      const result = await write(files);
      await saving.flushed(); // a state the disk cannot hold stops here, before any output is in place
      // The outputs, then the state, with no turn of the event loop between them (a signal waits).
      await files.commit([this.statePath]);
      await saving.commit();
      return result;
    } catch (e) {
      files.abandon();
      saving.abandon();
      throw e;
    }
  }

  /** The state file's text, in pieces made as they are written. */
  private stateText(state: WorkspaceState): Iterable<string> {
    // One registration per line keeps the file readable and diffable. Written in pieces of LINES_PER_PIECE
    // lines, so that a million rows never sit in memory as one string.
    // The files the lines point to, by index, go in the head: a first pass numbers them.
    const registrations = state.registrations;
    const sources = new SourceIndex();
    for (const r of registrations.current.values()) sources.indexOf(r.source);
    for (const r of registrations.history) sources.indexOf(r.source);
    // LINES_PER_PIECE lines encoded at a time (for speed: see encodeRegistrationLines).
    function* rows(list: Iterable<Registration>): Generator<string> {
      let batch: Registration[] = [];
      let before = '';
      for (const r of list) {
        if (batch.push(r) < LINES_PER_PIECE) continue;
        yield before + encodeRegistrationLines(batch, sources);
        before = ',\n';
        batch = [];
      }
      if (batch.length) yield before + encodeRegistrationLines(batch, sources);
    }
    function* file(): Generator<string> {
      yield [
        `{"version":${STATE_VERSION},"columns":${JSON.stringify(REGISTRATION_COLUMNS)},`,
        `"files":${JSON.stringify(state.files)},`,
        `"decisions":${JSON.stringify(state.decisions)},`,
        `"rooming":${JSON.stringify(state.rooming)},`,
        `"sources":${JSON.stringify(sources.list)},`,
        `"registrations":[`,
        '',
      ].join('\n');
      yield* rows(registrations.current.values());
      yield '\n],"history":[\n';
      yield* rows(registrations.history);
      yield '\n]}\n';
    }
    return file();
  }

  /** Keeps a copy of an imported file, named by its content hash. Call only while holding the lock. */
  keepCopy(sourcePath: string, hash: string): void {
    const ext = extname(sourcePath).toLowerCase() || '.dat';
    const target = join(this.stateDir, 'files', `${hash}${ext}`);
    if (existsSync(target)) return;
    mkdirSync(join(this.stateDir, 'files'), { recursive: true, mode: PRIVATE_FOLDER });
    const tmp = `${target}.${process.pid}.tmp`;
    withTemporary(tmp, () => {
      copyFileSync(sourcePath, tmp, constants.COPYFILE_FICLONE); // a clone where the file system can (no bytes copied)
      chmodSync(tmp, PRIVATE_FILE.mode); // a copy takes the mode of the organiser's file
      renameSync(tmp, target);
    });
  }

  /**
   * Takes the lock (creating `.samling/`), runs `fn`, and releases it whatever happens.
   * A second process finds the lock and gets a clear message instead of corrupting the state.
   */
  async withLock<T>(fn: () => Promise<T> | T): Promise<T> {
    mkdirSync(this.stateDir, { recursive: true, mode: PRIVATE_FOLDER });
    this.acquire();
    const release = () => this.release();
    process.once('exit', release);
    try {
      return await fn();
    } finally {
      process.removeListener('exit', release);
      this.release();
    }
  }

  private acquire(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      // Written whole to a file of our own, then linked into place (link fails when the lock exists): a
      // second process never reads a half-written lock, whenever it looks or this one is killed.
      const tmp = `${this.lockPath}.${process.pid}.tmp`;
      const taken = withTemporary(tmp, () => {
        try {
          const fd = openSync(tmp, 'w', PRIVATE_FILE.mode);
          writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
          closeSync(fd);
          linkSync(tmp, this.lockPath);
          return true;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
          const holder = this.lockHolder();
          if (holder && (holder.pid === -1 || isRunning(holder.pid))) {
            // Never broken while its process runs: that may be another samling, or — after a restart — an
            // unrelated program that got the same process id. Only the organiser can tell, so say how.
            throw new InputError(
              holder.pid === -1 ? 'another samling is working on this workspace'
                : `another samling (process ${holder.pid}, since ${holder.since}) is working on this workspace`,
              this.dir,
              undefined,
              `Wait for it to finish and run the command again. If no samling is running (after a restart, say), delete the lock file ${this.lockPath} and run the command again.`,
            );
          }
          // The process that held it is gone (killed): the state file is whole either way, so take over.
          rmSync(this.lockPath, { force: true });
          return false;
        }
      });
      if (taken) {
        this.locked = true;
        this.removeLeftovers();
        return;
      }
    }
    throw new InputError('could not take the workspace lock', this.dir);
  }

  /** Temporary files a killed samling left behind (`.state.json.<pid>.tmp`, `lock.<pid>.tmp`): harmless, but untidy. */
  private removeLeftovers(): void {
    for (const dir of [this.stateDir, join(this.stateDir, 'files')]) removeLeftoverTemporaries(dir, WORKSPACE_TEMPORARY);
  }

  private lockHolder(): { pid: number; since: string } | null {
    try {
      const v = JSON.parse(readFileSync(this.lockPath, 'utf8')) as { pid: number; since: string };
      return typeof v.pid === 'number' ? v : null;
    } catch {
      // Unreadable (an older samling was killed while writing it, or it was edited): treat it as held.
      return { pid: -1, since: 'just now' };
    }
  }

  private release(): void {
    if (!this.locked) return;
    this.locked = false;
    rmSync(this.lockPath, { force: true });
  }
}

interface RawState {
  version: number;
  columns: readonly string[];
  files: ImportedFile[];
  decisions: Decision[];
  rooming?: Record<string, Stay[]>;
  registrations: unknown[][];
  history: unknown[][];
  /** Version 2: [file, hash] of each source, by the index the lines give. */
  sources?: [string, string][];
}
