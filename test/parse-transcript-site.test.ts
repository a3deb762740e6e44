import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/model.js';
import { turnText } from '../src/parse/index.js';
import { corpusFile, corpusSkipReason, hasCorpus, parseFile, ROOT } from './helpers.js';

function speakers(t: Transcript): string[] {
  return t.turns.map((x) => x.speaker);
}

describe('transcript-site layout: own fixture (lanting-q3-2024.txt)', () => {
  const { source, transcript: t } = parseFile(join(ROOT, 'fixtures/transcript-site/lanting-q3-2024.txt'));

  it('finds the call metadata in the page furniture', () => {
    expect(t.format).toBe('transcript-site');
    expect(t.call).toEqual({ company: 'Lanting Data', period: '2024-Q3', date: '2024-11-14', title: 'Lanting Data - Q3 2024' });
    expect(t.regions.filter((r) => r.kind === 'furniture').map((r) => source.text.slice(r.span.start, r.span.end))).toEqual([
      'Sign in',
      "You're signed outSign in or to get full access.",
      'Transcript',
    ]);
  });

  it('splits 18 turns with speakers, titles and roles', () => {
    expect(t.turns).toHaveLength(18);
    expect(speakers(t).slice(0, 7)).toEqual(['Operator', 'Mei Lin', 'Wei Guo', 'Speaker 3', 'Wei Guo', 'Speaker 3', 'Ada Sun']);
    expect(t.turns.map((x) => x.role)).toEqual([
      'operator', 'ir', 'executive', 'interpreter', 'executive', 'interpreter', 'executive',
      'operator', 'analyst', 'interpreter', 'executive', 'interpreter', 'ir',
      'operator', 'analyst', 'executive', 'analyst', 'operator',
    ]);
    expect(t.turns[0]?.title).toBeNull(); // "(participant)" is not a title
    expect(t.turns[2]?.title).toBe('Chairman and CEO');
  });

  it('links every interpreter turn to the turn it renders', () => {
    const links = t.turns.filter((x) => x.role === 'interpreter').map((x) => [x.n, x.interprets]);
    expect(links).toEqual([[4, 3], [6, 5], [10, 9], [12, 11]]);
  });

  it('takes the analyst titled "Executive Director" as an analyst, from the operator introduction', () => {
    const oliver = t.participants.find((p) => p.name === 'Oliver Grant');
    expect(oliver).toEqual({ name: 'Oliver Grant', title: 'Executive Director', affiliation: 'Morgan Stanley', role: 'analyst' });
  });

  it('marks the self-translating analyst as mixed and Chinese turns as zh', () => {
    expect(t.turns[8]?.lang).toBe('mixed');
    expect(t.turns[8]?.langShare.zh).toBeGreaterThan(0.5);
    expect(t.turns[2]?.lang).toBe('zh');
    expect(t.turns[4]?.lang).toBe('zh'); // "RMB 410 million" inside Chinese is code-switching, not mixed
  });

  it('starts the Q&A at the operator reminder and builds two exchanges', () => {
    expect(t.turns.findIndex((x) => x.section === 'qa')).toBe(7);
    expect(t.exchanges).toEqual([
      { n: 1, analyst: 'Jing Wu', affiliation: 'Huatai Securities', introducedBy: 8, questions: [9, 10], answers: [11, 12] },
      { n: 2, analyst: 'Oliver Grant', affiliation: 'Morgan Stanley', introducedBy: 14, questions: [15, 17], answers: [16] },
    ]);
  });

  it('keeps spans exact: header at the start, the foreign-language marker outside paragraphs', () => {
    const ceo = t.turns[2]!;
    expect(source.text.slice(ceo.span.start, ceo.span.end).startsWith('Wei Guo (Chairman and CEO)')).toBe(true);
    expect(source.text.slice(ceo.header!.start, ceo.header!.end)).toBe('Wei Guo (Chairman and CEO)');
    expect(source.text.slice(ceo.paragraphs[0]!.start, ceo.paragraphs[0]!.start + 5)).toBe('大 家 好');
    expect(source.text.slice(ceo.span.end - 1, ceo.span.end)).toBe('。');
  });

  it('keeps the interjections as separate paragraphs of the CEO turn', () => {
    const t5 = t.turns[4]!;
    expect(t5.paragraphs.map((p) => source.text.slice(p.start, p.end))).toEqual([
      expect.stringMatching(/^数 据 平 台/),
      '需 要.',
      '先 把 这 个 翻 译 了.',
    ]);
    expect(turnText(source.text, t5).split('\n\n')).toHaveLength(3);
  });
});

describe.skipIf(!hasCorpus)(`transcript-site layout: Kingsoft Cloud Q2 2023 ${corpusSkipReason}`, () => {
  const { source, transcript: t } = hasCorpus ? parseFile(corpusFile('kingsoft-cloud-q2-2023.txt')) : ({} as ReturnType<typeof parseFile>);

  it('reads the call metadata', () => {
    expect(t.format).toBe('transcript-site');
    expect(t.call.company).toBe('Kingsoft Cloud');
    expect(t.call.period).toBe('2023-Q2');
    expect(t.call.date).toBe('2023-08-22');
  });

  it('splits 37 turns with the right speakers and titles', () => {
    expect(t.turns).toHaveLength(37);
    const byName = new Map(t.participants.map((p) => [p.name, p]));
    expect(byName.get('Tao Zou')).toMatchObject({ title: 'Vice Chairman and CEO', role: 'executive' });
    expect(byName.get('Henry He')).toMatchObject({ title: 'CFO', role: 'executive' });
    expect(byName.get('Nicole Shan')).toMatchObject({ title: 'IR Manager', role: 'ir' });
    expect(byName.get('Xiaodan Zhang')).toMatchObject({ role: 'analyst', affiliation: 'CICC' });
    expect(byName.get('Timothy Zhao')).toMatchObject({ title: 'Equity Research Analyst', role: 'analyst', affiliation: 'Goldman Sachs' });
    expect(byName.get('Allen Li')).toMatchObject({ title: 'Executive Director', role: 'analyst', affiliation: 'JPMorgan' });
    expect(byName.get('Speaker 7')).toMatchObject({ role: 'interpreter' });
    expect(t.turns.filter((x) => x.speaker === 'Operator')).toHaveLength(6);
  });

  it('has Speaker 7 interpret the CEO, and once the analyst', () => {
    const s7 = t.turns.filter((x) => x.speaker === 'Speaker 7');
    expect(s7.map((x) => [x.n, x.interprets])).toEqual([[4, 3], [6, 5], [8, 7], [10, 9], [12, 11], [14, 13], [18, 17], [20, 19], [22, 21]]);
    for (const x of s7) expect(t.turns[(x.interprets as number) - 1]!.lang).not.toBe('en');
    expect(t.turns[16]).toMatchObject({ speaker: 'Xiaodan Zhang', lang: 'mixed' });
  });

  it('starts the Q&A at the operator\'s "As a reminder, to ask a question" turn', () => {
    const first = t.turns.find((x) => x.section === 'qa')!;
    expect(first.n).toBe(16);
    expect(turnText(source.text, first)).toMatch(/^Thank you\. As a reminder, to ask a question/);
    expect(t.turns.slice(0, 15).every((x) => x.section === 'prepared')).toBe(true);
  });

  it('builds three exchanges with firms CICC, Goldman Sachs and JPMorgan', () => {
    expect(t.exchanges.map((e) => [e.analyst, e.affiliation, e.questions, e.answers])).toEqual([
      ['Xiaodan Zhang', 'CICC', [17, 18], [19, 20, 21, 22]],
      ['Timothy Zhao', 'Goldman Sachs', [25, 27, 30], [26, 28, 29]],
      ['Allen Li', 'JPMorgan', [32, 34], [33]],
    ]);
  });

  it('keeps "Operator, next question, please." inside the IR turn, not as a header', () => {
    const t23 = t.turns[22]!;
    expect(t23.speaker).toBe('Nicole Shan');
    expect(turnText(source.text, t23)).toBe('Operator, next question, please.');
  });

  it('sets the page furniture aside as regions', () => {
    const kinds = t.regions.map((r) => `${r.kind}:${source.text.slice(r.span.start, r.span.end)}`);
    expect(kinds).toEqual(['furniture:Sign in', "furniture:You're signed outSign in or to get full access.", 'metadata:Kingsoft Cloud - Q2 2023', 'metadata:August 22, 2023', 'furniture:Transcript']);
  });
});
