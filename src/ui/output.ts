// Where things are printed: data on stdout, messages on stderr. `--quiet` silences messages, not data or errors.
export interface Output {
  /** Data (tables, JSON): stdout. */
  data(text: string): void;
  /** Messages for the organiser: stderr, silenced by --quiet. */
  info(text: string): void;
  /** Warnings: stderr, silenced by --quiet. */
  warn(text: string): void;
  /** Errors: stderr, always. */
  error(text: string): void;
}

export function consoleOutput(quiet = false): Output {
  const line = (s: string) => (s.endsWith('\n') ? s : s + '\n');
  return {
    data: (t) => void process.stdout.write(line(t)),
    info: (t) => void (quiet || process.stderr.write(line(t))),
    warn: (t) => void (quiet || process.stderr.write(line(t))),
    error: (t) => void process.stderr.write(line(t)),
  };
}
