import { csvRows } from '../../render/csv.js';
import { metricsDocument, metricsTable, type MetricsDocument, type MetricsFilter } from '../../render/metrics.js';
import type { CommandRenderer } from '../emit.js';

export function metricsRenderer(filter: MetricsFilter): CommandRenderer<MetricsDocument> {
  return {
    build: ({ source, transcript }) => metricsDocument(source, transcript, filter),
    table: (doc, term, colors) => metricsTable(doc, term.width, colors),
    ndjson: (doc) => doc.metrics.map((f) => ({ schemaVersion: doc.schemaVersion, path: doc.source.path, ...f })),
    csv: (doc) =>
      csvRows(
        ['path', 'entity', 'metric', 'segment', 'basis', 'period', 'value', 'unit', 'approx', 'yoy', 'yoy_unit', 'yoy_source', 'qoq', 'qoq_unit', 'qoq_source', 'flags', 'mentions', 'first_line'],
        doc.metrics.map((f) => {
          const d = (b: string) => f.deltas.find((x) => x.basis === b && x.source === 'stated') ?? f.deltas.find((x) => x.basis === b);
          const yoy = d('yoy');
          const qoq = d('qoq');
          return [
            doc.source.path, f.entity, f.metric, f.segment, f.basis, f.period, f.value, f.unit, f.approx,
            yoy?.change, yoy?.unit, yoy?.source, qoq?.change, qoq?.unit, qoq?.source,
            f.flags.join(' '), f.mentions.length, f.mentions[0]?.span.startLine,
          ];
        }),
      ),
    diagnostics: (doc) => doc.diagnostics,
  };
}
