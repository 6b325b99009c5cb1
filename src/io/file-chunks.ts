// A big file read a chunk at a time through reused buffers, never held whole. At a million rows the file is
// 120 MB that would otherwise sit in memory for the whole import; and fresh memory is not free: on the
// machines measured, the operating system's first touch of each new page of it cost more than reading it.

import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { fstatSync, readSync } from 'node:fs';

/** Bytes read at a time: small, so that csv-parse's joins of a chunk's last bytes with the next reuse memory. */
const CHUNK = 1 << 16;
/** The first bytes, kept for telling the format, the encoding and the delimiter (a 64 KiB sample after a BOM). */
const HEAD = 1 << 17;

export interface ChunkedFile {
  readonly size: number;
  /** The first bytes of the file (up to 128 KiB). */
  readonly head: Buffer;
  /** SHA-256 of the whole file, as hex. */
  readonly hash: string;
  /** Whether the whole file is valid UTF-8 (as isUtf8 of all of it would tell). */
  readonly utf8: boolean;
  /**
   * Hands the bytes from `from` to the end to `each`, a chunk at a time, in order. A chunk is only valid until
   * the call after next: two buffers take turns, so that what the parser keeps of one chunk (its last bytes)
   * is still there when the next one comes.
   */
  forEach(each: (chunk: Buffer) => void, from?: number): void;
  /** False when the file is not the one first read (its size or time changed meanwhile). */
  unchanged(): boolean;
}

/**
 * The length of the part of buf[0, end) that ends on a whole UTF-8 character: `end`, or the start of an
 * incomplete last character (at most 3 bytes before it), to be checked together with the bytes that follow.
 */
function utf8Cut(buf: Uint8Array, end: number): number {
  const stop = Math.max(0, end - 4);
  let i = end - 1;
  while (i > stop && (buf[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return end;
  const lead = buf[i]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + length > end ? i : end;
}

/**
 * Opens `fd` (a regular file of `size` bytes) for reading in chunks: reads it once now for its hash, its
 * first bytes and whether it is UTF-8. Read errors are thrown as they come. (`chunk`: for the tests.)
 */
export function chunkedFile(fd: number, size: number, chunk = CHUNK): ChunkedFile {
  const first = fstatSync(fd);
  const hash = createHash('sha256');
  const head = Buffer.allocUnsafe(Math.min(size, HEAD));
  // A character cut at the end of a chunk is moved to the front of the buffer and checked with the next one.
  const buf = Buffer.allocUnsafe(chunk + 4);
  let utf8 = true;
  let carried = 0;
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buf, carried, Math.min(chunk, size - at), at);
    if (n === 0) break; // shorter than it was: unchanged() tells
    hash.update(buf.subarray(carried, carried + n));
    if (at < head.length) buf.copy(head, at, carried, carried + Math.min(n, head.length - at));
    at += n;
    const end = carried + n;
    const cut = at < size ? utf8Cut(buf, end) : end;
    if (utf8 && !isUtf8(buf.subarray(0, cut))) utf8 = false;
    carried = end - cut;
    buf.copy(buf, 0, cut, end);
  }
  const read = at;
  const digest = hash.digest('hex');
  const buffers = [buf, Buffer.allocUnsafe(chunk)];

  return {
    size,
    head,
    hash: digest,
    utf8,
    forEach(each, from = 0) {
      for (let pos = from, turn = 0; pos < size; turn ^= 1) {
        const b = buffers[turn]!;
        const n = readSync(fd, b, 0, Math.min(chunk, size - pos), pos);
        if (n === 0) break;
        pos += n;
        each(b.subarray(0, n));
      }
    },
    unchanged() {
      const now = fstatSync(fd);
      return read === size && now.size === first.size && now.mtimeMs === first.mtimeMs;
    },
  };
}
