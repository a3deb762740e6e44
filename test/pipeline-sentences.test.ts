import { describe, expect, it } from 'vitest';
import { alignTranscript } from '../src/align/index.js';
import { splitSentences } from '../src/lang/sentences.js';
import { extractMetrics } from '../src/metrics/index.js';
import { sentenceTable } from '../src/pipeline/sentences.js';
import { extractQuantities } from '../src/quantity/index.js';
import { CORPUS, filesUnder, fixtureTranscripts, parseFile } from './helpers.js';

/**
 * The shared sentence table (src/pipeline/sentences.ts) is an optimisation only: alignment and
 * metrics given one table must equal what each computes on its own.
 */
const files = [...fixtureTranscripts(), ...filesUnder(CORPUS, /\.(txt|md)$/).filter((f) => !f.endsWith('README.md'))];

describe('shared sentence table', () => {
  it.each(files)('%s: alignment and metrics are unchanged by sharing a table', (f) => {
    const { source, transcript } = parseFile(f);
    const sentences = sentenceTable(source);
    const alignment = alignTranscript(source, transcript, { sentences });
    const metrics = extractMetrics(source, transcript, { sentences });
    expect(alignment).toEqual(alignTranscript(source, transcript));
    expect(metrics).toEqual(extractMetrics(source, transcript));
  });

  it('splits as splitSentences does and extracts as extractQuantities does', () => {
    const text = '好 , 大 家 好 . 本 季 度 收 入 十 八 点 四 亿 元 。 Revenue was RMB 1.84 billion. Thank you.';
    const table = sentenceTable({ text });
    const span = { start: 0, end: text.length };
    const p = table.paragraph(span);
    expect(table.paragraph({ start: 0, end: text.length })).toBe(p);
    expect(p.sentences.map((s) => ({ text: s.text, span: s.span }))).toEqual(splitSentences(text, span).map((s) => ({ text: s.text, span: s.span })));
    for (const s of p.sentences) expect(table.quantities(s.text, 'zh')).toEqual(extractQuantities(s.text, { lang: 'zh' }).quantities);
  });

  it.each(files)('%s: quantities placed from the whole-text extraction equal each sentence\'s own', (f) => {
    const { source, transcript } = parseFile(f);
    const table = sentenceTable(source, { quantities: extractQuantities(source.text).quantities });
    for (const turn of transcript.turns) {
      for (const p of turn.paragraphs) {
        for (const s of table.paragraph(p).sentences) {
          for (const lang of ['zh', 'en'] as const) expect(table.quantities(s.text, lang)).toEqual(extractQuantities(s.text, { lang }).quantities);
        }
      }
    }
  });

  it('reads a figure wrapped over a line break the same both ways ($27 / million)', () => {
    const text = 'EBITDA was a loss of $27\nmillion this quarter.';
    const whole = extractQuantities(text).quantities;
    // The quantity stage reads a single line break inside a paragraph as a space.
    expect(whole.map((q) => [q.text, q.value])).toEqual([['$27\nmillion', -27000000]]);
    const table = sentenceTable({ text }, { quantities: whole });
    const [s] = table.paragraph({ start: 0, end: text.length }).sentences;
    expect(table.quantities(s?.text ?? '', 'en').map((q) => [q.text, q.value])).toEqual([['$27 million', -27000000]]);
  });

  it.each([
    ['a CRLF', 'The loss was $5\r\nbn in the year.'],
    ['a lone CR', 'The loss was $5\rbn in the year.'],
    ['a space before the break', 'The loss was $5 \nbn in the year.'],
    ['a tab', 'The loss was $5\tbn in the year.'],
    ['two spaces', 'The loss was $5  bn in the year.'],
  ])('reads a sentence with %s as its own extraction does', (_what, text) => {
    // The whole text's compact view keeps these blanks (`$5`); the normalised sentence has one
    // space (`$5 bn`, five billion): the sentence must not take the whole text's reading.
    const whole = extractQuantities(text).quantities;
    const table = sentenceTable({ text }, { quantities: whole });
    const [s] = table.paragraph({ start: 0, end: text.length }).sentences;
    const own = extractQuantities(s?.text ?? '', { lang: 'en' }).quantities;
    expect(own.map((q) => [q.text, q.value])).toEqual([['$5 bn', -5e9]]);
    expect(table.quantities(s?.text ?? '', 'en')).toEqual(own);
  });

  it('places a quantity with the same fields in the same order as its own extraction', () => {
    // Every optional field at least once: a sign word, a scale, an approximation word, a label.
    const en = 'Net loss was about negative RMB 1.2 billion in Q2 2023.';
    const text = `${en}\n\n收入约为3亿元，同比增长百分之五。`;
    const whole = extractQuantities(text).quantities;
    const table = sentenceTable({ text }, { quantities: whole });
    const sentences = [{ start: 0, end: en.length }, { start: en.length + 2, end: text.length }].flatMap((p) => table.paragraph(p).sentences);
    expect(sentences.map((s) => s.text)).toEqual(['Net loss was about negative RMB 1.2 billion in Q2 2023.', '收入约为3亿元，同比增长百分之五。']);
    const [inEn, inZh] = sentences.map((s) => table.quantities(s.text, 'en'));
    expect(inEn?.map((q) => [q.text, q.value, q.signWord, q.scale, q.approxWord, q.label])).toEqual([
      ['about negative RMB 1.2 billion', -1.2e9, 'negative', 'billion', 'about', undefined],
      ['Q2 2023', 2023, undefined, undefined, undefined, '2023-Q2'],
    ]);
    expect(inZh?.map((q) => [q.text, q.lang, q.scale, q.approxWord])).toEqual([
      ['约为3亿元', 'zh', '亿', '约'],
      ['百分之五', 'zh', undefined, undefined],
    ]);
    // Compared as JSON: the key order is part of what the documents print.
    for (const s of sentences) expect(JSON.stringify(table.quantities(s.text, 'en'))).toBe(JSON.stringify(extractQuantities(s.text, { lang: 'en' }).quantities));
  });

  it('is ignored when it reads another text', () => {
    const { source, transcript } = parseFile(fixtureTranscripts()[0] as string);
    const other = sentenceTable({ text: `${source.text} ` });
    expect(alignTranscript(source, transcript, { sentences: other })).toEqual(alignTranscript(source, transcript));
    expect(extractMetrics(source, transcript, { sentences: other })).toEqual(extractMetrics(source, transcript));
  });
});
