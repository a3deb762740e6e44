import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/model.js';
import { turnText } from '../src/parse/index.js';
import { parseSpeakerLine } from '../src/parse/layouts/streetevents.js';
import type { SourceText } from '../src/source.js';
import { ROOT, corpusFile, corpusSkipReason, detected, hasCorpus, parseFile, slice, uncovered } from './helpers.js';

const FIXTURE = join(ROOT, 'fixtures/streetevents/jadeport-h1-2023.txt');



function regions(source: SourceText, t: Transcript): string[] {
  return t.regions.filter((r) => r.kind !== 'markup').map((r) => `${r.kind}:${slice(source, r.span).split('\n')[0]}`);
}

describe('streetevents speaker lines', () => {
  it.each([
    ['Operator [1]', { speaker: 'Operator', company: null, title: null }],
    ['Operator   [12]', { speaker: 'Operator', company: null, title: null }],
    ['Ana Lopez, Example Corp - CFO [3]', { speaker: 'Ana Lopez', company: 'Example Corp', title: 'CFO' }],
    [
      'Wai Ting Ho,  Sample Securities Co. Ltd., Research Division - Head of Autos, Hong Kong & China   [4]',
      { speaker: 'Wai Ting Ho', company: 'Sample Securities Co. Ltd., Research Division', title: 'Head of Autos, Hong Kong & China' },
    ],
    ['Unidentified Participant,   [9]', { speaker: 'Unidentified Participant', company: null, title: null }],
  ])('%s', (line, expected) => expect(parseSpeakerLine(line)).toEqual(expected));

  it('refuses lines without a number', () => {
    expect(parseSpeakerLine('Operator')).toBeNull();
    expect(parseSpeakerLine('[1]')).toBeNull();
  });
});

describe('streetevents layout: own fixture (jadeport-h1-2023.txt)', () => {
  const { source, transcript: t } = parseFile(FIXTURE);

  it('is detected as streetevents', () => {
    expect(detected(source)).toBe('streetevents');
    expect(t.format).toBe('streetevents');
  });

  it('reads company and period from the title line, and the call date (not the publication date) from the dateline', () => {
    expect(t.call).toEqual({
      company: 'Jadeport Information Systems Ltd',
      period: '2023-H1',
      date: '2023-08-24',
      title: 'Half Year 2023 Jadeport Information Systems Ltd Earnings Call (Chinese, English)',
    });
  });

  it('sets furniture, metadata, headings, participants and the closing sections aside', () => {
    expect(regions(source, t)).toEqual([
      'furniture:U.S. Markets open',
      'furniture:Edited Transcript of 8841.HK earnings conference call or presentation 24-Aug-23 8:30am GMT',
      'metadata:Half Year 2023 Jadeport Information Systems Ltd Earnings Call (Chinese, English)',
      expect.stringMatching(/^metadata:Hangzhou Aug 30, 2023 \(Thomson StreetEvents\) -- /),
      'furniture:TEXT version of Transcript',
      'heading:Corporate Participants',
      'participants:* Wenjun Qiao',
      'heading:Conference Call Participants',
      'participants:* Arjun Mehta',
      'heading:Presentation',
      'heading:Questions and Answers',
      'heading:Definitions',
      'disclaimer:EDITED TRANSCRIPT: an invented note for this fixture, saying the text was edited for readability.',
      'heading:Disclaimer',
      'disclaimer:This fixture is invented for tests; no company, person or figure in it is real.',
    ]);
    // Every `====` and `----` rule is markup: 9 heavy, 26 light.
    const rules = t.regions.filter((r) => r.kind === 'markup').map((r) => slice(source, r.span)[0]);
    expect(rules.filter((c) => c === '=')).toHaveLength(9);
    expect(rules.filter((c) => c === '-')).toHaveLength(26);
  });

  it('reads both participant lists', () => {
    expect(t.participants.slice(0, 4)).toEqual([
      { name: 'Wenjun Qiao', title: 'CEO & Executive Director', affiliation: 'Jadeport Information Systems Limited', role: 'executive' },
      { name: 'Meiling Hu', title: 'IR Manager', affiliation: 'Jadeport Information Systems Limited', role: 'ir' },
      { name: 'Arjun Mehta', title: 'Analyst', affiliation: 'Kestrel Securities Co. Ltd.', role: 'analyst' },
      {
        name: 'Hoi Ying Tsang',
        title: 'Head of Technology, Media and Telecom Research, Greater China',
        affiliation: 'Orchid Bay Capital Limited',
        role: 'analyst',
      },
    ]);
  });

  it('splits 12 numbered turns with speakers, roles and sections', () => {
    expect(t.turns.map((x) => [x.n, x.speaker, x.role, x.section])).toEqual([
      [1, 'Operator', 'operator', 'prepared'],
      [2, 'Meiling Hu', 'ir', 'prepared'],
      [3, 'Wenjun Qiao', 'executive', 'prepared'],
      [4, 'Interpreter', 'interpreter', 'prepared'],
      [5, 'Operator', 'operator', 'qa'],
      [6, 'Arjun Mehta', 'analyst', 'qa'],
      [7, 'Wenjun Qiao', 'executive', 'qa'],
      [8, 'Interpreter', 'interpreter', 'qa'],
      [9, 'Operator', 'operator', 'qa'],
      [10, 'Hoi Ying Tsang', 'analyst', 'qa'],
      [11, 'Meiling Hu', 'ir', 'qa'],
      [12, 'Operator', 'operator', 'qa'],
    ]);
    expect(t.turns[2]).toMatchObject({ title: 'CEO & Executive Director', affiliation: 'Jadeport Information Systems Limited', lang: 'zh' });
    expect(t.turns[9]).toMatchObject({ title: 'Head of Technology, Media and Telecom Research, Greater China', affiliation: 'Orchid Bay Capital Limited' });
  });

  it('has the interpreter render the Chinese turn before it', () => {
    expect(t.turns.filter((x) => x.role === 'interpreter').map((x) => [x.n, x.interprets])).toEqual([[4, 3], [8, 7]]);
  });

  it('puts the speaker line in the header and drops the (foreign language) marker from the speech', () => {
    const op = t.turns[0]!;
    expect(slice(source, op.header!)).toBe('Operator [1]');
    expect(slice(source, op.span)).toMatch(/^Operator \[1\]\n\n-{80}\n\n\(foreign language\) Good morning/);
    expect(turnText(source.text, op)).toMatch(/^Good morning, ladies and gentlemen/);
    // A marker inside a paragraph stays: it says where the speaker switched language.
    expect(turnText(source.text, op)).toMatch(/\n\nI will now hand the call to Ms\. Meiling Hu\. \(foreign language\) Please go ahead\.$/);
    expect(turnText(source.text, t.turns[2]!)).toMatch(/^各位投资者上午好。/);
    // The rule under the next speaker line ends the turn; the rule itself is markup.
    expect(slice(source, t.turns[1]!.span)).toMatch(/will follow in English\.$/);
  });

  it('builds two exchanges with the firms from the participants list', () => {
    expect(t.exchanges).toEqual([
      { n: 1, analyst: 'Arjun Mehta', affiliation: 'Kestrel Securities Co. Ltd.', introducedBy: 5, questions: [6], answers: [7, 8] },
      { n: 2, analyst: 'Hoi Ying Tsang', affiliation: 'Orchid Bay Capital Limited', introducedBy: 9, questions: [10], answers: [11] },
    ]);
  });

  it('loses nothing', () => {
    expect(uncovered(source.text, t)).toEqual([]);
    expect(t.regions.filter((r) => r.kind === 'unattributed')).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(`streetevents layout: TravelSky H1 2019 opening ${corpusSkipReason}`, () => {
  const { source, transcript: t } = hasCorpus ? parseFile(corpusFile('travelsky-h1-2019-opening.txt')) : ({} as ReturnType<typeof parseFile>);

  it('is detected as streetevents', () => {
    expect(detected(source)).toBe('streetevents');
  });

  it('reads company, period and the call date', () => {
    expect(t.call).toEqual({
      company: 'TravelSky Technology Ltd',
      period: '2019-H1',
      date: '2019-08-29',
      title: 'Half Year 2019 TravelSky Technology Ltd Earnings Call (Chinese, English)',
    });
  });

  it('reads the participants: one executive, three analysts', () => {
    expect(t.participants.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['Yinhong Xiao', 'executive', 'TravelSky Technology Limited'],
      ['Eric Zong', 'analyst', 'Macquarie Research'],
      ['King Pui So', 'analyst', 'CLSA Limited'],
      ['Wai Kin Lau', 'analyst', 'Daiwa Securities Co. Ltd.'],
      ['Operator', 'operator', null],
    ]);
    expect(t.participants[0]!.title).toBe('CEO, GM & Executive Director');
  });

  it('reads the one operator turn, cut mid-sentence, as speech after its markers', () => {
    expect(t.turns).toHaveLength(1);
    const op = t.turns[0]!;
    expect(op).toMatchObject({ n: 1, speaker: 'Operator', role: 'operator', section: 'prepared' });
    expect(slice(source, op.header!)).toBe('Operator [1]');
    expect(op.paragraphs).toHaveLength(2);
    expect(turnText(source.text, op)).toMatch(/^Good afternoon, ladies and gentlemen\./);
    expect(op.span.end).toBe(source.text.trimEnd().length);
  });

  it('sets everything else aside as regions and loses nothing', () => {
    expect(regions(source, t).map((r) => r.split(':')[0])).toEqual([
      'furniture', 'furniture', 'metadata', 'metadata', 'furniture',
      'heading', 'participants', 'heading', 'participants', 'heading',
    ]);
    expect(uncovered(source.text, t)).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(`streetevents layout does not claim other layouts ${corpusSkipReason}`, () => {
  it.each(['kingsoft-cloud-q2-2023.txt', 'zillow-q3-2022.txt'])('%s', (name) => {
    const { source } = parseFile(corpusFile(name));
    expect(detected(source)).toBe(name.startsWith('kingsoft') ? 'transcript-site' : 'refinitiv');
  });
});
