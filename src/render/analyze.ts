import { alignTranscript } from '../align/index.js';
import { extractMetrics } from '../metrics/index.js';
import type { Transcript } from '../model.js';
import { sentenceTable } from '../pipeline/sentences.js';
import { extractQuantities } from '../quantity/index.js';
import type { SourceText } from '../source.js';
import { alignmentJson } from './align.js';
import { diagnosticJson, turnsDocument } from './document.js';
import { metricsJson } from './metrics.js';
import { quantitiesDocument } from './quantities.js';

/**
 * `ecall analyze --format json`: everything ecall reads from one transcript in one document,
 * the input for pipelines and what `ecall check` compares against `X.expected.json`.
 */
export function analyzeDocument(src: SourceText, t: Transcript, opts: { currency?: string } = {}) {
  const turns = turnsDocument(src, t);
  // The quantity stage runs once over the whole text: the quantities document keeps what lies
  // in speech, and the sentence table places the same quantities in the sentences the aligner
  // and metrics read (falling back to a sentence's own extraction where that could differ).
  const whole = extractQuantities(src.text);
  const { quantities, diagnostics } = quantitiesDocument(src, t, { whole });
  // One table of sentences for both stages: each paragraph normalised and split once, each
  // sentence's quantities found once (see src/pipeline/sentences.ts).
  const sentences = sentenceTable(src, { quantities: whole.quantities });
  const alignment = alignTranscript(src, t, { sentences });
  const metrics = extractMetrics(src, t, { sentences, ...(opts.currency ? { currency: opts.currency } : {}) });
  return {
    ...turns,
    quantities,
    alignment: alignmentJson(src, alignment),
    ...metricsJson(src, metrics),
    diagnostics: [...diagnostics, ...[...alignment.diagnostics, ...metrics.diagnostics].map((d) => diagnosticJson(src, d))],
  };
}

export type AnalyzeDocument = ReturnType<typeof analyzeDocument>;
