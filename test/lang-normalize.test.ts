import { describe, expect, it } from 'vitest';
import { normalizeText, toSourceSpan } from '../src/lang/normalize.js';
import { foldForCompare, isSpace } from '../src/lang/chars.js';

// Example sentences written for these tests; each reproduces a quirk of recogniser output.
const cases: Array<[string, string, string]> = [
  ['spaces between Han and around punctuation', '好 , 大 家 好 , 欢 迎 参 加 金 山 云', '好，大家好，欢迎参加金山云'],
  ['code-switching keeps the English spaces, drops the boundary ones', '本 季 度 实 现 收 入 RMB 1.16 billion, 毛 利 率 5.2%', '本季度实现收入RMB 1.16 billion，毛利率5.2%'],
  ['English words inside Chinese', '即 Xiaomi Kingsoft ecosystem, 客 户 结 构', '即Xiaomi Kingsoft ecosystem，客户结构'],
  ['a title and a name inside Chinese', '接 下 来 有 请 CFO Henry 为 大 家 介 绍', '接下来有请CFO Henry为大家介绍'],
  ['ASCII stop closing Chinese', '扭 亏 为 盈. 我 们', '扭亏为盈。我们'],
  ['ASCII stop after a percentage', '增 长 超 15%. 其 次, 我 们', '增长超15%。其次，我们'],
  ['ASCII stop after a Latin name, before Chinese', '分 析 师 Xiaodan Zhang. 我 这 边', '分析师Xiaodan Zhang。我这边'],
  ['a decimal stays', '收 入 1.16 亿', '收入1.16亿'],
  ['a thousands separator stays', '收 入 1,000 万 元', '收入1,000万元'],
  ['full-width digits, letters, percent and decimal point', '同比增长１２％，收入ＲＭＢ１．５亿元', '同比增长12%，收入RMB1.5亿元'],
  ['Chinese punctuation is kept', '营收增长，毛利率提升。', '营收增长，毛利率提升。'],
  ['traditional characters are not converted', '營 收 達 新 台 幣 四 十 七 億 元 。', '營收達新台幣四十七億元。'],
  ['a line break inside Chinese', '收 入 达\n人 民 币 十 八 点 四 亿 元', '收入达人民币十八点四亿元'],
  ['a line break inside English', 'the company\r\nreported revenue', 'the company reported revenue'],
  ['a blank line is a paragraph break', '第 一 段 。\n\n第 二 段 。', '第一段。\n第二段。'],
  ['an ellipsis stays ASCII', '这 个 大 ...', '这个大...'],
  ['a decimal split by the recogniser, in Chinese', '毛 利 率 的话 21. 44 是', '毛利率的话21.44是'],
  ['but not in English', 'opened in 2021. 44 stores followed', 'opened in 2021. 44 stores followed'],
  ['a percent sign split off', '净 利 率 5. 83 %', '净利率5.83%'],
  ['ASCII ! and ? in Chinese', '谢 谢 ! 什 么 时 间 点 完 成? 公 有', '谢谢！什么时间点完成？公有'],
  ['a dotted abbreviation before Chinese keeps its dot', '来 自 U.S. 市 场', '来自U.S.市场'],
  ['English spacing collapses to one space', 'Thank  you,\t operator.', 'Thank you, operator.'],
  ['leading and trailing blanks go', '  好 。 ', '好。'],
  ['comma glued to the next word', '呃 ,Q 四', '呃，Q四'],
  ['English list, then Chinese', 'Tao Zou, Henry, Nico, 晚 上 好', 'Tao Zou, Henry, Nico，晚上好'],
  ['ideographic space', '收入　达　五亿', '收入达五亿'],
  ['interruption dashes', '整 -- 只 是', '整--只是'],
  ['a character outside the BMP', '𠀀 字 , 好', '𠀀字，好'],
  ['digits split by the recogniser are left to the quantity stage', '我 们 20 25 年 的 营 收', '我们20 25年的营收'],
];

describe('normalizeText', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps every normalised code unit to its source offset, plus the end', () => {
    expect(normalizeText('好 , 大')).toEqual({ text: '好，大', map: [0, 2, 4, 5] });
    expect(normalizeText('a  b\n')).toEqual({ text: 'a b', map: [0, 1, 3, 5] });
    expect(normalizeText('𠀀 字')).toEqual({ text: '𠀀字', map: [0, 1, 3, 4] });
  });

  it('works on a span of a larger text, with offsets into the whole text', () => {
    const text = 'xx好 大yy';
    expect(normalizeText(text, { start: 2, end: 5 })).toEqual({ text: '好大', map: [2, 4, 5] });
  });

  it('gives an empty text for blanks only', () => {
    expect(normalizeText(' \n　')).toEqual({ text: '', map: [3] });
  });
});

describe('toSourceSpan', () => {
  const source = '收 入 RMB 1.16 billion, 毛 利 率 5.2%';
  const norm = normalizeText(source);

  it('maps a normalised span back to exactly its characters', () => {
    const at = norm.text.indexOf('RMB 1.16 billion');
    const span = toSourceSpan(norm.map, { start: at, end: at + 'RMB 1.16 billion'.length });
    expect(span).toEqual({ start: 4, end: 20 });
    expect(source.slice(span.start, span.end)).toBe('RMB 1.16 billion');
  });

  it('does not take the blanks after the last character', () => {
    const at = norm.text.indexOf('毛利率');
    const span = toSourceSpan(norm.map, { start: at, end: at + 3 });
    expect(source.slice(span.start, span.end)).toBe('毛 利 率');
  });

  it('maps an empty span to an empty span, also at the end', () => {
    expect(toSourceSpan(norm.map, { start: 0, end: 0 })).toEqual({ start: 0, end: 0 });
    const n = norm.text.length;
    expect(toSourceSpan(norm.map, { start: n, end: n })).toEqual({ start: source.length, end: source.length });
  });

  it('refuses a span outside the map', () => {
    expect(() => toSourceSpan(norm.map, { start: 0, end: norm.text.length + 1 })).toThrow(RangeError);
  });
});

describe('the offset map on the corpus-like text', () => {
  it('each non-blank normalised character folds to its source character', () => {
    const source = '營 收 ＲＭＢ１．５ 億 元 , 增 長 超 15%. Okay。 Mr. Zou 說 !';
    const { text, map } = normalizeText(source);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) continue;
      const src = map[i] as number;
      expect(foldForCompare(text[i] as string), `char ${i}`).toBe(foldForCompare(source[src] as string));
    }
  });
});
