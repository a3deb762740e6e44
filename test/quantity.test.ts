import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../src/quantity/index.js';
import type { QuantityFound } from '../src/quantity/types.js';

interface Expected {
  text: string;
  value: number | [number, number];
  unit: string;
  approx: boolean;
  kind: string;
  signWord?: string;
  approxWord?: string;
  scale?: string;
  label?: string;
}
interface Case {
  input: string;
  expected: Expected[];
}

function load(name: string): Case[] {
  return JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as Case[];
}

function closeTo(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
function sameValue(a: number | [number, number], b: number | [number, number]): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === typeof b && closeTo(a as number, b as number);
  return closeTo(a[0], b[0]) && closeTo(a[1], b[1]);
}

function check(c: Case): void {
  const { quantities } = extractQuantities(c.input);
  const got = quantities.map((q) => ({ text: q.text, value: q.value, unit: q.unit, approx: q.approx, kind: q.kind }));
  expect(got.map((g) => g.text), c.input).toEqual(c.expected.map((e) => e.text));
  let from = 0;
  c.expected.forEach((e, i) => {
    const q = quantities[i] as QuantityFound;
    const start = c.input.indexOf(e.text, from);
    from = start + e.text.length;
    // The span is the source slice, in UTF-16 offsets, end exclusive.
    expect(q.span, `${c.input} → ${e.text}`).toEqual({ start, end: start + e.text.length });
    expect(c.input.slice(q.span.start, q.span.end)).toBe(q.text);
    expect(sameValue(q.value, e.value), `${e.text}: value ${JSON.stringify(q.value)} ≠ ${JSON.stringify(e.value)}`).toBe(true);
    expect({ unit: q.unit, approx: q.approx, kind: q.kind }, e.text).toEqual({ unit: e.unit, approx: e.approx, kind: e.kind });
    if (e.signWord !== undefined) expect(q.signWord, e.text).toBe(e.signWord);
    if (e.approxWord !== undefined) expect(q.approxWord, e.text).toBe(e.approxWord);
    if (e.scale !== undefined) expect(q.scale, e.text).toBe(e.scale);
    if (e.label !== undefined) expect(q.label, e.text).toBe(e.label);
    // The numeral span lies inside the quantity span.
    expect(q.numberSpan.start).toBeGreaterThanOrEqual(q.span.start);
    expect(q.numberSpan.end).toBeLessThanOrEqual(q.span.end);
  });
}

describe('quantity: Chinese table (test/data/quantity-zh.json)', () => {
  for (const c of load('quantity-zh.json')) it(c.input, () => check(c));
});

describe('quantity: English table (test/data/quantity-en.json)', () => {
  for (const c of load('quantity-en.json')) it(c.input, () => check(c));
});

describe('quantity: spans, languages and diagnostics', () => {
  it('maps a spaced-out Chinese figure back to the whole spaced form', () => {
    const text = '调 整 后 毛 利 额 达 人 民 币 二 点 零 七 亿 元 ， 是';
    const [q] = extractQuantities(text).quantities;
    expect(q?.span).toEqual({ start: text.indexOf('人'), end: text.indexOf('元') + 1 });
    expect(q?.numberSpan).toEqual({ start: text.indexOf('二'), end: text.indexOf('亿') + 1 });
    expect(q?.value).toBe(207000000);
    expect(q?.lang).toBe('zh');
  });

  it('reports digits joined across a space as an info diagnostic with the joined span', () => {
    const text = '我 们 有 21 1 亿 的 营 收';
    const { quantities, diagnostics } = extractQuantities(text);
    expect(quantities.map((q) => q.value)).toEqual([21100000000]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.rule).toBe('quantity-digits-joined');
    expect(diagnostics[0]?.span).toEqual({ start: text.indexOf('21'), end: text.indexOf('21') + 4 });
  });

  it('does not join digits separated by a space in English', () => {
    const { quantities } = extractQuantities('In Q2 2023 20 stores opened');
    expect(quantities.map((q) => [q.kind, q.value])).toEqual([['period', 2023], ['number', 20]]);
  });

  it('gives the language of digits from their neighbours, else from the hint', () => {
    expect(extractQuantities('毛利率5.2%，').quantities[0]?.lang).toBe('zh');
    expect(extractQuantities('5.2%').quantities[0]?.lang).toBe('en');
    expect(extractQuantities('5.2%', { lang: 'zh' }).quantities[0]?.lang).toBe('zh');
    expect(extractQuantities('RMB 1.16 billion').quantities[0]?.lang).toBe('en');
  });

  it('keeps UTF-16 offsets after characters outside the BMP and full-width forms', () => {
    const text = '😀 营收１８．４亿元';
    const [q] = extractQuantities(text).quantities;
    expect(q?.text).toBe('１８．４亿元');
    expect(q?.span.start).toBe(text.indexOf('１'));
  });

  it('is pure: the same input gives the same output', () => {
    const text = '收入达人民币十八点四亿元，revenue of RMB 1.84 billion';
    expect(extractQuantities(text)).toEqual(extractQuantities(text));
  });

  it('returns nothing for text without numbers', () => {
    expect(extractQuantities('Thank you, Operator.')).toEqual({ quantities: [], diagnostics: [] });
    expect(extractQuantities('')).toEqual({ quantities: [], diagnostics: [] });
  });
});

describe('quantity: the quantities document', () => {
  it('carries every field extractQuantities gives, in its order, then turn and speaker', async () => {
    // render/quantities.ts copies the fields one by one (faster than a spread): a field added
    // to QuantityFound and not copied there would vanish from the JSON without this test.
    const { parseFile, fixtureTranscripts } = await import('./helpers.js');
    const { quantitiesDocument } = await import('../src/render/quantities.js');
    let seen = 0;
    const optional = new Set<string>();
    for (const f of fixtureTranscripts()) {
      const { source, transcript } = parseFile(f);
      const whole = extractQuantities(source.text);
      const doc = quantitiesDocument(source, transcript, { whole });
      const byStart = new Map(whole.quantities.map((q) => [q.span.start, q]));
      for (const j of doc.quantities) {
        const q = byStart.get(j.span.start) as QuantityFound;
        expect(Object.keys(j)).toEqual([...Object.keys(q), 'turn', 'speaker']);
        for (const k of ['signWord', 'scale', 'approxWord', 'label'] as const) if (k in q) optional.add(k);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(300);
    // Each optional field occurs somewhere, so each copy is exercised.
    expect([...optional].sort()).toEqual(['approxWord', 'label', 'scale', 'signWord']);
  });
});

describe('quantity: spelled-out numbers in long runs of words', () => {
  it('reads a phrase only as far as a number can go, so a run of words costs no more than its length', async () => {
    const { phraseFrom } = await import('../src/quantity/en-words.js');
    const at = (s: string, w: string) => ({ lower: w, start: s.indexOf(w), end: s.indexOf(w) + w.length });
    // A number phrase is read whole, and two words past its end for the look-ahead.
    const s = 'one hundred and twenty-three million dollars of revenue in the year';
    expect(phraseFrom(s, at(s, 'one')).map((w) => w.lower)).toEqual(['one', 'hundred', 'and', 'twenty', 'three', 'million', 'dollars', 'of', 'revenue']);
    // Recogniser output with no punctuation: the chain stops after three words, not at the end.
    const run = Array.from({ length: 5000 }, (_, k) => (k % 10 === 0 ? 'two' : 'word')).join(' ');
    expect(phraseFrom(run, at(run, 'two'))).toHaveLength(4);
    const found = extractQuantities(run).quantities;
    expect(found).toHaveLength(500);
    expect(found.every((q) => q.value === 2)).toBe(true);
  });
});

describe('quantity: offsets around stray marks', () => {
  it('keeps offsets when the text starts with U+FEFF and holds a lone surrogate', () => {
    // The lone surrogate sends the text through the UTF-16 decoder, which would drop a leading
    // U+FEFF as a byte-order mark and shift every offset after it by one.
    const text = '\ufeff\ud800 Revenue was $5 million.';
    const [q] = extractQuantities(text).quantities;
    expect(q?.text).toBe('$5 million');
    expect(text.slice(q?.span.start, q?.span.end)).toBe('$5 million');
    expect(q?.value).toBe(5e6);
  });
});
