/**
 * The metrics stage on the team's own fixtures (fixtures/metrics): a bilingual call with an
 * interpreter (Baiyu Data, invented) and an English call (Tidewater Analytics, invented).
 * Expected values are written here by hand from the fixture text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { extractMetrics } from '../src/metrics/index.js';
import type { Check, Fact, MetricsResult } from '../src/metrics/types.js';
import { makeSource } from '../src/source.js';
import { parseTranscript } from '../src/parse/index.js';
import { ROOT } from './helpers.js';
import { readFileSync } from 'node:fs';

function run(name: string): MetricsResult {
  const path = join(ROOT, 'fixtures/metrics', name);
  const a = analyze(readFileSync(path), { path });
  return extractMetrics(a.source, a.transcript);
}

type Row = [metric: string, segment: string | null, basis: string | null, period: string | null, value: number | null];

function rows(r: MetricsResult): Row[] {
  return r.facts.map((f) => [f.metric, f.segment, f.basis, f.period, f.value]);
}

function fact(r: MetricsResult, metric: string, segment: string | null, basis: string | null, period: string): Fact {
  const f = r.facts.find((x) => x.metric === metric && x.segment === segment && x.basis === basis && x.period === period);
  if (!f) throw new Error(`no fact ${metric} ${segment} ${basis} ${period}`);
  return f;
}

function checks(r: MetricsResult, kind: Check['kind']): Array<[Check['status'], string[]]> {
  return r.checks
    .filter((c) => c.kind === kind)
    .map((c) => [c.status, c.facts.map((i) => `${r.facts[i]?.metric}/${r.facts[i]?.segment ?? '-'}/${r.facts[i]?.period}`)]);
}

describe('metrics: Baiyu Data Q2 2024 (bilingual, interpreted)', () => {
  const r = run('baiyu-q2-2024.txt');

  it('finds every figure of the remarks as one fact each, with period, sign, segment and basis', () => {
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2024-Q2', 2148600000],
      ['gross_margin', null, 'adjusted', '2024-Q2', 15.6],
      ['net_income', null, 'adjusted', '2024-Q2', 120400000],
      ['revenue', 'intelligent computing', null, '2024-Q2', 1236400000],
      ['gross_margin', 'intelligent computing', null, '2024-Q2', 18.1],
      ['gross_margin', 'intelligent computing', null, '2023-Q2', 14.9],
      ['revenue', 'data services', null, '2024-Q2', 912200000],
      ['gross_margin', 'data services', null, '2024-Q2', 11.7],
      ['gross_margin', 'data services', null, '2023-Q2', -2.3],
      ['revenue', null, null, '2023-Q2', 1985700000],
      ['revenue', 'intelligent computing', null, '2023-Q2', 1072300000],
      ['revenue', 'data services', null, '2023-Q2', 913400000],
      ['cost_of_revenue', null, null, '2024-Q2', 1813400000],
      ['bandwidth_costs', null, null, '2024-Q2', 702500000],
      ['idc_costs', null, null, '2023-Q2', 520100000],
      ['idc_costs', null, null, '2024-Q2', 488300000],
      ['depreciation_amortization_costs', null, null, '2024-Q2', 391000000],
      ['solution_development_costs', null, null, '2024-Q2', 231600000],
      ['gross_profit', null, 'adjusted', '2024-Q2', 335200000],
      ['gross_profit', null, 'adjusted', '2023-Q2', 262100000],
      ['gross_margin', null, 'adjusted', '2023-Q2', 13.2],
      ['gross_margin', null, 'adjusted', '2024-Q1', 14.8],
      ['gross_profit', 'intelligent computing', null, '2024-Q2', 223800000],
      ['gross_profit', 'data services', null, '2024-Q2', 106700000],
      ['gross_profit', 'data services', null, '2023-Q2', -21000000],
      ['operating_expenses', null, null, '2024-Q2', 268900000],
      ['operating_expenses', null, null, '2024-Q1', 280700000],
      ['rd_expenses', null, null, '2024-Q2', 142300000],
      ['sm_expenses', null, null, '2024-Q2', 61500000],
      ['ga_expenses', null, null, '2024-Q2', 65100000],
      ['sm_expenses', null, null, '2024-Q1', 66000000],
      ['ebitda', null, 'normalized adjusted', '2024-Q2', -35200000],
      ['ebitda', null, 'normalized adjusted', '2023-Q2', -98600000],
      ['ebitda_margin', null, 'normalized adjusted', '2024-Q2', -1.6],
      ['net_income', null, 'adjusted', '2023-Q2', 55800000],
      ['cash', null, null, '2024-Q2', 3600000000],
      ['capex', null, null, '2024-Q2', 152000000],
      ['operating_cash_flow', null, null, '2024-Q2', 88400000],
    ]);
    for (const f of r.facts) expect(f.entity).toBe('Baiyu Data');
  });

  it('leaves out what is no result: contract size, customers, headcount, a customer share, guidance, analysts', () => {
    const values = r.facts.map((f) => f.value);
    for (const v of [80000000, 30, 9, 1200, 2200000000, 2300000000, 270000000, 20, 15]) expect(values).not.toContain(v);
  });

  it('merges the Chinese, the interpretation and the CFO into one fact with the most precise value', () => {
    const rev = fact(r, 'revenue', null, null, '2024-Q2');
    expect(rev.mentions.map((m) => [m.turn, m.lang, m.text, m.value])).toEqual([
      [3, 'zh', '人民币二十一点五亿元', 2150000000],
      [4, 'en', 'RMB 2.15 billion', 2150000000],
      [9, 'en', 'RMB 2,148.6 million', 2148600000],
    ]);
    expect(rev.precision).toBe(50000);
    // The mention's span points at the figure in the source.
    const text = readFileSync(join(ROOT, 'fixtures/metrics/baiyu-q2-2024.txt'), 'utf8');
    const m = rev.mentions[2];
    expect(m && m.quantitySpan && text.slice(m.quantitySpan.start, m.quantitySpan.end)).toBe('RMB 2,148.6 million');
    const zhm = rev.mentions[0];
    expect(zhm && zhm.quantitySpan && text.slice(zhm.quantitySpan.start, zhm.quantitySpan.end)).toBe('人 民 币 二 十 一 点 五 亿 元');
    expect(fact(r, 'net_income', null, 'adjusted', '2024-Q2').mentions).toHaveLength(3);
    expect(fact(r, 'gross_margin', 'data services', null, '2023-Q2').mentions.map((m) => m.turn)).toEqual([7, 8, 9, 13, 14]);
  });

  it('keeps stated changes with basis and unit, and computes the others', () => {
    expect(fact(r, 'revenue', null, null, '2024-Q2').deltas).toEqual([
      { basis: 'yoy', change: 8.2, unit: '%', source: 'stated', against: 1985700000, againstPeriod: '2023-Q2' },
      { basis: 'yoy', change: 8.2, unit: '%', source: 'computed', against: 1985700000, againstPeriod: '2023-Q2' },
    ]);
    const gm = fact(r, 'gross_margin', null, 'adjusted', '2024-Q2').deltas.filter((d) => d.source === 'stated');
    expect(gm.map((d) => [d.basis, d.change, d.unit])).toEqual([
      ['yoy', 2.4, 'pp'],
      ['qoq', 0.8, 'pp'],
    ]);
    const ni = fact(r, 'net_income', null, 'adjusted', '2024-Q2').deltas;
    expect(ni[0]).toMatchObject({ basis: 'yoy', change: 2, unit: 'x', source: 'stated', approx: true });
    expect(fact(r, 'revenue', 'data services', null, '2024-Q2').deltas.map((d) => [d.source, d.change])).toEqual([
      ['stated', -0.1],
      ['computed', -0.13],
    ]);
    expect(fact(r, 'sm_expenses', null, null, '2024-Q2').deltas.map((d) => [d.basis, d.source, d.change])).toEqual([
      ['qoq', 'stated', -6.8],
      ['qoq', 'computed', -6.82],
    ]);
  });

  it('ties out margins, segments, cost and expense lines', () => {
    expect(checks(r, 'margin').map(([s]) => s)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(checks(r, 'segment-sum')).toEqual([
      ['pass', ['revenue/-/2024-Q2', 'revenue/intelligent computing/2024-Q2', 'revenue/data services/2024-Q2']],
      ['pass', ['revenue/-/2023-Q2', 'revenue/intelligent computing/2023-Q2', 'revenue/data services/2023-Q2']],
      // The segments' gross profit (said without a basis) falls RMB 4.7 million short of the adjusted total.
      ['warn', ['gross_profit/-/2024-Q2', 'gross_profit/intelligent computing/2024-Q2', 'gross_profit/data services/2024-Q2']],
    ]);
    expect(checks(r, 'cost-sum')).toEqual([
      ['pass', ['cost_of_revenue/-/2024-Q2', 'bandwidth_costs/-/2024-Q2', 'idc_costs/-/2024-Q2', 'depreciation_amortization_costs/-/2024-Q2', 'solution_development_costs/-/2024-Q2']],
    ]);
    expect(checks(r, 'expense-sum')).toEqual([
      ['pass', ['operating_expenses/-/2024-Q2', 'rd_expenses/-/2024-Q2', 'sm_expenses/-/2024-Q2', 'ga_expenses/-/2024-Q2']],
    ]);
  });

  it('fails the stated change the figures do not support (IDC costs: -5.0% said, -6.1% computed)', () => {
    const d = r.checks.filter((c) => c.kind === 'delta');
    expect(d.filter((c) => c.status === 'fail').map((c) => r.facts[c.facts[0] as number]?.metric)).toEqual(['idc_costs']);
    expect(d.filter((c) => c.status === 'pass')).toHaveLength(8);
  });

  it('checks the interpretation figure by figure and flags the mismatch; the original stands', () => {
    const cl = r.checks.filter((c) => c.kind === 'cross-language');
    expect(cl.filter((c) => c.status === 'pass')).toHaveLength(14);
    expect(cl.filter((c) => c.status === 'warn')).toHaveLength(0);
    const fail = cl.filter((c) => c.status === 'fail');
    expect(fail).toHaveLength(1);
    expect(fail[0]?.message).toContain('百分之十一点七');
    expect(fail[0]?.message).toContain('17.1%');
    const gm = fact(r, 'gross_margin', 'data services', null, '2024-Q2');
    expect(gm.value).toBe(11.7);
    expect(gm.flags).toEqual(['interpretation-mismatch']);
    expect(gm.mentions.find((m) => m.interpretation && m.value === 17.1)?.turn).toBe(8);
  });
});

describe('metrics: Tidewater Analytics Q4 2024 (English)', () => {
  const r = run('tidewater-q4-2024.txt');

  it('finds the headline figures with periods, bases and signs', () => {
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2024-Q4', 412500000],
      ['revenue', null, null, 'FY2024', 1520000000],
      ['gross_margin', null, null, '2024-Q4', 71.2],
      ['gross_margin', null, null, '2023-Q4', 69.8],
      ['operating_income', null, 'non-gaap', '2024-Q4', 61900000],
      ['operating_margin', null, 'non-gaap', '2024-Q4', 15],
      ['ebitda', null, 'adjusted', '2024-Q4', 88000000],
      ['ebitda_margin', null, 'adjusted', '2024-Q4', 21.3],
      ['net_income', null, null, '2024-Q4', -4200000],
      ['net_income', null, null, '2023-Q4', -9800000],
      ['eps', null, 'non-gaap', '2024-Q4', 0.38],
      ['free_cash_flow', null, null, '2024-Q4', 48300000],
      ['cash', null, null, '2024-Q4', 1100000000],
      ['gross_margin', null, null, '2024-Q3', 70.1],
    ]);
  });

  it('computes pp changes for ratios, year over year and quarter over quarter', () => {
    expect(fact(r, 'gross_margin', null, null, '2024-Q4').deltas).toEqual([
      { basis: 'yoy', change: 1.4, unit: 'pp', source: 'computed', against: 69.8, againstPeriod: '2023-Q4' },
      { basis: 'qoq', change: 1.1, unit: 'pp', source: 'computed', against: 70.1, againstPeriod: '2024-Q3' },
    ]);
    expect(fact(r, 'revenue', null, null, 'FY2024').deltas).toEqual([{ basis: 'yoy', change: 9, unit: '%', source: 'stated', againstPeriod: 'FY2023' }]);
  });

  it('ties margins out from "or 15.0% of revenue" and the EBITDA margin', () => {
    expect(checks(r, 'margin')).toEqual([
      ['pass', ['operating_margin/-/2024-Q4', 'operating_income/-/2024-Q4', 'revenue/-/2024-Q4']],
      ['pass', ['ebitda_margin/-/2024-Q4', 'ebitda/-/2024-Q4', 'revenue/-/2024-Q4']],
    ]);
  });
});

/** One CFO turn of a call of `entity` in `period`, read by the metrics stage alone. */
function cfoSays(body: string, opts: { entity?: string; period?: string; currency?: string } = {}): MetricsResult {
  const entity = opts.entity ?? 'Jade Harbor';
  const text = `Sign in\n\n${entity}\n\nTranscript\n\nLin Wei (CFO)\n\n${body}\n`;
  const source = makeSource('x', text);
  return extractMetrics(source, parseTranscript(source), { entity, period: opts.period ?? '2025-Q2', ...(opts.currency ? { currency: opts.currency } : {}) });
}

describe('metrics: the currency of a bare 元', () => {
  const zh = (body: string, opts: { currency?: string } = {}) => cfoSays(body, opts);
  const units = (r: MetricsResult) => r.facts.map((f) => [f.metric, f.value, f.unit]);
  const said = (r: MetricsResult) => r.diagnostics.filter((d) => d.rule === 'metrics-currency-assumed').map((d) => d.severity);

  it('reads 元 as CNY and says so when nothing in the call names the currency', () => {
    const r = zh('本季度营收是20亿元，营业利润是8亿元。');
    expect(units(r)).toEqual([
      ['revenue', 2000000000, 'CNY'],
      ['operating_income', 800000000, 'CNY'],
    ]);
    expect(said(r)).toEqual(['info']);
  });

  it('takes --currency for a bare 元 and for amounts with no currency, never for a named one', () => {
    expect(units(zh('本季度营收是20亿元，营业利润是8亿元。', { currency: 'TWD' }))).toEqual([
      ['revenue', 2000000000, 'TWD'],
      ['operating_income', 800000000, 'TWD'],
    ]);
    const named = zh('本季度营收是人民币20亿元，营业利润是8亿元。', { currency: 'TWD' });
    expect(units(named)).toEqual([
      ['revenue', 2000000000, 'CNY'],
      ['operating_income', 800000000, 'TWD'],
    ]);
    expect(said(named)).toEqual([]);
  });

  it('says nothing when a figure names the yuan or another currency', () => {
    expect(said(zh('本季度营收是人民币20亿元，营业利润是8亿元。'))).toEqual([]);
    expect(said(zh('本季度营收是20亿元，其中海外收入是3亿美元。'))).toEqual([]);
    expect(said(zh('Revenue was RMB 2 billion. 营业利润是8亿元。'))).toEqual([]);
  });
});

describe('metrics: Chinese comparisons and approximate amounts', () => {
  const zh = (body: string) => cfoSays(body);
  const deltas = (r: MetricsResult) => r.facts.map((f) => [f.metric, f.period, f.value, f.approx, f.deltas.map((d) => `${d.basis} ${d.change}${d.unit} ${d.source}`)]);

  it('takes the change after a figure of another period as measured against it (比去年同期的X增长Y%)', () => {
    expect(deltas(zh('营收是12.3亿元，较去年同期的10.8亿元增长了14%。'))).toEqual([
      ['revenue', '2025-Q2', 1230000000, false, ['yoy 14% stated', 'yoy 13.89% computed']],
      ['revenue', '2024-Q2', 1080000000, false, []],
    ]);
    expect(deltas(zh('营收是12.3亿元，比上季度的11.5亿元增长7%。'))[0]).toEqual(['revenue', '2025-Q2', 1230000000, false, ['qoq 7% stated', 'qoq 6.96% computed']]);
    expect(deltas(zh('毛利率为31.5%，比去年同期的29.2%提升了2.3个百分点。'))[0]).toEqual(['gross_margin', '2025-Q2', 31.5, false, ['yoy 2.3pp stated', 'yoy 2.3pp computed']]);
    // Without a comparison word the change may be the earlier quarter's own: no stated change.
    expect(deltas(zh('本季度营收为12.3亿元，上季度为11.5亿元增长了20%。'))[0]).toEqual(['revenue', '2025-Q2', 1230000000, false, ['qoq 6.96% computed']]);
    // Another metric's change after the comparison figure is not revenue's.
    expect(deltas(zh('营收是12.3亿元，去年同期是10.8亿元，净利润增长14%。'))[0]).toEqual(['revenue', '2025-Q2', 1230000000, false, ['yoy 13.89% computed']]);
  });

  it('reads an approximate amount said without 元 (营收大概是12.3亿)', () => {
    expect(deltas(zh('营收大概是12.3亿，比去年同期的10.8亿增加了大概百分之十四。'))).toEqual([
      ['revenue', '2025-Q2', 1230000000, true, ['yoy 14% stated', 'yoy 13.89% computed']],
      ['revenue', '2024-Q2', 1080000000, false, []],
    ]);
    expect(deltas(zh('营收约为12.3亿。'))).toEqual([['revenue', '2025-Q2', 1230000000, true, []]]);
    // A count noun after it: users, not yuan.
    expect(deltas(zh('营收主要来自大概3000万用户。'))).toEqual([]);
    expect(deltas(zh('营收主要来自3000万名用户。'))).toEqual([]);
    expect(deltas(zh('约3000万付费用户贡献了营收。'))).toEqual([]);
    expect(deltas(zh('营收来自3000万辆车。'))).toEqual([]);
    expect(deltas(cfoSays('Revenue was driven by about 30 million orders. Net income was $40 million.'))).toEqual([['net_income', '2025-Q2', 40000000, false, []]]);
  });
});

describe('metrics: a segment named by one capitalised word opening a sentence', () => {
  const en = (body: string) => cfoSays(body, { entity: 'Hollis Homes', period: '2022-Q3' });
  const segs = (r: MetricsResult) => r.facts.map((f) => [f.metric, f.segment, f.value, f.deltas.map((d) => `${d.basis} ${d.change}${d.unit}`)]);

  it('is a segment beside a sibling named as one in the same turn (Zillow: Premier Agent, then Rentals)', () => {
    const r = en('Premier Agent revenue decreased 13% year-over-year.\n\nLead volumes were volatile. Rentals revenue was up 10% year-over-year, to $239 million.');
    expect(segs(r)).toEqual([
      ['revenue', 'Premier Agent', null, ['yoy -13%']],
      ['revenue', 'Rentals', 239000000, ['yoy 10%']],
    ]);
  });

  it('is not one on its own, nor when it is a kind of revenue or opens the sentence', () => {
    expect(segs(en('Rentals revenue was up 10% year-over-year, to $239 million.'))).toEqual([]);
    // `So` opens the sentence; `In Q3` names no segment.
    expect(segs(en('Total Cloud revenue was $300 million. So revenue for the company was $500 million, up 10% year-over-year.'))).toEqual([
      ['revenue', 'Cloud', 300000000, []],
      ['revenue', null, 500000000, ['yoy 10%']],
    ]);
    expect(segs(en('In Q3 revenue was $500 million. So revenue grew 10% year-over-year.'))).toEqual([['revenue', null, 500000000, ['yoy 10%']]]);
    expect(segs(en('IMT segment revenue was $457 million. Gross revenue was $500 million.'))).toEqual([['revenue', 'IMT', 457000000, []]]);
  });
});

describe('metrics: small cases', () => {
  function one(zhOrEn: string): MetricsResult {
    const text = `Sign in\n\nAcme Cloud - Q2 2023\n\nAugust 22, 2023\n\nTranscript\n\nJohn Doe (CFO)\n\n${zhOrEn}\n`;
    const source = makeSource('x', text);
    return extractMetrics(source, parseTranscript(source), { entity: 'Acme Cloud', period: '2023-Q2' });
  }

  it('reads both periods of "narrowed from negative RMB 163.7 million ... to negative RMB 59.9 million"', () => {
    const r = one('Our normalized adjusted EBITDA narrowed from negative RMB 163.7 million in the same period of last year to negative RMB 59.9 million this quarter.');
    expect(rows(r)).toEqual([
      ['ebitda', null, 'normalized adjusted', '2022-Q2', -163700000],
      ['ebitda', null, 'normalized adjusted', '2023-Q2', -59900000],
    ]);
  });

  it('reads a gross loss and a net loss as negative', () => {
    const r = one('Gross profit was RMB 12.0 million, compared with a gross loss of RMB 30.7 million in the same period of last year. Net loss was RMB 8.1 million.');
    expect(rows(r)).toEqual([
      ['gross_profit', null, null, '2023-Q2', 12000000],
      ['gross_profit', null, null, '2022-Q2', -30700000],
      ['net_income', null, null, '2023-Q2', -8100000],
    ]);
  });

  it('reads Chinese: 同比减少16.74%, 负的百分之三点三, 较去年同期缩窄五点三个百分点, 上半年, 前三季度', () => {
    const r = one(
      '本 季 度 营 收 为 人 民 币 三 点 二 亿 元 , 同 比 减 少 16.74% 。 常 态 化 调 整 后 的 EBITDA 率 为 负 的 百 分 之 三 点 三 , 较 去 年 同 期 缩 窄 五 点 三 个 百 分 点 。 上 半 年 营 收 为 六 点 五 亿 元 。 前 三 季 度 净 亏 损 为 一 点 二 亿 元 。',
    );
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2023-Q2', 320000000],
      ['ebitda_margin', null, 'normalized adjusted', '2023-Q2', -3.3],
      ['revenue', null, null, '2023-H1', 650000000],
      ['net_income', null, null, '2023-9M', -120000000],
    ]);
    expect(r.facts[0]?.deltas).toEqual([{ basis: 'yoy', change: -16.74, unit: '%', source: 'stated', againstPeriod: '2022-Q2' }]);
    expect(r.facts[1]?.deltas).toEqual([{ basis: 'yoy', change: 5.3, unit: 'pp', source: 'stated', againstPeriod: '2022-Q2' }]);
  });

  it('takes customer revenue, revenue shares, savings and per-contract sizes for what they are', () => {
    const r = one(
      'Total revenues from Acme Group increased by approximately 15% year-over-year. The revenue share of our largest customer dropped to around 16%. The project brings estimated annual savings of RMB 2.4 billion in revenue terms. Our sweet spot is RMB 8 million to RMB 10 million of revenue per contract.',
    );
    expect(r.facts).toEqual([]);
  });

  function stated(f: Fact | undefined): Array<[string, number, string]> {
    return (f?.deltas ?? []).filter((d) => d.source === 'stated').map((d) => [d.basis, d.change, d.unit]);
  }

  it('takes the basis of a second change from its own comparison figure, not from the year-ago phrase before it', () => {
    const r = one(
      'Total revenues were RMB 1,264.8 million this quarter, an increase of 12.3% from RMB 1,126.0 million in the same period of last year, and up 2.4% from RMB 1,235.5 million last quarter.',
    );
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2023-Q2', 1264800000],
      ['revenue', null, null, '2022-Q2', 1126000000],
      ['revenue', null, null, '2023-Q1', 1235500000],
    ]);
    expect(stated(r.facts[0])).toEqual([['yoy', 12.3, '%'], ['qoq', 2.4, '%']]);
    expect(checks(r, 'delta').map((c) => c[0])).toEqual(['pass', 'pass']);
  });

  it('reads quarter-over-quarter changes however they are said', () => {
    const r = one(
      'Revenue was $100 million, down 3% from $103.1 million in the prior quarter and up 10% compared with $90.9 million a year ago. ' +
        'Gross profit was $40 million, up 8% year-over-year and up 5% sequentially. ' +
        'Operating income was $10 million, up 4% from the previous quarter. ' +
        'Net income was $6 million, an increase of 2% quarter-over-quarter.',
    );
    expect(stated(fact(r, 'revenue', null, null, '2023-Q2'))).toEqual([['qoq', -3, '%'], ['yoy', 10, '%']]);
    expect(fact(r, 'revenue', null, null, '2023-Q1').value).toBe(103100000);
    // "a year ago" after the figure is its period, not a rate ("RMB 8 million a contract").
    expect(fact(r, 'revenue', null, null, '2022-Q2').value).toBe(90900000);
    expect(stated(fact(r, 'gross_profit', null, null, '2023-Q2'))).toEqual([['yoy', 8, '%'], ['qoq', 5, '%']]);
    expect(stated(fact(r, 'operating_income', null, null, '2023-Q2'))).toEqual([['qoq', 4, '%']]);
    expect(stated(fact(r, 'net_income', null, null, '2023-Q2'))).toEqual([['qoq', 2, '%']]);
  });

  it('reads the direction a word after the change gives it: lower/higher than, below/above, down/up from', () => {
    const r = one(
      'Gross margin was 20.2%, 0.4 percentage points lower than the same quarter last year. ' +
        'Operating margin was 10.1%, 2.4 percentage points below the prior quarter. ' +
        'Net margin was 5.0%, 1.2 percentage points higher than a year ago. ' +
        'Revenue was RMB 100 million, 3% lower than the same quarter last year, and 2% above the previous quarter. ' +
        'Operating expenses were RMB 30 million, 4% down from last quarter, and a decrease of 6% year-over-year.',
    );
    expect(stated(fact(r, 'gross_margin', null, null, '2023-Q2'))).toEqual([['yoy', -0.4, 'pp']]);
    expect(stated(fact(r, 'operating_margin', null, null, '2023-Q2'))).toEqual([['qoq', -2.4, 'pp']]);
    expect(stated(fact(r, 'net_margin', null, null, '2023-Q2'))).toEqual([['yoy', 1.2, 'pp']]);
    expect(stated(fact(r, 'revenue', null, null, '2023-Q2'))).toEqual([['yoy', -3, '%'], ['qoq', 2, '%']]);
    expect(stated(fact(r, 'operating_expenses', null, null, '2023-Q2'))).toEqual([['qoq', -4, '%'], ['yoy', -6, '%']]);
  });

  it('leaves a figure after "above" a level when nothing it is measured against follows, and an absolute change no level', () => {
    const r = one('Gross margin was 45% above our long-term target. Net income was RMB 5 million, RMB 2 million higher than the same quarter last year.');
    expect(rows(r)).toEqual([
      ['gross_margin', null, null, '2023-Q2', 45],
      ['net_income', null, null, '2023-Q2', 5000000],
    ]);
  });

  it('reads a cash balance said before its term with "in", and no rate as a result', () => {
    const r = one('We ended the quarter with $3.4 billion in cash and investments. Each agent brings us $9,000 in revenue on mortgages.');
    expect(rows(r)).toEqual([['cash', null, null, '2023-Q2', 3400000000]]);
  });

  it('reads a loss after "versus" as the year-ago level, not as someone else\'s', () => {
    const r = one('Operating income was RMB 25.3 million, versus an operating loss of RMB 12.8 million in the same quarter last year. Gross profit was RMB 9.0 million vs. a gross loss of RMB 1.5 million in the same quarter last year.');
    expect(rows(r)).toEqual([
      ['operating_income', null, null, '2023-Q2', 25300000],
      ['operating_income', null, null, '2022-Q2', -12800000],
      ['gross_profit', null, null, '2023-Q2', 9000000],
      ['gross_profit', null, null, '2022-Q2', -1500000],
    ]);
  });

  it('gives EPS its net income\'s comparison and period, after a comma too, and reads "per basic and diluted ADS"', () => {
    const r = one(
      'Net income was RMB 18.2 million, or RMB 0.05 per diluted share, compared with RMB 10.1 million, or RMB 0.03 per diluted share, in the same quarter last year. ' +
        'Net income attributable to ordinary shareholders was RMB 300.0 million in the first half of 2023, or RMB 1.20 per basic and diluted ADS.',
    );
    expect(rows(r)).toEqual([
      ['net_income', null, null, '2023-Q2', 18200000],
      ['eps', null, null, '2023-Q2', 0.05],
      ['net_income', null, null, '2022-Q2', 10100000],
      ['eps', null, null, '2022-Q2', 0.03],
      ['net_income', null, null, '2023-H1', 300000000],
      ['eps', null, null, '2023-H1', 1.2],
    ]);
  });

  it('reads the per-share figure after net income as EPS, with its basis and sign, and a dividend per share as nothing', () => {
    const r = one(
      'Non-GAAP net income was RMB 120.5 million, or RMB 0.35 per diluted ADS. Net loss was USD 4.1 million in the same quarter last year, or USD 0.51 per share. The board declared a dividend of RMB 0.10 per share.',
    );
    expect(rows(r)).toEqual([
      ['net_income', null, 'non-gaap', '2023-Q2', 120500000],
      ['eps', null, 'non-gaap', '2023-Q2', 0.35],
      ['net_income', null, null, '2022-Q2', -4100000],
      ['eps', null, null, '2022-Q2', -0.51],
    ]);
  });

  it('names a Chinese segment only from a topic whose sentence reports an amount, without its preposition', () => {
    const r = one(
      '在人才方面，我们引进了一百名高级工程师。本季度收入为人民币五亿元。' +
        '\n\n在云服务方面，本季度收入为人民币三亿元。' +
        '\n\n智能制造方面呢。本季度收入为人民币二亿元。' +
        '\n\n在线教育方面，收入为人民币一亿元。',
    );
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2023-Q2', 500000000],
      ['revenue', '云服务', null, '2023-Q2', 300000000],
      ['revenue', '智能制造', null, '2023-Q2', 200000000],
      ['revenue', '在线教育', null, '2023-Q2', 100000000],
    ]);
  });

  it('gives every figure of a "respectively" list the basis and the period said after its last one', () => {
    const r = one(
      'Revenue and gross profit were RMB 800.0 million and RMB 200.0 million, up 10% and 12% year-over-year, respectively. ' +
        'Operating income and net income were RMB 90.0 million and RMB 60.0 million, respectively, compared with RMB 80.0 million and RMB 50.0 million in the previous quarter.',
    );
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2023-Q2', 800000000],
      ['gross_profit', null, null, '2023-Q2', 200000000],
      ['operating_income', null, null, '2023-Q2', 90000000],
      ['net_income', null, null, '2023-Q2', 60000000],
      ['operating_income', null, null, '2023-Q1', 80000000],
      ['net_income', null, null, '2023-Q1', 50000000],
    ]);
    expect(stated(fact(r, 'revenue', null, null, '2023-Q2'))).toEqual([['yoy', 10, '%']]);
    expect(stated(fact(r, 'gross_profit', null, null, '2023-Q2'))).toEqual([['yoy', 12, '%']]);
    expect(fact(r, 'operating_income', null, null, '2023-Q2').deltas.map((d) => [d.basis, d.change, d.source])).toEqual([['qoq', 12.5, 'computed']]);
  });

  it('takes a revenue retention rate for no revenue, and the change after it for none', () => {
    const r = one('Net revenue retention among our largest customers remained above the company average, and usage grew 27% year-over-year. 净收入留存率为百分之一百一十。Net revenue was RMB 100.0 million, up 5% year-over-year.');
    expect(rows(r)).toEqual([['revenue', null, null, '2023-Q2', 100000000]]);
    expect(stated(r.facts[0])).toEqual([['yoy', 5, '%']]);
  });

  it('reads a change said as a noun before its metric ("a 5.7% sequential growth in revenue"), not as the figure of the term before', () => {
    const r = one('Revenue was RMB 800.0 million. We achieved a 5.7% sequential growth in revenue, a 12% year-over-year decline of net income and a 2.1 percentage point improvement in gross margin.');
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2023-Q2', 800000000],
      ['net_income', null, null, '2023-Q2', null],
      ['gross_margin', null, null, '2023-Q2', null],
    ]);
    expect(stated(fact(r, 'revenue', null, null, '2023-Q2'))).toEqual([['qoq', 5.7, '%']]);
    expect(stated(fact(r, 'net_income', null, null, '2023-Q2'))).toEqual([['yoy', -12, '%']]);
    // No basis word: the one before it ("year-over-year") holds for the paragraph.
    expect(stated(fact(r, 'gross_margin', null, null, '2023-Q2'))).toEqual([['yoy', 2.1, 'pp']]);
  });

  it('pairs "respectively"', () => {
    const r = one('Fulfillment costs and other costs were RMB 71.7 million and RMB 41.3 million this quarter, respectively.');
    expect(rows(r)).toEqual([
      ['fulfillment_costs', null, null, '2023-Q2', 71700000],
      ['other_costs', null, null, '2023-Q2', 41300000],
    ]);
  });

  it('pairs "respectively" in a list that ends a long sentence, in a list of changes, and in Chinese', () => {
    const r = one(
      'Solution development and services costs were RMB 235.8 million, and fulfillment costs and other costs were RMB 33.0 million and RMB 22.0 million, respectively. ' +
        'R&D expenses and G&A expenses increased by 5% and 7%, respectively, to RMB 10.0 million and RMB 20.0 million. ' +
        '内容成本和带宽成本分别为人民币3.3亿元和2.2亿元。',
    );
    expect(rows(r)).toEqual([
      ['solution_development_costs', null, null, '2023-Q2', 235800000],
      ['fulfillment_costs', null, null, '2023-Q2', 33000000],
      ['other_costs', null, null, '2023-Q2', 22000000],
      ['rd_expenses', null, null, '2023-Q2', 10000000],
      ['ga_expenses', null, null, '2023-Q2', 20000000],
      ['content_costs', null, null, '2023-Q2', 330000000],
      ['bandwidth_costs', null, null, '2023-Q2', 220000000],
    ]);
    // The 7% is a change like the 5% (not a level of G&A), but no basis is said: neither is kept.
    expect(stated(fact(r, 'rd_expenses', null, null, '2023-Q2'))).toEqual([]);
    expect(stated(fact(r, 'ga_expenses', null, null, '2023-Q2'))).toEqual([]);
  });
});

describe('metrics: Qingluan Computing Q1 2025 (segment names the interpreter gives without a suffix, beside topics with no figures)', () => {
  const r = run('qingluan-q1-2025.txt');

  it('names 边缘计算 and 数据平台 in English from the figures the interpretation shares with them', () => {
    // `边缘计算方面…八亿元` ↔ "In terms of edge computing, revenues were RMB 800 million" (no
    // suffix), and `在人才方面` in the same turn has no English topic; `在海外方面` neither.
    expect([...new Set(r.facts.map((f) => f.segment))]).toEqual([null, 'edge computing', 'data platform']);
    const edge = fact(r, 'revenue', 'edge computing', null, '2025-Q1');
    expect(edge.value).toBe(800400000);
    expect(edge.mentions.map((m) => [m.turn, m.text])).toEqual([
      [5, '八亿元'],
      [6, 'RMB 800 million'],
      [9, 'RMB 800.4 million'],
    ]);
    expect(fact(r, 'revenue', 'data platform', null, '2025-Q1').mentions.map((m) => m.turn)).toEqual([7, 8, 9]);
  });

  it('ties the segments out once each, and finds every Chinese figure in the interpretation', () => {
    expect(checks(r, 'segment-sum')).toEqual([
      ['pass', ['revenue/-/2025-Q1', 'revenue/edge computing/2025-Q1', 'revenue/data platform/2025-Q1']],
      ['pass', ['revenue/-/2024-Q1', 'revenue/edge computing/2024-Q1', 'revenue/data platform/2024-Q1']],
    ]);
    const cl = r.checks.filter((c) => c.kind === 'cross-language');
    expect(cl.map((c) => c.status)).toEqual(Array(9).fill('pass'));
  });
});

describe('metrics: pairing Chinese and English segment names', () => {
  function call(...turns: Array<[speaker: string, text: string]>): MetricsResult {
    const body = turns.map(([s, t]) => `${s}\n\n${t}`).join('\n\n');
    const text = `Sign in\n\nAcme Cloud - Q2 2023\n\nAugust 22, 2023\n\nTranscript\n\n${body}\n`;
    const source = makeSource('x', text);
    return extractMetrics(source, parseTranscript(source), { entity: 'Acme Cloud', period: '2023-Q2' });
  }
  const CEO = 'Hao Shen (Chairman and CEO)';
  const spaced = (zh: string): string => [...zh].join(' ');

  it('goes by the figures when the interpreter takes the topics in another order', () => {
    const r = call(
      [CEO, spaced('数据平台方面，本季度实现收入四点六四亿元。边缘计算方面，本季度实现收入八亿元。')],
      ['Speaker 2', 'In terms of edge computing services, revenues were RMB 800 million. In terms of data platform services, revenues were RMB 464 million.'],
    );
    expect(rows(r)).toEqual([
      ['revenue', 'data platform', null, '2023-Q2', 464000000],
      ['revenue', 'edge computing', null, '2023-Q2', 800000000],
    ]);
    expect(r.checks.map((c) => c.status)).toEqual(['pass', 'pass']);
  });

  it('pairs a topic with the segment the interpreter names by a term ("Revenue from edge computing services was…")', () => {
    const r = call(
      [CEO, spaced('边缘计算方面，本季度实现收入八亿元，同比增长百分之六点一。在人才方面，我们引进了多名资深的技术专家。')],
      ['Speaker 2', 'Revenue from edge computing services was RMB 800 million, up 6.1% year-over-year. We also brought in several senior technical experts.'],
    );
    expect(rows(r)).toEqual([['revenue', 'edge computing', null, '2023-Q2', 800000000]]);
    expect(r.checks.map((c) => [c.kind, c.status])).toEqual([
      ['cross-language', 'pass'],
      ['cross-language', 'pass'],
    ]);
  });

  it('pairs in order a topic whose figure the interpreter got wrong, past a topic without figures', () => {
    const r = call(
      [CEO, spaced('智能计算方面，本季度实现收入十二点四亿元。在人才方面，我们引进了多名资深的技术专家。')],
      ['Speaker 2', 'In terms of intelligent computing services, revenues were RMB 1.42 billion. We also brought in several senior technical experts.'],
    );
    expect(rows(r)).toEqual([['revenue', 'intelligent computing', null, '2023-Q2', 1240000000]]);
    expect(r.checks.map((c) => [c.kind, c.status])).toEqual([['cross-language', 'fail']]);
  });

  it('gives the company its figures back after a topic without figures (`在人才方面…。本季度，公司实现收入…`)', () => {
    const r = call(
      [CEO, spaced('在人才方面，我们引进了多名资深的技术专家。本季度，公司实现收入人民币十一点九亿元，同比增长百分之十三点四。毛利率为百分之二十九点四。')],
      ['Speaker 2', 'We brought in several senior technical experts. This quarter, total revenues reached RMB 1.19 billion, up 13.4% year-over-year. Gross margin was 29.4%.'],
    );
    expect(rows(r)).toEqual([
      ['revenue', null, null, '2023-Q2', 1190000000],
      ['gross_margin', null, null, '2023-Q2', 29.4],
    ]);
    expect(r.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('takes a metric for a topic (`营收方面`, "Regarding revenue,"), not for a segment, even when the figures match', () => {
    const r = call(
      [CEO, spaced('营收方面，本季度公司实现收入十二点六五亿元。')],
      ['Speaker 2', 'Regarding revenue, total revenues were RMB 1.265 billion this quarter.'],
    );
    expect(rows(r)).toEqual([['revenue', null, null, '2023-Q2', 1265000000]]);
    expect(r.checks.map((c) => [c.kind, c.status])).toEqual([['cross-language', 'pass']]);
  });
});
