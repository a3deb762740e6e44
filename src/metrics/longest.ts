/**
 * Leftmost-longest matching of many patterns. A regex alternation takes the first
 * alternative that matches, not the longest (`ebitda` would win over `EBITDA率`, "last year"
 * over "the same period of last year" when listed first), so one combined pattern only finds
 * where a match can start and every alternative is then tried there, sticky.
 */
export interface Pattern<T> {
  /** A regular-expression source, matched case-insensitively. */
  src: string;
  data: T;
}

export interface Match<T> {
  start: number;
  end: number;
  data: T;
}

export interface Matcher<T> {
  findAll(text: string): Array<Match<T>>;
}

export function longestMatcher<T>(patterns: ReadonlyArray<Pattern<T>>): Matcher<T> {
  const any = new RegExp(patterns.map((p) => `(?:${p.src})`).join('|'), 'gi');
  const alts = patterns.map((p) => ({ re: new RegExp(p.src, 'iy'), data: p.data }));
  return {
    findAll(text: string): Array<Match<T>> {
      const out: Array<Match<T>> = [];
      any.lastIndex = 0;
      for (let m = any.exec(text); m; m = any.exec(text)) {
        let best: Match<T> | null = null;
        for (const alt of alts) {
          alt.re.lastIndex = m.index;
          const a = alt.re.exec(text);
          if (a && a[0].length > 0 && (!best || m.index + a[0].length > best.end)) best = { start: m.index, end: m.index + a[0].length, data: alt.data };
        }
        if (!best) {
          any.lastIndex = m.index + 1;
          continue;
        }
        out.push(best);
        any.lastIndex = best.end;
      }
      return out;
    },
  };
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An English word or phrase source with word boundaries. */
export function enWord(src: string): string {
  return `\\b(?:${src})\\b`;
}
