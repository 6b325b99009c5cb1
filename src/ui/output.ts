// Where things are printed: data on stdout, messages on stderr. `--quiet` silences messages, not data or errors.
import { jsonChunks } from '../core/render/json.js';

export interface Output {
  /** Data (tables, JSON): stdout. */
  data(text: string): void;
  /**
   * JSON data on stdout, as JSON.stringify(value, null, 2) and a line break, written in pieces (see
   * jsonChunks): however many people, neither the text nor (with a JsonList) their objects exist whole.
   */
  json(value: unknown): Promise<void>;
  /** Messages for the organiser: stderr, silenced by --quiet. */
  info(text: string): void;
  /** Warnings: stderr, silenced by --quiet. */
  warn(text: string): void;
  /** Errors: stderr, always. */
  error(text: string): void;
}

/** Until `out` can take more, or is closed (its reader gone). */
function drainedOrClosed(out: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Characters gathered before one write to stdout. */
const PIECE_CHARS = 1 << 16;

export function consoleOutput(quiet = false): Output {
  const line = (s: string) => (s.endsWith('\n') ? s : s + '\n');
  return {
    data: (t) => void process.stdout.write(line(t)),
    async json(value) {
      const out = process.stdout;
      let pending = '';
      for (const piece of jsonChunks(value)) {
        pending += piece;
        if (pending.length < PIECE_CHARS) continue;
        // A pipe that is not read as fast (or, on Windows, any pipe): wait for it rather than queue the text.
        if (!out.write(pending) && !out.destroyed) await drainedOrClosed(out);
        // The reader has gone (`samling status --json | head`): the rest is not made.
        if (out.destroyed) return;
        pending = '';
      }
      out.write(pending + '\n');
    },
    info: (t) => void (quiet || process.stderr.write(line(t))),
    warn: (t) => void (quiet || process.stderr.write(line(t))),
    error: (t) => void process.stderr.write(line(t)),
  };
}
