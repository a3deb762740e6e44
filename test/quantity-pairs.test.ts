import { describe, expect, it } from 'vitest';
import { valueAgreement } from '../src/align/numbers.js';
import type { Turn } from '../src/model.js';
import { extractQuantities, type QuantityFound } from '../src/quantity/index.js';
import { corpusFile, corpusSkipReason, hasCorpus, parseFile } from './helpers.js';

/**
 * Issue 3's promise on a real call: every Chinese figure of the CEO's prepared remarks has an
 * English counterpart of equal value (to the rounding the speaker used) in the interpreter's
 * following turn. A "figure" is an amount, a percentage, a change in points, a multiple, a
 * fraction, or a count of at least 20 (or of at least 10 when approximate: `十余家`). Small bare
 * counts are speech, not figures, and are left out on purpose: `连续四个季度` is rendered as the
 * ordinal "fourth consecutive quarter", `一项专项工作` as "an ongoing initiative", `不到一年` as
 * "in less than a year", and `新签十一，十余家` is a self-correction.
 */
function isFigure(q: QuantityFound): boolean {
  if (['money', 'percent', 'pp', 'multiple', 'fraction'].includes(q.kind)) return true;
  if (q.kind !== 'number') return false;
  const v = Array.isArray(q.value) ? q.value[1] : q.value;
  return Math.abs(v) >= 20 || (q.approx && Math.abs(v) >= 10);
}

function sameUnit(a: string, b: string): boolean {
  const bare = (u: string) => u === '' || u === 'count';
  return a === b || (bare(a) && bare(b));
}

function scalar(v: number | [number, number]): number {
  return Array.isArray(v) ? v[1] : v;
}

describe.skipIf(!hasCorpus)(`Chinese figures of the prepared remarks and their interpretation ${corpusSkipReason}`, () => {
  it('pairs every figure of the CEO with an equal figure of Speaker 7', () => {
    const { source, transcript: t } = parseFile(corpusFile('kingsoft-cloud-q2-2023.txt'));
    const all = extractQuantities(source.text).quantities;
    const inTurn = (turn: Turn) => all.filter((q) => turn.paragraphs.some((p) => p.start <= q.span.start && q.span.end <= p.end));
    const pairs: string[] = [];
    const unmatched: string[] = [];
    for (const ceo of t.turns.filter((x) => x.section === 'prepared' && x.speaker === 'Tao Zou')) {
      const interpretation = t.turns.find((x) => x.interprets === ceo.n);
      expect(interpretation, `turn ${ceo.n} has an interpretation`).toBeDefined();
      const english = inTurn(interpretation as Turn);
      for (const zh of inTurn(ceo).filter(isFigure)) {
        const en = english.find((e) => sameUnit(zh.unit, e.unit) && valueAgreement(scalar(zh.value), scalar(e.value)) > 0);
        const z = zh.text.replace(/ /g, '');
        if (en) pairs.push(`${ceo.n}→${(interpretation as Turn).n}: ${z} = ${en.text}`);
        else unmatched.push(`${ceo.n}: ${z}`);
      }
    }
    console.log(`figure pairs of the prepared remarks (${pairs.length}):\n  ${pairs.join('\n  ')}`);
    expect(unmatched).toEqual([]);
    expect(pairs).toEqual([
      '3→4: 人民币十八点四亿元 = RMB 1.84 billion',
      '3→4: 百分之十一点三 = 11.3%',
      '3→4: 人民币二点零七亿元 = RMB 207 million',
      '3→4: 三倍多 = more than three times',
      '3→4: 负的百分之三点三 = negative 3.3%',
      '3→4: 五点三个百分点 = 5.3 percentage points',
      '3→4: 二点六个百分点 = 2.6 percentage points',
      '5→6: RMB1.16billion = RMB 1.16 billion',
      '5→6: 5.2% = 5.2%',
      '5→6: 负2.4% = -2.4%',
      '5→6: 超15% = approximately 15%',
      '5→6: 约16% = around 16%',
      '5→6: 20余家 = more than 20',
      '7→8: 六点七五亿元 = RMB 675 million',
      '7→8: 百分之二十一点七 = 21.7%',
      '7→8: 百分之十五点三 = 15.3%',
      '7→8: 五十余家 = more than 50',
      '7→8: 十余 = more than a dozen',
      '7→8: 一千三百余家 = over 1,300',
      '7→8: 约二十四亿元人民币 = RMB 2.4 billion',
      '9→10: 十余家 = a dozen',
      '11→12: 约四百人 = approximately 400',
      '11→12: 三分之一 = more than one-third',
      '11→12: 百分之五十 = 50%',
    ]);
  });
});
