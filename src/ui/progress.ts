// Progress for big files: one line on stderr, rewritten with \r (no escape codes), cleared at the end.
// Only in a terminal and never with --json or --quiet: scripts and pipes see nothing. With --verbose, each
// phase's time instead, a line each (also in a pipe: for a benchmark or a report of slowness).

/** Files with at least this many rows show progress; smaller ones are done before anyone could read it. */
export const PROGRESS_ROWS = 2000;
/** Before the rows are counted, a file this big (bytes) is taken to be big. */
export const PROGRESS_BYTES = 250_000;

export interface Progress {
  /** A new phase: "reading svar.csv", "checking" with its row count. Shown once the work is known to be big. */
  phase(label: string, opts?: { rows?: number; big?: boolean }): void;
  /** Clears the line (call before printing the result or an error). */
  done(): void;
}

export const NO_PROGRESS: Progress = { phase() {}, done() {} };

interface Stream {
  isTTY?: boolean;
  write(s: string): unknown;
}

export function createProgress(
  opts: { json?: boolean; quiet?: boolean; verbose?: boolean },
  stream: Stream = process.stderr,
  clock: () => number = () => performance.now(),
  memory: () => number = () => process.memoryUsage.rss(),
): Progress {
  if (opts.verbose) return phaseTimes(stream, clock, memory);
  if (opts.json || opts.quiet || !stream.isTTY) return NO_PROGRESS;
  const started = clock();
  let big = false;
  let label = '';
  let width = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const render = () => {
    const text = `samling: ${label}… ${((clock() - started) / 1000).toFixed(1)} s`;
    stream.write('\r' + text.padEnd(width));
    width = text.length;
  };
  return {
    phase(name, o = {}) {
      if (o.big || (o.rows ?? 0) >= PROGRESS_ROWS) big = true;
      label = o.rows !== undefined ? `${name} ${o.rows.toLocaleString('en')} rows` : name;
      if (!big) return;
      render();
      timer ??= setInterval(render, 250);
      timer.unref?.();
    },
    done() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (width) stream.write('\r' + ' '.repeat(width) + '\r');
      width = 0;
    },
  };
}

/**
 * --verbose: "samling: reading svar.csv: 0.420 s, 80 MiB" when each phase ends (the memory is the process's
 * resident size then). Names files, never people.
 */
function phaseTimes(stream: Stream, clock: () => number, memory: () => number): Progress {
  let label = '';
  let since = 0;
  const end = () => {
    if (label) stream.write(`samling: ${label}: ${((clock() - since) / 1000).toFixed(3)} s, ${Math.round(memory() / 2 ** 20)} MiB\n`);
    label = '';
  };
  return {
    phase(name, o = {}) {
      end();
      label = o.rows !== undefined ? `${name} ${o.rows.toLocaleString('en')} rows` : name;
      since = clock();
    },
    done: end,
  };
}
