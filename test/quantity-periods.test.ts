import { describe, expect, it } from 'vitest';
import { findBlocked, findPeriods } from '../src/quantity/periods.js';

/**
 * The English period rules are tried only where a match can start (at a Q or H or the digit
 * before it, at `FY`, `[Ff]iscal`, `[Ff]ull`, at a month's name after a word boundary): these
 * inputs put matches and near-misses at the edges of those starts.
 */
const read = (s: string) => findPeriods(s).map((p) => [s.slice(p.start, p.end), p.label]);

describe('findPeriods: English periods found from their starts', () => {
  it('quarters start at the Q or at the digit before it', () => {
    expect(read('2Q23 and Q 2, then AQ2 and 3Q')).toEqual([
      ['2Q23', '2023-Q2'],
      ['Q 2', 'Q2'],
      ['3Q', 'Q3'],
    ]);
  });
  it('halves likewise, and not inside a word', () => {
    expect(read('H2 2024, 1H23, xH1, H1a')).toEqual([
      ['H2 2024', '2024-H2'],
      ['1H23', '2023-H1'],
    ]);
  });
  it('fiscal and full years start at `[Ff]iscal` and `[Ff]ull`', () => {
    expect(read('Fiscal 2024 and unfiscal 2023, Fiscal Year 21, FULL YEAR 2023, full year 2025')).toEqual([
      ['Fiscal 2024', 'FY2024'],
      ['Fiscal Year 21', 'FY2021'],
      ['full year 2025', 'FY2025'],
    ]);
    expect(read('FY23, xFY2023, fiscal year 2023, Full  Year 22, full-year 2023, bull 2023')).toEqual([
      ['FY23', 'FY2023'],
      ['fiscal year 2023', 'FY2023'],
      ['Full  Year 22', 'FY2022'],
    ]);
  });
  it('months only after a word boundary (a letter, a digit or `_` before one is none)', () => {
    expect(read('June 30, 2023; xJune 5; _May 4; Sept. 30; 30 June 2023; Dec 2023, 3Jun 2023')).toEqual([
      ['June 30, 2023', '2023-06-30'],
      ['Sept. 30', '--09-30'],
      ['30 June 2023', '2023-06-30'],
      ['June 2023', '2023-06'],
      ['Dec 2023', '2023-12'],
    ]);
    // Two months found in text order whichever prefix comes first in the list.
    expect(read('Jun 5 Jan 6')).toEqual([
      ['Jun 5', '--06-05'],
      ['Jan 6', '--01-06'],
      ['5 Jan', '--01-05'],
    ]);
  });
});

/**
 * findBlocked tries the URL, clock and list-marker patterns only where one can start (four or
 * five before a `://`, at `www.`, one or two before a colon between digits, at a line feed
 * before a digit or `(`): near-misses at the edges of those starts.
 */
describe('findBlocked: patterns tried from their starts', () => {
  const blocked = (s: string) => findBlocked(s).map((b) => s.slice(b.start, b.end));
  it('URLs', () => {
    expect(blocked('see https://ir.example.com/q2 and www.example.com, not httpx 5 or wwwx.5')).toEqual(['https://ir.example.com/q2', 'www.example.com,']);
    expect(blocked('http://a.b/1 at the start, ftp://x/2 is not one')).toEqual(['http://a.b/1']);
  });
  it('clock times and timestamps', () => {
    expect(blocked('at 12:30, 9:05:10 or (00:00:12); Operator: 5; 123:45; 1:2; :30')).toEqual(['12:30', '9:05:10', '00:00:12']);
  });
  it('list markers at the start of the text or of a line only', () => {
    expect(blocked('1. First\n  2) second\n\t(3) third\nx 4. no\n5.5 million\n(12)x')).toEqual(['1.', '\n  2)', '\n\t(3)']);
    expect(blocked('no marker 1. here')).toEqual([]);
    expect(blocked('\n7. after a leading line feed')).toEqual(['\n7.']);
  });
});
