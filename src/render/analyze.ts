import { alignTranscript } from '../align/index.js';
import { extractMetrics } from '../metrics/index.js';
import type { Transcript } from '../model.js';
import { sentenceTable } from '../pipeline/sentences.js';
import type { SourceText } from '../source.js';
import { alignmentJson } from './align.js';
import { diagnosticJson, turnsDocument } from './document.js';
import { metricsJson } from './metrics.js';
import { quantitiesDocument } from './quantities.js';

/**
 * `ecall analyze --format json`: everything ecall reads from one transcript in one document,
 * the input for pipelines and what `ecall check` compares against `X.expected.json`.
 */
export function analyzeDocument(src: SourceText, t: Transcript) {
  const turns = turnsDocument(src, t);
  const { quantities, diagnostics } = quantitiesDocument(src, t);
  // One table of sentences for both stages: each paragraph normalised and split once, each
  // sentence's quantities extracted once (see src/pipeline/sentences.ts).
  const sentences = sentenceTable(src);
  const alignment = alignTranscript(src, t, { sentences });
  const metrics = extractMetrics(src, t, { sentences });
  return {
    ...turns,
    quantities,
    alignment: alignmentJson(src, alignment),
    ...metricsJson(src, metrics),
    diagnostics: [...diagnostics, ...[...alignment.diagnostics, ...metrics.diagnostics].map((d) => diagnosticJson(src, d))],
  };
}

export type AnalyzeDocument = ReturnType<typeof analyzeDocument>;
