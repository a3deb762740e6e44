import { analyzeDocument, type AnalyzeDocument } from '../../render/analyze.js';
import { turnsTable } from '../../render/turns-table.js';
import type { CommandRenderer } from '../emit.js';

/**
 * `ecall analyze`: the whole pipeline in one document for pipelines. On a terminal it shows
 * the turns table; NDJSON is one line per file (the whole document).
 */
export function analyzeRenderer(opts: { currency?: string }): CommandRenderer<AnalyzeDocument> {
  return {
    build: ({ source, transcript }) => analyzeDocument(source, transcript, opts),
    table: (doc, term, colors) => turnsTable(doc, term.width, colors),
    ndjson: (doc) => [doc],
    diagnostics: (doc) => doc.diagnostics,
  };
}
