/** Documented in the README; tests pin them. */
export const EXIT = {
  ok: 0,
  /** Findings the user asked to fail on: `check` differences, `--strict` warnings. */
  findings: 1,
  /** The command line is wrong: unknown option, missing argument, bad value. */
  usage: 2,
  /** An input could not be read or decoded (missing, a directory, binary, refused XML). */
  input: 3,
  /** A bug in ecall: reported in one line (the trace only with --debug); please file it. */
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake of the user's, reported as one line without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
