/**
 * Joining neighbouring quantities: ranges (`$275 million - $325 million`, `43% to 45%`,
 * `between $1,302.2 million and $1,320.5 million`, `百分之四十三到四十五`) and mixed numbers
 * (`三百五十又三分之一`, `1 4/5`).
 */
import { type Cand, mapValue } from './candidate.js';
import { tidy } from './zh-numerals.js';
import { codeSet } from './chars.js';

const EN_LINK = /^[ \t]*(?:-|–|—|to|through)[ \t]*$/i;
const EN_AND = /^[ \t]+and[ \t]+$/i;
const ZH_LINK = /^[ \t]*(?:至|到|-|–|—|~|～)[ \t]*$/;
const BETWEEN = /\bbetween[ \t]+$/i;
/** `from 10% to 12%` and `从…到…` describe a change, not a range. */
const FROM = /(?:\bfrom[ \t]+|[从從由])$/i;
/** What EN_LINK, ZH_LINK and EN_AND may start with after spaces or tabs (either case). */
const LINK_FIRST = codeSet(['-', '–', '—', 't', '至', '到', '~', '～', 'a'], true);
const RANGEABLE = new Set(['number', 'percent', 'pp', 'money', 'multiple']);

function low(v: number | [number, number]): number {
  return typeof v === 'number' ? v : v[0];
}
function high(v: number | [number, number]): number {
  return typeof v === 'number' ? v : v[1];
}

export function joinRanges(s: string, cands: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i] as Cand;
    const b = cands[i + 1];
    if (!b || !RANGEABLE.has(a.kind) || !RANGEABLE.has(b.kind) || typeof a.value !== 'number' || typeof b.value !== 'number') {
      out.push(a);
      continue;
    }
    // Most neighbours are far apart or joined by other words: a check before two slices and
    // three matches.
    let k = a.end;
    while (k < b.start && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
    if (k >= b.start || !LINK_FIRST.has(s.charCodeAt(k))) {
      out.push(a);
      continue;
    }
    const between = s.slice(a.end, b.start);
    const before = s.slice(Math.max(0, a.start - 10), a.start);
    // `three-nought-four` is three numbers, not a range.
    if (between === '-' && (/[A-Za-z]$/.test(s.slice(a.start, a.end)) || /^[A-Za-z]/.test(s.slice(b.start, b.end)))) {
      out.push(a);
      continue;
    }
    const linked = EN_LINK.test(between) || ZH_LINK.test(between) || (EN_AND.test(between) && BETWEEN.test(before));
    if (!linked || FROM.test(before)) {
      out.push(a);
      continue;
    }
    let av = a.value;
    let bv = b.value;
    let unit = a.unit;
    let kind = a.kind;
    if (a.unit !== b.unit) {
      if (a.unit === '' || a.unit === 'count') {
        // `43 to 45%`, `1.6 to 1.7 billion`: the first number takes the second one's unit and scale.
        unit = b.unit;
        kind = b.kind;
        if (a.scaleFactor === 1 && b.scaleFactor > 1) av = tidy(av * b.scaleFactor);
      } else if (b.unit === '' || b.unit === 'count') {
        // `RMB 1.6 to 1.7 billion`: the currency is written once, before the first number.
        if (a.scaleFactor === 1 && b.scaleFactor > 1) av = tidy(av * b.scaleFactor);
        else if (b.scaleFactor === 1 && a.scaleFactor > 1) bv = tidy(bv * a.scaleFactor);
      } else {
        out.push(a);
        continue;
      }
    } else if (a.scaleFactor === 1 && b.scaleFactor > 1 && a.kind === b.kind && !a.scale) {
      av = tidy(av * b.scaleFactor);
    }
    // Both plain numbers joined by `to` may be a range or a change; only a dash or 至/到 makes it a range.
    if (unit === '' && !/[-–—至到~～]/.test(between) && !BETWEEN.test(before)) {
      out.push(a);
      continue;
    }
    const merged: Cand = {
      start: a.start,
      end: b.end,
      numStart: a.numStart,
      numEnd: b.numEnd,
      kind,
      value: [low(av), high(bv)],
      unit,
      approx: a.approx || b.approx,
      scaleFactor: Math.max(a.scaleFactor, b.scaleFactor),
    };
    const aw = a.approxWord ?? b.approxWord;
    if (aw && merged.approx) merged.approxWord = aw;
    if (a.signWord ?? b.signWord) merged.signWord = (a.signWord ?? b.signWord) as string;
    if (a.scale ?? b.scale) merged.scale = (a.scale ?? b.scale) as string;
    const bt = BETWEEN.exec(before);
    if (EN_AND.test(between) && bt) merged.start = a.start - bt[0].length;
    out.push(merged);
    i++;
  }
  return out;
}

/** `三百五十又三分之一`, `1 4/5`: a whole number followed by a fraction. */
export function joinMixed(s: string, cands: Cand[], slashAt: ReadonlySet<number>): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i] as Cand;
    const b = cands[i + 1];
    if (b && a.kind === 'number' && a.unit === '' && b.kind === 'fraction' && typeof a.value === 'number' && typeof b.value === 'number') {
      const between = s.slice(a.end, b.start);
      if (/^[ \t]*又[ \t]*$/.test(between) || (slashAt.has(b.start) && /^[ \t]+$/.test(between) && Number.isInteger(a.value))) {
        const whole = a.value;
        const v = whole < 0 || (whole === 0 && a.signWord) ? tidy(whole - b.value) : tidy(whole + b.value);
        const m: Cand = { ...a, end: b.end, numEnd: b.numEnd, kind: 'fraction', value: mapValue(v, (x) => x) };
        out.push(m);
        i++;
        continue;
      }
    }
    // `3 dollars 50 cents`, `thirteen dollars and forty-five cents`: one amount.
    if (b && a.kind === 'money' && b.kind === 'money' && a.unit === b.unit && typeof a.value === 'number' && typeof b.value === 'number' &&
      Number.isInteger(a.value) && b.value > 0 && b.value < 1 && /cents?$|pence$|penny$/i.test(s.slice(b.start, b.end)) &&
      /^[ \t]+(?:and[ \t]+)?$/i.test(s.slice(a.end, b.start))) {
      out.push({ ...a, end: b.end, numEnd: b.numEnd, value: tidy(a.value + b.value) });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
