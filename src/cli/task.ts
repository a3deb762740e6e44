import type { InputFormat, Severity } from '../model.js';
import { palette } from '../render/colors.js';
import { formatDiagnostic } from '../render/diagnostics.js';
import { load, type Failure } from './batch.js';
import type { InputRef } from './inputs.js';
import { hasRawInJson } from './output.js';
import { rendererFor, type RendererSpec } from './renderers.js';

export interface TaskInput {
  id: number;
  ref: InputRef;
  /** Bytes already read (standard input is read by the main thread). */
  bytes?: Uint8Array;
  spec: RendererSpec;
  inputFormat?: InputFormat;
  color: boolean;
  /**
   * Serialise the document here and send back text instead of the object: `ndjson` as its
   * lines, `json` pretty-printed (`json-item` indented as an item of the batch's list). A
   * worker thread then does the whole job, and the main thread only writes: posting the object
   * cost a structured clone on both sides plus JSON.stringify on the main thread, so that
   * `--jobs 2` ran no faster than `--jobs 1` (gen50: 3.63 s against 3.76 s).
   */
  serialize?: 'json' | 'json-item' | 'ndjson';
}

export type TaskResult =
  | {
      id: number;
      ok: true;
      path: string;
      doc: unknown;
      text?: string[];
      /** Neither the transcript's text nor its path holds a character JSON output must escape (see writeJson). */
      clean: boolean;
      diagnostics: Array<{ severity: Severity; line: string }>;
    }
  | { id: number; ok: false; failure: Failure };

/** One file, start to end: read, parse, build the command's document, format diagnostics. */
export async function runTask(t: TaskInput): Promise<TaskResult> {
  const outcome = await load(t.ref, { ...(t.inputFormat ? { inputFormat: t.inputFormat } : {}), ...(t.bytes ? { bytes: t.bytes } : {}) });
  if (!outcome.ok) return { id: t.id, ok: false, failure: outcome.failure };
  const r = await rendererFor(t.spec);
  const doc = r.build(outcome.loaded);
  const colors = palette(t.color);
  const { source } = outcome.loaded;
  const diagnostics = r.diagnostics(doc, outcome.loaded).map((d) => ({ severity: d.severity, line: formatDiagnostic(source.path, source.lineStarts, d, colors) }));
  const clean = !hasRawInJson(source.text) && !hasRawInJson(source.path);
  if (t.serialize === 'ndjson') return { id: t.id, ok: true, path: source.path, doc: null, text: r.ndjson(doc).map((line) => JSON.stringify(line)), clean, diagnostics };
  if (t.serialize === 'json') return { id: t.id, ok: true, path: source.path, doc: null, text: [JSON.stringify(doc, null, 2)], clean, diagnostics };
  if (t.serialize === 'json-item') return { id: t.id, ok: true, path: source.path, doc: null, text: [jsonAtDepth(doc, 2)], clean, diagnostics };
  return { id: t.id, ok: true, path: source.path, doc, clean, diagnostics };
}

/**
 * `value` as `JSON.stringify(value, null, 2)` prints it `depth` levels into an enclosing
 * document: every line after the first indented by another 2 × depth spaces, the first line
 * not at all. JSON.stringify indents it there itself when given the value wrapped in `depth`
 * arrays, and the wrapping lines are cut off (a slice, not a copy). Indenting the printed
 * document after the fact (a replace over every line, then a trim) took 2.1 ms of the 3.1 ms
 * each batch item of `ecall analyze --format json` cost.
 */
export function jsonAtDepth(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // The k-th wrapper opens with `[` and a newline at indentation 2k, and closes with a newline
  // and `]` at indentation 2k; the value's own first line is indented 2 × depth.
  let head = 2 * depth;
  let tail = 0;
  for (let k = 0; k < depth; k++) {
    head += 2 * k + 2;
    tail += 2 * k + 2;
  }
  return s.slice(head, s.length - tail);
}
