// A text file line by line, read a few MiB at a time: a workspace of a million registrations is never one
// string in memory.
import { closeSync, openSync, readSync } from 'node:fs';

/** The file's lines (UTF-8, split at \n; a \r before it is kept). */
export function* readLines(path: string, chunkBytes = 1 << 22): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let rest = Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(chunkBytes); // reused: nothing is kept of it past one pass
    for (;;) {
      const got = readSync(fd, chunk, 0, chunkBytes, null);
      if (got === 0) break;
      const buf = rest.length ? Buffer.concat([rest, chunk.subarray(0, got)]) : chunk.subarray(0, got);
      let from = 0;
      for (let nl = buf.indexOf(10, from); nl !== -1; nl = buf.indexOf(10, from)) {
        yield buf.toString('utf8', from, nl);
        from = nl + 1;
      }
      rest = Buffer.from(buf.subarray(from)); // a copy: the chunk itself is not kept
    }
    if (rest.length) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
