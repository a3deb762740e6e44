/**
 * The metrics stage on real texts in /work/shared/corpus (never copied into the project):
 * the Kingsoft Cloud Q2 2023 call, the Zillow Q3 2022 call and a Wind morning briefing.
 */
import { describe, expect, it } from 'vitest';
import { extractMetrics } from '../src/metrics/index.js';
import type { MetricsResult } from '../src/metrics/types.js';
import { corpusFile, corpusSkipReason, hasCorpus, parseFile } from './helpers.js';

function run(name: string): MetricsResult {
  const { source, transcript } = parseFile(corpusFile(name));
  return extractMetrics(source, transcript);
}

type Row = [metric: string, segment: string | null, basis: string | null, period: string | null, value: number | null];
const rows = (r: MetricsResult): Row[] => r.facts.map((f) => [f.metric, f.segment, f.basis, f.period, f.value]);
const statuses = (r: MetricsResult, kind: string) => r.checks.filter((c) => c.kind === kind).map((c) => c.status);

describe.skipIf(!hasCorpus)('metrics: Kingsoft Cloud Q2 2023', () => {
  const r = hasCorpus ? run('kingsoft-cloud-q2-2023.txt') : ({ facts: [], checks: [], diagnostics: [] } as MetricsResult);

  it('has every figure of the CEO highlights and the CFO review, with period and sign', () => {
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2023-Q2', 1835400000],
      ['gross_margin', null, 'adjusted', '2023-Q2', 11.3],
      ['gross_profit', null, 'adjusted', '2023-Q2', 206800000],
      ['ebitda_margin', null, 'normalized adjusted', '2023-Q2', -3.3],
      ['revenue', 'public cloud', null, '2023-Q2', 1159500000],
      ['gross_margin', 'public cloud', null, '2023-Q2', 5.2],
      ['gross_margin', 'public cloud', null, '2022-Q2', -2.4],
      ['revenue', 'enterprise cloud', null, '2023-Q2', 675200000],
      ['gross_margin', 'enterprise cloud', null, '2023-Q2', 21.7],
      ['gross_margin', 'enterprise cloud', null, '2022-Q2', 15.3],
      ['ebitda', null, 'normalized adjusted', '2022-Q2', -163700000],
      ['ebitda', null, 'normalized adjusted', '2023-Q2', -59900000],
      ['ebitda_margin', null, 'normalized adjusted', '2022-Q2', -8.6],
      ['ebitda_margin', null, 'normalized adjusted', '2023-Q1', -5.9],
      ['revenue', 'public cloud', null, '2022-Q2', 1289100000],
      ['revenue', 'enterprise cloud', null, '2022-Q2', 616600000],
      ['cost_of_revenue', null, null, '2023-Q2', 1628800000],
      ['idc_costs', null, null, '2022-Q2', 1029100000],
      ['idc_costs', null, null, '2023-Q2', 860700000],
      ['depreciation_amortization_costs', null, null, '2022-Q2', 249100000],
      ['depreciation_amortization_costs', null, null, '2023-Q2', 202100000],
      ['solution_development_costs', null, null, '2022-Q2', 489100000],
      ['solution_development_costs', null, null, '2023-Q2', 452900000],
      ['fulfillment_costs', null, null, '2023-Q2', 71700000],
      ['other_costs', null, null, '2023-Q2', 41300000],
      ['gross_margin', null, 'adjusted', '2022-Q2', 6.6],
      ['gross_profit', 'public cloud', null, '2023-Q2', 59700000],
      ['gross_profit', 'public cloud', null, '2022-Q2', -30700000],
      ['gross_profit', 'enterprise cloud', null, '2023-Q2', 146700000],
      ['gross_profit', 'enterprise cloud', null, '2022-Q2', 94600000],
      ['operating_expenses', null, 'adjusted', '2023-Q2', 538100000],
      ['operating_expenses', null, 'adjusted', '2023-Q1', 595800000],
      ['rd_expenses', null, 'adjusted', '2023-Q2', 182300000],
      ['sm_expenses', null, 'adjusted', '2023-Q2', 128300000],
      ['sm_expenses', null, 'adjusted', '2023-Q1', 104200000],
      ['ga_expenses', null, 'adjusted', '2023-Q1', 289100000],
      ['ga_expenses', null, 'adjusted', '2023-Q2', 227500000],
      ['cash', null, null, '2023-Q2', 4300000000],
      ['capex', null, null, '2023-Q2', 89000000],
      ['operating_cash_flow', null, null, '2023-Q2', 65200000],
    ]);
    for (const f of r.facts) expect(f.entity).toBe('Kingsoft Cloud');
  });

  it('keeps out the hospital savings, contract sizes, headcounts, customers and the largest customer share', () => {
    const values = r.facts.map((f) => f.value);
    for (const v of [2400000000, 8000000, 10000000, 30000000, 40000000, 400, 16, 15, 20, 50]) expect(values).not.toContain(v);
  });

  it('merges the CEO, the interpreter and the CFO: revenue has three mentions, the most precise value', () => {
    const rev = r.facts[0];
    expect(rev?.mentions.map((m) => [m.turn, m.text])).toEqual([
      [3, '人民币十八点四亿元'],
      [4, 'RMB 1.84 billion'],
      [15, 'RMB 1,835.4 million'],
    ]);
    expect(r.facts[2]?.mentions.map((m) => m.turn)).toEqual([3, 4, 15, 15]);
  });

  it('has the stated changes with basis and unit', () => {
    const stated = (i: number) => r.facts[i]?.deltas.filter((d) => d.source === 'stated').map((d) => [d.basis, d.change, d.unit]);
    expect(stated(2)).toEqual([
      ['yoy', 3, 'x'],
      ['yoy', 202, '%'],
    ]);
    expect(stated(3)).toEqual([
      ['yoy', 5.3, 'pp'],
      ['qoq', 2.6, 'pp'],
    ]);
    expect(stated(4)).toEqual([['yoy', -10.1, '%']]);
    expect(stated(7)).toEqual([['yoy', 9.5, '%']]);
    expect(stated(16)).toEqual([['yoy', -11.5, '%']]);
    expect(stated(32)).toEqual([['qoq', -10, '%']]);
  });

  it('ties out: margins and line sums pass, stated changes agree with computed ones, segments leave a small remainder', () => {
    expect(statuses(r, 'margin')).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(statuses(r, 'cost-sum')).toEqual(['pass']);
    expect(statuses(r, 'expense-sum')).toEqual(['pass']);
    expect(statuses(r, 'delta')).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    // Revenue: 1,159.5 + 675.2 = 1,834.7 of 1,835.4 (Kingsoft has other revenue); gross profit 206.4 of 206.8.
    expect(statuses(r, 'segment-sum')).toEqual(['warn', 'warn']);
  });

  it('agrees with the interpretation figure by figure and flags the public-cloud margin of the Q&A', () => {
    const cl = r.checks.filter((c) => c.kind === 'cross-language');
    // Turn 3: four figures and three changes; turns 5 and 7: three figures each; turn 19: 五点二.
    expect(cl.filter((c) => c.status === 'pass')).toHaveLength(14);
    expect(cl.filter((c) => c.status !== 'pass').map((c) => [c.status, c.facts])).toEqual([['fail', [6]]]);
    expect(cl.find((c) => c.status === 'fail')?.message).toContain('负二点四');
    expect(cl.find((c) => c.status === 'fail')?.message).toContain('from negative to 2.4% in the second quarter of 2022');
    const gm = r.facts[6];
    expect(gm?.value).toBe(-2.4);
    expect(gm?.flags).toEqual(['interpretation-mismatch']);
    expect(gm?.mentions.filter((m) => m.interpretation).map((m) => [m.turn, m.value])).toEqual([
      [6, -2.4],
      [20, 2.4],
    ]);
  });
});

describe.skipIf(!hasCorpus)('metrics: Zillow Q3 2022 (English, Refinitiv)', () => {
  const r = hasCorpus ? run('zillow-q3-2022.txt') : ({ facts: [], checks: [], diagnostics: [] } as MetricsResult);

  it('yields the headline segment figures, and nothing from guidance or the TAM', () => {
    expect(rows(r)).toEqual([
      ['ebitda', 'IMT', null, '2022-Q3', 164000000],
      ['ebitda_margin', 'IMT', null, '2022-Q3', 36],
      ['revenue', 'IMT', null, '2022-Q3', 457000000],
      ['revenue', 'Premier Agent', null, '2022-Q3', null],
      // "Rentals revenue was up 10% year-over-year", a paragraph after Premier Agent's line.
      ['revenue', 'Rentals', null, '2022-Q3', null],
      ['revenue', 'Mortgages', null, '2022-Q3', 26000000],
      ['ebitda', 'Mortgages', null, '2022-Q3', -27000000],
      ['cash', null, null, '2022-Q3', 3500000000],
    ]);
    expect(r.facts[2]?.deltas).toEqual([{ basis: 'yoy', change: -5, unit: '%', source: 'stated', againstPeriod: '2021-Q3' }]);
    expect(r.facts[3]?.deltas).toEqual([{ basis: 'yoy', change: -13, unit: '%', source: 'stated', againstPeriod: '2021-Q3' }]);
    expect(r.facts[4]?.deltas).toEqual([{ basis: 'yoy', change: 10, unit: '%', source: 'stated', againstPeriod: '2021-Q3' }]);
    expect(statuses(r, 'margin')).toEqual(['pass']);
  });
});

describe.skipIf(!hasCorpus)('metrics: Wind briefing 2024-08-15 (many companies)', () => {
  const r = hasCorpus ? run('wind-news-2024-08-15.md') : ({ facts: [], checks: [], diagnostics: [] } as MetricsResult);

  it('names the company of each figure and takes the period from the text', () => {
    expect(r.facts.map((f) => [f.entity, f.metric, f.segment, f.basis, f.period, f.value, f.unit])).toEqual([
      ['腾讯控股', 'revenue', null, null, '2024-Q2', 161120000000, 'CNY'],
      ['腾讯控股', 'net_income', null, null, '2024-Q2', 47630000000, 'CNY'],
      ['腾讯控股', 'revenue', '国际市场游戏', null, '2024-Q2', 13900000000, 'CNY'],
      ['腾讯控股', 'revenue', '本土游戏', null, '2024-Q2', 34600000000, 'CNY'],
      ['腾讯控股', 'revenue', '网络广告', null, '2024-Q2', 29900000000, 'CNY'],
      ['腾讯控股', 'revenue', '金融科技及企业服务', null, '2024-Q2', 50400000000, 'CNY'],
      ['鸿海', 'revenue', null, null, '2024-Q2', 1550000000000, 'TWD'],
      ['鸿海', 'net_income', null, null, '2024-Q2', 35000000000, 'TWD'],
      ['鸿海', 'revenue', null, null, '2024-H1', 2870000000000, 'TWD'],
      ['鸿海', 'net_income', null, null, '2024-H1', 57050000000, 'TWD'],
      ['瑞银', 'net_income', null, null, '2024-Q2', 1140000000, 'USD'],
      ['瑞银', 'revenue', null, null, '2024-Q2', 11900000000, 'USD'],
      ['瑞银', 'eps', null, null, '2024-Q2', 0.34, 'USD'],
      ['思科', 'eps', null, 'adjusted', '2024-Q4', 0.87, 'USD'],
      ['思科', 'revenue', null, null, '2024-Q4', 13640000000, 'USD'],
      ['思科', 'net_income', null, null, '2024-Q4', 2160000000, 'USD'],
    ]);
    expect(r.facts[0]?.deltas).toEqual([{ basis: 'yoy', change: 8, unit: '%', source: 'stated', againstPeriod: '2023-Q2' }]);
    expect(r.facts[7]?.deltas).toEqual([{ basis: 'yoy', change: 6.1, unit: '%', source: 'stated', againstPeriod: '2023-Q2' }]);
  });
});

describe.skipIf(hasCorpus)('metrics: corpus', () => {
  it(corpusSkipReason || 'skipped', () => {
    expect(hasCorpus).toBe(false);
  });
});
