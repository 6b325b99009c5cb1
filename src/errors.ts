// One errors module. Commands throw these; the single top-level catch in cli.ts turns them into a
// message on stderr and an exit code. Nothing else calls process.exit, but for the signal handler that stops
// samling on Ctrl+C or a kill while it writes files (io/atomic's onSignal).

/** Exit codes: 0 done; 1 done, but something needs the organiser; 2 bad usage or unreadable input. */
export const EXIT_ATTENTION = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad usage or unreadable input: one clear message, exit 2, nothing written. */
export class InputError extends Error {
  readonly exitCode = EXIT_BAD_INPUT;
  constructor(
    message: string,
    /** The file the message is about, when there is one. */
    readonly file?: string,
    /** The spreadsheet row (header = 1), when there is one. */
    readonly row?: number,
    /** A line on what to do next. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Ends the command with the given exit code and no message (used by `check`). */
export class ExitCode extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitCode';
  }
}

/** Formats an InputError as the one line (plus hint) the organiser sees. */
export function formatInputError(e: InputError): string {
  const where = e.file ? (e.row ? `${e.file}, row ${e.row}: ` : `${e.file}: `) : '';
  return `samling: ${where}${e.message}` + (e.hint ? `\n${e.hint}` : '');
}
