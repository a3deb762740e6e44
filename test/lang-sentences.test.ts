import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/model.js';
import { foldForCompare, isSpace } from '../src/lang/chars.js';
import { normalizeText, toSourceSpan } from '../src/lang/normalize.js';
import { sentenceRanges, splitSentences } from '../src/lang/sentences.js';

const texts = (input: string): string[] => splitSentences(input).map((s) => s.text);
const langs = (input: string): Lang[] => splitSentences(input).map((s) => s.lang);

// Example sentences written for these tests; each reproduces a quirk of recogniser output or of
// English transcripts.
const cases: Array<[string, string, string[]]> = [
  [
    'Chinese closed by ASCII stops, decimals inside',
    '公 有 云 方 面, 本 季 度 实 现 收 入 RMB 1.16 billion, 毛 利 率 5.2%, 显 著 提 升, 扭 亏 为 盈. 我 们 继 续 着 力.',
    ['公有云方面，本季度实现收入RMB 1.16 billion，毛利率5.2%，显著提升，扭亏为盈。', '我们继续着力。'],
  ],
  [
    'a stop glued to the next Chinese sentence, after a percentage',
    '同 比 增 长 超 15%.其 次, 我 们 优 化 客 户 结 构. 第 一 大 客 户 占 比 降 低 至 约 16%.',
    ['同比增长超15%。', '其次，我们优化客户结构。', '第一大客户占比降低至约16%。'],
  ],
  ['ASCII ? and ! in Chinese', '这 需 要 翻 译 吗 ? 需 要. 谢 谢 !', ['这需要翻译吗？', '需要。', '谢谢！']],
  ['full-width stops', '营收增长了。毛利率呢？很好！', ['营收增长了。', '毛利率呢？', '很好！']],
  ['closing quotes stay with the sentence', '他说：“我们做到了。”然后呢？', ['他说：“我们做到了。”', '然后呢？']],
  [
    'a Latin filler before 。 opens the Chinese sentence',
    'Okay。 呃 , 回 答 你 第 二 个 问 题 。 我 们 的 计 划 。',
    ['Okay。呃，回答你第二个问题。', '我们的计划。'],
  ],
  [
    'a name closing a Chinese sentence',
    '我 是 分 析 师 Xiaodan Zhang. 我 有 两 个 问 题, 第 一 个 是 什 么 时 间 点 完 成? 第 二 个 是 AI 相 关 的.',
    ['我是分析师Xiaodan Zhang。', '我有两个问题，第一个是什么时间点完成？', '第二个是AI相关的。'],
  ],
  [
    'titles',
    'Mr. Zou will review the strategy, followed by Mr. He. Mrs. Li and Dr. Wang will join us.',
    ['Mr. Zou will review the strategy, followed by Mr. He.', 'Mrs. Li and Dr. Wang will join us.'],
  ],
  [
    'company suffixes, dotted abbreviations, vs., decimals',
    'We filed with the U.S. Securities and Exchange Commission. Partners, e.g. Xiaomi Inc. and Kingsoft Co. Ltd. grew 1.16 times vs. last year.',
    [
      'We filed with the U.S. Securities and Exchange Commission.',
      'Partners, e.g. Xiaomi Inc. and Kingsoft Co. Ltd. grew 1.16 times vs. last year.',
    ],
  ],
  ['a dotted abbreviation that does end a sentence', 'We operate in the U.S. We also grew in China.', ['We operate in the U.S.', 'We also grew in China.']],
  [
    'an ellipsis that continues, then one that ends',
    'Storage grew... for example, we have launched new products... We expect more.',
    ['Storage grew... for example, we have launched new products...', 'We expect more.'],
  ],
  ['initials', 'Allen W. Parker joined us in 2021. He leads sales.', ['Allen W. Parker joined us in 2021.', 'He leads sales.']],
  [
    'questions, exclamations and quotes',
    'Did it grow? Yes! "It did." Next question.',
    ['Did it grow?', 'Yes!', '"It did."', 'Next question.'],
  ],
  ['No. before a number only', 'See No. 3 for details. The answer is no. We moved on.', ['See No. 3 for details.', 'The answer is no.', 'We moved on.']],
  ['a URL does not end a sentence', 'It is on ir.example.com as well. Thanks.', ['It is on ir.example.com as well.', 'Thanks.']],
  ['a paragraph break ends a sentence', 'First paragraph without a stop\n\nSecond one.', ['First paragraph without a stop', 'Second one.']],
  [
    'a trailing dash and ellipsis, then a new paragraph',
    '我 们 成 立 了 专 项 小 组-...\n\n深 入 推 进 工 作 , 成 效 显 著 。',
    ['我们成立了专项小组-...', '深入推进工作，成效显著。'],
  ],
  ['a Chinese stop after English, before more English', 'Thank you。 Next question.', ['Thank you。', 'Next question.']],
  ['punctuation-only pieces are dropped', '-...\n\n好 。', ['好。']],
  ['an English abbreviation inside Chinese', '我 们 在 U.S. 市 场 增 长. 很 好.', ['我们在U.S.市场增长。', '很好。']],
  ['traditional characters', '營 收 成 長 。 毛 利 率 提 升 。', ['營收成長。', '毛利率提升。']],
  ['hard-wrapped English', 'Revenue grew\nstrongly. Margins\nimproved.', ['Revenue grew strongly.', 'Margins improved.']],
];

describe('splitSentences', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('gives each sentence of a mixed turn its own language', () => {
    const input = '我 快 速 地 翻 译 一 下 我 的 问 题. Thanks management for taking my questions. I got two questions here.';
    expect(texts(input)).toEqual([
      '我快速地翻译一下我的问题。',
      'Thanks management for taking my questions.',
      'I got two questions here.',
    ]);
    expect(langs(input)).toEqual(['zh', 'en', 'en']);
  });

  it('calls a Chinese sentence with code-switching Chinese', () => {
    expect(langs('即 Xiaomi Kingsoft ecosystem, 客 户 结 构, 降 本 提 效.')).toEqual(['zh']);
    expect(langs('Tao Zou, Henry, Nico, 晚 上 好, 感 谢 接 受 我 的 提 问 啊.')).toEqual(['zh']);
  });

  it('uses the hint only for sentences without letters', () => {
    expect(splitSentences('2023.')).toEqual([{ span: { start: 0, end: 5 }, text: '2023.', lang: 'en' }]);
    expect(splitSentences('2023.', undefined, 'zh')[0]?.lang).toBe('zh');
    expect(splitSentences('Thank you.', undefined, 'zh')[0]?.lang).toBe('en');
  });

  it('gives exact spans into the source, blanks excluded', () => {
    expect(splitSentences('Hello.  World. ').map((s) => s.span)).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
    ]);
    const source = '好 , 大 家 好 . Thanks all.';
    const spans = splitSentences(source).map((s) => s.span);
    expect(spans).toEqual([
      { start: 0, end: 11 },
      { start: 12, end: 23 },
    ]);
    expect(source.slice(11, 12)).toBe(' ');
  });

  it('segments a span of a larger text with offsets into the whole text', () => {
    const source = 'Speaker 1\n营 收 增 长 。 毛 利 率 提 升 。\nSpeaker 2';
    const start = source.indexOf('营');
    const end = source.lastIndexOf('。') + 1;
    const sentences = splitSentences(source, { start, end });
    expect(sentences.map((s) => source.slice(s.span.start, s.span.end))).toEqual(['营 收 增 长 。', '毛 利 率 提 升 。']);
  });
});

/** Non-blank characters, with the width and ASCII/Chinese punctuation differences forgotten. */
function skeleton(s: string): string {
  let out = '';
  for (const ch of foldForCompare(s)) if (!isSpace(ch.codePointAt(0) as number)) out += ch;
  return out;
}

const PIECES = [
  '好', '金', '山', '雲', '營', '收', '𠀀', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '　', ',', '.', '!', '?',
  '。', '，', '！', '？', '、', '%', '...', 'RMB', 'billion', 'Mr.', 'U.S.', 'Inc.', '1.16', '21', '44',
  '１２', 'ＲＭＢ', '％', '．', '｡', '-', '(', ')', '"', '”', 'Okay', 'W.', 'e.g.', 'Thanks', 'we', 'The',
];

describe('the offset map, on generated text', () => {
  const arbText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));

  it('every sentence maps back to a source span with the same non-blank characters', () => {
    fc.assert(
      fc.property(arbText, (source) => {
        let previousEnd = 0;
        for (const s of splitSentences(source)) {
          expect(s.span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(s.span.end).toBeGreaterThan(s.span.start);
          const slice = source.slice(s.span.start, s.span.end);
          expect(skeleton(slice)).toBe(skeleton(s.text));
          expect(isSpace(slice.codePointAt(0) as number)).toBe(false);
          expect(isSpace(slice.charCodeAt(slice.length - 1))).toBe(false);
          previousEnd = s.span.end;
        }
      }),
      { seed: 20230822, numRuns: 1000 },
    );
  });

  it('normalising loses no non-blank character and the map increases', () => {
    fc.assert(
      fc.property(arbText, (source) => {
        const { text, map } = normalizeText(source);
        expect(map).toHaveLength(text.length + 1);
        for (let i = 1; i < map.length; i++) expect(map[i] as number).toBeGreaterThan(map[i - 1] as number);
        expect(skeleton(text)).toBe(skeleton(source));
        const whole = toSourceSpan(map, { start: 0, end: text.length });
        expect(skeleton(source.slice(whole.start, whole.end))).toBe(skeleton(source));
      }),
      { seed: 20230822, numRuns: 1000 },
    );
  });
});

const CORPUS = '/work/shared/corpus/kingsoft-cloud-q2-2023.txt';
const haveCorpus = existsSync(CORPUS);

describe.skipIf(!haveCorpus)(`corpus: ${CORPUS}`, () => {
  const source = haveCorpus ? readFileSync(CORPUS, 'utf8') : '';
  const marker = '[Foriegn language]';

  it("segments the CEO's first Chinese paragraph", () => {
    const lineStart = source.search(/^\[Foriegn language\]/m);
    expect(lineStart).toBeGreaterThan(0);
    const start = lineStart + marker.length;
    const lineEnd = source.indexOf('\n', start);
    const span = { start, end: lineEnd < 0 ? source.length : lineEnd };
    const norm = normalizeText(source, span);
    expect(norm.text).toContain('十八点四亿元');
    const at = norm.text.indexOf('十八点四亿元');
    const back = toSourceSpan(norm.map, { start: at, end: at + 6 });
    expect(source.slice(back.start, back.end)).toBe('十 八 点 四 亿 元');

    const sentences = splitSentences(source, span);
    expect(sentences).toHaveLength(5);
    expect(sentences.every((s) => s.lang === 'zh')).toBe(true);
    expect(sentences[0]?.text.startsWith('好，大家好，')).toBe(true);
  });

  it('leaves no blank next to a Han character in the whole file, and stays fast', () => {
    splitSentences(source); // warm up
    const t0 = performance.now();
    const sentences = splitSentences(source);
    const ms = performance.now() - t0;
    const { text } = normalizeText(source);
    expect(text).not.toMatch(/\p{Script=Han} | \p{Script=Han}/u);
    expect(sentences.length).toBeGreaterThan(200);
    // A few ms on a laptop; the bound only catches a quadratic slip on a busy shared machine.
    expect(ms).toBeLessThan(250);
  });
});

if (!haveCorpus) {
  describe('corpus', () => {
    it.skip(`skipped: ${CORPUS} does not exist (the shared corpus is not checked in)`, () => {});
  });
}

/**
 * sentenceRanges lets ASCII that is neither a line feed nor a stop by four units at a time:
 * stops, line feeds and non-ASCII at each place of a block of four, and the letters counted.
 */
describe('sentenceRanges around its four-unit ASCII blocks', () => {
  const read = (t: string) => sentenceRanges(t).map((r) => [t.slice(r.start, r.end), r.counts.han, r.counts.latin]);
  it.each([
    ['Hi. Ok! abc?def\nxyz', [['Hi.', 0, 2], ['Ok! abc?def', 0, 8], ['xyz', 0, 3]]],
    ['Revenue rose 1.16%. Next, margins!', [['Revenue rose 1.16%.', 0, 11], ['Next, margins!', 0, 11]]],
    ['Thanks.Good\nabc', [['Thanks.Good', 0, 10], ['abc', 0, 3]]],
    ['abcd.efgh ijkl! mnop? Qrst', [['abcd.efgh ijkl! mnop?', 0, 16], ['Qrst', 0, 4]]],
    ['Okay。 回答你的问题 ok。 Then', [['Okay。 回答你的问题 ok。', 6, 6], ['Then', 0, 4]]],
    ['Mr. Zou said hi. Then we left', [['Mr. Zou said hi.', 0, 11], ['Then we left', 0, 10]]],
    ['a\nb\n\nc', [['a', 0, 1], ['b', 0, 1], ['c', 0, 1]]],
    ['abc\ud840\udc00 def. Ghi', [['abc\ud840\udc00 def.', 1, 6], ['Ghi', 0, 3]]],
  ])('%j', (t, expected) => {
    expect(read(t)).toEqual(expected);
  });
});
