import { turnsDocument, type TurnsDocument } from '../../render/document.js';
import { turnsTable } from '../../render/turns-table.js';
import { csvRows } from '../../render/csv.js';
import type { CommandRenderer } from '../emit.js';

export const turnsRenderer: CommandRenderer<TurnsDocument> = {
  build: ({ source, transcript }) => turnsDocument(source, transcript),
  table: (doc, term, colors) => turnsTable(doc, term.width, colors),
  ndjson: (doc) => doc.turns.map((t) => ({ schemaVersion: doc.schemaVersion, path: doc.source.path, ...t })),
  csv: (doc) =>
    csvRows(
      ['path', 'n', 'speaker', 'title', 'role', 'affiliation', 'section', 'lang', 'zh_share', 'interprets', 'start_line', 'end_line', 'chars', 'text'],
      doc.turns.map((t) => [doc.source.path, t.n, t.speaker, t.title, t.role, t.affiliation, t.section, t.lang, t.langShare.zh, t.interprets, t.span.startLine, t.span.endLine, t.text.length, t.text]),
    ),
  diagnostics: (doc) => doc.diagnostics,
};
