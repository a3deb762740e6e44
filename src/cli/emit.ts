import { availableParallelism } from 'node:os';
import type { Diagnostic, InputFormat, Severity } from '../model.js';
import type { Palette } from '../render/colors.js';
import { palette } from '../render/colors.js';
import { formatDiagnostic } from '../render/diagnostics.js';
import { SCHEMA_VERSION } from '../render/document.js';
import { failurePlace, type Failure, type Loaded } from './batch.js';
import { EXIT, UserError, type ExitCode } from './exit-codes.js';
import { expandInputs, readInput, type InputRef } from './inputs.js';
import { err, out, stdoutDrained, terminal, write, writeJson, type TerminalInfo } from './output.js';
import { runTasks } from './pool.js';
import { Progress } from './progress.js';
import { rendererFor, type RendererSpec } from './renderers.js';
import { jsonAtDepth, type TaskInput, type TaskResult } from './task.js';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';

export interface CommonOptions {
  format?: OutputFormat;
  color?: boolean;
  inputFormat?: InputFormat;
  strict?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  debug?: boolean;
  jobs?: string;
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

export function jobsOf(opts: CommonOptions): number {
  if (opts.jobs === undefined) return availableParallelism();
  const n = Number(opts.jobs);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UserError(`--jobs must be a whole number from 1 to 256, not ${opts.jobs}`, EXIT.usage);
  return n;
}

/**
 * The shared run loop of the per-file commands. Every input is analysed (on worker threads
 * when there are several); a failure is reported and the rest go on. Table, JSON and CSV come
 * out in input order; NDJSON lines as each file completes. A result is written and dropped as
 * soon as its turn comes, so memory stays flat however long the batch.
 */
export async function runPerFile(files: readonly string[], opts: CommonOptions, spec: RendererSpec): Promise<ExitCode> {
  const term = terminal(opts);
  const colors = palette(term.color);
  const format: OutputFormat = opts.format ?? (term.isTTY ? 'table' : 'json');
  const renderer = await rendererFor(spec);
  if (format === 'csv' && !renderer.csv) throw new UserError('this command has no CSV form; use --format json or ndjson', EXIT.usage);
  const refs = resolveInputs(files);
  const jobs = jobsOf(opts);
  const tasks: TaskInput[] = [];
  for (const [id, ref] of refs.entries()) {
    const task: TaskInput = { id, ref, spec, color: term.color, ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}), ...serializeFor(format, refs.length === 1) };
    // Standard input can only be read here (a worker has none); a read error travels with the
    // task as the input's problem, so it is reported with its reason, not read a second time.
    if (ref.path === '-') {
      try {
        task.bytes = await readInput(ref);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        task.ref = { ...ref, problem: message.startsWith('-: ') ? message.slice(3) : message };
      }
    }
    tasks.push(task);
  }

  const failures: Failure[] = [];
  let worst: Severity | null = null;
  const minShown: Severity = opts.verbose ? 'info' : 'warning';
  const single = refs.length === 1;
  let csvHeaderDone = false;
  let docsWritten = 0;
  const progress = new Progress(refs.length);

  const emitOrdered = (r: TaskResult) => {
    if (!r.ok) return;
    if (format === 'json') {
      const json = r.text?.[0];
      if (single) writeJson(r.clean, json ?? JSON.stringify(r.doc, null, 2), '\n');
      else writeJson(r.clean, docsWritten === 0 ? '\n    ' : ',\n    ', json ?? jsonAtDepth(r.doc, 2));
      docsWritten++;
    } else if (format === 'csv' && renderer.csv) {
      const rows = renderer.csv(r.doc);
      out((csvHeaderDone ? rows.slice(1) : rows).join('\n'));
      csvHeaderDone = true;
    } else if (format === 'table') out(`${renderer.table(r.doc, term, colors)}\n`);
  };

  // A batch prints as `JSON.stringify({ schemaVersion, documents, failures }, null, 2)` would,
  // each document written as it comes (memory stays flat).
  if (format === 'json' && !single) write(`{\n  "schemaVersion": ${JSON.stringify(SCHEMA_VERSION)},\n  "documents": [`);
  const pending = new Map<number, TaskResult>();
  let nextId = 0;
  await runTasks(tasks, jobs, (r) => {
    progress.tick();
    if (!r.ok) {
      failures.push(r.failure);
      progress.clear();
      err(formatDiagnostic(failurePlace(r.failure), null, { severity: 'error', rule: r.failure.rule, message: r.failure.message }, colors));
      if (opts.debug && r.failure.stack) err(r.failure.stack);
    } else {
      for (const d of r.diagnostics) {
        if (worst === null || RANK[d.severity] > RANK[worst]) worst = d.severity;
        if (!opts.quiet && RANK[d.severity] >= RANK[minShown]) {
          progress.clear();
          err(d.line);
        }
      }
      if (format === 'ndjson') for (const line of r.text ?? renderer.ndjson(r.doc).map((l) => JSON.stringify(l))) writeJson(r.clean, line, '\n');
    }
    if (format === 'ndjson') return stdoutDrained();
    pending.set(r.id, r);
    while (pending.has(nextId)) {
      emitOrdered(pending.get(nextId) as TaskResult);
      pending.delete(nextId++);
    }
    return stdoutDrained();
  });
  progress.clear();

  if (format === 'json' && !single) {
    const list = failures.sort((a, b) => refs.findIndex((x) => x.path === a.path) - refs.findIndex((x) => x.path === b.path)).map(({ stack: _s, ...f }) => f);
    write(docsWritten ? '\n  ],\n  "failures": ' : '],\n  "failures": ', jsonAtDepth(list, 1), '\n}\n');
  }
  if (failures.length > 0 && refs.length > 1 && !opts.quiet) err(`${failures.length} of ${refs.length} inputs failed: ${failures.map((f) => f.path).join(', ')}`);
  if (failures.length > 0) return failures.some((f) => f.exitCode === EXIT.internal) ? EXIT.internal : EXIT.input;
  if (opts.strict && worst !== null && RANK[worst] >= RANK.warning) return EXIT.findings;
  return EXIT.ok;
}

/** JSON and NDJSON are serialised where the document is built (see TaskInput.serialize). */
function serializeFor(format: OutputFormat, single: boolean): Pick<TaskInput, 'serialize'> {
  if (format === 'ndjson') return { serialize: 'ndjson' };
  if (format === 'json') return { serialize: single ? 'json' : 'json-item' };
  return {};
}
