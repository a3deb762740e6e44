/**
 * The library API. Everything the CLI prints is built from these pure functions, so a
 * pipeline in Node can skip the CLI and call them directly.
 */
import { ingest } from './ingest/index.js';
import type { InputFormat, Transcript } from './model.js';
import { parseTranscript } from './parse/index.js';
import { turnsDocument, type TurnsDocument } from './render/document.js';
import { makeSource, type SourceText } from './source.js';

export type * from './model.js';
export type { SourceText } from './source.js';
export type { TurnsDocument } from './render/document.js';
export { ingest, UndecodableInput } from './ingest/index.js';
export { parseTranscript, turnText } from './parse/index.js';
export { SCHEMA_VERSION } from './render/document.js';
export { extractQuantities, type QuantityFound, type QuantityKind } from './quantity/index.js';
export { normalizeText, toSourceSpan } from './lang/normalize.js';
export { splitSentences, type Sentence } from './lang/sentences.js';
export { alignTranscript, type Alignment } from './align/index.js';

export interface AnalyzeOptions {
  /** Shown as `source.path`; defaults to `-`. */
  path?: string;
  /** Force a layout instead of detecting it. */
  format?: InputFormat;
}

export interface Analysis {
  source: SourceText;
  transcript: Transcript;
}

/** Text or bytes → the analysis every command renders from. Never throws on text. */
export function analyze(input: string | Uint8Array, options: AnalyzeOptions = {}): Analysis {
  const path = options.path ?? '-';
  const source = typeof input === 'string' ? makeSource(path, input) : ingest(path, input);
  return { source, transcript: parseTranscript(source, options.format ? { format: options.format } : {}) };
}

/** The JSON document of `ecall turns --format json`. */
export function toTurnsDocument(a: Analysis): TurnsDocument {
  return turnsDocument(a.source, a.transcript);
}
