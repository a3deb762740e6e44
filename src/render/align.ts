import { alignTranscript } from '../align/index.js';
import type { Alignment } from '../align/types.js';
import type { Span, Transcript } from '../model.js';
import type { SourceText } from '../source.js';
import { locate } from '../source.js';
import type { Palette } from './colors.js';
import { diagnosticJson, SCHEMA_VERSION, sourceInfo } from './document.js';
import { sanitizeInline } from './sanitize.js';
import { renderTable } from './table.js';

/** The alignment part of the JSON documents (`ecall align`, `ecall analyze`). */
export function alignmentJson(src: SourceText, a: Alignment) {
  const at = (s: Span | null) => (s ? locate(src.lineStarts, s) : null);
  return {
    pairs: a.pairs.map((p) => ({
      zhTurn: p.zhTurn,
      enTurns: p.enTurns,
      original: p.original,
      segments: p.segments.map((s) => ({
        kind: s.kind,
        zh: s.zh,
        en: s.en,
        score: Math.round(s.score * 1000) / 1000,
        zhSpan: at(s.zhSpan),
        enSpan: at(s.enSpan),
        matched: s.evidence.matched,
      })),
    })),
    unpaired: a.unpaired.map((u) => ({ turn: u.turn, lang: u.lang, reason: u.reason, note: u.note, span: locate(src.lineStarts, u.span) })),
  };
}

export function alignDocument(src: SourceText, t: Transcript) {
  const a = alignTranscript(src, t);
  return {
    schemaVersion: SCHEMA_VERSION,
    source: sourceInfo(src, t.format),
    ...alignmentJson(src, a),
    diagnostics: [...src.diagnostics, ...t.diagnostics, ...a.diagnostics].map((d) => diagnosticJson(src, d)),
  };
}

export type AlignDocument = ReturnType<typeof alignDocument>;

/** Chinese | English | confidence, wrapped to the terminal; unpaired material listed below. */
export function alignTable(doc: AlignDocument, width: number, colors: Palette): string {
  const parts: string[] = [colors.bold(sanitizeInline(`${doc.source.path}: ${doc.pairs.length} aligned passages, ${doc.unpaired.length} unpaired`))];
  const side = Math.max(20, Math.floor((width - 16) / 2));
  for (const p of doc.pairs) {
    const head = `turn ${p.zhTurn} ${p.original === 'zh' ? '→' : '←'} ${p.enTurns.join(', ')}`;
    const rows = p.segments.map((s) => {
      const conf = `${Math.round(s.score * 100)}%`;
      return [
        s.zh ? sanitizeInline(s.zh) : colors.dim('—'),
        s.en ? sanitizeInline(s.en) : colors.dim('—'),
        s.score < 0.5 ? colors.status('warn', conf) : conf,
      ];
    });
    parts.push(colors.bold(head));
    parts.push(
      renderTable(
        [
          { head: 'Chinese', width: side },
          { head: 'English', width: 'flex' },
          { head: 'conf', width: 5, align: 'right' },
        ],
        rows,
        width,
        { head: colors.bold, wrap: true },
      ),
    );
  }
  if (doc.unpaired.length) {
    parts.push(colors.bold('unpaired:'));
    for (const u of doc.unpaired) parts.push(`  turn ${u.turn} (${u.lang}), line ${u.span.startLine}: ${sanitizeInline(u.note)}`);
  }
  return parts.join('\n');
}
