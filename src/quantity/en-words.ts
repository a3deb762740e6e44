/**
 * Spelled-out English numbers: `three`, `four hundred and twenty`, `a dozen`, `one-third`,
 * `two hundred point zero three`. A hand-written reader (no dependency): the words are few and
 * the rules short, and it runs on every sentence in well under a millisecond.
 */
import type { Atom } from './atoms.js';
import { isLatinCode } from './chars.js';
import { tidy } from './zh-numerals.js';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, nought: 0, naught: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Scale words spelled out (the abbreviations are in `scale.ts`). */
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7,
};
const DOZEN = new Set(['dozen', 'dozens', 'dzs', 'dozs', 'doz']);

/** Denominators: the word, its value, and whether it is plural. */
const DENOMS: Readonly<Record<string, [number, boolean]>> = {
  half: [2, false], halves: [2, true], third: [3, false], thirds: [3, true], quarter: [4, false], quarters: [4, true],
  fourth: [4, false], fourths: [4, true], fifth: [5, false], fifths: [5, true], sixth: [6, false], sixths: [6, true],
  seventh: [7, false], sevenths: [7, true], eighth: [8, false], eighths: [8, true], ninth: [9, false], ninths: [9, true],
  tenth: [10, false], tenths: [10, true], eleventh: [11, false], elevenths: [11, true], twelfth: [12, false], twelfths: [12, true],
  twentieth: [20, false], twentieths: [20, true], thirtieth: [30, false], thirtieths: [30, true],
  hundredth: [100, false], hundredths: [100, true], thousandth: [1e3, false], thousandths: [1e3, true],
  millionth: [1e6, false], millionths: [1e6, true], billionth: [1e9, false], billionths: [1e9, true],
  trillionth: [1e12, false], trillionths: [1e12, true],
};
/** Ordinals that are denominators only after a tens word (`a twenty-first`). */
const ORDINAL_ONLY: Readonly<Record<string, [number, boolean]>> = {
  first: [1, false], firsts: [1, true], second: [2, false], seconds: [2, true],
};

type ItemType = 'a' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and' | 'denom' | 'dozen' | 'point';
interface Item {
  type: ItemType;
  value: number;
  plural?: boolean;
  word: number; // index into words
}
interface Word {
  lower: string;
  start: number;
  end: number;
}


const CLASS = new Map<string, ItemType>();
for (const k of Object.keys(UNITS)) CLASS.set(k, 'unit');
for (const k of Object.keys(TEENS)) CLASS.set(k, 'teen');
for (const k of Object.keys(TENS)) CLASS.set(k, 'tens');
for (const k of ['hundred', 'hundreds']) CLASS.set(k, 'hundred');
for (const k of Object.keys(SCALES)) CLASS.set(k, 'scale');
for (const k of DOZEN) CLASS.set(k, 'dozen');
for (const k of Object.keys(DENOMS)) CLASS.set(k, 'denom');

function classify(lower: string): ItemType | null {
  return CLASS.get(lower) ?? null;
}
/** Words that can start a spelled-out number. */
const STARTERS = new Set([...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), 'a', 'an', 'half']);
function valueOf(lower: string): number {
  return UNITS[lower] ?? TEENS[lower] ?? TENS[lower] ?? SCALES[lower] ?? (lower.startsWith('hundred') ? 100 : 0);
}

/** Whether two words are joined into one number: only spaces and at most one hyphen between. */
function joined(s: string, a: Word, b: Word): boolean {
  return /^[ \t\u00a0]*-?[ \t\u00a0]*$/.test(s.slice(a.end, b.start));
}

function cardinal(items: readonly Item[]): number {
  let total = 0;
  let cur = 0;
  for (const it of items) {
    switch (it.type) {
      case 'a':
        cur = 1;
        break;
      case 'unit':
      case 'teen':
      case 'tens':
        cur += it.value;
        break;
      case 'hundred':
        cur = (cur || 1) * 100;
        break;
      case 'scale':
        if (cur === 0 && total > 0) total *= it.value;
        else total += (cur || 1) * it.value;
        cur = 0;
        break;
      default:
        break;
    }
  }
  return total + cur;
}

/** `X and two fifths`, `three hundred and two dozens`: the small number after the last `and`. */
function splitAtAnd(items: readonly Item[]): { whole: Item[]; part: Item[] } | null {
  let k = -1;
  for (let t = items.length - 1; t >= 0; t--) if (items[t]?.type === 'and') {
    k = t;
    break;
  }
  if (k < 0) return null;
  const part = items.slice(k + 1);
  if (part.length === 1 && (part[0]?.type === 'unit' || part[0]?.type === 'a')) return { whole: items.slice(0, k), part };
  return null;
}

interface Parsed {
  value: number;
  firstWord?: number;
  lastWord: number;
  fraction: boolean;
}

function parsePhrase(s: string, words: readonly Word[], i: number): Parsed | null {
  const items: Item[] = [];
  let j = i;
  let decimals = '';
  let lastWord = i - 1;
  for (; j < words.length; j++) {
    const w = words[j] as Word;
    if (j > i && !joined(s, words[j - 1] as Word, w)) break;
    const last = items[items.length - 1]?.type;
    const next = words[j + 1];
    const nextType = next && joined(s, w, next) ? classify(next.lower) : null;
    if (w.lower === 'a' || w.lower === 'an') {
      // `a dozen`, `a hundred`, `a third`, `a twenty-first` (the tens case is kept only before an ordinal).
      if ((last === undefined || last === 'and') && (nextType === 'hundred' || nextType === 'scale' || nextType === 'dozen' || nextType === 'denom' || nextType === 'tens')) {
        items.push({ type: 'a', value: 1, word: j });
        continue;
      }
      break;
    }
    if (w.lower === 'and') {
      if (last && last !== 'and' && last !== 'a' && (nextType === 'unit' || nextType === 'teen' || nextType === 'tens' || next?.lower === 'a')) {
        items.push({ type: 'and', value: 0, word: j });
        continue;
      }
      break;
    }
    if (w.lower === 'point') {
      if (last && last !== 'and' && last !== 'a' && (nextType === 'unit' || nextType === 'teen' || nextType === 'tens')) {
        // Decimals are read digit by digit (`point zero three`), a compound as its digits (`point seventy-one`).
        let k = j + 1;
        let prevTens = false;
        while (k < words.length && joined(s, words[k - 1] as Word, words[k] as Word)) {
          const lw = (words[k] as Word).lower;
          const t = classify(lw);
          if (t === 'unit') {
            if (prevTens) decimals = decimals.slice(0, -1) + String(UNITS[lw]);
            else decimals += String(UNITS[lw]);
            prevTens = false;
          } else if (t === 'teen' || t === 'tens') {
            if (prevTens) break;
            decimals += String(valueOf(lw));
            prevTens = t === 'tens';
          } else break;
          k++;
        }
        lastWord = k - 1;
        j = k;
        break;
      }
      break;
    }
    const ord = ORDINAL_ONLY[w.lower];
    if (ord) {
      // `a twenty-first`, `three twenty firsts`: only as the ones of a compound denominator.
      if (last === 'tens' && items.length >= 2) {
        items.push({ type: 'denom', value: ord[0], plural: ord[1], word: j });
        lastWord = j;
        j++;
      }
      break;
    }
    const t = classify(w.lower);
    if (t === null) break;
    const v = t === 'denom' ? (DENOMS[w.lower] as [number, boolean])[0] : valueOf(w.lower);
    let ok = false;
    switch (t) {
      case 'unit':
        ok = last === undefined || last === 'hundred' || last === 'scale' || last === 'and' || (last === 'tens' && v > 0);
        break;
      case 'teen':
      case 'tens':
        ok = last === undefined || last === 'hundred' || last === 'scale' || last === 'and';
        break;
      case 'hundred':
        ok = last === 'unit' || last === 'teen' || last === 'tens' || last === 'a';
        break;
      case 'scale':
        ok = last === 'unit' || last === 'teen' || last === 'tens' || last === 'hundred' || last === 'scale' || last === 'a';
        break;
      case 'denom':
      case 'dozen':
        ok = last === undefined ? w.lower === 'half' : last !== 'and';
        break;
      default:
        ok = false;
    }
    if (!ok) break;
    const item: Item = { type: t, value: v, word: j };
    if (t === 'denom') item.plural = (DENOMS[w.lower] as [number, boolean])[1];
    items.push(item);
    lastWord = j;
    if (t === 'denom' || t === 'dozen') {
      // `half a dozen`
      if (t === 'denom' && items.length === 1 && w.lower === 'half') {
        const a = words[j + 1];
        const d = words[j + 2];
        if (a && d && (a.lower === 'a' || a.lower === 'an') && DOZEN.has(d.lower) && joined(s, w, a) && joined(s, a, d)) {
          return { value: 6, lastWord: j + 2, fraction: false };
        }
      }
      j++;
      break;
    }
  }
  // A trailing `and`/`a` is not part of the number.
  while (items.length > 0 && (items[items.length - 1]?.type === 'and' || items[items.length - 1]?.type === 'a')) items.pop();
  if (items.length === 0) return null;
  lastWord = Math.max(lastWord, items[items.length - 1]?.word ?? i);
  const end = items[items.length - 1] as Item;

  if (end.type === 'denom') {
    let num = items.slice(0, -1);
    let den = end.value;
    if (num.length === 0) {
      // `half` alone.
      return end.value === 2 && !end.plural ? { value: 0.5, lastWord, fraction: true } : null;
    }
    // `one hundred thirty fifths` is 100/35, `twenty twenty fifths` 20/25: a tens word right
    // before the ordinal joins it when another number word (not `and`) precedes it.
    const pre = num[num.length - 1];
    const prePre = num[num.length - 2];
    if (pre?.type === 'tens' && prePre && prePre.type !== 'and' && end.value < 10) {
      den = pre.value + end.value;
      num = num.slice(0, -1);
    }
    const split = splitAtAnd(num);
    const whole = split ? cardinal(split.whole) : 0;
    const fn = split ? cardinal(split.part) : cardinal(num);
    if (!end.plural && fn !== 1) {
      // `two millionth` is not a fraction: read the number without the ordinal.
      const v = cardinal(num);
      return { value: v, lastWord: (num[num.length - 1] as Item).word, fraction: false };
    }
    return { value: tidy(whole + fn / den), lastWord, fraction: true };
  }
  if (end.type === 'dozen') {
    const num = items.slice(0, -1);
    const split = splitAtAnd(num);
    if (split) return { value: cardinal(split.whole) + cardinal(split.part) * 12, lastWord, fraction: false };
    return { value: (num.length ? cardinal(num) : 1) * 12, lastWord, fraction: false };
  }
  // `one and two` is two numbers: an `and` after a unit only counts before a fraction.
  let use = items;
  for (let t = 1; t < items.length; t++) {
    const it = items[t] as Item;
    const prev = items[t - 1] as Item;
    if (it.type === 'and' && (prev.type === 'unit' || prev.type === 'teen' || prev.type === 'tens')) {
      use = items.slice(0, t);
      break;
    }
  }
  // `a twenty percent increase`: the article belongs to the phrase, not to the number.
  if (use[0]?.type === 'a' && use[1]?.type === 'tens') use = use.slice(1);
  if (use.length === 0) return null;
  const lw = decimals && use.length === items.length ? lastWord : (use[use.length - 1] as Item).word;
  let value = cardinal(use);
  if (decimals && use.length === items.length) value = tidy(value + Number(`0.${decimals}`));
  return { value, lastWord: lw, fraction: false, firstWord: (use[0] as Item).word };
}

/** The words before a `one` that make it a pronoun (`the one`, `which one`, `no one`). */
const ONE_PRONOUN_BEFORE = new Set(['the', 'this', 'that', 'which', 'each', 'every', 'any', 'no', 'some', 'someone', 'anyone']);
const ONE_PRONOUN_AFTER = new Set(['another', 'off', 'time', 'stop', 'way']);

export interface WordAtom extends Atom {
  fraction: boolean;
  /** `twice`, `thrice`: the word is itself a multiple (×2, ×3). */
  multiple?: boolean;
}

/**
 * Words that are multiples by themselves: "more than twice the amount" is ×2, approximate.
 * Not a frequency: "twice a year", "twice per quarter" count events, not a ratio.
 */
const MULTIPLE_WORDS: Readonly<Record<string, number>> = { twice: 2, thrice: 3 };
const FREQUENCY_AFTER = /^\s+(?:a|per|each|every)\s+(?:year|quarter|month|week|day)\b|^\s+(?:daily|weekly|monthly|annually|yearly)\b/i;

/** The run of ASCII letters that starts at `start`. */
function wordAt(s: string, start: number): Word {
  let end = start + 1;
  while (end < s.length && isLatinCode(s.charCodeAt(end))) end++;
  return { lower: s.slice(start, end).toLowerCase(), start, end };
}

/** The first run of letters at or after `from`, wherever it is. */
function wordAfter(s: string, from: number): Word | undefined {
  for (let k = from; k < s.length; k++) if (isLatinCode(s.charCodeAt(k))) return wordAt(s, k);
  return undefined;
}

/** The last run of letters that ends at or before `to`. */
function wordBefore(s: string, to: number): Word | undefined {
  let end = to;
  while (end > 0 && !isLatinCode(s.charCodeAt(end - 1))) end--;
  if (end === 0) return undefined;
  let start = end - 1;
  while (start > 0 && isLatinCode(s.charCodeAt(start - 1))) start--;
  return { lower: s.slice(start, end).toLowerCase(), start, end };
}

/**
 * The phrase that may start at `first`: it and the words joined to it one after another (as
 * in `joined`), as far as parsePhrase can read. parsePhrase stops at the first word that is not
 * a number word (nor `a`, `an`, `and`, `point`, an ordinal), having looked at most two words
 * past the one it stands on, so the chain ends two words after such a word. Reading the whole
 * chain instead made a run of unpunctuated words quadratic (recogniser output: 32,000 words,
 * one in ten `two`, took 4.2 s).
 */
export function phraseFrom(s: string, first: Word): Word[] {
  const words = [first];
  // Words still to read once a word parsePhrase cannot take is in the list.
  let left = numberVocabulary(first.lower) ? -1 : 2;
  for (let w = first; left !== 0; ) {
    // `[ \t\u00a0]*-?[ \t\u00a0]*`, then a letter.
    let k = w.end;
    while (k < s.length && isJoinSpace(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) === 0x2d) k++;
    while (k < s.length && isJoinSpace(s.charCodeAt(k))) k++;
    if (k >= s.length || !isLatinCode(s.charCodeAt(k))) return words;
    w = wordAt(s, k);
    words.push(w);
    if (left > 0) left--;
    else if (!numberVocabulary(w.lower)) left = 2;
  }
  return words;
}

/** Words parsePhrase may take as part of a number. */
function numberVocabulary(lower: string): boolean {
  return classify(lower) !== null || ORDINAL_ONLY[lower] !== undefined || lower === 'a' || lower === 'an' || lower === 'and' || lower === 'point';
}
function isJoinSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

/**
 * The words that can start a spelled-out number or are a multiple, as whole runs of letters:
 * the only ones findWordAtoms acts on. A regex finds them; making a lower-case string of every
 * word (6,346 a generated call) and looking it up was most of findWordAtoms.
 *
 * "No letter before" is written `\b`, or a digit or `_` before, which the match takes in (and
 * findWordAtoms drops): before a letter, `\b` says no `[A-Za-z0-9_]` precedes it. A lookbehind
 * `(?<![A-Za-z])` said the same, but the regex engine then tried every word at every position:
 * 1.4 ms a scan of 10 generated calls against 1.0 ms, and the regex was 1.4% of `analyze`.
 *
 * `a` and `an` are candidates only before a number word (the next run of letters, whatever is
 * between, as findWordAtoms' own check reads it): the article is the commonest candidate, and
 * each cost two words made and thrown away. findWordAtoms over 10 generated calls (callgrind
 * steady state per round): 16.09 -> 13.80 M instructions.
 */
const byLength = (a: string, b: string): number => b.length - a.length;
const CANDIDATE = new RegExp(
  `(?:[0-9_]|\\b)(?:an?(?![A-Za-z])(?=[^A-Za-z]*(?:${[...CLASS.keys()].sort(byLength).join('|')})(?![A-Za-z]))|` +
    `(?:${[...STARTERS, ...Object.keys(MULTIPLE_WORDS)].filter((w) => w !== 'a' && w !== 'an').sort(byLength).join('|')})(?![A-Za-z]))`,
  'gi',
);

/** Finds spelled-out numbers in the compact text. */
export function findWordAtoms(s: string, blocked: (i: number) => boolean): WordAtom[] {
  const out: WordAtom[] = [];
  const re = CANDIDATE;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    // A digit or `_` glued before the word is part of the match (see CANDIDATE).
    const glued = isLatinCode(m[0].charCodeAt(0)) ? 0 : 1;
    const w: Word = { lower: (glued === 0 ? m[0] : m[0].slice(1)).toLowerCase(), start: m.index + glued, end: m.index + m[0].length };
    const times = MULTIPLE_WORDS[w.lower];
    if (times !== undefined) {
      if (!blocked(w.start) && !FREQUENCY_AFTER.test(s.slice(w.end, w.end + 20)))
        out.push({ start: w.start, end: w.end, tail: w.end, value: times, approx: false, script: 'words', fraction: false, multiple: true });
      continue;
    }
    if (blocked(w.start)) continue;
    // `a`/`an` only start a number before a number word (`a dozen`, `a third`).
    if ((w.lower === 'a' || w.lower === 'an') && !CLASS.has(wordAfter(s, w.end)?.lower ?? '')) continue;
    // Part of a hyphenated name or a word glued to digits (`K-12`, `one-time`)?
    const words = phraseFrom(s, w);
    const p = parsePhrase(s, words, 0);
    if (!p) continue;
    const first = words[p.firstWord ?? 0] as Word;
    const last = words[p.lastWord] as Word;
    if (p.lastWord === 0 && w.lower === 'one') {
      const before = wordBefore(s, w.start);
      const after = wordAfter(s, w.end);
      if (before && ONE_PRONOUN_BEFORE.has(before.lower) && /^\s+$/.test(s.slice(before.end, w.start))) continue;
      if (after && (after.lower === 'of' || ONE_PRONOUN_AFTER.has(after.lower)) && /^[\s-]+$/.test(s.slice(w.end, after.start))) continue;
    }
    out.push({ start: first.start, end: last.end, tail: last.end, value: p.value, approx: false, script: 'words', fraction: p.fraction });
    re.lastIndex = last.end;
  }
  return out;
}
