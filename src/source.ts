import type { Diagnostic, Encoding, Span } from './model.js';

/** 1-based line and column; the column counts UTF-16 code units, as offsets do. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Decoded text plus a line index. Every span in ecall points into `text`; this is the one
 * place that turns an offset into a line and column, so that all renderers agree.
 */
export interface SourceText {
  /** What the user named: a path, or `-` for stdin. */
  path: string;
  text: string;
  encoding: Encoding;
  /** Whether the bytes began with a byte-order mark (it is not part of `text`). */
  bom: boolean;
  /** Hex SHA-256 of the bytes as read. */
  sha256: string;
  /** Offsets at which each line starts; line ends are `\n`, `\r\n` or a lone `\r`. */
  lineStarts: number[];
  diagnostics: Diagnostic[];
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  // Breaks found by indexOf rather than a test of every character (lineStartsOf was 245 ms of
  // a profile of 10 x 200 generated calls). lf/cr: the next `\n`/`\r` not yet passed, or -1.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    } else {
      // CRLF counts once; a lone CR (old Mac exports) ends a line too.
      let end = cr + 1;
      if (lf === end) {
        end++;
        lf = text.indexOf('\n', end);
      }
      starts.push(end);
      cr = text.indexOf('\r', end);
    }
  }
  return starts;
}

export function makeSource(
  path: string,
  text: string,
  opts: { encoding?: Encoding; bom?: boolean; sha256?: string; diagnostics?: Diagnostic[] } = {},
): SourceText {
  return {
    path,
    text,
    encoding: opts.encoding ?? 'utf-8',
    bom: opts.bom ?? false,
    sha256: opts.sha256 ?? '',
    lineStarts: lineStartsOf(text),
    diagnostics: opts.diagnostics ?? [],
  };
}

/** Binary search for the line holding `offset`. Offsets past the end map to the last line. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
}

export interface LocatedSpan extends Span {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A span with line and column added for output; the end position is exclusive, like `end`. */
export function locate(lineStarts: readonly number[], span: Span): LocatedSpan {
  const s = positionAt(lineStarts, span.start);
  const e = positionAt(lineStarts, span.end);
  // A literal when the span is a plain `{ start, end }` (every span ecall makes): V8's object
  // spread here cost 2.8 µs a call, 30 times the literal, and `locate` was the second self time
  // of a warm analyze run (661 of 8,078 ms on 50 generated calls). Anything else keeps the
  // spread, so the output keeps its keys and their order either way.
  const keys = Object.keys(span);
  if (keys.length === 2 && keys[0] === 'start' && keys[1] === 'end') {
    return { start: span.start, end: span.end, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }
  return { ...span, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
