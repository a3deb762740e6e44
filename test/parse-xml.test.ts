import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/model.js';
import { parseTranscript, turnText } from '../src/parse/index.js';
import { parseXml } from '../src/parse/xml/xml-adapter.js';
import { makeSource } from '../src/source.js';
import { parseFile, ROOT, uncovered } from './helpers.js';

const FIXTURE = join(ROOT, 'fixtures/factset-xml/qinghe-data-q3-2024.xml');



const parseText = (text: string): Transcript => parseTranscript(makeSource('test.xml', text));
const errors = (t: Transcript) => t.diagnostics.filter((d) => d.severity === 'error');

describe('FactSet CallStreet XML: qinghe-data-q3-2024.xml', () => {
  const { source, transcript: t } = parseFile(FIXTURE);
  const text = source.text;
  const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);

  it('is detected as factset-xml, with no diagnostics', () => {
    expect(t.format).toBe('factset-xml');
    expect(t.diagnostics).toEqual([]);
  });

  it('reads the call metadata from <meta>', () => {
    expect(t.call).toEqual({ company: 'Qinghe Data Technologies Ltd.', period: '2024-Q3', date: '2024-11-14', title: 'Q3 2024 Earnings Call' });
  });

  it('reads the participants list with roles from type and title, entities decoded', () => {
    expect(t.participants.map((p) => [p.name, p.role, p.title, p.affiliation])).toEqual([
      ['Operator', 'operator', null, null],
      ['Grace Luo', 'ir', 'Director, Investor Relations', 'Qinghe Data Technologies Ltd.'],
      ['Chen Haoran', 'executive', 'Chairman & Chief Executive Officer', 'Qinghe Data Technologies Ltd.'],
      ['Martin Okafor', 'executive', 'Chief Financial Officer', 'Qinghe Data Technologies Ltd.'],
      ['Lin Yue', 'interpreter', 'Interpreter', 'Qinghe Data Technologies Ltd.'],
      ['Wang Jun', 'analyst', 'Analyst', 'Harbor Peak Securities'],
      ['Sofia Brandt', 'analyst', 'Analyst', 'Northgate Capital Markets'],
    ]);
  });

  it('gives 15 turns with speakers, roles, sections, languages and interpretations', () => {
    expect(t.turns.map((x) => [x.n, x.speaker, x.role, x.section, x.lang, x.interprets, x.paragraphs.length])).toEqual([
      [1, 'Operator', 'operator', 'prepared', 'en', null, 2],
      [2, 'Grace Luo', 'ir', 'prepared', 'en', null, 2],
      [3, 'Chen Haoran', 'executive', 'prepared', 'zh', null, 2],
      [4, 'Lin Yue', 'interpreter', 'prepared', 'en', 3, 2],
      [5, 'Martin Okafor', 'executive', 'prepared', 'en', null, 2],
      [6, 'Operator', 'operator', 'qa', 'en', null, 1],
      [7, 'Wang Jun', 'analyst', 'qa', 'zh', null, 1],
      [8, 'Lin Yue', 'interpreter', 'qa', 'en', 7, 1],
      [9, 'Chen Haoran', 'executive', 'qa', 'zh', null, 1],
      [10, 'Lin Yue', 'interpreter', 'qa', 'en', 9, 1],
      [11, 'Operator', 'operator', 'qa', 'en', null, 1],
      [12, 'Sofia Brandt', 'analyst', 'qa', 'en', null, 1],
      [13, 'Martin Okafor', 'executive', 'qa', 'en', null, 2],
      [14, 'Sofia Brandt', 'analyst', 'qa', 'en', null, 1],
      [15, 'Operator', 'operator', 'qa', 'en', null, 1],
    ]);
    expect(t.turns[2]?.title).toBe('Chairman & Chief Executive Officer');
    expect(t.turns[11]?.affiliation).toBe('Northgate Capital Markets');
  });

  it('builds the two Q&A exchanges with their firms', () => {
    expect(t.exchanges).toEqual([
      { n: 1, analyst: 'Wang Jun', affiliation: 'Harbor Peak Securities', introducedBy: 6, questions: [7, 8], answers: [9, 10] },
      { n: 2, analyst: 'Sofia Brandt', affiliation: 'Northgate Capital Markets', introducedBy: 11, questions: [12, 14], answers: [13] },
    ]);
  });

  it('points turn spans at <speaker> … </speaker> and headers at the open tag', () => {
    for (const x of t.turns) {
      expect(slice(x.span).startsWith('<speaker id=')).toBe(true);
      expect(slice(x.span).endsWith('</speaker>')).toBe(true);
      expect(x.header).not.toBeNull();
      expect(slice(x.header as { start: number; end: number })).toMatch(/^<speaker id="\d"( type="[qa]")?>$/);
    }
    expect(slice(t.turns[6]?.header as { start: number; end: number })).toBe('<speaker id="5" type="q">');
  });

  it('points paragraph spans at the raw content of each <p>, entities as written', () => {
    const ceo = t.turns[2];
    expect(ceo?.paragraphs.map(slice)).toEqual([
      '大家好，感谢各位参加清和数据2024年第三季度业绩电话会。本季度总收入达到人民币18.6亿元，同比增长12.4%。',
      '我们的云服务毛利率提升至21.3%，比去年同期高出3.2个百分点。',
    ]);
    for (const x of t.turns) {
      for (const p of x.paragraphs) {
        expect(text.slice(p.start - 3, p.start)).toBe('<p>');
        expect(text.slice(p.end, p.end + 4)).toBe('</p>');
      }
    }
    // Spans cover the raw source, so the entity stays as written: `turnText` shows `&amp;`.
    expect(turnText(text, t.turns[11] as NonNullable<(typeof t.turns)[number]>)).toBe(
      'Thanks for taking my question. Could you talk about R&amp;D spending and the hardware &amp; services mix next year?',
    );
  });

  it('accounts for every non-blank character: meta, participants and markup regions', () => {
    expect(uncovered(text, t)).toEqual([]);
    expect(t.regions.some((r) => r.kind === 'unattributed')).toBe(false);
    expect(t.regions.map((r) => [r.kind, slice(r.span).split('\n')[0]?.trim()])).toEqual([
      ['markup', '<?xml version="1.0" encoding="UTF-8"?>'],
      ['metadata', '<meta>'],
      ['participants', '<participants>'],
      ['metadata', '</meta>'],
      ['markup', '<body>'],
      ['markup', '</section>'],
      ['markup', '</section>'],
    ]);
    expect(slice(t.regions[5]?.span as { start: number; end: number })).toBe('</section>\n    <section name="Q&amp;A">');
  });

  it('gives the same turns and spans on CRLF line ends', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const u = parseText(crlf);
    expect(u.turns.length).toBe(15);
    expect(u.exchanges.length).toBe(2);
    expect(crlf.slice(u.turns[2]?.paragraphs[0]?.start, u.turns[2]?.paragraphs[0]?.end)).toBe(
      '大家好，感谢各位参加清和数据2024年第三季度业绩电话会。本季度总收入达到人民币18.6亿元，同比增长12.4%。',
    );
    expect(uncovered(crlf, u)).toEqual([]);
  });
});

describe('FactSet XML: smaller shapes', () => {
  it('detects <transcript> without a declaration, after a BOM and white space', () => {
    const t = parseText('\uFEFF\n  <transcript><body><section name="Q&amp;A"><speaker id="1" type="q"><plist><p>Hello?</p></plist></speaker></section></body></transcript>');
    expect(t.format).toBe('factset-xml');
    expect(t.turns.map((x) => [x.speaker, x.section, x.role])).toEqual([['Speaker 1', 'qa', 'unknown']]);
    expect(t.diagnostics.map((d) => d.rule)).toContain('xml-unknown-speaker');
  });

  it('leaves character data outside any speaker unattributed rather than hiding it as markup', () => {
    const t = parseText('<transcript><body><section name="MANAGEMENT DISCUSSION SECTION">Stray words<speaker id="1"><p>Hi.</p></speaker></section></body></transcript>');
    expect(t.regions.filter((r) => r.kind === 'unattributed').length).toBe(1);
    expect(t.diagnostics.map((d) => d.rule)).toContain('unattributed-text');
  });

  it('does not claim text that does not open with <?xml or <transcript', () => {
    expect(parseText('Operator\n\nGood morning.\n').format).not.toBe('factset-xml');
    expect(parseText('<html><body>x</body></html>').format).not.toBe('factset-xml');
  });
});

describe('FactSet XML: hostile and broken input', () => {
  const DECL = '<?xml version="1.0"?>\n';

  /** Parse, and check that it was quick and gave one error diagnostic with this rule. */
  function refuse(xml: string, rule: string): { message: string; line: number | undefined; ms: number } {
    const started = performance.now();
    const t = parseText(xml);
    const ms = performance.now() - started;
    expect(t.format).toBe('factset-xml');
    expect(t.turns).toEqual([]);
    const errs = errors(t);
    expect(errs.length).toBe(1);
    expect(errs[0]?.rule).toBe(rule);
    const direct = parseXml(xml, 'transcript');
    expect(direct.ok).toBe(false);
    return { message: errs[0]?.message ?? '', line: direct.ok ? undefined : direct.line, ms };
  }

  it('refuses billion laughs without expanding it', () => {
    let doctype = '<!DOCTYPE transcript [\n<!ENTITY lol0 "lol">\n';
    for (let k = 1; k <= 9; k++) doctype += `<!ENTITY lol${k} "${`&lol${k - 1};`.repeat(10)}">\n`;
    const r = refuse(`${DECL}${doctype}]>\n<transcript><body>&lol9;</body></transcript>`, 'xml-refused');
    expect(r.message).toMatch(/declares entities/);
    expect(r.line).toBe(3);
    expect(r.ms).toBeLessThan(500);
  });

  it('refuses an external entity (XXE) without reading the file', () => {
    const r = refuse(`${DECL}<!DOCTYPE transcript [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<transcript><meta><title>&xxe;</title></meta></transcript>`, 'xml-refused');
    expect(r.message).toMatch(/<!ENTITY/);
    expect(r.message).not.toMatch(/root:/);
    expect(r.line).toBe(2);
  });

  it('refuses 10,000 nested elements before the parser recurses', () => {
    const xml = `${DECL}<transcript>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}</transcript>`;
    const r = refuse(xml, 'xml-refused');
    expect(r.message).toBe('elements are nested more than 200 levels deep');
    expect(r.ms).toBeLessThan(500);
  });

  it('accepts 200 levels of nesting', () => {
    const xml = `<transcript>${'<x>'.repeat(199)}${'</x>'.repeat(199)}</transcript>`;
    expect(parseXml(xml, 'transcript').ok).toBe(true);
    expect(parseXml(`<transcript>${'<x>'.repeat(200)}${'</x>'.repeat(200)}</transcript>`, 'transcript').ok).toBe(false);
  });

  it('refuses a 1 MB attribute', () => {
    const r = refuse(`${DECL}<transcript>\n<meta title="${'a'.repeat(1 << 20)}"/></transcript>`, 'xml-refused');
    expect(r.message).toBe('an attribute value is 1048576 characters long, over the limit of 10000');
    expect(r.line).toBe(3);
    expect(r.ms).toBeLessThan(500);
  });

  it('reports a truncated document, naming what is still open', () => {
    const r = refuse(`${DECL}<transcript>\n<body>\n<section name="Q&amp;A">\n<speaker id="1"><plist><p>We expect revenue to`, 'xml-malformed');
    expect(r.message).toBe('the document ends before <p> and 5 enclosing element(s) are closed: it looks truncated (still open: transcript, body, section, speaker, plist, p)');
    expect(r.line).toBe(5);
  });

  it('reports the wrong root element on its line', () => {
    const r = refuse(`${DECL}\n<html><body><p>Hello</p></body></html>`, 'xml-malformed');
    expect(r.message).toBe('the root element is <html>, expected <transcript>');
    expect(r.line).toBe(3);
  });

  it('reports mismatched and broken tags with the line', () => {
    const r = refuse(`${DECL}<transcript>\n<meta>\n<title>Q3</titel>\n</meta>\n</transcript>`, 'xml-malformed');
    expect(r.message).toBe("malformed XML: Expected closing tag 'title' (opened in line 4, col 1) instead of closing tag 'titel'.");
    expect(r.line).toBe(4);
    const q = refuse(`${DECL}<transcript>\n<speaker id="1>\n</speaker></transcript>`, 'xml-malformed');
    expect(q.message).toMatch(/open quote/);
    expect(q.line).toBe(3);
    const amp = refuse(`${DECL}<transcript>\n<p>R&D</p></transcript>`, 'xml-malformed');
    expect(amp.message).toMatch(/malformed XML/);
  });

  it('puts the error diagnostic on the offending line of the source', () => {
    const xml = `${DECL}<transcript>\n<meta>\n<title>Q3</titel>\n</meta>\n</transcript>`;
    const t = parseText(xml);
    const d = errors(t)[0];
    expect(d?.span?.start).toBe(xml.indexOf('<title>'));
  });
});

describe('XML adapter', () => {
  it('decodes entities and numeric references in text and attributes, and gives positions', () => {
    const xml = '<transcript a="Q&amp;A &#20013;">\r\n  <p>R&amp;D &#x4e2d;</p>\r\n</transcript>';
    const r = parseXml(xml, 'transcript');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.root.attrs).toEqual({ a: 'Q&A 中' });
    const p = r.root.children[0];
    expect(p?.kind).toBe('element');
    if (p?.kind !== 'element') return;
    expect(p.children).toEqual([{ kind: 'text', text: 'R&D 中' }]);
    expect(xml.slice(p.span.start, p.span.end)).toBe('<p>R&amp;D &#x4e2d;</p>');
    expect(xml.slice(p.inner.start, p.inner.end)).toBe('R&amp;D &#x4e2d;');
    expect(xml.slice(r.root.span.start, r.root.span.end)).toBe(xml);
  });

  it('gives an empty inner span for a self-closing element, and > inside attribute values is fine', () => {
    const xml = '<transcript><section name="a>b"/><p>x</p></transcript>';
    const r = parseXml(xml, 'transcript');
    if (!r.ok) throw new Error(r.message);
    const [section, p] = r.root.children;
    expect(section?.kind === 'element' && section.inner.start === section.inner.end && section.attrs.name).toBe('a>b');
    expect(p?.kind === 'element' && xml.slice(p.inner.start, p.inner.end)).toBe('x');
  });

  it('reports an empty document', () => {
    expect(parseXml('   ', 'transcript')).toMatchObject({ ok: false, rule: 'xml-malformed', message: 'the document holds no XML element' });
  });
});
