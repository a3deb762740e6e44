import type { Diagnostic, InputFormat, Transcript } from '../model.js';
import { ingest, UndecodableInput } from '../ingest/index.js';
import { parseTranscript } from '../parse/index.js';
import { positionAt, type SourceText } from '../source.js';
import { EXIT, UserError, type ExitCode } from './exit-codes.js';
import { readInput, type InputRef } from './inputs.js';

export interface Loaded {
  source: SourceText;
  transcript: Transcript;
}

export interface Failure {
  path: string;
  /** Where in the input, when the failure has a place (a malformed XML tag). */
  line?: number;
  column?: number;
  message: string;
  rule: string;
  exitCode: ExitCode;
  stack?: string;
}

/** `call.xml:10:1` when the failure has a place, else the path: how stderr names it. */
export function failurePlace(f: Failure): string {
  return f.line !== undefined ? `${f.path}:${f.line}:${f.column ?? 1}` : f.path;
}

export type Outcome = { ok: true; loaded: Loaded } | { ok: false; failure: Failure };

/**
 * Read, decode and parse one input. Never throws: whatever goes wrong becomes a Failure that
 * names the path, so one bad file in a batch never costs the others their results.
 */
export async function load(ref: InputRef, opts: { inputFormat?: InputFormat; bytes?: Uint8Array }): Promise<Outcome> {
  try {
    const bytes = opts.bytes ?? (await readInput(ref));
    const source = ingest(ref.path, bytes);
    const transcript = parseTranscript(source, opts.inputFormat ? { format: opts.inputFormat } : {});
    // A layout that refuses its input (malformed or hostile XML) reports an error diagnostic
    // and no turns: that is unreadable input, not an empty transcript.
    const refusal = transcript.diagnostics.find((d: Diagnostic) => d.severity === 'error');
    if (refusal && transcript.turns.length === 0) {
      // "call.xml:12:3  error  …": the place of a malformed tag is worth naming.
      const at = refusal.span ? positionAt(source.lineStarts, refusal.span.start) : null;
      return { ok: false, failure: { path: ref.path, ...(at ? { line: at.line, column: at.column } : {}), message: refusal.message, rule: refusal.rule, exitCode: EXIT.input } };
    }
    return { ok: true, loaded: { source, transcript } };
  } catch (err) {
    if (err instanceof UserError) {
      const message = err.message.startsWith(`${ref.path}: `) ? err.message.slice(ref.path.length + 2) : err.message;
      return { ok: false, failure: { path: ref.path, message, rule: 'unreadable-input', exitCode: err.exitCode } };
    }
    if (err instanceof UndecodableInput)
      return { ok: false, failure: { path: ref.path, message: err.message, rule: 'undecodable-input', exitCode: EXIT.input } };
    const e = err as Error;
    return {
      ok: false,
      failure: {
        path: ref.path,
        message: `internal error: ${e.message} (please report it; --debug shows the trace)`,
        rule: 'internal-error',
        exitCode: EXIT.internal,
        ...(e.stack ? { stack: e.stack } : {}),
      },
    };
  }
}
