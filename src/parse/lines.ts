import type { SourceText } from '../source.js';
import type { Span } from '../model.js';
import { isSpaceCode } from '../lang/chars.js';

/** One physical line: `end` stops before the line terminator. */
export interface Line {
  /** 0-based index. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Whitespace only. Refinitiv/PDF exports separate blocks with a line holding one space. */
  blank: boolean;
}

export function linesOf(source: Pick<SourceText, 'text' | 'lineStarts'>): Line[] {
  const { text, lineStarts } = source;
  const out: Line[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i] as number;
    let end = i + 1 < lineStarts.length ? (lineStarts[i + 1] as number) : text.length;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    const t = text.slice(start, end);
    out.push({ i, start, end, text: t, blank: t.trim() === '' });
  }
  return out;
}

/** The span of a line without its leading and trailing white space. */
export function trimmedSpan(line: Line): Span {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: line.end - trail };
}

/** Shrink a span to its first and last non-white-space characters (empty spans stay put). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Previous/next non-blank neighbours decide whether a short line stands alone as a header. */
export function standsAlone(lines: readonly Line[], i: number): boolean {
  const prev = lines[i - 1];
  const next = lines[i + 1];
  return (prev === undefined || prev.blank) && (next === undefined || next.blank);
}
