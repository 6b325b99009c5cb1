// A text file line by line, read a few MiB at a time: a workspace of a million registrations is never one
// string in memory.
import { closeSync, openSync, readSync } from 'node:fs';

/** The file's lines (UTF-8, split at \n; a \r before it is kept). */
export function* readLines(path: string, chunkBytes = 1 << 22): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    // One buffer for the whole file: the unfinished last line of each read is moved to its front and the next
    // bytes are read after it (no new memory per read; it grows only for a line longer than itself).
    let buf = Buffer.allocUnsafe(chunkBytes);
    let kept = 0;
    for (;;) {
      if (kept === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, kept);
        buf = bigger;
      }
      const got = readSync(fd, buf, kept, buf.length - kept, null);
      if (got === 0) break;
      const text = buf.subarray(0, kept + got);
      let from = 0;
      for (let nl = text.indexOf(10, from); nl !== -1; nl = text.indexOf(10, from)) {
        yield text.toString('utf8', from, nl);
        from = nl + 1;
      }
      kept = text.length - from;
      buf.copyWithin(0, from, text.length);
    }
    if (kept) yield buf.toString('utf8', 0, kept);
  } finally {
    closeSync(fd);
  }
}
