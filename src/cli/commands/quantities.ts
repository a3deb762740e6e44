import { csvRows } from '../../render/csv.js';
import { quantitiesDocument, quantitiesTable, type QuantitiesDocument } from '../../render/quantities.js';
import type { CommandRenderer } from '../emit.js';

export function quantitiesRenderer(opts: { lines?: boolean }): CommandRenderer<QuantitiesDocument> {
  return {
    build: ({ source, transcript }) => quantitiesDocument(source, transcript, opts),
    table: (doc, term, colors) => quantitiesTable(doc, term.width, colors),
    ndjson: (doc) => doc.quantities.map((q) => ({ schemaVersion: doc.schemaVersion, path: doc.source.path, ...q })),
    csv: (doc) =>
      csvRows(
        ['path', 'line', 'column', 'turn', 'kind', 'value', 'value_high', 'unit', 'approx', 'lang', 'text'],
        doc.quantities.map((q) => [
          doc.source.path,
          q.span.startLine,
          q.span.startColumn,
          q.turn,
          q.kind,
          Array.isArray(q.value) ? q.value[0] : q.value,
          Array.isArray(q.value) ? q.value[1] : null,
          q.unit,
          q.approx,
          q.lang,
          q.text,
        ]),
      ),
    diagnostics: (doc) => doc.diagnostics,
  };
}
