import type { Span } from '../model.js';
import { trimSpan } from './lines.js';
import { maxOf } from '../arrays.js';

/**
 * Markers transcript sites put where Chinese speech begins; they are not speech themselves:
 * `[Foreign language]`, the misspelt `[Foriegn language]` of the Kingsoft call, StreetEvents'
 * `(foreign language)`, and `[Interpreted]`.
 */
export const FOREIGN_MARKER = /^\s*[[(](?:foreign|foriegn|foregin) language[\])]\s*|^\s*\[interpreted\]\s*/i;

const WRAP_MAX = 200;

/**
 * Split a turn body into paragraphs. Blocks are separated by blank lines. Inside a block, a
 * line that runs close to the block's widest line is a hard wrap and continues on the next
 * line (PDF exports wrap at ~140 characters: "…Allen\nand I will talk through results…");
 * a short line ends its paragraph ("…from him directly once again.\nNow to our results.").
 * Lines of more than 200 characters are never wraps: web pastes put a paragraph on a line.
 * A sentence-final line with room left for the next word ends its paragraph too (below).
 */
export function splitParagraphs(text: string, body: Span): Span[] {
  const out: Span[] = [];
  const lines: Span[] = [];
  let i = body.start;
  // Line ends found by indexOf over the body (a slice, so a search never runs past it) instead
  // of a loop over every character, which was splitParagraphs' top line (129 of ~140 samples in
  // a warm profile of 4 x 50 generated calls; self time 88 -> 18 ms). lf/cr: the next break at
  // or after i, or -1.
  const seg = text.slice(body.start, body.end);
  const next = (ch: string, from: number): number => {
    const k = seg.indexOf(ch, from - body.start);
    return k === -1 ? -1 : k + body.start;
  };
  let lf = -2;
  let cr = -2;
  while (i < body.end) {
    if (lf !== -1 && lf < i) lf = next('\n', i);
    if (cr !== -1 && cr < i) cr = next('\r', i);
    let j = Math.min(lf === -1 ? body.end : lf, cr === -1 ? body.end : cr);
    lines.push({ start: i, end: j });
    if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j++;
    i = j + 1;
  }
  let block: Span[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const trimmed = block.map((l) => trimSpan(text, l));
    const widths = trimmed.map((t) => t.end - t.start);
    const max = maxOf(widths);
    let cur: Span | null = null;
    block.forEach((_l, k) => {
      const s = trimmed[k] as Span;
      if (cur === null) cur = { ...s };
      else cur.end = s.end;
      const w = widths[k] as number;
      const next = block[k + 1];
      const wraps = next !== undefined && max >= 60 && max <= WRAP_MAX && w >= 0.75 * max && !endsParagraph(text, s, next, max);
      if (!wraps) {
        out.push(cur);
        cur = null;
      }
    });
    block = [];
  };
  for (const l of lines) {
    const t = trimSpan(text, l);
    if (t.end === t.start) flush();
    else block.push(l);
  }
  flush();
  return out.map((p) => stripMarker(text, p)).filter((p) => p.end > p.start);
}

/**
 * A long line can still end a paragraph. PDF exports set proportional fonts, so widths vary
 * (105 to 140 characters in one Zillow turn), but a line that ends a sentence and had room
 * for the next line's first word was not wrapped: "…keep a careful eye on the housing
 * macro." (105 characters) is followed by "The first growth pillar…", a new paragraph.
 */
function endsParagraph(text: string, line: Span, next: Span, width: number): boolean {
  const t = text.slice(line.start, line.end);
  if (!/[.?!:"”’)。！？]$/.test(t)) return false;
  const n = trimSpan(text, next);
  const firstWord = /^\S+/.exec(text.slice(n.start, n.end))?.[0] ?? '';
  return t.length + 1 + firstWord.length <= width;
}

/** Drop a leading foreign-language marker from a paragraph: the speech starts after it. */
export function stripMarker(text: string, p: Span): Span {
  const m = FOREIGN_MARKER.exec(text.slice(p.start, p.end));
  return m ? { start: p.start + m[0].length, end: p.end } : p;
}

/**
 * A paragraph as readers want it: hard wraps re-joined with a space. The same as
 * `.replace(/[ \t]*\r?\n[ \t]*|\r/g, ' ')`: a line feed (or CRLF) takes the spaces and tabs on
 * both sides with it, a lone CR is replaced alone. Done by hand because that regex was the
 * top self time of the parse stage (334 ms in a warm profile of 10 x 200 generated calls):
 * most paragraphs hold no break at all, and it tried a match at every space.
 */
export function paragraphText(text: string, p: Span): string {
  const s = text.slice(p.start, p.end);
  let lf = s.indexOf('\n');
  let cr = s.indexOf('\r');
  if (lf === -1 && cr === -1) return s;
  let out = '';
  // Copied up to here; a match never starts before it (the spaces after a line feed are its).
  let done = 0;
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf) && s.charCodeAt(cr + 1) !== 10) {
      // "…figures\rin RMB": a lone CR, its white space kept.
      out += s.slice(done, cr) + ' ';
      done = cr + 1;
      cr = s.indexOf('\r', done);
      continue;
    }
    // A line feed, or the CR of a CRLF: take the spaces and tabs before and after.
    const brk = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    const nl = brk === cr ? cr + 1 : lf;
    let a = brk;
    while (a > done && (s.charCodeAt(a - 1) === 32 || s.charCodeAt(a - 1) === 9)) a--;
    let b = nl + 1;
    while (b < s.length && (s.charCodeAt(b) === 32 || s.charCodeAt(b) === 9)) b++;
    out += s.slice(done, a) + ' ';
    done = b;
    lf = s.indexOf('\n', done);
    if (cr !== -1 && cr < done) cr = s.indexOf('\r', done);
  }
  return out + s.slice(done);
}
