/**
 * Properties on generated input (issue 7), with fast-check, a fixed seed and run counts small
 * enough for CI. `npm run test:properties:long` (scripts/properties-long.mjs) runs the same
 * properties with ECALL_PROPERTY_RUNS=20000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace, TO_CJK_PUNCT, unifyWidth } from '../src/lang/chars.js';
import { InPlaceText, normalizeGeneral, normalizeLazily, normalizeNarrow, normalizeText, sourceSpanOf, toSourceSpan } from '../src/lang/normalize.js';
import { countScripts } from '../src/lang/script.js';
import { sentenceRanges } from '../src/lang/sentences.js';
import type { Span, Transcript } from '../src/model.js';
import { parseTranscript } from '../src/parse/index.js';
import { extractQuantities } from '../src/quantity/index.js';
import { turnsDocument } from '../src/render/document.js';
import { quantitiesDocument } from '../src/render/quantities.js';
import { ingest, UndecodableInput } from '../src/ingest/index.js';
import { makeSource, type SourceText } from '../src/source.js';
import { anyString, enAmount, runs, SEED, transcriptLike, zhAmount, zhInteger } from './generators.js';
import { uncovered } from './helpers.js';
import { validatorFor } from './schemas.js';

const validateTurns = validatorFor('turns');
const validateQuantities = validatorFor('quantities');

const params = (n: number) => ({ seed: SEED, numRuns: runs(n) });
const anyText = fc.oneof(anyString, transcriptLike);

function inside(s: Span, len: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= len;
}

function parse(text: string): Transcript {
  return parseTranscript(makeSource('gen.txt', text));
}

/** The text as the CLI sees it: UTF-8 bytes through ingest; null when ingest refuses them (exit 3). */
function ingested(text: string): SourceText | null {
  try {
    return ingest('gen.txt', Buffer.from(text, 'utf8'));
  } catch (e) {
    if (e instanceof UndecodableInput) return null;
    throw e;
  }
}

describe('the generators themselves', () => {
  it('write Chinese integers as people do', () => {
    expect(zhInteger(1835400000)).toBe('十八亿三千五百四十万');
    expect(zhInteger(100000005)).toBe('一亿零五');
    expect(zhInteger(10)).toBe('十');
    expect(zhInteger(110)).toBe('一百一十');
    expect(zhInteger(30500)).toBe('三万零五百');
    expect(zhInteger(1000001)).toBe('一百万零一');
    expect(zhInteger(0)).toBe('零');
  });
});

describe('parsing', () => {
  it('never throws, accounts for every non-blank character, and keeps spans inside the text and in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const t = parse(text);
        expect(uncovered(text, t)).toEqual([]);
        let previousEnd = 0;
        for (const turn of t.turns) {
          expect(inside(turn.span, text.length)).toBe(true);
          expect(turn.span.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = turn.span.end;
          if (turn.header) {
            expect(inside(turn.header, text.length)).toBe(true);
            expect(turn.header.start).toBeGreaterThanOrEqual(turn.span.start);
          }
          let paragraphEnd = turn.header?.end ?? turn.span.start;
          for (const p of turn.paragraphs) {
            expect(inside(p, text.length)).toBe(true);
            expect(p.start).toBeGreaterThanOrEqual(paragraphEnd);
            expect(p.end).toBeLessThanOrEqual(turn.span.end);
            paragraphEnd = p.end;
          }
        }
        for (const r of t.regions) expect(inside(r.span, text.length)).toBe(true);
        for (const d of t.diagnostics) if (d.span) expect(inside(d.span, text.length)).toBe(true);
      }),
      params(1000),
    );
  });

  it('gives a turns document that survives JSON unchanged and validates against schema/turns.schema.json', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const source = ingested(text);
        if (source === null) return;
        const doc = turnsDocument(source, parseTranscript(source));
        const json = JSON.stringify(doc);
        const back = JSON.parse(json);
        // JSON.stringify drops undefined and writes NaN/Infinity as null: the round trip shows either.
        expect(back).toEqual(doc);
        expect(validateTurns(back), JSON.stringify(validateTurns.errors)).toBe(true);
      }),
      params(500),
    );
  });
});

describe('normalisation offsets', () => {
  it('takes the narrow path (no code unit from U+3000 up) to the same text and map as the general one', () => {
    // English as transcripts print it: letters, digits, `5 %`, abbreviations, curly quotes,
    // dashes, and every kind of blank and line end the normaliser knows below U+3000.
    const word = fc.constantFrom('Revenue', 'was', '5', '21.', '44', '%', 'U.S.', 'Mr.', 'Q2,', 'up;', 'it:', 'no!', 'why?', '\u2019s', '\u2014', '\u2026', 'caf\u00e9', '(1)');
    const blank = fc.constantFrom('', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\r\n\r\n', ' \n \n', '\t', '\u00a0', '\u2009', '\u200b', '\u202f');
    const narrowText = fc.array(fc.tuple(blank, word), { maxLength: 30 }).map((ps) => ps.map(([b, w]) => b + w).join(''));
    fc.assert(
      fc.property(narrowText, fc.nat(), fc.nat(), (source, x, y) => {
        const a = x % (source.length + 1);
        const b = a + (y % (source.length - a + 1));
        const narrow = normalizeNarrow(source, a, b);
        expect(narrow).not.toBeNull();
        const general = normalizeGeneral(source, a, b);
        expect(narrow).toEqual(general);
        // Spans whose blanks stand alone are normalised in place, the map left unwritten.
        expect(normalizeText(source, { start: a, end: b })).toEqual(general);
        const lazy = normalizeLazily(source, { start: a, end: b });
        expect({ text: lazy.text, map: lazy.map }).toEqual(general);
        for (let k = 0; k <= general.text.length; k++) {
          for (const e of [k, general.text.length]) expect(sourceSpanOf(lazy, { start: k, end: e })).toEqual(toSourceSpan(general.map, { start: k, end: e }));
        }
      }),
      params(2000),
    );
    // Words between single blanks of every kind: what the in-place path takes.
    const alone = fc.constantFrom(' ', ' ', '\n', '\r', '\t', '\u00a0', '\u2009', '\u200b', '\u202f', '\u205f');
    const inPlaceText = fc.array(fc.tuple(alone, word), { maxLength: 30 }).map((ps) => ps.map(([b, w]) => b + w).join(''));
    fc.assert(
      fc.property(inPlaceText, (source) => {
        const lazy = normalizeLazily(source);
        // Spaces and line feeds stay in place, but for the one of `5 %`, which is dropped.
        const trimmed = source.replace(/^[\s\u200b]+|[\s\u200b]+$/g, '');
        const inPlace = trimmed !== '' && !/[\t\r\u00a0\u2009\u200b\u202f\u205f]|[0-9][ \n]%/.test(trimmed);
        expect(lazy instanceof InPlaceText).toBe(inPlace);
        expect({ text: lazy.text, map: lazy.map }).toEqual(normalizeGeneral(source, 0, source.length));
      }),
      params(1000),
    );
    // Any code units below U+3000 (controls, U+0085, U+2028, the typographic spaces; no
    // surrogates, which start at U+D800): the narrow path takes them all, as the general one does.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x2fff }), { maxLength: 40 }), (units) => {
        const source = String.fromCharCode(...units);
        const narrow = normalizeNarrow(source, 0, source.length);
        expect(narrow).not.toBeNull();
        expect(narrow).toEqual(normalizeGeneral(source, 0, source.length));
      }),
      params(2000),
    );
    // From U+3000 up it declines, and normalizeText takes the general path.
    expect(normalizeNarrow('收入 up', 0, 5)).toBeNull();
  });

  it('map every normalised character back to its own source character, and every span back exactly', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (source, x, y) => {
        const { text, map } = normalizeText(source);
        expect(map).toHaveLength(text.length + 1);
        for (let i = 1; i < map.length; i++) expect(map[i] as number).toBeGreaterThan(map[i - 1] as number);
        for (let i = 0; i < text.length; i++) {
          const n = text.codePointAt(i) as number;
          const s = source.codePointAt(map[i] as number) as number;
          if (n > 0xffff) {
            expect(s).toBe(n);
            i++;
            continue;
          }
          if (n === 0x20 || n === 0x0a) {
            expect(isSpace(s)).toBe(true);
            continue;
          }
          const w = unifyWidth(s);
          const ok = n === s || n === w || TO_CJK_PUNCT.get(w) === n || (s === 0xff0e && n === 0x2e) || (s > 0xffff && n === source.charCodeAt(map[i] as number));
          expect(ok, `normalised U+${n.toString(16)} at ${i} came from U+${s.toString(16)} at ${map[i]}`).toBe(true);
        }
        // A span of the normalised text maps back to the source span holding the same
        // non-blank characters, no more and no fewer.
        const a = text.length === 0 ? 0 : x % (text.length + 1);
        const b = text.length === 0 ? 0 : a + (y % (text.length - a + 1));
        const back = toSourceSpan(map, { start: a, end: b });
        expect(inside(back, source.length)).toBe(true);
        const nonBlank = (s: string) => [...s].filter((c) => !isSpace(c.codePointAt(0) as number)).length;
        if (b > a && !/[\ud800-\udfff]/.test(text.slice(a, b))) {
          expect(nonBlank(source.slice(back.start, back.end))).toBe(nonBlank(text.slice(a, b)));
        }
      }),
      params(1000),
    );
  });
});

describe('sentence ranges', () => {
  it('count each sentence\'s letters as countScripts does on its text', () => {
    // Lone and paired surrogates included: the splitter counts in its own pass.
    const surrogates = fc.constantFrom('\ud840\udc00', '\ud87e\ude20', '\ud83d\ude00', '\ud840', '\udc00', '\ud840a', '\ud840\u4e00', '\ud840。', '\ud840\ud840\udc00');
    const text = fc.oneof(anyText, fc.array(fc.oneof(anyText, surrogates), { maxLength: 8 }).map((xs) => xs.join('')));
    fc.assert(
      fc.property(text, (source) => {
        for (const r of sentenceRanges(source)) expect(r.counts).toEqual(countScripts(source.slice(r.start, r.end)));
      }),
      params(2000),
    );
  });
});

describe('quantities', () => {
  it('regressions the properties found: a number glued to letters by a dot ends', () => {
    // `a.5` looped forever in findNumeralAtoms (the glued-letters branch did not advance).
    expect(extractQuantities('a.5').quantities.map((q) => q.text)).toEqual(['5']);
    expect(extractQuantities('Our next question comes from Bo Li from CICC.5.3 percentage points').quantities.map((q) => [q.text, q.value, q.unit])).toEqual([['5.3 percentage points', 5.3, 'pp']]);
    expect(extractQuantities('Thanks.266,507%').quantities.map((q) => [q.text, q.value])).toEqual([['266,507%', 266507]]);
  });

  it('never throw; every figure is finite, its span holds its text, the number inside it', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = extractQuantities(text);
        for (const q of r.quantities) {
          expect(inside(q.span, text.length)).toBe(true);
          expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
          expect(q.numberSpan.start).toBeGreaterThanOrEqual(q.span.start);
          expect(q.numberSpan.end).toBeLessThanOrEqual(q.span.end);
          for (const v of Array.isArray(q.value) ? q.value : [q.value]) expect(Number.isFinite(v), q.text).toBe(true);
        }
      }),
      params(1000),
    );
  });

  it('the quantities document validates against schema/quantities.schema.json', () => {
    fc.assert(
      fc.property(transcriptLike, (text) => {
        const source = ingested(text);
        if (source === null) return;
        const doc = JSON.parse(JSON.stringify(quantitiesDocument(source, parseTranscript(source))));
        expect(validateQuantities(doc), JSON.stringify(validateQuantities.errors)).toBe(true);
      }),
      params(500),
    );
  });

  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

  /** A generated amount, put between the given words, is found alone and reads back as its value. */
  const readsBack = (amount: typeof zhAmount, contexts: Array<[string, string]>) =>
    fc.assert(
      fc.property(amount, fc.constantFrom(...contexts), (a, [before, after]) => {
        const text = `${before}${a.text}${after}`;
        const qs = extractQuantities(text).quantities;
        expect(
          qs.map((q) => q.text),
          text,
        ).toEqual([a.text]);
        const q = qs[0]!;
        expect(q.unit, text).toBe(a.unit);
        expect(close(q.value as number, a.value), `${text}: ${q.value} ≠ ${a.value}`).toBe(true);
      }),
      params(1000),
    );

  it('an amount written in Chinese numerals reads back as the same value', () => {
    readsBack(zhAmount, [['本季度收入为', '，同比增长。'], ['', ''], ['毛利率达', '。']]);
  });

  it('an amount written in English (RMB 1,835.4 million) reads back as the same value', () => {
    readsBack(enAmount, [['Revenue was ', ' in the quarter.'], ['', ''], ['Margin reached ', '.']]);
  });
});
