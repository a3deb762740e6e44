import type { Diagnostic, Severity } from '../model.js';
import { palette, type Palette } from '../render/colors.js';
import { SCHEMA_VERSION } from '../render/document.js';
import { formatDiagnostic } from '../render/diagnostics.js';
import { load, type Failure, type Loaded } from './batch.js';
import { EXIT, UserError, type ExitCode } from './exit-codes.js';
import { expandInputs, type InputRef } from './inputs.js';
import { err, out, terminal, type TerminalInfo } from './output.js';
import type { InputFormat } from '../model.js';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';

export interface CommonOptions {
  format?: OutputFormat;
  color?: boolean;
  inputFormat?: InputFormat;
  strict?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

/** How one command turns a loaded transcript into output, per format. */
export interface CommandRenderer<D> {
  build(loaded: Loaded): D;
  table(doc: D, term: TerminalInfo, colors: Palette): string;
  /** One JSON object per line; each carries the source path. */
  ndjson(doc: D): unknown[];
  /** CSV rows, header first; omitted where a command has no tabular form. */
  csv?(doc: D): string[];
  /** Diagnostics to print on stderr for this document. */
  diagnostics(doc: D, loaded: Loaded): Diagnostic[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function resolveInputs(files: readonly string[]): InputRef[] {
  if (files.length > 0) return expandInputs(files);
  // No file and data on stdin (`cat call.txt | ecall turns`) reads stdin; no file on a
  // terminal is a usage error rather than a silent wait for typing.
  if (!process.stdin.isTTY) return [{ path: '-' }];
  throw new UserError('no input: name a transcript file, a directory, or - for standard input (see --help)', EXIT.usage);
}

/**
 * The shared run loop of the per-file commands: read every input (a failure is reported and
 * the rest go on), render in input order, print diagnostics on stderr, and pick the exit code.
 */
export async function runPerFile<D>(files: readonly string[], opts: CommonOptions, r: CommandRenderer<D>): Promise<ExitCode> {
  const term = terminal(opts);
  const colors = palette(term.color);
  const format: OutputFormat = opts.format ?? (term.isTTY ? 'table' : 'json');
  if (format === 'csv' && !r.csv) throw new UserError('this command has no CSV form; use --format json or ndjson', EXIT.usage);
  const refs = resolveInputs(files);
  const docs: D[] = [];
  const failures: Failure[] = [];
  let worst: Severity | null = null;
  const minShown: Severity = opts.verbose ? 'info' : 'warning';
  let csvHeaderDone = false;

  for (const ref of refs) {
    const outcome = await load(ref, opts);
    if (!outcome.ok) {
      failures.push(outcome.failure);
      err(formatDiagnostic(outcome.failure.path, null, { severity: 'error', rule: outcome.failure.rule, message: outcome.failure.message }, colors));
      if (opts.debug && outcome.failure.stack) err(outcome.failure.stack);
      continue;
    }
    const { loaded } = outcome;
    const doc = r.build(loaded);
    for (const d of r.diagnostics(doc, loaded)) {
      if (worst === null || RANK[d.severity] > RANK[worst]) worst = d.severity;
      if (!opts.quiet && RANK[d.severity] >= RANK[minShown]) err(formatDiagnostic(loaded.source.path, loaded.source.lineStarts, d, colors));
    }
    // NDJSON and CSV stream file by file; table and JSON too, except that a JSON batch is one
    // document and must be complete, so it is printed once at the end.
    if (format === 'ndjson') for (const line of r.ndjson(doc)) out(JSON.stringify(line));
    else if (format === 'csv' && r.csv) {
      const rows = r.csv(doc);
      out((csvHeaderDone ? rows.slice(1) : rows).join('\n'));
      csvHeaderDone = true;
    } else if (format === 'table') out(`${r.table(doc, term, colors)}\n`);
    else docs.push(doc);
  }

  if (format === 'json') {
    if (refs.length === 1) {
      if (docs[0] !== undefined) out(JSON.stringify(docs[0], null, 2));
    } else {
      out(JSON.stringify({ schemaVersion: SCHEMA_VERSION, documents: docs, failures: failures.map(({ stack: _s, ...f }) => f) }, null, 2));
    }
  }
  if (failures.length > 0 && refs.length > 1 && !opts.quiet) err(`${failures.length} of ${refs.length} inputs failed: ${failures.map((f) => f.path).join(', ')}`);
  if (failures.length > 0) return failures.some((f) => f.exitCode === EXIT.internal) ? EXIT.internal : EXIT.input;
  if (opts.strict && worst !== null && RANK[worst] >= RANK.warning) return EXIT.findings;
  return EXIT.ok;
}
