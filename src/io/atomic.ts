// Atomic file writes: a temporary file in the same folder, flushed (for the state), then renamed over the
// target, so a reader never sees half a file.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Bytes gathered before one write(2). */
const BUFFER_BYTES = 1 << 20;
/** Characters of short pieces joined before they are encoded. */
const PENDING_CHARS = 4096;

/**
 * Writes `data` to `path` atomically. Large files come as an iterable of strings (a row each, say): the
 * pieces are encoded one by one into a reused buffer, so the whole text, its UTF-8 bytes, or one long
 * string built of the pieces never need to exist. (Encoding many short strings into a buffer is also
 * several times faster than encoding one long joined string.)
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>,
  /** Flush to disk before the rename (the workspace state). Outputs that can be written again skip it. */
  { durable = true }: { durable?: boolean } = {},
): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      const write = (buf: Uint8Array) => {
        let off = 0;
        while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
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
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
