/**
 * The parser: turns a numeric atom and what surrounds it into a candidate quantity (value,
 * unit, kind, sign, approximation, full span). Language rules come from `extract-zh.ts` and
 * `extract-en.ts`; both apply everywhere, since a Chinese turn says `RMB 1.16 billion` and an
 * English one may quote `人民币`.
 */
import type { Atom } from './atoms.js';
import { type Cand, type UnitHit, negate } from './candidate.js';
import { endingTest, isHanAt, isLatinAt, lastNonBlank } from './chars.js';
import {
  currencyBefore, enApproxAfter, enApproxBefore, enLossBefore, enScaleAfter, enSignBefore, enUnitAfter,
} from './extract-en.js';
import {
  fractionLinkAt, percentBase, scaleValue, zhApproxAfter, zhApproxBefore, zhLossBefore, zhOrdinalBefore,
  zhSignBefore, zhUnitAfter,
} from './extract-zh.js';
import { ZH_SCALES, tidy } from './zh-numerals.js';

export interface Wrapped {
  cand: Cand;
  /** The next atom was read as part of this quantity (`三分之一`, `百分之十一点三`). */
  consumedNext: boolean;
  /** Written as `a/b` with a slash (for `1 4/5`). */
  slash?: boolean;
}

const GENERIC_SUFFIX = /^[ \t]*(?:[个個]?[元圆块塊]|dollars?)$/i;
const PERCENT_OF = /(?:^|(?<=[^A-Za-z]))(?:per ?cents?|percents?)[ \t]+of[ \t]+$/i;
const OVER = /^[ \t]+(over|out of)[ \t]+$/i;
const OF_END = endingTest(['of']);

/**
 * Whether OVER may match from p: spaces or tabs, then `o` in either case. Asked of nearly every
 * atom (all but the last), and most are followed by something else.
 */
function mayBeOver(s: string, p: number): boolean {
  let k = p;
  while (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9) k++;
  return k > p && (s.charCodeAt(k) | 0x20) === 0x6f;
}

export function wrap(s: string, atom: Atom, next: Atom | undefined, min: number): Wrapped | null {
  let value: number | [number, number] = atom.value;
  let numStart = atom.start;
  let numEnd = atom.end;
  let p = atom.tail;
  let approx = atom.approx;
  let approxWord = atom.approxWord;
  let kind: Cand['kind'] = 'number';
  let unit = '';
  let scale = atom.scale;
  let scaleFactor = atom.scale ? (ZH_SCALES[atom.scale] ?? 1) : 1;
  let consumedNext = false;
  let slash = false;
  let signWord: string | undefined;
  const headStart = atom.start;

  if (zhOrdinalBefore(s, atom.start)) return null;

  // ---- fractions and 百分之 (the atom is a denominator) ----
  const link = atom.tail === atom.end ? fractionLinkAt(s, atom.end) : null;
  if (link && next && next.start === atom.end + link[0].length && typeof atom.value === 'number' && typeof next.value === 'number') {
    const base = percentBase(s.slice(atom.start, atom.end));
    consumedNext = true;
    numStart = next.start;
    numEnd = next.end;
    p = next.tail;
    approx = next.approx;
    approxWord = next.approxWord;
    if (base !== null) {
      kind = 'percent';
      unit = '%';
      value = tidy(next.value * base);
      // `百分之3.2k`
      const sc = next.script === 'arabic' ? enScaleAfter(s, p, false) : null;
      if (sc && sc.factor !== 12) {
        value = tidy(value * sc.factor);
        p = sc.end;
        numEnd = sc.end;
      }
    } else {
      if (atom.value === 0) return null;
      kind = 'fraction';
      numStart = atom.start;
      value = tidy(next.value / atom.value);
    }
    if (link[1]) {
      value = negate(value);
      signWord = link[1];
    }
  } else if (s[atom.end] === '/' && next && next.start === atom.end + 1 && atom.script === 'arabic' && next.script === 'arabic' &&
    typeof atom.value === 'number' && typeof next.value === 'number' && next.value !== 0 && s[next.end] !== '/' && !atom.decimal) {
    // `3/4`, `16/5` (a date such as `5/17/2018` has a second slash).
    consumedNext = true;
    slash = true;
    kind = 'fraction';
    value = tidy(atom.value / next.value);
    numEnd = next.end;
    p = next.tail;
  } else if (next && typeof atom.value === 'number' && typeof next.value === 'number' && next.value !== 0 && atom.tail === atom.end &&
    mayBeOver(s, atom.end) && OVER.test(s.slice(atom.end, next.start)) && /^\s*(?:[.,;!?]|$)/.test(s.slice(next.end))) {
    // `one over three`, `2000 over 3` (but `$2000 over 3 years` is two quantities).
    consumedNext = true;
    kind = 'fraction';
    value = tidy(atom.value / next.value);
    numEnd = next.end;
    p = next.tail;
  } else if (atom.script === 'words' && (atom as Atom & { multiple?: boolean }).multiple) {
    kind = 'multiple';
    unit = 'x';
  } else if (atom.script === 'words' && (atom as Atom & { fraction?: boolean }).fraction) {
    kind = 'fraction';
    // `three quarters` in a call is three fiscal quarters, unless `of` follows.
    const t = s.slice(atom.start, atom.end).toLowerCase();
    if (/\bquarters$/.test(t) && !/\band\b/.test(t) && !/^\s+of\b|^\s*$/.test(s.slice(atom.end))) return null;
  }

  // ---- currency before (needed to read `$5m`) ----
  let q = headStart;
  let iso: string | null = null;
  const sign = enSignBefore(s, q, min) ?? zhSignBefore(s, q, min);
  const cur0 = currencyBefore(s, sign ? sign.start : q, min);
  if (cur0) {
    iso = cur0.iso;
  }

  // ---- letters glued to digits ----
  if (atom.script !== 'words' && !consumedNext && isLatinAt(s, p)) {
    const sc = enScaleAfter(s, p, iso !== null);
    const mult = /^x\b/i.test(s.slice(p, p + 2));
    if (!sc && !mult) {
      // `180ml`, `29km`, `21E`: a measure or a name, not a quantity; a currency code is read below.
      const unitHere = enUnitAfter(s, atom, value, p);
      if (!unitHere || unitHere.kind !== 'money') return null;
    }
  }

  // ---- scale words after digits ----
  if (atom.script === 'arabic' && !consumedNext && !atom.scale) {
    const sc = enScaleAfter(s, p, iso !== null);
    if (sc) {
      value = scaleValue(value, sc.factor);
      scale = sc.word;
      scaleFactor = sc.factor;
      p = sc.end;
      numEnd = sc.end;
    }
  }

  // ---- unit after ----
  let hit: UnitHit | null = null;
  if (kind === 'number' || kind === 'fraction') {
    hit = zhUnitAfter(s, atom, value, p) ?? enUnitAfter(s, atom, value, p);
    if (hit && kind === 'fraction' && hit.kind !== 'percent') hit = null;
  }
  const pBeforeUnit = p;
  if (hit) {
    kind = hit.kind;
    unit = hit.unit;
    value = hit.value;
    p = hit.end;
    if (hit.numeric) numEnd = hit.end;
    if (hit.approxWord) {
      approx = true;
      approxWord = hit.approxWord;
    }
    // `新台币50亿元`, `HK$5 dollars`: a generic word after the number (元, dollars) takes the
    // currency written before it.
    if (kind === 'money' && iso && iso !== unit && GENERIC_SUFFIX.test(s.slice(pBeforeUnit, p))) unit = iso;
  } else if (iso && kind === 'number') {
    kind = 'money';
    unit = iso;
  }
  if (kind === 'money' && !hit && iso) unit = iso;

  // ---- approximation after ----
  const aa = zhApproxAfter(s, p) ?? (isHanAt(s, p) ? null : enApproxAfter(s, p));
  if (aa && kind !== 'year') {
    approx = true;
    approxWord = approxWord ?? aa.word;
    p = aa.end;
  }

  // ---- left side: currency, sign, approximation, loss ----
  q = headStart;
  // The sign right before the numeral was looked up above (`sign`, at headStart).
  const innerSign = sign;
  if (innerSign) {
    value = negate(value);
    signWord = innerSign.word;
    q = innerSign.start;
    // A sign written right before the numeral is part of it (`负三十二`, `-10000`, `minus one`).
    if (numStart === headStart) numStart = innerSign.start;
  }
  if (cur0 && (kind === 'money' || kind === 'number')) {
    const c = currencyBefore(s, q, min);
    if (c) {
      if (kind === 'number') {
        kind = 'money';
        unit = c.iso;
      }
      if (kind === 'money') q = c.start;
    }
  }
  // A sign before the currency (`-$5`); at headStart there is none (innerSign).
  if (!innerSign && q !== headStart) {
    const outer = enSignBefore(s, q, min) ?? zhSignBefore(s, q, min);
    if (outer) {
      value = negate(value);
      signWord = outer.word;
      q = outer.start;
    }
  }
  // `(30.7)`: accounting negative, only for an amount-like number (not a list marker `(1)`).
  let end = p;
  if (s[q - 1] === '(' && s[p] === ')' && q - 1 >= min && !signWord && (atom.decimal || atom.grouped || kind === 'money' || scale)) {
    value = negate(value);
    signWord = '()';
    q -= 1;
    end = p + 1;
  }

  // A plain four-digit number from 1900 to 2100 with nothing around it is a year.
  const isYear = kind === 'number' && unit === '' && !scale && !signWord && typeof value === 'number' &&
    atom.digitString?.length === 4 && value >= 1900 && value <= 2100 && atom.tail === atom.end && !consumedNext;
  if (isYear) {
    const cand: Cand = { start: q, end, numStart, numEnd, kind: 'year', value, unit: '', approx: false, scaleFactor: 1, label: String(value) };
    return { cand, consumedNext };
  }

  // `percent of 10` with no number before `percent` (in `20 percent of revenue` the 20 is the figure).
  if (kind === 'number' && unit === '') {
    // PERCENT_OF ends with `of`, then a space or a tab.
    const c = s.charCodeAt(q - 1);
    const po = (c === 32 || c === 9) && OF_END(s, lastNonBlank(s, q)) ? PERCENT_OF.exec(s.slice(Math.max(min, q - 20), q)) : null;
    if (po && !/[0-9A-Za-z][ \t]*$/.test(s.slice(Math.max(0, q - po[0].length - 12), q - po[0].length).replace(/\b(?:the|a|an|of|and|by|in)[ \t]*$/i, 'x'))) {
      kind = 'percent';
      unit = '%';
      q -= po[0].length;
    }
  }
  const ap = zhApproxBefore(s, q, min) ?? enApproxBefore(s, q, min);
  if (ap) {
    approx = true;
    approxWord = ap.word;
    q = ap.start;
  }
  if (kind === 'money' && !signWord) {
    const loss = enLossBefore(s, q, min) ?? zhLossBefore(s, q, min);
    if (loss) {
      value = negate(value);
      signWord = loss;
    }
  }

  const cand: Cand = { start: q, end, numStart, numEnd, kind, value, unit, approx, scaleFactor };
  if (approxWord !== undefined && approx) cand.approxWord = approxWord;
  if (signWord !== undefined) cand.signWord = signWord;
  if (scale !== undefined) cand.scale = scale;
  const w: Wrapped = { cand, consumedNext };
  if (slash) w.slash = true;
  return w;
}
