import type { Span } from '../model.js';

/**
 * A timestamped piece of a turn: the MediaTek transcript prints each English paragraph and
 * its Traditional Chinese translation under the same stamp,
 *
 *     (00:00:12) Okay. Thank you, Jason. As this slide shows, …
 *     (00:00:12) 好的。謝謝你，Jason。如這張幻燈片所示，…
 *
 * so the stamp, not sentence order, says which paragraphs render each other.
 */
export interface StampedPiece {
  /** `00:00:12`. */
  stamp: string;
  /** The text after the stamp, up to the next stamp or the end of the paragraph. */
  span: Span;
}

const STAMP = /(?:^|\n)[ \t]*[([](\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[)\]][ \t]*/g;
const STAMP_BEFORE = /^[ \t]*[([](\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[)\]][ \t]*$/;

/**
 * The stamped pieces of the given paragraphs. The Markdown layout leaves the stamp out of the
 * paragraph span (it is not speech), so a stamp is looked for both on the paragraph's line
 * just before it and inside it; text before the first stamp inside a paragraph is ignored.
 */
export function stampedPieces(text: string, paragraphs: readonly Span[]): StampedPiece[] {
  const out: StampedPiece[] = [];
  for (const p of paragraphs) {
    const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
    const before = STAMP_BEFORE.exec(text.slice(lineStart, p.start));
    if (before) {
      out.push({ stamp: before[1] as string, span: p });
      continue;
    }
    const body = text.slice(p.start, p.end);
    // Every stamp holds a colon; most paragraphs hold none, and the pattern, which may start at
    // any line feed, is slow to fail over them (with this test, and the two in findPassages and
    // wordSize, the aligner's instructions per round over 10 generated calls 165 -> 152 M).
    if (!body.includes(':')) continue;
    const marks: Array<{ stamp: string; at: number; after: number }> = [];
    for (const m of body.matchAll(STAMP)) {
      marks.push({ stamp: m[1] as string, at: p.start + (m.index ?? 0), after: p.start + (m.index ?? 0) + m[0].length });
    }
    marks.forEach((m, k) => {
      const end = marks[k + 1]?.at ?? p.end;
      if (end > m.after) out.push({ stamp: m.stamp, span: { start: m.after, end } });
    });
  }
  return out;
}
