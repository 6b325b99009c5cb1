// Atomic file writes: a temporary file in the same folder, flushed (for the state), then renamed over the
// target, so a reader never sees half a file.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Bytes gathered before one write(2). */
const BUFFER_BYTES = 1 << 20;

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
        for (const piece of data) {
          // A UTF-16 code unit is at most 3 bytes of UTF-8: with that much room, write() never truncates.
          if (piece.length * 3 > BUFFER_BYTES - used) {
            write(buf.subarray(0, used));
            used = 0;
            if (piece.length * 3 > BUFFER_BYTES) {
              write(Buffer.from(piece, 'utf8'));
              continue;
            }
          }
          used += buf.write(piece, used, 'utf8');
        }
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
