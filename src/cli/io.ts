/** What the command line writes to, injected so that tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: then folder mode draws a progress bar. */
  stderrIsTTY: boolean;
  /** Terminal width for the progress bar. */
  columns?: number;
  /** Clock for the write record (tests pin it). */
  now?: () => Date;
}

export const EXIT_OK = 0;
/** Nothing could be scored: bad arguments, unreadable or non-xlsx file, no 自评表. */
export const EXIT_FAILED = 2;
/** Scored, with 错误-level issues; the outputs were still written. */
export const EXIT_ERRORS = 3;

/** A failure the user can act on: one Chinese line on stderr, exit code 2, never a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly code: number = EXIT_FAILED) {
    super(message);
  }
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stderr.columns,
  };
}
