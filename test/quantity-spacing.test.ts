import { describe, expect, it } from 'vitest';
import { compact } from '../src/quantity/spacing.js';

/**
 * compact's regex stops only at a run of spaces that ends before a Han character, a digit or
 * `%` (what every rule of `removable` wants after the run): runs on both sides of that line.
 */
describe('compact: which runs of spaces go', () => {
  it.each([
    ['收 入 5 亿 元', '收入5亿元', []],
    // `%` before Han loses its space; before a Latin word it keeps it.
    ['19.8% 同比 and 19.8% year', '19.8%同比 and 19.8% year', []],
    // A recogniser's split decimal, in Chinese: joined, and said so.
    ['增长 5. 83 % 左 右', '增长5.83%左右', [{ start: 3, end: 8 }]],
    ['收入 21 1 亿', '收入211亿', [{ start: 3, end: 7 }]],
    // English: a number before a word or `%` outside Chinese keeps its space.
    ['RMB 470 million, up 5 %', 'RMB 470 million, up 5 %', []],
    ['was 5.  二', 'was 5.  二', []],
    // A stop after a Latin word keeps its space; the Han after it lose theirs.
    ['the end. 下 一 个', 'the end. 下一个', []],
    ['5.83 % 左 右', '5.83%左右', []],
    // A run mixing an ideographic space between two digits is not a recogniser's split.
    ['10 \u3000 20', '10 \u3000 20', []],
  ])('%j', (text, expected, joins) => {
    const c = compact(text);
    expect(c.text).toBe(expected);
    expect(c.joins).toEqual(joins);
  });
});
