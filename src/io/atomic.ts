// Atomic file writes: a temporary file in the same folder, flushed (for the state), then renamed over the
// target, so a reader never sees half a file. The temporary files hold personal data, so every one this
// process has made and not yet put in place is remembered: a Ctrl+C (or kill) removes them on the way out,
// and a later run removes those a process killed outright (SIGKILL) left behind.
import { closeSync, fchmodSync, fsync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { InputError } from '../errors.js';

/** Bytes gathered before one write(2). */
const BUFFER_BYTES = 1 << 20;
/** Characters of short pieces joined before they are encoded. */
const PENDING_CHARS = 4096;

type Data = string | Uint8Array | Iterable<string>;

const IN_THE_WAY = 'Move or rename what is in the way, then run samling again.';
const OPEN = 'Close the file if a program has it open (Excel, say), or check the folder\'s permissions, then run samling again.';
const ROOM = 'Make room on the disk (or, for the lists, write them elsewhere with --out), then run samling again.';
/** Why a file could not be written and what to do, for the errors an organiser can do something about. */
const CANNOT_WRITE: Record<string, [why: string, hint: string]> = {
  EISDIR: ['a folder has that name', IN_THE_WAY],
  ENOTDIR: ['a file has the name of its folder', IN_THE_WAY],
  EEXIST: ['a file has the name of its folder', IN_THE_WAY],
  EACCES: ['permission denied', OPEN],
  EPERM: ['permission denied, or the file is open in another program', OPEN],
  EBUSY: ['the file is open in another program', OPEN],
  ENOSPC: ['the disk is full', ROOM],
  EDQUOT: ['the disk quota is used up', ROOM],
  EROFS: ['the disk is read-only', ROOM],
};

/** The temporary files this process has made and not yet renamed or removed. */
const temporaries = new Set<string>();

/** The temporary file beside `path`: `.<name>.<pid>.tmp`, hidden, and named by the process that writes it. */
function temporaryFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** The exit codes of a process stopped by a signal (128 + its number), for those samling handles. */
const STOP_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/**
 * On Ctrl+C, a kill or a closed terminal while temporary files exist: removes them, says so in one line and
 * exits with the signal's conventional code. Exiting runs the 'exit' listeners, so the workspace lock goes too
 * (see Workspace.withLock). The handlers are there only while a temporary file is (see remember/forget): a
 * JavaScript handler runs only when the event loop has a turn, so at any other time (reading, deciding) the
 * signal's own action, which stops samling at once, is the better one, and nothing is left behind then.
 * While files are written the handler runs between steps, and the outputs (with the state) are put in place
 * in one step at the end, just after a turn where a pending signal stops samling with every file as it was.
 */
const onSignal = new Map(Object.entries(STOP_SIGNALS).map(([signal, code]) => [signal, () => {
  // None left: the signal came while the last files were put in place, and it is handled just after.
  const what = temporaries.size ? 'no file was left half-written' : 'what it wrote was already in place';
  removeTemporaries();
  // In a terminal, on a line of its own (not after the ^C or a progress line).
  const start = process.stderr.isTTY ? '\n' : '';
  process.stderr.write(`${start}samling: stopped (${signal}); ${what}.\n`);
  process.exit(code);
}]));

let handling = false;

/** Remembers a temporary file (a signal then removes it); the first one installs the signal handlers. */
function rememberTemporary(tmp: string): void {
  if (!handling) for (const [signal, handler] of onSignal) process.on(signal, handler);
  handling = true;
  temporaries.add(tmp);
}

/**
 * Forgets a temporary file once it is renamed or removed. With the last one the signal handlers go, once the
 * event loop has polled again: a signal that came while the files were written is still waiting to be handled
 * (it is handed over then), and must stop samling rather than be dropped with its handler.
 */
function forgetTemporary(tmp: string): void {
  if (!temporaries.delete(tmp) || temporaries.size !== 0) return;
  // Two immediates: the first runs in this turn's check phase, the second in the next turn's, after its poll
  // phase, where libuv hands over a signal that came meanwhile.
  setImmediate(() => setImmediate(() => {
    if (temporaries.size !== 0 || !handling) return;
    for (const [signal, handler] of onSignal) process.off(signal, handler);
    handling = false;
  }));
}

/** Removes a temporary file if it is there (it may never have been made: its folder may be a file). */
function removeQuietly(tmp: string): void {
  forgetTemporary(tmp);
  try {
    rmSync(tmp, { force: true });
  } catch {
    // nothing there to remove
  }
}

/** Renames a temporary file over its target; from then on it is the target, no longer ours to remove. */
function putInPlace(tmp: string, path: string): void {
  renameSync(tmp, path);
  forgetTemporary(tmp);
}

/**
 * Runs `fn` with a temporary file of the caller's making (the lock's, a kept copy's) remembered, so that a
 * signal meanwhile removes it; afterwards it is removed if still there (renamed or linked away, it is not).
 */
export function withTemporary<T>(tmp: string, fn: () => T): T {
  rememberTemporary(tmp);
  try {
    return fn();
  } finally {
    removeQuietly(tmp);
  }
}

/** Removes every temporary file this process has open: what a stopped samling must not leave behind. */
function removeTemporaries(): void {
  for (const tmp of [...temporaries]) removeQuietly(tmp);
}

/** Whether a process with this id is running (one we may not signal is running too). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files in `dir` that a samling killed outright left behind: only names `pattern`
 * matches (its first group the process id), and only when that process is no longer running — a samling
 * at work beside this one keeps its own.
 */
export function removeLeftoverTemporaries(dir: string, pattern: RegExp): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder, nothing left
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) removeQuietly(join(dir, name));
  }
}

/** A write error as one clear message naming the file (exit 2), or the error itself when it is not one of those. */
function writeError(path: string, e: unknown): unknown {
  const known = CANNOT_WRITE[(e as NodeJS.ErrnoException).code ?? ''];
  if (!known) return e;
  return new InputError(`cannot be written: ${known[0]}`, relative(process.cwd(), path) || path, undefined, known[1]);
}

/**
 * Writes `data` to `path` atomically. Large files come as an iterable of strings (a row each, say): the
 * pieces are encoded one by one into a reused buffer, so the whole text, its UTF-8 bytes, or one long
 * string built of the pieces never need to exist. (Encoding many short strings into a buffer is also
 * several times faster than encoding one long joined string.)
 */
export function writeFileAtomic(
  path: string,
  data: Data,
  /** Flush to disk before the rename (the workspace state). Outputs that can be written again skip it. */
  { durable = true, mode }: { durable?: boolean } & FileMode = {},
): void {
  const { fd, tmp } = writeTemporary(path, data, mode);
  try {
    try {
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    putInPlace(tmp, path);
  } catch (e) {
    removeQuietly(tmp);
    throw writeError(path, e);
  }
}

/** A file written beside its target and being flushed to disk, not yet in place (see prepareFileAtomic). */
export interface PreparedFile {
  /** Waits until the file is on disk (throwing what went wrong), without putting it in place yet. */
  flushed(): Promise<void>;
  /** Waits until the file is on disk, then renames it over its target. */
  commit(): Promise<void>;
  /** Drops it: the target stays as it was. */
  abandon(): void;
}

/**
 * writeFileAtomic in two steps: the text is written now and flushed to disk on a background thread, while
 * the caller goes on (the flush of a large file takes tens of milliseconds); commit() then puts it in place.
 */
export function prepareFileAtomic(path: string, data: Data, { mode }: FileMode = {}): PreparedFile {
  const { fd, tmp } = writeTemporary(path, data, mode);
  const flushed = new Promise<void>((resolve, reject) => {
    fsync(fd, (error) => {
      try {
        closeSync(fd);
      } catch (e) {
        error ??= e as NodeJS.ErrnoException;
      }
      if (error) reject(error);
      else resolve();
    });
  });
  flushed.catch(() => {}); // reported by commit(); after abandon() nobody waits for it
  let open = true;
  const remove = () => removeQuietly(tmp);
  return {
    async flushed() {
      try {
        await flushed;
      } catch (e) {
        throw writeError(path, e);
      }
    },
    async commit() {
      if (!open) throw new Error(`${path}: already committed or abandoned`);
      open = false;
      try {
        await flushed;
        putInPlace(tmp, path);
      } catch (e) {
        remove();
        throw writeError(path, e);
      }
    },
    abandon() {
      if (!open) return;
      open = false;
      // Once the background flush is over (an open file cannot be removed everywhere); a failure to remove it
      // is left to the next run, which tidies what a killed samling leaves.
      flushed.then(remove, remove).catch(() => {});
    },
  };
}

/** Files written one by one to their temporary copies, then put in place together (see stageFiles). */
export interface StagedFiles {
  /** Writes `data` beside `path` now (streamed as writeFileAtomic does); it stays out of sight until commit(). */
  add(path: string, data: Data): void;
  /**
   * Puts every file in place, in the order they were added. A Ctrl+C while they were written stops samling
   * just before (the signal is handled then, see onSignal), and a target that cannot be replaced (a folder in
   * its way, a file another program holds or that is made immutable) is found first, among the staged files and
   * `alsoReplaced` (the state, renamed by the caller after them): either leaves every target as it was. A rename
   * that fails after that check (rare: a file locked in the instant between) leaves the files before it new.
   */
  commit(alsoReplaced?: string[]): Promise<void>;
  /** Removes the temporary files: every target stays as it was. */
  abandon(): void;
}

/**
 * Several files that belong together (plan's outputs): all are written before any is put in place, so a
 * file that cannot be written (a full disk, a folder in the way) leaves the others as they were too.
 * Each is closed once written: only the names are held, whatever the number or size of the files.
 */
export function stageFiles(): StagedFiles {
  const staged = new Map<string, string>(); // target → its temporary file
  return {
    add(path, data) {
      const { fd, tmp } = writeTemporary(path, data);
      staged.set(path, tmp);
      try {
        closeSync(fd);
      } catch (e) {
        throw writeError(path, e);
      }
    },
    async commit(alsoReplaced = []) {
      await new Promise((turn) => setImmediate(turn)); // one turn of the event loop: a pending signal runs now
      for (const path of [...staged.keys(), ...alsoReplaced]) checkReplaceable(path);
      for (const [path, tmp] of staged) {
        try {
          putInPlace(tmp, path);
        } catch (e) {
          throw writeError(path, e);
        }
        staged.delete(path);
      }
    },
    abandon() {
      for (const tmp of staged.values()) removeQuietly(tmp);
      staged.clear();
    },
  };
}

/** Writes files with `write` (see stageFiles) and puts them in place together, or none of them. */
export async function writeTogether<T>(write: (files: StagedFiles) => T | Promise<T>): Promise<T> {
  const files = stageFiles();
  try {
    const result = await write(files);
    await files.commit();
    return result;
  } catch (e) {
    files.abandon();
    throw e;
  }
}

/**
 * The error a rename over `path` would give, found before any rename: a folder where the file goes, or a file
 * that cannot be opened for writing because another program holds it (Excel on Windows) or it is made
 * immutable. A file that is only read-only (EACCES) can still be replaced by a rename, so it passes.
 */
function checkReplaceable(path: string): void {
  try {
    if (lstatSync(path).isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    closeSync(openSync(path, 'r+'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') return; // nothing there yet, or read-only: the rename will do
    throw writeError(path, e);
  }
}

/** Files that only samling reads (the workspace's) are made 0600, so other users of the machine cannot. */
export interface FileMode {
  /** Permissions of a new file (less the umask); default 0666 less the umask. */
  mode?: number;
}

/** Writes `data` to a temporary file beside `path`; returns it still open. Removed again on failure. */
function writeTemporary(path: string, data: Data, mode?: number): { fd: number; tmp: string } {
  const dir = dirname(path);
  const tmp = temporaryFor(path);
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    rememberTemporary(tmp);
    fd = openSync(tmp, 'w', mode ?? 0o666);
    // The mode of open() applies only to a new file: a leftover of this process id keeps its own.
    if (mode !== undefined) fchmodSync(fd, mode);
    const out = fd;
    const write = (buf: Uint8Array) => {
      let off = 0;
      while (off < buf.length) off += writeSync(out, buf, off, buf.length - off);
    };
    if (typeof data === 'string') write(Buffer.from(data, 'utf8'));
    else if (data instanceof Uint8Array) write(data);
    else {
      const buf = Buffer.allocUnsafe(BUFFER_BYTES);
      let used = 0;
      // Short pieces are joined into a few kilobytes before each encode: one Buffer.write per row costs
      // more in the call than in the encoding.
      let pending = '';
      const encode = (text: string) => {
        // A UTF-16 code unit is at most 3 bytes of UTF-8: with that much room, write() never truncates.
        if (text.length * 3 > BUFFER_BYTES - used) {
          write(buf.subarray(0, used));
          used = 0;
          if (text.length * 3 > BUFFER_BYTES) {
            write(Buffer.from(text, 'utf8'));
            return;
          }
        }
        used += buf.write(text, used, 'utf8');
      };
      for (const piece of data) {
        pending += piece;
        if (pending.length >= PENDING_CHARS) {
          encode(pending);
          pending = '';
        }
      }
      encode(pending);
      write(buf.subarray(0, used));
    }
    return { fd, tmp };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(tmp);
    throw writeError(path, e);
  }
}
