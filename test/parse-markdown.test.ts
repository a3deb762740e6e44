import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span, Transcript, Turn } from '../src/model.js';
import { turnText } from '../src/parse/index.js';
import { colon } from '../src/parse/layouts/colon.js';
import { matchMarkdownSpeaker, timestampOf } from '../src/parse/layouts/markdown.js';
import { motleyFool } from '../src/parse/layouts/motley-fool.js';
import { seekingAlpha } from '../src/parse/layouts/seeking-alpha.js';
import { linesOf } from '../src/parse/lines.js';
import type { SourceText } from '../src/source.js';
import { ROOT, corpusFile, corpusSkipReason, detected, hasCorpus, parseFile, slice, uncovered } from './helpers.js';

const BILINGUAL = join(ROOT, 'fixtures/markdown/lanfeng-tech-2025q1-bilingual.md');
const BRIEF = join(ROOT, 'fixtures/markdown/morning-brief-2025-03-04.md');
const HAN = /[\u3400-\u9fff]/;



function kinds(t: Transcript): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of t.regions) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

/**
 * The bilingual contract: in every turn the paragraphs come in pairs, English then its
 * Traditional Chinese translation, both carrying the same timestamp, and no paragraph span
 * includes its `(00:00:12)`.
 */
function expectTimestampPairs(source: SourceText, turns: readonly Turn[]): void {
  for (const t of turns) {
    expect(t.paragraphs.length % 2).toBe(0);
    for (let k = 0; k < t.paragraphs.length; k += 2) {
      const en = t.paragraphs[k] as Span;
      const zh = t.paragraphs[k + 1] as Span;
      expect(timestampOf(source.text, en)).not.toBeNull();
      expect(timestampOf(source.text, zh)).toBe(timestampOf(source.text, en));
      expect(HAN.test(slice(source, en))).toBe(false);
      expect(HAN.test(slice(source, zh))).toBe(true);
      for (const p of [en, zh]) expect(slice(source, p)).not.toMatch(/^\s*\(\d/);
    }
  }
}

describe('matchMarkdownSpeaker and timestampOf', () => {
  it('reads the speaker-line shapes', () => {
    expect(matchMarkdownSpeaker('**Jason Wang - MediaTek, Investor Relation**')).toEqual({ name: 'Jason Wang', affiliation: 'MediaTek', title: 'Investor Relation' });
    expect(matchMarkdownSpeaker('**Grace Liu - Chief Financial Officer**')).toEqual({ name: 'Grace Liu', title: 'Chief Financial Officer', affiliation: null });
    expect(matchMarkdownSpeaker('**Grace Liu (CFO)**')).toEqual({ name: 'Grace Liu', title: 'CFO', affiliation: null });
    expect(matchMarkdownSpeaker('**Operator:**')).toEqual({ name: 'Operator', title: null, affiliation: null });
    expect(matchMarkdownSpeaker('**陳志明**')).toEqual({ name: '陳志明', title: null, affiliation: null });
  });

  it('refuses banners and inline bold', () => {
    expect(matchMarkdownSpeaker('**這份檔案由範例工具自動產生，僅供測試使用。**')).toBeNull();
    expect(matchMarkdownSpeaker('**风险提示：**以上内容仅供参考')).toBeNull();
    expect(matchMarkdownSpeaker('1、**三大股指收盘涨跌不一**')).toBeNull();
  });

  it('reads the time in seconds in front of a paragraph, and null without one', () => {
    const text = '(00:01:10) Operating expenses\n(01:02:03) 營運費用\nNo time here';
    expect(timestampOf(text, { start: 11, end: 29 })).toBe(70);
    expect(timestampOf(text, { start: 41, end: 45 })).toBe(3723);
    expect(timestampOf(text, { start: 46, end: 58 })).toBeNull();
    // A paragraph that starts mid-line after other words is not timestamped.
    expect(timestampOf(text, { start: 21, end: 29 })).toBeNull();
  });
});

describe('markdown layout: bilingual fixture (lanfeng-tech-2025q1-bilingual.md)', () => {
  const { source, transcript: t } = parseFile(BILINGUAL);

  it('is detected as markdown; no other web layout claims it', () => {
    expect(detected(source)).toBe('markdown');
    const ctx = { source, lines: linesOf(source) };
    for (const l of [seekingAlpha, motleyFool, colon]) expect(l.detect(ctx)).toBeLessThan(0.3);
  });

  it('takes company and date from the `# 嵐峰科技_20250430` title, the period from the welcome', () => {
    expect(t.call).toEqual({ company: '嵐峰科技', period: '2025-Q1', date: '2025-04-30', title: '嵐峰科技_20250430' });
  });

  it('finds 8 turns from the bold speaker lines; `### Q&A` starts the Q&A', () => {
    expect(t.turns.map((x) => [x.n, x.speaker, x.title, x.affiliation, x.role, x.section])).toEqual([
      [1, 'Operator', null, null, 'operator', 'prepared'],
      [2, 'Grace Liu', 'Chief Financial Officer', 'Lanfeng Technology', 'executive', 'prepared'],
      [3, 'Operator', null, null, 'operator', 'qa'],
      [4, 'Kevin Hsu', 'Analyst', 'Formosa Securities', 'analyst', 'qa'],
      [5, 'Grace Liu', 'Chief Financial Officer', 'Lanfeng Technology', 'executive', 'qa'],
      [6, 'Operator', null, null, 'operator', 'qa'],
      [7, 'Amy Tseng', 'Analyst', 'Pacific Rim Capital', 'analyst', 'qa'],
      [8, 'Grace Liu', 'Chief Financial Officer', 'Lanfeng Technology', 'executive', 'qa'],
    ]);
    for (const x of t.turns) {
      expect(slice(source, x.span).startsWith(slice(source, x.header as Span))).toBe(true);
      expect(x.lang).toBe('mixed');
    }
  });

  it('makes each timestamped line a paragraph, English then its translation, timestamps outside the spans', () => {
    expect(t.turns.map((x) => x.paragraphs.length)).toEqual([2, 4, 2, 2, 2, 2, 2, 2]);
    expectTimestampPairs(source, t.turns);
    const grace = t.turns[1] as Turn;
    expect(grace.paragraphs.map((p) => timestampOf(source.text, p))).toEqual([14, 14, 41, 41]);
    expect(slice(source, grace.paragraphs[2] as Span)).toMatch(/^First-quarter revenue was NT\$25\.6 billion, up 8\.5% sequentially/);
    expect(slice(source, grace.paragraphs[3] as Span)).toMatch(/^第一季營收為新台幣 256 億元/);
  });

  it('builds two exchanges from the operator introductions', () => {
    expect(t.exchanges).toEqual([
      { n: 1, analyst: 'Kevin Hsu', affiliation: 'Formosa Securities', introducedBy: 3, questions: [4], answers: [5] },
      { n: 2, analyst: 'Amy Tseng', affiliation: 'Pacific Rim Capital', introducedBy: 6, questions: [7], answers: [8] },
    ]);
  });

  it('puts the title, banners, memo and headings in regions; the memo holds no turn', () => {
    expect(t.regions.map((r) => [r.kind, slice(source, r.span).split('\n')[0]])).toEqual([
      ['metadata', '# 嵐峰科技_20250430'],
      ['furniture', '**本檔案由範例工具自動產生，僅供測試使用。**'],
      ['disclaimer', '**警語：此摘要與逐字稿為 AI 生成，內容可能有誤，請以原始錄音為準。**'],
      ['memo', '## Memo'],
      ['heading', '## Transcript'],
      ['heading', '### Presentation'],
      ['heading', '### Q&A'],
    ]);
    const memo = t.regions.find((r) => r.kind === 'memo') as { span: Span };
    expect(slice(source, memo.span)).toMatch(/營業利益率為 18\.9%。 \[\(00:00:41\) Grace Liu\]$/);
    expect(t.turns.every((x) => x.span.start >= memo.span.end)).toBe(true);
    expect(uncovered(source.text, t)).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe('markdown layout: a briefing with front matter and no speakers (morning-brief-2025-03-04.md)', () => {
  const { source, transcript: t } = parseFile(BRIEF);

  it('is read as markdown, one turn by an unknown speaker, with a warning', () => {
    expect(t.format).toBe('markdown');
    expect(t.turns.map((x) => [x.speaker, x.role, x.header])).toEqual([['Unknown', 'unknown', null]]);
    expect(t.diagnostics.map((d) => [d.severity, d.rule])).toEqual([
      ['warning', 'unknown-layout'],
      ['info', 'no-roles'],
    ]);
  });

  it('takes title and date from the `#` title', () => {
    expect(t.call).toEqual({ company: null, period: null, date: '2025-03-04', title: '晨间财经速览2025年3月4日星期二' });
  });

  it('keeps the front matter, byline, video tag, headings and disclaimers out of the paragraphs', () => {
    expect(t.regions.map((r) => [r.kind, slice(source, r.span).split('\n')[0]])).toEqual([
      ['front-matter', '---'],
      ['metadata', '# 晨间财经速览2025年3月4日星期二'],
      ['furniture', '03-04 06:30 示例资讯'],
      ['furniture', '收藏本文'],
      ['markup', '<video id="demo_video" controls="" src="https://example.com/video/demo.mp4"></video>'],
      ['heading', '### 焦点'],
      ['heading', '### 市场'],
      ['disclaimer', '**风险提示：**以上内容仅供参考，不构成投资建议。'],
      ['disclaimer', '**免责声明：**本文为测试样例，所有公司与数据均为虚构。'],
    ]);
    expect(slice(source, t.regions[0]?.span as Span)).toMatch(/^---\nlayout: post\n[\s\S]*keywords: 财经,早报\n---$/);
    const turn = t.turns[0] as Turn;
    expect(turn.paragraphs.map((p) => slice(source, p).slice(0, 12))).toEqual(['1、**青岚汽车发布年报', '2、**示例银行第四季度', '1、**三大股指收盘涨跌']);
    expect(turnText(source.text, turn)).not.toContain('###');
    expect(uncovered(source.text, t)).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(`markdown layout against the shared corpus ${corpusSkipReason}`, () => {
  it('mediatek-2025q4-bilingual.md: 12 turns, two speakers, Q&A from turn 4', () => {
    const { source, transcript: t } = parseFile(corpusFile('mediatek-2025q4-bilingual.md'));
    expect(detected(source)).toBe('markdown');
    expect(t.call).toEqual({ company: '聯發科', period: null, date: '2026-03-11', title: '聯發科_20260311' });
    const jason = 'Jason Wang';
    const jessie = 'Jessie Wang';
    expect(t.turns.map((x) => x.speaker)).toEqual([jason, jessie, jason, jason, jessie, jason, jessie, jason, jessie, jason, jessie, jason]);
    expect(t.turns.map((x) => x.section)).toEqual(['prepared', 'prepared', 'prepared', 'qa', 'qa', 'qa', 'qa', 'qa', 'qa', 'qa', 'qa', 'qa']);
    expect(t.participants).toEqual([
      { name: jason, title: 'Investor Relation', affiliation: 'MediaTek', role: 'ir' },
      { name: jessie, title: 'Investor Relation', affiliation: 'MediaTek', role: 'ir' },
    ]);
    expect(t.turns.map((x) => x.paragraphs.length)).toEqual([2, 14, 2, 2, 4, 2, 2, 2, 6, 2, 4, 2]);
    expectTimestampPairs(source, t.turns);
    expect(t.turns[1]?.paragraphs.slice(0, 4).map((p) => timestampOf(source.text, p))).toEqual([12, 12, 70, 70]);
    expect(slice(source, t.turns[1]?.paragraphs[0] as Span)).toMatch(/^Okay\. Thank you, Jason\. As this slide shows/);
    expect(t.turns.every((x) => x.lang === 'mixed' && x.interprets === null)).toBe(true);
    // The IR host asks the questions himself: there is no analyst, so no exchange.
    expect(t.exchanges).toEqual([]);
  });

  it('mediatek-2025q4-bilingual.md: title, banners, memo and headings are regions; nothing is lost', () => {
    const { source, transcript: t } = parseFile(corpusFile('mediatek-2025q4-bilingual.md'));
    expect(t.regions.map((r) => [r.kind, slice(source, r.span).split('\n')[0]?.slice(0, 20)])).toEqual([
      ['metadata', '# 聯發科_20260311'],
      ['furniture', '**這份檔案由 AlphaMemo.ai'],
      ['disclaimer', '**警語：此 Memo 和逐字稿為 AI'],
      ['memo', '## Memo'],
      ['heading', '## Transcript'],
      ['heading', '### Presentation'],
      ['heading', '### Q&A'],
    ]);
    const memo = t.regions[3]?.span as Span;
    expect(slice(source, memo)).toMatch(/\[\(00:04:36\) Jessie Wang\]$/);
    expect(uncovered(source.text, t)).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });

  it('wind-news-2024-08-15.md: no false speakers; one unknown turn, front matter, headings and disclaimers as regions', () => {
    const { source, transcript: t } = parseFile(corpusFile('wind-news-2024-08-15.md'));
    expect(detected(source)).toBe('markdown');
    expect(t.turns.map((x) => [x.speaker, x.role])).toEqual([['Unknown', 'unknown']]);
    expect(t.call).toEqual({ company: null, period: null, date: '2024-08-15', title: '陆家嘴财经早餐2024年8月15日星期四' });
    expect(kinds(t)).toEqual({ 'front-matter': 1, metadata: 1, furniture: 4, markup: 5, heading: 13, disclaimer: 4 });
    const turn = t.turns[0] as Turn;
    expect(turn.paragraphs).toHaveLength(94);
    expect(slice(source, turn.paragraphs[0] as Span)).toMatch(/^1、\*\*中国金融时报发文指出/);
    expect(turnText(source.text, turn)).not.toMatch(/^#|\n#|<video|!\[img\]|免责声明：/);
    expect(t.diagnostics.map((d) => d.rule)).toEqual(['unknown-layout', 'no-roles']);
    expect(uncovered(source.text, t)).toEqual([]);
  });
});
