import { describe, expect, it } from 'vitest';
import { piecesAtMost } from '../src/parse/exchanges.js';

/** `piecesAtMost` stands in for `text.split(/\s+/).length <= max` in the hand-off test. */
describe('piecesAtMost', () => {
  const cases = [
    '',
    ' ',
    'Operator, next question, please.',
    ' Operator,  next\tquestion, please. ',
    'a\r\nb\n\nc',
    // Every blank `\s` knows, one between each pair of letters: 18 pieces.
    'a\u00a0b\u1680c\u2000d\u200ae\u2028f\u2029g\u202fh\u205fi\u3000j\ufeffk\u000bl\u000cm\rn\to\np q',
    // Not blanks for `\s`: zero-width space, U+180E, BOM-less text with a Han comma.
    'a\u200bb\u180ec，d',
    'one two three four five six seven eight nine ten eleven twelve',
    'one two three four five six seven eight nine ten eleven twelve thirteen',
    '  one two three four five six seven eight nine ten eleven',
    '  one two three four five six seven eight nine ten eleven ',
  ];
  it.each(cases)('%j agrees with split', (text) => {
    for (const max of [0, 1, 2, 3, 4, 11, 12, 13, 18, 19]) expect(piecesAtMost(text, max)).toBe(text.split(/\s+/).length <= max);
  });
  it('counts pieces, not words', () => {
    expect(piecesAtMost(' a b ', 4)).toBe(true);
    expect(piecesAtMost(' a b ', 3)).toBe(false);
    expect(piecesAtMost('one two three four five six seven eight nine ten eleven twelve thirteen', 12)).toBe(false);
    expect(piecesAtMost('a\u3000b\u00a0c', 3)).toBe(true);
    expect(piecesAtMost('a\u3000b\u00a0c', 2)).toBe(false);
  });
});
