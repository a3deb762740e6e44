import type { Span, Transcript } from '../model.js';
import { extractQuantities, type QuantityFound, type QuantityResult } from '../quantity/index.js';
import type { SourceText } from '../source.js';
import type { Palette } from './colors.js';
import { locate, type LocatedSpan } from '../source.js';
import { diagnosticJson, SCHEMA_VERSION, sourceInfo } from './document.js';
import { sanitizeInline } from './sanitize.js';
import { renderTable } from './table.js';

export interface QuantityJson extends Omit<QuantityFound, 'span' | 'numberSpan'> {
  span: LocatedSpan;
  numberSpan: LocatedSpan;
  /** The turn the quantity was said in; null with `--lines`. */
  turn: number | null;
  speaker: string | null;
}

interface Segment {
  span: Span;
  turn: number | null;
  speaker: string | null;
}

/**
 * Where to look: the paragraphs of speech (so that `Speaker 7` or a page date is never read
 * as a figure), or, with `--lines`, every input line on its own ("what does ecall read here?",
 * and conformance suites of one case per line).
 */
function segments(src: SourceText, t: Transcript, byLine: boolean): Segment[] {
  if (byLine) {
    return src.lineStarts.map((start, k) => {
      let end = src.lineStarts[k + 1] ?? src.text.length;
      while (end > start && /[\r\n]/.test(src.text[end - 1] as string)) end--;
      return { span: { start, end }, turn: null, speaker: null };
    });
  }
  return t.turns.flatMap((x) => x.paragraphs.map((p) => ({ span: p, turn: x.n, speaker: x.speaker })));
}

function shift(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

/**
 * `opts.whole`: `extractQuantities(src.text)` when the caller has run it already
 * (`analyzeDocument` shares it with the sentence table).
 */
export function quantitiesDocument(src: SourceText, t: Transcript, opts: { lines?: boolean; whole?: QuantityResult } = {}) {
  const quantities: QuantityJson[] = [];
  const diagnostics = [...src.diagnostics, ...t.diagnostics];
  // The fields one by one, not `{ ...q, span, numberSpan, turn, speaker }`: V8's object spread
  // of these few shapes cost ~2.7 µs a quantity and was the top self time of the quantity stage
  // (491 of 5,855 ms in a profile of 3 x 200 generated calls). Same keys in the same order:
  // `extractQuantities` (quantity/index.ts) makes every QuantityFound with these fields, the
  // optional ones in this order and only when set.
  const push = (q: QuantityFound, seg: Segment, by: number) => {
    // turn and speaker are set last, after the optional fields, as the spread put them.
    const o = {
      span: locate(src.lineStarts, shift(q.span, by)),
      text: q.text,
      lang: q.lang,
      value: q.value,
      unit: q.unit,
      approx: q.approx,
      kind: q.kind,
      numberSpan: locate(src.lineStarts, shift(q.numberSpan, by)),
    } as QuantityJson;
    if ('signWord' in q) o.signWord = q.signWord;
    if ('scale' in q) o.scale = q.scale;
    if ('approxWord' in q) o.approxWord = q.approxWord;
    if ('label' in q) o.label = q.label;
    o.turn = seg.turn;
    o.speaker = seg.speaker;
    quantities.push(o);
  };
  if (opts.lines === true) {
    for (const seg of segments(src, t, true)) {
      const r = extractQuantities(src.text.slice(seg.span.start, seg.span.end));
      for (const d of r.diagnostics) diagnostics.push(d.span ? { ...d, span: shift(d.span, seg.span.start) } : d);
      for (const q of r.quantities) push(q, seg, seg.span.start);
    }
  } else {
    // One pass over the whole text costs a third of one pass per paragraph (the stage has a
    // fixed cost per call); a quantity counts only if it lies inside a paragraph of speech,
    // so headers (`Speaker 7`), page dates and participant lists are never read as figures.
    const segs = segments(src, t, false).sort((a, b) => a.span.start - b.span.start);
    const r = opts.whole ?? extractQuantities(src.text);
    let k = 0;
    for (const q of r.quantities) {
      while (k < segs.length && (segs[k] as Segment).span.end <= q.span.start) k++;
      const seg = segs[k];
      if (seg && seg.span.start <= q.span.start && q.span.end <= seg.span.end) push(q, seg, 0);
    }
    for (const d of r.diagnostics) {
      if (!d.span) continue;
      const inside = segs.some((g) => g.span.start <= (d.span as Span).start && (d.span as Span).end <= g.span.end);
      if (inside) diagnostics.push(d);
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    source: sourceInfo(src, t.format),
    quantities,
    diagnostics: diagnostics.map((d) => diagnosticJson(src, d)),
  };
}

export type QuantitiesDocument = ReturnType<typeof quantitiesDocument>;

export function formatValue(v: number | [number, number]): string {
  const one = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 6 }));
  return Array.isArray(v) ? `${one(v[0])} – ${one(v[1])}` : one(v);
}

export function quantitiesTable(doc: QuantitiesDocument, width: number, colors: Palette): string {
  const rows = doc.quantities.map((q) => [
    `${q.span.startLine}:${q.span.startColumn}`,
    q.turn === null ? '' : String(q.turn),
    q.kind,
    formatValue(q.value),
    q.unit,
    q.approx ? '≈' : '',
    q.lang,
    sanitizeInline(q.text),
  ]);
  const table = renderTable(
    [
      { head: 'where', width: 8 },
      { head: 'turn', width: 4, align: 'right' },
      { head: 'kind', width: 8 },
      { head: 'value', width: 22, align: 'right' },
      { head: 'unit', width: 5 },
      { head: '≈', width: 1 },
      { head: 'lang', width: 4 },
      { head: 'text', width: 'flex' },
    ],
    rows,
    width,
    { head: colors.bold },
  );
  return `${colors.bold(sanitizeInline(`${doc.source.path}: ${doc.quantities.length} quantities`))}\n${table}`;
}
