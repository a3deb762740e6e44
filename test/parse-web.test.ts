import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/model.js';
import { detectLayout, parseTranscript, turnText } from '../src/parse/index.js';
import type { LayoutContext } from '../src/parse/layout.js';
import { colon } from '../src/parse/layouts/colon.js';
import { markdown } from '../src/parse/layouts/markdown.js';
import { motleyFool } from '../src/parse/layouts/motley-fool.js';
import { seekingAlpha } from '../src/parse/layouts/seeking-alpha.js';
import { linesOf } from '../src/parse/lines.js';
import { makeSource } from '../src/source.js';
import type { SourceText } from '../src/source.js';
import { corpusFile, corpusSkipReason, fixtureTranscripts, hasCorpus, parseFile, ROOT, uncovered } from './helpers.js';

const SA = join(ROOT, 'fixtures/seeking-alpha/larkspur-robotics-q3-2024.txt');
const MF = join(ROOT, 'fixtures/motley-fool/ferncliff-foods-q1-2025.txt');
const COLON_EN = join(ROOT, 'fixtures/colon/harbor-lane-q4-2024.txt');
const COLON_ZH = join(ROOT, 'fixtures/colon/xinyuan-dianqi-2024h1-zh.txt');
const MINE = [seekingAlpha, motleyFool, colon, markdown];

function ctxOf(source: SourceText): LayoutContext {
  return { source, lines: linesOf(source) };
}

function fromText(text: string): SourceText {
  return makeSource('inline.txt', text);
}

/** n, speaker, role, section of every turn. */
function rows(t: Transcript): Array<[number, string, string, string]> {
  return t.turns.map((x) => [x.n, x.speaker, x.role, x.section]);
}

function regions(source: SourceText, t: Transcript): Array<[string, string]> {
  return t.regions.map((r) => [r.kind, source.text.slice(r.span.start, r.span.end)]);
}

/** Every turn's span opens with its header, and the body text never holds another header. */
function expectHeadersOpenSpans(source: SourceText, t: Transcript): void {
  for (const turn of t.turns) {
    expect(turn.header).not.toBeNull();
    const h = turn.header as { start: number; end: number };
    expect(turn.span.start).toBe(h.start);
    expect(source.text.slice(turn.span.start, turn.span.end).startsWith(source.text.slice(h.start, h.end))).toBe(true);
  }
}

describe('seeking-alpha layout: own fixture (larkspur-robotics-q3-2024.txt)', () => {
  const { source, transcript: t } = parseFile(SA);

  it('is detected as seeking-alpha', () => {
    expect(detectLayout(ctxOf(source)).layout.format).toBe('seeking-alpha');
    expect(t.format).toBe('seeking-alpha');
  });

  it('reads the call metadata from the title and date lines', () => {
    expect(t.call).toEqual({
      company: 'Larkspur Robotics, Inc.',
      period: '2024-Q3',
      date: '2024-11-06',
      title: 'Larkspur Robotics, Inc. (LRKS) Q3 2024 Earnings Call Transcript',
    });
  });

  it('reads both participant lists: titles for the company, firms for the analysts', () => {
    expect(t.participants).toEqual([
      { name: 'Maren Holt', title: 'Vice President, Investor Relations', affiliation: null, role: 'ir' },
      { name: 'Tobias Kern', title: 'Chief Executive Officer', affiliation: null, role: 'executive' },
      { name: 'Dana Whitfield', title: 'Chief Financial Officer', affiliation: null, role: 'executive' },
      { name: 'Priya Raman', title: null, affiliation: 'Halvorsen Securities', role: 'analyst' },
      { name: 'Felix Ortega', title: null, affiliation: 'Bramble & Co.', role: 'analyst' },
      { name: 'Operator', title: null, affiliation: null, role: 'operator' },
    ]);
  });

  it('finds 12 turns; the Q&A starts at the heading', () => {
    expect(rows(t)).toEqual([
      [1, 'Operator', 'operator', 'prepared'],
      [2, 'Maren Holt', 'ir', 'prepared'],
      [3, 'Tobias Kern', 'executive', 'prepared'],
      [4, 'Dana Whitfield', 'executive', 'prepared'],
      [5, 'Operator', 'operator', 'qa'],
      [6, 'Priya Raman', 'analyst', 'qa'],
      [7, 'Dana Whitfield', 'executive', 'qa'],
      [8, 'Priya Raman', 'analyst', 'qa'],
      [9, 'Operator', 'operator', 'qa'],
      [10, 'Felix Ortega', 'analyst', 'qa'],
      [11, 'Tobias Kern', 'executive', 'qa'],
      [12, 'Operator', 'operator', 'qa'],
    ]);
    expectHeadersOpenSpans(source, t);
  });

  it('keeps a one-word paragraph ("Okay.") inside the turn rather than making it a header', () => {
    const kern = t.turns[2];
    expect(kern?.paragraphs).toHaveLength(2);
    expect(turnText(source.text, kern as Transcript['turns'][number])).toMatch(/38 countries\.\n\nOkay\.$/);
  });

  it('keeps the figure-heavy paragraph whole in the CFO turn', () => {
    const text = turnText(source.text, t.turns[3] as Transcript['turns'][number]);
    expect(text).toMatch(/^Thank you, Tobias\. Revenue for the quarter was \$182\.4 million/);
    expect(text).toMatch(/between \$190 million and \$198 million\.$/);
  });

  it('builds two exchanges with the firms, a follow-up staying in the first', () => {
    expect(t.exchanges).toEqual([
      { n: 1, analyst: 'Priya Raman', affiliation: 'Halvorsen Securities', introducedBy: 5, questions: [6, 8], answers: [7] },
      { n: 2, analyst: 'Felix Ortega', affiliation: 'Bramble & Co.', introducedBy: 9, questions: [10], answers: [11] },
    ]);
  });

  it('makes the title, date, lists and heading regions, and loses nothing', () => {
    expect(regions(source, t).map(([k]) => k)).toEqual(['metadata', 'metadata', 'participants', 'participants', 'heading']);
    expect(regions(source, t)[4]).toEqual(['heading', 'Question-and-Answer Session']);
    expect(regions(source, t)[3]?.[1]).toBe('Conference Call Participants\n\nPriya Raman - Halvorsen Securities\nFelix Ortega - Bramble & Co.');
    expect(uncovered(source.text, t)).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe('motley-fool layout: own fixture (ferncliff-foods-q1-2025.txt)', () => {
  const { source, transcript: t } = parseFile(MF);

  it('is detected as motley-fool', () => {
    expect(detectLayout(ctxOf(source)).layout.format).toBe('motley-fool');
    expect(t.format).toBe('motley-fool');
  });

  it('reads the company line, the period line and the date line', () => {
    expect(t.call).toEqual({ company: 'Ferncliff Foods', period: '2025-Q1', date: '2025-05-08', title: 'Q1 2025 Earnings Call' });
  });

  it('finds 11 turns with titles, analysts as Name -- Firm -- Analyst', () => {
    expect(rows(t)).toEqual([
      [1, 'Operator', 'operator', 'prepared'],
      [2, 'Ines Varga', 'ir', 'prepared'],
      [3, 'Walter Brandt', 'executive', 'prepared'],
      [4, 'Keiko Sato', 'executive', 'prepared'],
      [5, 'Operator', 'operator', 'qa'],
      [6, 'Lena Fischer', 'analyst', 'qa'],
      [7, 'Keiko Sato', 'executive', 'qa'],
      [8, 'Operator', 'operator', 'qa'],
      [9, 'Sam Adeyemi', 'analyst', 'qa'],
      [10, 'Walter Brandt', 'executive', 'qa'],
      [11, 'Operator', 'operator', 'qa'],
    ]);
    const lena = t.turns[5];
    expect([lena?.title, lena?.affiliation]).toEqual(['Analyst', 'Orrin Capital']);
    expect(t.turns[3]?.title).toBe('Chief Financial Officer');
    expectHeadersOpenSpans(source, t);
  });

  it('ends the last turn before `Duration:` and reads the participants list at the end', () => {
    expect(turnText(source.text, t.turns[10] as Transcript['turns'][number])).toBe('That concludes our call today. Thank you for joining.');
    expect(t.participants.map((p) => [p.name, p.role])).toEqual([
      ['Ines Varga', 'ir'],
      ['Walter Brandt', 'executive'],
      ['Keiko Sato', 'executive'],
      ['Lena Fischer', 'analyst'],
      ['Sam Adeyemi', 'analyst'],
      ['Operator', 'operator'],
    ]);
  });

  it('builds two exchanges', () => {
    expect(t.exchanges).toEqual([
      { n: 1, analyst: 'Lena Fischer', affiliation: 'Orrin Capital', introducedBy: 5, questions: [6], answers: [7] },
      { n: 2, analyst: 'Sam Adeyemi', affiliation: 'Kestrel Partners', introducedBy: 8, questions: [9], answers: [10] },
    ]);
  });

  it('makes furniture, headings, participants and the disclaimer regions, and loses nothing', () => {
    expect(regions(source, t).map(([k, s]) => `${k}: ${s.split('\n')[0]}`)).toEqual([
      'furniture: Image source: The Motley Fool.',
      'metadata: Ferncliff Foods (FRNC 1.42%)',
      'metadata: Q1 2025 Earnings Call',
      'metadata: May 8, 2025, 8:30 a.m. ET',
      'furniture: Contents:',
      'furniture: - Prepared Remarks',
      'furniture: - Questions and Answers',
      'furniture: - Call Participants',
      'heading: Prepared Remarks:',
      'heading: Questions & Answers:',
      'furniture: Duration: 31 minutes',
      'participants: Call participants:',
      'furniture: More FRNC analysis',
      'furniture: All earnings call transcripts',
      'disclaimer: This article is a transcript of this conference call produced for The Motley Fool. The transcript may contain errors or omissions; read the company\'s own filings before acting on anything here.',
      'disclaimer: The Motley Fool has no position in any of the stocks mentioned.',
    ]);
    expect(uncovered(source.text, t)).toEqual([]);
  });
});

describe('colon layout: own fixtures', () => {
  describe('English (harbor-lane-q4-2024.txt)', () => {
    const { source, transcript: t } = parseFile(COLON_EN);

    it('is detected as colon', () => {
      expect(detectLayout(ctxOf(source)).layout.format).toBe('colon');
    });

    it('reads company and period from the title line and the date line', () => {
      expect(t.call).toEqual({
        company: 'Harbor Lane Logistics',
        period: '2024-Q4',
        date: '2025-02-20',
        title: 'Harbor Lane Logistics Q4 2024 Earnings Call',
      });
    });

    it('finds 10 turns; the header is the `Name:` part, the body starts after the colon', () => {
      expect(rows(t)).toEqual([
        [1, 'Operator', 'operator', 'prepared'],
        [2, 'Rosa Delgado', 'unknown', 'prepared'],
        [3, 'Arjun Mehta', 'unknown', 'prepared'],
        [4, 'Claire Dubois', 'unknown', 'prepared'],
        [5, 'Operator', 'operator', 'qa'],
        [6, 'Tomas Berg', 'analyst', 'qa'],
        [7, 'Claire Dubois', 'unknown', 'qa'],
        [8, 'Operator', 'operator', 'qa'],
        [9, 'Mei Lin', 'analyst', 'qa'],
        [10, 'Arjun Mehta', 'unknown', 'qa'],
      ]);
      expect(t.turns.map((x) => source.text.slice(x.header?.start, x.header?.end))).toEqual([
        'Operator:', 'Rosa Delgado:', 'Arjun Mehta:', 'Claire Dubois:', 'Operator:', 'Tomas Berg:', 'Claire Dubois:', 'Operator:', 'Mei Lin:', 'Arjun Mehta:',
      ]);
      expect(source.text.slice(t.turns[0]?.paragraphs[0]?.start, t.turns[0]?.paragraphs[0]?.end)).toMatch(/^Good day, and welcome/);
      expectHeadersOpenSpans(source, t);
    });

    it('keeps "Note: figures are in US dollars" inside the CEO turn as its own paragraph', () => {
      const arjun = t.turns[2] as Transcript['turns'][number];
      expect(turnText(source.text, arjun)).toBe(
        'Thanks, Rosa. We moved more freight than ever in 2024, and our new terminal in Rotterdam opened on schedule.\n\nNote: figures are in US dollars unless stated otherwise.',
      );
      expect(t.turns.some((x) => x.speaker === 'Note')).toBe(false);
    });

    it('keeps the continuation paragraph with the CFO', () => {
      const claire = t.turns[3] as Transcript['turns'][number];
      expect(claire.paragraphs).toHaveLength(2);
      expect(turnText(source.text, claire)).toMatch(/\$240 million to \$260 million in 2025\.\n\nOur balance sheet remains strong, with net leverage of 1\.6 times\.$/);
    });

    it('builds two exchanges from the operator introductions', () => {
      expect(t.exchanges).toEqual([
        { n: 1, analyst: 'Tomas Berg', affiliation: 'Lindqvist Bank', introducedBy: 5, questions: [6], answers: [7] },
        { n: 2, analyst: 'Mei Lin', affiliation: 'Crescent Research', introducedBy: 8, questions: [9], answers: [10] },
      ]);
    });

    it('loses nothing', () => {
      expect(regions(source, t)).toEqual([
        ['metadata', 'Harbor Lane Logistics Q4 2024 Earnings Call'],
        ['metadata', 'February 20, 2025'],
        ['heading', 'Question-and-Answer Session'],
      ]);
      expect(uncovered(source.text, t)).toEqual([]);
    });
  });

  describe('Chinese, full-width colons (xinyuan-dianqi-2024h1-zh.txt)', () => {
    const { source, transcript: t } = parseFile(COLON_ZH);

    it('is detected as colon, with metadata from the Chinese title line', () => {
      expect(t.format).toBe('colon');
      expect(t.call).toEqual({ company: '信远电气', period: '2024-H1', date: '2024-08-28', title: '信远电气2024年中期业绩电话会' });
    });

    it('finds 11 turns: 主持人 is the operator, a title in full-width parentheses is read', () => {
      expect(rows(t)).toEqual([
        [1, '主持人', 'operator', 'prepared'],
        [2, '周雅琴', 'executive', 'prepared'],
        [3, '韩立明', 'unknown', 'prepared'],
        [4, '邱思远', 'unknown', 'prepared'],
        [5, '主持人', 'operator', 'qa'],
        [6, '林子豪', 'analyst', 'qa'],
        [7, '邱思远', 'unknown', 'qa'],
        [8, '主持人', 'operator', 'qa'],
        [9, '宋佳', 'analyst', 'qa'],
        [10, '韩立明', 'unknown', 'qa'],
        [11, '主持人', 'operator', 'qa'],
      ]);
      expect(t.turns[1]?.title).toBe('董事会秘书');
      expect(source.text.slice(t.turns[1]?.header?.start, t.turns[1]?.header?.end)).toBe('周雅琴（董事会秘书）：');
      expectHeadersOpenSpans(source, t);
    });

    it('keeps 注： inside the CFO turn', () => {
      expect(turnText(source.text, t.turns[3] as Transcript['turns'][number])).toMatch(/期末在手订单约92亿元。\n\n注：以上数据未经审计。$/);
    });

    it('builds two exchanges from the Chinese introductions (来自华晟证券的林子豪)', () => {
      expect(t.exchanges).toEqual([
        { n: 1, analyst: '林子豪', affiliation: '华晟证券', introducedBy: 5, questions: [6], answers: [7] },
        { n: 2, analyst: '宋佳', affiliation: '远川资本', introducedBy: 8, questions: [9], answers: [10] },
      ]);
      expect(uncovered(source.text, t)).toEqual([]);
    });
  });

  describe('strictness: prose with a colon is not a speaker', () => {
    it('does not detect a document whose colons are labels', () => {
      const text = [
        'Quarterly update',
        '',
        'Note: figures are in RMB.',
        'Source: company filings.',
        'Revenue grew 12% in the quarter, helped by exports.',
        'Gross Margin: 38.5%, up from 36.1%.',
        'Note: the prior year was restated.',
        '风险提示：市场有风险，投资需谨慎。',
      ].join('\n');
      const source = fromText(text);
      expect(colon.detect(ctxOf(source))).toBe(0);
      expect(parseTranscript(source).format).toBe('plain');
    });

    it('takes a one-off two-word name only when the text names that person elsewhere', () => {
      const text = [
        'Operator: Welcome. Our first question comes from Lena Fischer with Orrin Capital.',
        'Lena Fischer: How is demand?',
        'Hannah Cole: Strong, thank you.',
        'Gross Margin: 38.5% for the quarter.',
        'Operator: That ends the call. Thank you, Hannah.',
      ].join('\n');
      const t = parseTranscript(fromText(text), { format: 'colon' });
      expect(t.turns.map((x) => x.speaker)).toEqual(['Operator', 'Lena Fischer', 'Hannah Cole', 'Operator']);
      expect(turnText(text, t.turns[2] as Transcript['turns'][number])).toBe('Strong, thank you.\n\nGross Margin: 38.5% for the quarter.');
    });
  });
});

describe('web layouts leave the other layouts\' fixtures alone', () => {
  const mine = new Set(['seeking-alpha', 'motley-fool', 'colon', 'markdown']);
  const others = fixtureTranscripts().filter((f) => /\.(txt|md)$/.test(f) && !mine.has(f.split('/').slice(-2)[0] as string));

  it.each(others.map((f) => [f.slice(ROOT.length + 1), f]))('%s scores below 0.3 with each of them', (_name, f) => {
    const { source } = parseFile(f);
    for (const l of MINE) expect([l.format, l.detect(ctxOf(source)) < 0.3]).toEqual([l.format, true]);
  });
});

describe.skipIf(!hasCorpus)(`web layouts against the shared corpus ${corpusSkipReason}`, () => {
  it('kingsoft-cloud-q2-2023.txt stays transcript-site; none of these layouts outscores it', () => {
    const { source, transcript: t } = parseFile(corpusFile('kingsoft-cloud-q2-2023.txt'));
    const ctx = ctxOf(source);
    const best = detectLayout(ctx);
    expect(best.layout.format).toBe('transcript-site');
    expect(t.turns).toHaveLength(37);
    for (const l of MINE) expect(l.detect(ctx)).toBeLessThan(0.3);
  });

  it('zillow-q3-2022.txt is not taken by these layouts', () => {
    const { source, transcript: t } = parseFile(corpusFile('zillow-q3-2022.txt'));
    const ctx = ctxOf(source);
    for (const l of MINE) expect(l.detect(ctx)).toBeLessThan(0.3);
    expect(MINE.map((l) => l.format)).not.toContain(t.format);
  });

  it('travelsky-h1-2019-opening.txt (Title Case "Conference Call Participants") is not taken by seeking-alpha', () => {
    const { source } = parseFile(corpusFile('travelsky-h1-2019-opening.txt'));
    for (const l of MINE) expect(l.detect(ctxOf(source))).toBeLessThan(0.3);
  });

  it('the colon layout scores 0 on every corpus file', () => {
    for (const f of ['kingsoft-cloud-q2-2023.txt', 'zillow-q3-2022.txt', 'mediatek-2025q4-bilingual.md', 'wind-news-2024-08-15.md', 'jiayi-4104-2026-asr-zh.txt']) {
      const { source } = parseFile(corpusFile(f));
      expect([f, colon.detect(ctxOf(source))]).toEqual([f, 0]);
    }
  });
});
