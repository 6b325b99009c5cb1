// Atomic file writes: a temporary file in the same folder, flushed (for the state), then renamed over the
// target, so a reader never sees half a file.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` atomically. Large files can come as an iterable of strings (written one after
 * another), so the whole text and its UTF-8 bytes never need to be in memory at once.
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
      else for (const chunk of data) write(Buffer.from(chunk, 'utf8'));
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
