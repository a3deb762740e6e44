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
  // Only the alternatives that can begin with the character at a match's start are tried
  // there, in their original order (ties go to the first, as before). A lexicon of ~150
  // terms tried one by one at every hit made `findAll` the largest self time of the metrics
  // stage (84 of 3,224 ms in a warm analyze run of 100 generated calls, 246 inclusive).
  // Alternatives whose first character the small parser below cannot tell are tried
  // everywhere, so the result is the same.
  const firsts = patterns.map((p) => firstChars(p.src));
  const byFirst = new Map<number, number[]>();
  const candidates = (c: number): readonly number[] => {
    let list = byFirst.get(c);
    if (list === undefined) {
      list = [];
      for (let k = 0; k < firsts.length; k++) {
        const f = firsts[k];
        if (f === null || f?.has(c)) list.push(k);
      }
      byFirst.set(c, list);
    }
    return list;
  };
  return {
    findAll(text: string): Array<Match<T>> {
      const out: Array<Match<T>> = [];
      any.lastIndex = 0;
      for (let m = any.exec(text); m; m = any.exec(text)) {
        let best: Match<T> | null = null;
        for (const k of candidates(canonicalize(text.charCodeAt(m.index)))) {
          const alt = alts[k] as (typeof alts)[number];
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

/**
 * A code unit as a case-insensitive regular expression without the `u` flag compares it
 * (ECMA-262 Canonicalize): upper-cased when that gives one code unit, unless that would map
 * a non-ASCII unit to ASCII.
 */
export function canonicalize(c: number): number {
  const u = String.fromCharCode(c).toUpperCase();
  if (u.length !== 1) return c;
  const cu = u.charCodeAt(0);
  return c >= 128 && cu < 128 ? c : cu;
}

/**
 * The canonical code units a non-empty match of `src` can begin with, or null when the parser
 * cannot tell (then the pattern is tried everywhere). Understands what the lexicons use:
 * literals, escaped punctuation, `\b`, groups `(?:…)` with `|`, and the quantifiers `? * + {}`;
 * anything else (classes, `.`, `\s`, anchors, look-arounds) gives null.
 */
export function firstChars(src: string): Set<number> | null {
  let i = 0;
  const fail = { failed: false };
  // Returns the first set of an alternation up to `)` or the end, and whether it can be empty.
  const alternation = (): { set: Set<number>; nullable: boolean } => {
    const set = new Set<number>();
    let nullable = false;
    for (;;) {
      const seq = sequence();
      for (const c of seq.set) set.add(c);
      if (seq.nullable) nullable = true;
      if (src[i] === '|') {
        i++;
        continue;
      }
      return { set, nullable };
    }
  };
  const sequence = (): { set: Set<number>; nullable: boolean } => {
    const set = new Set<number>();
    let open = true; // every item so far could match empty
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let item: { set: Set<number>; nullable: boolean };
      const ch = src[i] as string;
      if (ch === '\\') {
        const next = src[i + 1];
        if (next === undefined) {
          fail.failed = true;
          return { set, nullable: true };
        }
        i += 2;
        if (next === 'b' || next === 'B') item = { set: new Set(), nullable: true };
        else if (/[A-Za-z0-9]/.test(next)) {
          fail.failed = true;
          return { set, nullable: true };
        } else item = { set: new Set([canonicalize(next.charCodeAt(0))]), nullable: false };
      } else if (ch === '(') {
        if (src.startsWith('(?:', i)) i += 3;
        else if (src[i + 1] === '?') {
          fail.failed = true;
          return { set, nullable: true };
        } else i += 1;
        item = alternation();
        if (src[i] !== ')') {
          fail.failed = true;
          return { set, nullable: true };
        }
        i++;
      } else if ('[.^$*+?{}]'.includes(ch)) {
        fail.failed = true;
        return { set, nullable: true };
      } else {
        item = { set: new Set([canonicalize(ch.charCodeAt(0))]), nullable: false };
        i++;
      }
      // Quantifier.
      const q = src[i];
      if (q === '?' || q === '*') {
        item = { set: item.set, nullable: true };
        i++;
      } else if (q === '+') i++;
      else if (q === '{') {
        const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i));
        if (!m) {
          fail.failed = true;
          return { set, nullable: true };
        }
        if (Number(m[1]) === 0) item = { set: item.set, nullable: true };
        i += m[0].length;
      }
      if (src[i] === '?' && (q === '?' || q === '*' || q === '+' || q === '{')) i++; // lazy
      if (open) for (const c of item.set) set.add(c);
      if (!item.nullable) open = false;
    }
    return { set, nullable: open };
  };
  const top = alternation();
  if (fail.failed || i !== src.length || top.nullable) return null;
  return top.set;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An English word or phrase source with word boundaries. */
export function enWord(src: string): string {
  return `\\b(?:${src})\\b`;
}
