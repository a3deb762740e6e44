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
  /** The longest match starting exactly at `at`, or null: what `findAll` would give there, without scanning the rest of the text. */
  longestAt(text: string, at: number): Match<T> | null;
}

export function longestMatcher<T>(patterns: ReadonlyArray<Pattern<T>>): Matcher<T> {
  const starts = startsSource(patterns.map((p) => p.src));
  const any = new RegExp(starts, 'gi');
  const anyAt = new RegExp(starts, 'iy');
  const alts = patterns.map((p) => ({ re: new RegExp(p.src, 'iy'), data: p.data }));
  // Only the alternatives that can begin with the character at a match's start are tried
  // there, in their original order (ties go to the first, as before). A lexicon of ~150
  // terms tried one by one at every hit made `findAll` the largest self time of the metrics
  // stage (84 of 3,224 ms in a warm analyze run of 100 generated calls, 246 inclusive).
  // Alternatives whose first character the small parser below cannot tell are tried
  // everywhere, so the result is the same.
  const firsts = patterns.map((p) => firstChars(p.src));
  // Keyed by the code unit as written, so that it is canonicalised once, not at every hit.
  const byFirst = new Map<number, number[]>();
  const candidates = (unit: number): readonly number[] => {
    let list = byFirst.get(unit);
    if (list === undefined) {
      const c = canonicalize(unit);
      list = [];
      for (let k = 0; k < firsts.length; k++) {
        const f = firsts[k];
        if (f === null || f?.has(c)) list.push(k);
      }
      byFirst.set(unit, list);
    }
    return list;
  };
  /** The longest alternative matching at `at` (a position where `any` matches). */
  const bestAt = (text: string, at: number): Match<T> | null => {
    let best: Match<T> | null = null;
    for (const k of candidates(text.charCodeAt(at))) {
      const alt = alts[k] as (typeof alts)[number];
      alt.re.lastIndex = at;
      // Sticky: a match starts at `at` and `test` leaves lastIndex at its end (no match array built).
      if (alt.re.test(text) && alt.re.lastIndex > at && (!best || alt.re.lastIndex > best.end)) best = { start: at, end: alt.re.lastIndex, data: alt.data };
    }
    return best;
  };
  return {
    longestAt(text: string, at: number): Match<T> | null {
      anyAt.lastIndex = at;
      return anyAt.test(text) ? bestAt(text, at) : null;
    },
    findAll(text: string): Array<Match<T>> {
      const out: Array<Match<T>> = [];
      any.lastIndex = 0;
      for (let m = any.exec(text); m; m = any.exec(text)) {
        const best = bestAt(text, m.index);
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
 * The source of the regex that finds where a match can start: only the positions of its
 * matches are read, so the patterns are regrouped for speed into one alternation that V8 tries
 * in fewer steps. Patterns that open with `\b` share one `\b(?:…)` (`\bA|\bB` holds at the
 * same positions as `\b(?:A|B)`), and patterns that open with a plain character share one group
 * per character as the `i` flag compares it (`收入|收入占比` → `收(?:入|入占比)`); any other
 * pattern stays an alternative of its own. A pattern with a `|` outside its groups is never
 * split. On the sentences with figures of 200 generated calls this scan took 14.9 -> 5.6 ms
 * (English) and 9.0 -> 2.0 ms (Chinese) for the metric terms, with the same match positions.
 */
export function startsSource(srcs: readonly string[]): string {
  const wordStart: string[] = [];
  const byFirst = new Map<number, { head: string; rests: string[] }>();
  const others: string[] = [];
  for (const src of srcs) {
    if (hasTopLevelBar(src)) others.push(src);
    else if (src.startsWith('\\b') && src.length > 2 && !QUANTIFIER_START.includes(src.charAt(2))) wordStart.push(src.slice(2));
    else if (isPlainFirst(src)) {
      const c = canonicalize(src.charCodeAt(0));
      const group = byFirst.get(c);
      if (group) group.rests.push(src.slice(1));
      else byFirst.set(c, { head: src.charAt(0), rests: [src.slice(1)] });
    } else others.push(src);
  }
  const alt = (xs: readonly string[]): string => xs.map((x) => `(?:${x})`).join('|');
  const parts: string[] = [];
  if (wordStart.length > 0) parts.push(`\\b(?:${alt(wordStart)})`);
  for (const { head, rests } of byFirst.values()) parts.push(`${head}(?:${alt(rests)})`);
  for (const o of others) parts.push(`(?:${o})`);
  return parts.join('|');
}

const QUANTIFIER_START = '?*+{';
const SPECIAL = '\\^$.|?*+()[]{}';

/** Whether `src` opens with one ordinary character (no quantifier on it, not a surrogate) that can be taken off the front. */
function isPlainFirst(src: string): boolean {
  if (src.length === 0) return false;
  const c = src.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return !SPECIAL.includes(src.charAt(0)) && !QUANTIFIER_START.includes(src.charAt(1) || 'x');
}

/** Whether `src` has an alternative bar outside groups and classes (`a|b`): then no prefix belongs to all of it. */
function hasTopLevelBar(src: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
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
