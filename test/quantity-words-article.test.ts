import { describe, expect, it } from 'vitest';
import { findWordAtoms } from '../src/quantity/en-words.js';

/**
 * findWordAtoms' regex takes `a` and `an` only before a number word: the next run of ASCII
 * letters, whatever comes between, in either case. Values below are what the check in code
 * alone gave (before the regex did it).
 */
describe('a and an start a spelled-out number only before a number word', () => {
  const read = (s: string) => findWordAtoms(s, () => false).map((a) => [a.start, a.end, a.value]);
  it.each([
    ['a dozen eggs', [[0, 7, 12]]],
    ['A Third of it', [[0, 7, 0.333333333333333]]],
    ['an eleventh', [[0, 11, 0.0909090909090909]]],
    ['a half', [[0, 6, 0.5]]],
    ['a hundredths', [[0, 12, 0.01]]],
    // Anything but a letter may come between: a hyphen here.
    ['a-third', [[0, 7, 0.333333333333333]]],
    // A digit or `_` glued before the article.
    ['5a dozen', [[1, 8, 12]]],
    ['_an eighth', [[1, 10, 0.125]]],
    ['a one', [[2, 5, 1]]],
    ['an apple', []],
    ['a dozenth', []],
    ['a thirdly', []],
    ['a人third', []],
    ['a, dozen', []],
    ['a', []],
    ['ab third', []],
    ['a 3 dozen', []],
  ])('%j', (s, want) => {
    expect(read(s)).toEqual(want);
  });
});
