// Atomic file writes: a temporary file in the same folder, flushed (for the state), then renamed over the
// target, so a reader never sees half a file.
import { closeSync, fsync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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

/** Removes a temporary file if it is there (it may never have been made: its folder may be a file). */
function removeQuietly(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // nothing there to remove
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
  { durable = true }: { durable?: boolean } = {},
): void {
  const { fd, tmp } = writeTemporary(path, data);
  try {
    try {
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    removeQuietly(tmp);
    throw writeError(path, e);
  }
}

/** A file written beside its target and being flushed to disk, not yet in place (see prepareFileAtomic). */
export interface PreparedFile {
  /** Waits until the file is on disk, then renames it over its target. */
  commit(): Promise<void>;
  /** Drops it: the target stays as it was. */
  abandon(): void;
}

/**
 * writeFileAtomic in two steps: the text is written now and flushed to disk on a background thread, while
 * the caller goes on (the flush of a large file takes tens of milliseconds); commit() then puts it in place.
 */
export function prepareFileAtomic(path: string, data: Data): PreparedFile {
  const { fd, tmp } = writeTemporary(path, data);
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
    async commit() {
      if (!open) throw new Error(`${path}: already committed or abandoned`);
      open = false;
      try {
        await flushed;
        renameSync(tmp, path);
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

/** Writes `data` to a temporary file beside `path`; returns it still open. Removed again on failure. */
function writeTemporary(path: string, data: Data): { fd: number; tmp: string } {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(tmp, 'w');
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
