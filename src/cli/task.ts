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
}

export type TaskResult =
  | { id: number; ok: true; path: string; doc: unknown; diagnostics: Array<{ severity: Severity; line: string }> }
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
  return { id: t.id, ok: true, path: source.path, doc, diagnostics };
}
