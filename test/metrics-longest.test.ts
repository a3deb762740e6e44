import { describe, expect, it } from 'vitest';
import { enWord, escapeRe, firstChars, longestMatcher, startsSource } from '../src/metrics/longest.js';

/** Leftmost-longest by trying every pattern at every offset: what `findAll` must equal. */
function naive(srcs: string[], text: string): Array<[number, number, number]> {
  const res = srcs.map((s) => new RegExp(s, 'iy'));
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i < text.length; ) {
    let best: [number, number, number] | null = null;
    res.forEach((re, k) => {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m && m[0].length > 0 && (!best || i + m[0].length > best[1])) best = [i, i + m[0].length, k];
    });
    if (best) {
      out.push(best);
      i = (best as [number, number, number])[1];
    } else i++;
  }
  return out;
}

describe('longestMatcher', () => {
  const srcs = [enWord('revenues?'), enWord('total revenues?'), escapeRe('收入'), escapeRe('收入占比'), enWord('(?:the )?(?:previous|prior) quarter'), enWord('the (?:prior|previous)[- ]year (?:quarter|period)'), enWord('s&m'), 'a{0,2}b'];
  const m = longestMatcher(srcs.map((src, k) => ({ src, data: k })));
  it.each([
    'Total Revenues were up; revenue, REVENUES and ſevenue',
    '收入占比下降，收入增长',
    'the prior quarter and Previous quarter; the prior-year quarter',
    'S&M and s&m expenses; aab b ab',
  ])('%s', (text) => {
    expect(m.findAll(text).map((x) => [x.start, x.end, x.data])).toEqual(naive(srcs, text));
  });

  it('longestAt gives the match findAll finds at a position, and null where none starts', () => {
    const text = 'Total Revenues were up; the prior-year quarter, 收入占比 aab';
    const found = new Map(m.findAll(text).map((x) => [x.start, [x.start, x.end, x.data]]));
    expect(found.size).toBe(4);
    for (let i = 0; i < text.length; i++) {
      const at = m.longestAt(text, i);
      // findAll skips past a match, so a position inside one may still start a shorter match.
      if (found.has(i)) expect(at && [at.start, at.end, at.data]).toEqual(found.get(i));
      else if (at) expect([...found.values()].some(([s, e]) => i > (s as number) && i < (e as number))).toBe(true);
    }
    expect(m.longestAt(text, 6)).toEqual({ start: 6, end: 14, data: 0 });
    expect(m.longestAt(text, 5)).toBeNull();
  });

  it('regroups the start scan without moving a start', () => {
    const all = [...srcs, escapeRe('EBITDA'), escapeRe('ebitda率'), 'x|收', escapeRe('.5'), '收?y'];
    const starts = (re: RegExp, text: string): number[] => {
      const out: number[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push(m.index);
        re.lastIndex = m.index + 1;
      }
      return out;
    };
    expect(startsSource(all)).toBe(
      '\\b(?:(?:(?:revenues?)\\b)|(?:(?:total revenues?)\\b)|(?:(?:(?:the )?(?:previous|prior) quarter)\\b)|(?:(?:the (?:prior|previous)[- ]year (?:quarter|period))\\b)|(?:(?:s&m)\\b))' +
        '|收(?:(?:入)|(?:入占比))|E(?:(?:BITDA)|(?:bitda率))|(?:a{0,2}b)|(?:x|收)|(?:\\.5)|(?:收?y)',
    );
    const plain = new RegExp(all.map((s) => `(?:${s})`).join('|'), 'gi');
    const grouped = new RegExp(startsSource(all), 'gi');
    for (const text of ['Total Revenues were up; revenue, REVENUES and ſevenue', '收入占比下降，收入增长 xy 收y', 'ebitda EBITDA率 Ebitda率 0.5 x', 'S&M and s&m expenses; aab b ab']) {
      expect(starts(grouped, text)).toEqual(starts(plain, text));
    }
  });

  it('knows the first characters of plain lexicon patterns, and says so when it cannot tell', () => {
    expect(firstChars(enWord('(?:the )?(?:previous|prior) quarter'))).toEqual(new Set([...'TP'].map((c) => c.charCodeAt(0))));
    expect(firstChars(escapeRe('收入'))).toEqual(new Set(['收'.charCodeAt(0)]));
    expect(firstChars('[a-z]+')).toBeNull();
    expect(firstChars('a?')).toBeNull();
    expect(firstChars('a{0,2}b')).toEqual(new Set([65, 66]));
  });
});
