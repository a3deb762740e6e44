import { describe, expect, it } from 'vitest';
import { findNumeralAtoms } from '../src/quantity/atoms.js';

/**
 * findNumeralAtoms skips characters that cannot start a number four at a time: a number at
 * every offset from a block's start, and at the very end of the text, must still be found.
 */
describe('findNumeralAtoms skips to every possible start', () => {
  const read = (s: string) => findNumeralAtoms(s, () => false).map((a) => [a.start, a.end, a.value]);
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])('a number after %i letters', (k) => {
    const lead = 'abcdefghij'.slice(0, k);
    expect(read(`${lead}5`)).toEqual(k === 0 ? [[0, 1, 5]] : []);
    // Digits glued to letters belong to a name (`A2021`): a space before them is needed.
    expect(read(`${lead} 7 and ${lead} 12`)).toEqual([
      [k + 1, k + 2, 7],
      [2 * k + 8, 2 * k + 10, 12],
    ]);
    expect(read(`${lead}收入五亿`)).toEqual([[k + 2, k + 4, 5e8]]);
    expect(read(`${lead} .5`)).toEqual([[k + 1, k + 3, 0.5]]);
  });
  it('numbers at the last three offsets', () => {
    expect(read('revenue up 9')).toEqual([[11, 12, 9]]);
    expect(read('revenue up 98')).toEqual([[11, 13, 98]]);
    expect(read('revenue, 三')).toEqual([[9, 10, 3]]);
  });
});
