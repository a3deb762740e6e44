import { describe, expect, it } from 'vitest';
import { alignTranscript, type AlignedPair } from '../src/align/index.js';
import { corpusFile, hasCorpus, parseFile } from './helpers.js';

describe.skipIf(!hasCorpus)('align on the Kingsoft Cloud Q2 2023 call', () => {
  const { source, transcript } = hasCorpus ? parseFile(corpusFile('kingsoft-cloud-q2-2023.txt')) : ({} as ReturnType<typeof parseFile>);
  const a = hasCorpus ? alignTranscript(source, transcript) : { pairs: [], unpaired: [], diagnostics: [] };
  const pair = (n: number): AlignedPair => a.pairs.find((p) => p.zhTurn === n) as AlignedPair;

  it('pairs the nine Chinese passages with their interpretations, the analyst with herself and the interpreter', () => {
    expect(a.pairs.map((p) => [p.zhTurn, p.enTurns])).toEqual([
      [3, [4]],
      [5, [6]],
      [7, [8]],
      [9, [10]],
      [11, [12]],
      [13, [14]],
      [17, [17, 18]],
      [19, [20]],
      [21, [22]],
    ]);
    expect(pair(17).enSentences.slice(0, 2).map((s) => [s.turn, s.text])).toEqual([
      [17, 'Thanks management for taking my questions.'],
      [17, 'I got two questions here.'],
    ]);
  });

  it("reports the CEO's English-only answer and the interjections, and aligns neither", () => {
    expect(a.unpaired.map((u) => [u.turn, u.reason])).toEqual([
      [19, 'interjection'],
      [19, 'interjection'],
      [29, 'original-not-transcribed'],
    ]);
    const aside = a.unpaired.slice(0, 2).map((u) => source.text.slice(u.span.start, u.span.end));
    expect(aside).toEqual(['需 要.', '先 把 这 个 翻 译 了.']);
    const zh19 = pair(19).zhSentences.map((s) => s.text);
    expect(zh19).not.toContain('需要。');
    expect(zh19).not.toContain('先把这个翻译了。');
  });

  // Each figure of the prepared remarks, as the Chinese says it and as the English does.
  const figures: Array<[number, string, string]> = [
    [3, '十八点四亿', '1.84 billion'],
    [3, '百分之十一点三', '11.3%'],
    [3, '二点零七亿', '207 million'],
    [3, '负的百分之三点三', 'negative 3.3%'],
    [3, '五点三个百分点', '5.3 percentage points'],
    [3, '二点六个百分点', '2.6 percentage points'],
    [5, 'RMB 1.16 billion', 'RMB 1.16 billion'],
    [5, '毛利率5.2%', '5.2%'],
    [5, '负2.4%', '-2.4%'],
    [5, '超15%', '15%'],
    [5, '约16%', '16%'],
    [5, '20余家', 'more than 20'],
    [7, '六点七五亿', '675 million'],
    [7, '百分之二十一点七', '21.7%'],
    [7, '百分之十五点三', '15.3%'],
    [7, '九年', 'nine'],
    [7, '五十余家', 'more than 50'],
    [7, '一千三百余家', '1,300'],
    [7, '二十四亿', '2.4 billion'],
    [7, '六家', 'six'],
    [9, '十余家', 'a dozen'],
    [11, '约四百人', '400'],
    [11, '三分之一', 'one-third'],
    [11, '百分之五十', '50%'],
  ];

  it.each(figures)('turn %i: %s sits in the same bead as %s', (turn, zh, en) => {
    const segs = pair(turn).segments.filter((s) => s.zh.includes(zh));
    expect(segs).toHaveLength(1);
    expect(segs[0]?.en).toContain(en);
  });

  it('leaves the enterprise-cloud interpretation\'s run with no Chinese source standing alone', () => {
    const p = pair(7);
    const alone = p.segments.filter((s) => s.kind === '0-1').map((s) => s.en);
    for (const topic of ['In storage space', 'In big data space', 'PingCAP', 'Galaxy Stack Management System', 'Our Galaxy Stack won 2']) {
      expect(alone.some((e) => e.includes(topic))).toBe(true);
    }
    const last = p.segments.filter((s) => s.zh !== '').at(-1);
    expect(last?.zh).toContain('克莱克');
    expect(last?.en).not.toContain('PingCAP');
    // The last seven English sentences are all 0-1 beads.
    expect(p.segments.slice(-7).every((s) => s.kind === '0-1' && s.score > 0.9)).toBe(true);
  });

  it('is confident where the figures agree', () => {
    const seg = pair(3).segments.find((s) => s.zh.includes('负的百分之三点三'));
    expect(seg?.kind).toBe('1-1');
    expect(seg?.score).toBeGreaterThan(0.95);
  });
});

describe.skipIf(!hasCorpus)('align on the MediaTek bilingual Markdown', () => {
  it('pairs each turn with its own translation by timestamp, English original', () => {
    const { source, transcript } = parseFile(corpusFile('mediatek-2025q4-bilingual.md'));
    const a = alignTranscript(source, transcript);
    if (transcript.format !== 'markdown') return; // the layout is someone else's; nothing to check without it
    expect(a.unpaired).toEqual([]);
    expect(a.pairs).toHaveLength(transcript.turns.length);
    for (const p of a.pairs) {
      expect(p.original).toBe('en');
      expect(p.enTurns).toEqual([p.zhTurn]);
    }
    const seg = a.pairs[1]?.segments.find((s) => s.en.includes('35%'));
    expect(seg?.zh).toContain('35%');
    expect(seg?.zh).toContain('2個百分點');
  });
});
