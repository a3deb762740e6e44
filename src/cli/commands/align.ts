import { alignDocument, alignTable, type AlignDocument } from '../../render/align.js';
import { csvRows } from '../../render/csv.js';
import type { CommandRenderer } from '../emit.js';

export const alignRenderer: CommandRenderer<AlignDocument> = {
  build: ({ source, transcript }) => alignDocument(source, transcript),
  table: (doc, term, colors) => alignTable(doc, term.width, colors),
  ndjson: (doc) =>
    doc.pairs.flatMap((p) => p.segments.map((s) => ({ schemaVersion: doc.schemaVersion, path: doc.source.path, zhTurn: p.zhTurn, enTurns: p.enTurns, ...s }))),
  csv: (doc) =>
    csvRows(
      ['path', 'zh_turn', 'en_turns', 'kind', 'score', 'zh_line', 'en_line', 'zh', 'en'],
      doc.pairs.flatMap((p) =>
        p.segments.map((s) => [doc.source.path, p.zhTurn, p.enTurns.join(' '), s.kind, s.score, s.zhSpan?.startLine, s.enSpan?.startLine, s.zh, s.en]),
      ),
    ),
  diagnostics: (doc) => doc.diagnostics,
};
