import type { Palette } from './colors.js';
import type { TurnsDocument } from './document.js';
import { sanitizeInline } from './sanitize.js';
import { renderTable } from './table.js';
import { compactForDisplay } from './width.js';

/** `ecall turns` on a terminal: one row per turn, the opening words cut to the width. */
export function turnsTable(doc: TurnsDocument, width: number, colors: Palette): string {
  const rows = doc.turns.map((t) => {
    const speaker = t.title ? `${t.speaker} (${t.title})` : t.speaker;
    const lang = t.lang === 'mixed' ? `mix ${Math.round(t.langShare.zh * 100)}%zh` : t.lang;
    const role = t.interprets !== null ? `${t.role}→${t.interprets}` : t.role;
    return [
      String(t.n),
      sanitizeInline(speaker),
      colors.role(t.role, role),
      t.section === 'qa' ? 'Q&A' : 'prep',
      lang,
      String(t.text.length),
      `${t.span.startLine}`,
      sanitizeInline(compactForDisplay(t.text)),
    ];
  });
  const table = renderTable(
    [
      { head: '#', width: 3, align: 'right' },
      { head: 'speaker', width: 26 },
      { head: 'role', width: 15 },
      { head: 'section', width: 7 },
      { head: 'lang', width: 10 },
      { head: 'chars', width: 6, align: 'right' },
      { head: 'line', width: 5, align: 'right' },
      { head: 'opening words', width: 'flex' },
    ],
    rows,
    width,
    { head: colors.bold },
  );
  const c = doc.call;
  const title = [c.company, c.period, c.date].filter(Boolean).join(' · ');
  const summary = `${doc.source.path}: ${title || 'call not identified'} — ${doc.turns.length} turns, ${doc.exchanges.length} Q&A exchanges (${doc.source.format}, ${doc.source.encoding})`;
  const exchanges = doc.exchanges.map(
    (e) => `  Q${e.n} ${sanitizeInline(e.analyst)}${e.affiliation ? ` (${sanitizeInline(e.affiliation)})` : ''}: questions ${e.questions.join(',')}; answers ${e.answers.join(',') || '—'}`,
  );
  return [colors.bold(sanitizeInline(summary)), table, ...(exchanges.length ? [colors.dim('exchanges:'), ...exchanges] : [])].join('\n');
}
