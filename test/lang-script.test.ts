import { describe, expect, it } from 'vitest';
import { countScripts } from '../src/lang/script.js';

/**
 * countScripts reads ASCII four units at a time when all four are ASCII, else one at a time:
 * runs that end 0-3 units short of a block, non-ASCII inside a block, and surrogates at the
 * edges of a range.
 */
describe('countScripts', () => {
  const count = (text: string, spans?: Array<[number, number]>) => countScripts(text, spans?.map(([start, end]) => ({ start, end })));
  it.each([
    ['', 0, 0],
    ['abc', 0, 3],
    ['abcd', 0, 4],
    ['abcde', 0, 5],
    ['a1b2-c3d4_e', 0, 5],
    ['ab收入cd', 2, 4],
    // Latin-1 and Latin Extended letters count; × and ÷ do not.
    ['Ünïcödé straße ×÷', 0, 13],
    // A surrogate pair inside an ASCII run: one Han character (U+20000).
    ['abc\ud840\udc00d', 1, 4],
    ['abc\ud840', 0, 3],
    // A lone high surrogate takes the unit after it, whatever it is: `a` is not counted.
    ['\ud840abc', 0, 2],
    // Full-width letters are not Latin letters here (the normaliser makes them ASCII first).
    ['ＡＢＣ abc', 0, 3],
  ])('%j: %i Han, %i Latin', (text, han, latin) => {
    expect(count(text)).toEqual({ han, latin });
  });
  it('reads ranges on their own', () => {
    // The high surrogate at the end of [0, 2) has no unit after it inside the range.
    expect(count('x\ud840\udc00', [[0, 2]])).toEqual({ han: 0, latin: 1 });
    // [1, 9) starts on a low surrogate and ends inside `abcdefg`.
    expect(count('\ud840\udc00\ud840\udc00abcdefg中', [[1, 9]])).toEqual({ han: 1, latin: 5 });
    expect(count('RMB 1.16 billion，同比增长', [[0, 8], [8, 19]])).toEqual({ han: 2, latin: 10 });
  });
});
