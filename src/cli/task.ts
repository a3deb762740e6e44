import type { InputFormat, Severity } from '../model.js';
import { palette } from '../render/colors.js';
import { formatDiagnostic } from '../render/diagnostics.js';
import { load, type Failure } from './batch.js';
import type { InputRef } from './inputs.js';
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
  | { id: number; ok: true; path: string; doc: unknown; text?: string[]; diagnostics: Array<{ severity: Severity; line: string }> }
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
  if (t.serialize === 'ndjson') return { id: t.id, ok: true, path: source.path, doc: null, text: r.ndjson(doc).map((line) => JSON.stringify(line)), diagnostics };
  if (t.serialize === 'json') return { id: t.id, ok: true, path: source.path, doc: null, text: [JSON.stringify(doc, null, 2)], diagnostics };
  if (t.serialize === 'json-item') return { id: t.id, ok: true, path: source.path, doc: null, text: [indentItem(JSON.stringify(doc, null, 2))], diagnostics };
  return { id: t.id, ok: true, path: source.path, doc, diagnostics };
}

/** A document as an item of the batch's `documents` list (four spaces in). */
export function indentItem(json: string): string {
  return json.replace(/\n/g, '\n    ').replace(/^/, '    ').trimEnd();
}
