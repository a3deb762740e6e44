import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/model.js';
import { turnText } from '../src/parse/index.js';
import { paragraphText } from '../src/parse/paragraphs.js';
import type { SourceText } from '../src/source.js';
import { ROOT, corpusFile, corpusSkipReason, detected, hasCorpus, parseFile, slice, uncovered } from './helpers.js';

const FIXTURE = join(ROOT, 'fixtures/refinitiv/harborline-q2-2024.txt');



function regionTexts(source: SourceText, t: Transcript, kind: string): string[] {
  return t.regions.filter((r) => r.kind === kind).map((r) => slice(source, r.span));
}

describe('refinitiv layout: own fixture (harborline-q2-2024.txt)', () => {
  const { source, transcript: t } = parseFile(FIXTURE);

  it('is detected as refinitiv', () => {
    expect(detected(source)).toBe('refinitiv');
    expect(t.format).toBe('refinitiv');
  });

  it('reads company and period from the operator welcome', () => {
    expect(t.call).toEqual({ company: 'Harborline Logistics', period: '2024-Q2', date: null, title: null });
  });

  it('reads both participant lists, a wrapped title and a heading glued to the last entry', () => {
    expect(t.participants).toEqual([
      { name: 'Marguerite O. Fenwick', title: 'CEO & Director', affiliation: 'Harborline Logistics, Inc.', role: 'executive' },
      { name: 'Tobias Quentin Hale', title: 'CFO', affiliation: 'Harborline Logistics, Inc.', role: 'executive' },
      { name: 'Priya Nandakumar', title: 'Head of Investor Relations', affiliation: 'Harborline Logistics, Inc.', role: 'ir' },
      {
        name: 'Desmond K. Oyelaran',
        title: 'Managing Director of Transportation and Logistics Equity Research & Lead Senior Analyst',
        affiliation: 'Northgate Securities LLC',
        role: 'analyst',
      },
      { name: 'Lena Vasquez-Marr', title: 'Research Analyst', affiliation: 'Brightwater Capital Partners', role: 'analyst' },
      // Unlisted speakers are added after the listed ones.
      { name: 'Operator', title: null, affiliation: null, role: 'operator' },
    ]);
    const lists = regionTexts(source, t, 'participants');
    expect(lists).toHaveLength(2);
    expect(lists[0]).toMatch(/^Marguerite O\. Fenwick\n/);
    expect(lists[0]).toMatch(/Head of Investor Relations$/);
    expect(lists[1]).toContain('& Lead Senior\nAnalyst\n \nLena Vasquez-Marr');
    expect(lists[1]).toMatch(/Research Analyst$/);
  });

  it('finds the five headings, with the disclaimer as a region and not a turn', () => {
    expect(regionTexts(source, t, 'heading')).toEqual([
      'CORPORATE PARTICIPANTS',
      'CONFERENCE CALL PARTICIPANTS',
      'PRESENTATION',
      'QUESTIONS AND ANSWERS',
      'DISCLAIMER',
    ]);
    const disclaimer = regionTexts(source, t, 'disclaimer');
    expect(disclaimer).toHaveLength(1);
    expect(disclaimer[0]).toMatch(/^This summary of a company conference call/);
    expect(disclaimer[0]).toMatch(/All Rights Reserved\.$/);
    expect(t.turns.some((x) => turnText(source.text, x).includes('All Rights Reserved'))).toBe(false);
  });

  it('splits 12 turns with speakers, titles, roles and firms', () => {
    expect(t.turns.map((x) => [x.speaker, x.role])).toEqual([
      ['Operator', 'operator'],
      ['Priya Nandakumar', 'ir'],
      ['Marguerite O. Fenwick', 'executive'],
      ['Tobias Quentin Hale', 'executive'],
      ['Operator', 'operator'],
      ['Desmond K. Oyelaran', 'analyst'],
      ['Marguerite O. Fenwick', 'executive'],
      ['Operator', 'operator'],
      ['Lena Vasquez-Marr', 'analyst'],
      ['Tobias Quentin Hale', 'executive'],
      ['Priya Nandakumar', 'ir'],
      ['Operator', 'operator'],
    ]);
    expect(t.turns[2]).toMatchObject({ title: 'CEO & Director', affiliation: 'Harborline Logistics, Inc.' });
    expect(t.turns[0]).toMatchObject({ title: null, affiliation: null });
    expect(t.turns[8]).toMatchObject({ title: 'Research Analyst', affiliation: 'Brightwater Capital Partners' });
  });

  it('takes in the title wrapped at another place in the turn header', () => {
    const desmond = t.turns[5]!;
    expect(desmond.title).toBe('Managing Director of Transportation and Logistics Equity Research & Lead Senior Analyst');
    expect(slice(source, desmond.header!)).toBe(
      'Desmond K. Oyelaran\nNorthgate Securities LLC, Research Division - Managing Director of Transportation and Logistics Equity Research & Lead\nSenior Analyst',
    );
    expect(turnText(source.text, desmond)).toMatch(/^Congratulations on the quarter\./);
  });

  it('starts each span at its name line and ends a turn before a heading glued to it', () => {
    for (const x of t.turns) expect(slice(source, x.span).startsWith(x.speaker === 'Operator' ? 'Operator\n' : `${x.speaker}\n`)).toBe(true);
    const cfo = t.turns[3]!;
    expect(slice(source, cfo.span)).toMatch(/we are ready to take questions\.$/);
    const last = t.turns[11]!;
    expect(slice(source, last.span)).toMatch(/You may now disconnect\.$/);
  });

  it('re-joins hard-wrapped lines and ends a paragraph at a short line', () => {
    const ceo = t.turns[2]!;
    const paras = ceo.paragraphs.map((p) => paragraphText(source.text, p));
    expect(paras).toHaveLength(3);
    expect(paras[0]).toMatch(/^Thank you, Priya, and good morning, everyone\. .* since we opened the Tacoma hub, with shipments up 14% .* carried a record share of volume\.$/);
    expect(paras[1]).toMatch(/^Revenue for the quarter was \$412 million, .* We also signed two new grocery contracts\.$/);
    expect(paras[2]).toBe('Tobias will now take you through the numbers in more detail.');
    for (const p of paras) expect(p).not.toMatch(/\n/);
    expect(t.turns[0]!.paragraphs).toHaveLength(2);
  });

  it('starts the Q&A at the QUESTIONS AND ANSWERS heading', () => {
    expect(t.turns.map((x) => x.section)).toEqual([
      'prepared', 'prepared', 'prepared', 'prepared',
      'qa', 'qa', 'qa', 'qa', 'qa', 'qa', 'qa', 'qa',
    ]);
    expect(turnText(source.text, t.turns[4]!)).toBe('(Operator Instructions) Our first question comes from Desmond Oyelaran with Northgate.');
  });

  it('builds one exchange per operator introduction, with the firm from the list', () => {
    expect(t.exchanges).toEqual([
      { n: 1, analyst: 'Desmond K. Oyelaran', affiliation: 'Northgate Securities LLC', introducedBy: 5, questions: [6], answers: [7] },
      { n: 2, analyst: 'Lena Vasquez-Marr', affiliation: 'Brightwater Capital Partners', introducedBy: 8, questions: [9], answers: [10] },
    ]);
  });

  it('loses nothing', () => {
    expect(uncovered(source.text, t)).toEqual([]);
    expect(t.regions.filter((r) => r.kind === 'unattributed')).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(`refinitiv layout: Zillow Q3 2022 ${corpusSkipReason}`, () => {
  const { source, transcript: t } = hasCorpus ? parseFile(corpusFile('zillow-q3-2022.txt')) : ({} as ReturnType<typeof parseFile>);

  it('is detected as refinitiv, with metadata from the welcome', () => {
    expect(detected(source)).toBe('refinitiv');
    expect(t.call).toEqual({ company: 'Zillow Group', period: '2022-Q3', date: null, title: null });
  });

  it('lists 4 executives/IR and 5 analysts with firms', () => {
    expect(t.participants.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['Allen W. Parker', 'executive', 'Zillow Group, Inc.'],
      ['Bradley Allen Berning', 'ir', 'Zillow Group, Inc.'],
      ['Jeremy Wacksman', 'executive', 'Zillow Group, Inc.'],
      ['Richard N. Barton', 'executive', 'Zillow Group, Inc.'],
      ['Bradley D. Erickson', 'analyst', 'RBC Capital Markets'],
      ['John Robert Colantuoni', 'analyst', 'Jefferies LLC'],
      ['Justin Tyler Patterson', 'analyst', 'KeyBanc Capital Markets Inc.'],
      ['Michael Ng', 'analyst', 'Goldman Sachs Group, Inc.'],
      ['Ryan McKeveny', 'analyst', 'Zelman & Associates LLC'],
      ['Operator', 'operator', null],
    ]);
    expect(t.participants[6]!.title).toBe('Director of Internet and Media Equity Research & Lead Senior Analyst');
  });

  it('splits 44 turns: 9 by the operator, 35 under a name and Company - Title line', () => {
    expect(t.turns).toHaveLength(44);
    expect(t.turns.filter((x) => x.speaker === 'Operator')).toHaveLength(9);
    expect(t.turns.filter((x) => x.header && slice(source, x.header).includes(' - '))).toHaveLength(35);
    const count = (name: string) => t.turns.filter((x) => x.speaker === name).length;
    expect([count('Richard N. Barton'), count('Allen W. Parker'), count('Jeremy Wacksman'), count('Bradley Allen Berning')]).toEqual([14, 5, 3, 3]);
    expect(t.turns.slice(0, 4).map((x) => x.speaker)).toEqual(['Operator', 'Bradley Allen Berning', 'Richard N. Barton', 'Allen W. Parker']);
  });

  it('takes in the wrapped title of the KeyBanc analyst in both of his turns', () => {
    const justin = t.turns.filter((x) => x.speaker === 'Justin Tyler Patterson');
    expect(justin.map((x) => x.n)).toEqual([35, 39]);
    for (const x of justin) {
      expect(x.title).toBe('Director of Internet and Media Equity Research & Lead Senior Analyst');
      expect(slice(source, x.header!)).toMatch(/& Lead\nSenior Analyst$/);
      expect(turnText(source.text, x)).not.toMatch(/^Senior Analyst/);
    }
  });

  it('re-joins the ~140-character hard wraps into paragraphs', () => {
    const barton = t.turns[2]!;
    const paras = barton.paragraphs.map((p) => paragraphText(source.text, p));
    expect(paras[0]).toMatch(/^Thank you, Brad\. .*once again\.$/);
    expect(paras[1]).toMatch(/^Now to our results\./);
    for (const p of paras) expect(p).not.toMatch(/\n/);
  });

  it('starts the Q&A at the QUESTIONS AND ANSWERS heading', () => {
    const first = t.turns.find((x) => x.section === 'qa')!;
    expect(first.n).toBe(5);
    expect(turnText(source.text, first)).toMatch(/^\(Operator Instructions\) Our first question comes from John Colantuoni with Jefferies\.$/);
    expect(t.turns.slice(4).every((x) => x.section === 'qa')).toBe(true);
  });

  it('builds an exchange per introduction; Brad Erickson twice', () => {
    expect(t.exchanges.map((e) => [e.analyst, e.affiliation, e.introducedBy, e.questions, e.answers])).toEqual([
      ['John Robert Colantuoni', 'Jefferies LLC', 5, [6], [7, 8, 9, 10]],
      ['Michael Ng', 'Goldman Sachs Group, Inc.', 11, [12, 14], [13, 15, 16]],
      ['Bradley D. Erickson', 'RBC Capital Markets', 17, [18, 20], [19, 21]],
      ['Ryan McKeveny', 'Zelman & Associates LLC', 22, [23, 26], [24, 25, 27, 28]],
      ['Bradley D. Erickson', 'RBC Capital Markets', 29, [30], [31, 32, 33]],
      ['Justin Tyler Patterson', 'KeyBanc Capital Markets Inc.', 34, [35, 39], [36, 37, 38, 40]],
    ]);
  });

  it('sets lists, headings and the disclaimer aside as regions and loses nothing', () => {
    expect(t.regions.map((r) => r.kind)).toEqual([
      'heading', 'participants', 'heading', 'participants', 'heading', 'heading', 'heading', 'disclaimer',
    ]);
    expect(uncovered(source.text, t)).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(`refinitiv layout does not claim other layouts ${corpusSkipReason}`, () => {
  it('leaves Kingsoft Cloud to transcript-site', () => {
    const { source, transcript: t } = parseFile(corpusFile('kingsoft-cloud-q2-2023.txt'));
    expect(detected(source)).toBe('transcript-site');
    expect(t.format).toBe('transcript-site');
    expect(t.turns).toHaveLength(37);
  });

  it('leaves the StreetEvents opening to streetevents', () => {
    const { source } = parseFile(corpusFile('travelsky-h1-2019-opening.txt'));
    expect(detected(source)).toBe('streetevents');
  });
});
