import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/**
 * The same table-driven cases as test/quantity.test.ts, through the command line: every case is
 * one input line of `ecall quantities --lines -`, and each line's quantities must be exactly
 * the expected ones (text, value, unit, approximate flag, kind). What the library reads, the
 * command prints.
 */
interface Case {
  input: string;
  expected: Array<{ text: string; value: number | [number, number]; unit: string; approx: boolean; kind: string }>;
}
interface Printed {
  text: string;
  value: number | [number, number];
  unit: string;
  approx: boolean;
  kind: string;
  span: { startLine: number };
}

const load = (name: string): Case[] => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as Case[];

describe.each(['quantity-zh.json', 'quantity-en.json'])('ecall quantities --lines on %s', (file) => {
  const cases = load(file).filter((c) => !c.input.includes('\n'));
  it(`prints exactly the expected quantities for each of the cases`, () => {
    const r = runCli(['quantities', '--lines', '-', '--format', 'json', '--quiet'], { input: `${cases.map((c) => c.input).join('\n')}\n` });
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout).quantities as Printed[];
    expect(cases.length).toBeGreaterThan(40);
    cases.forEach((c, k) => {
      const got = printed.filter((q) => q.span.startLine === k + 1).map((q) => ({ text: q.text, value: q.value, unit: q.unit, approx: q.approx, kind: q.kind }));
      const want = c.expected.map((e) => ({ text: e.text, value: e.value, unit: e.unit, approx: e.approx, kind: e.kind }));
      expect(got, c.input).toEqual(want);
    });
  });
});
