import { describe, expect, it } from 'vitest';
import { buildSeries } from '../src/compare/series.js';
import { sparkline } from '../src/render/compare.js';
import { runCli } from './helpers.js';
import { validatorFor } from './schemas.js';

describe('ecall compare on three consecutive quarters (fixtures/compare)', () => {
  const r = runCli(['compare', 'fixtures/compare', '--format', 'json']);
  const doc = JSON.parse(r.stdout);
  const row = (metric: string, segment: string | null = null, basis: string | null = null) =>
    doc.series.find((s: { metric: string; segment: string | null; basis: string | null }) => s.metric === metric && s.segment === segment && s.basis === basis);

  it('orders the calls by their period and validates against the schema', () => {
    expect(r.status).toBe(0);
    expect(doc.calls.map((c: { period: string }) => c.period)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(doc.periods).toEqual(['2022-Q4', '2023-Q1', '2023-Q2', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(validatorFor('compare')(doc), JSON.stringify(validatorFor('compare').errors)).toBe(true);
  });

  it('lets the latest call win and keeps the earlier figure as a restatement', () => {
    const revenue = row('revenue');
    const q1 = revenue.points.find((p: { period: string }) => p.period === '2024-Q1');
    expect(q1).toMatchObject({ value: 501000000, source: 'fixtures/compare/suyuan-q2-2024.txt', callPeriod: '2024-Q2' });
    expect(q1.restatements).toEqual([{ value: 500200000, source: 'fixtures/compare/suyuan-q1-2024.txt', callPeriod: '2024-Q1' }]);
    expect(revenue.points.map((p: { value: number }) => p.value)).toEqual([452400000, 463100000, 479900000, 480500000, 501000000, 525000000]);
  });

  it('computes QoQ and YoY across calls: % for amounts, pp for ratios', () => {
    const revenue = row('revenue');
    expect(revenue.deltas.filter((d: { period: string }) => d.period === '2024-Q2')).toEqual([
      { period: '2024-Q2', basis: 'yoy', change: 9.4, unit: '%', against: '2023-Q2' },
      { period: '2024-Q2', basis: 'qoq', change: 4.79, unit: '%', against: '2024-Q1' },
    ]);
    const margin = row('gross_margin', null, 'adjusted');
    expect(margin.family).toBe('margins');
    expect(margin.deltas.find((d: { period: string; basis: string }) => d.period === '2024-Q1' && d.basis === 'qoq')).toMatchObject({ change: 1, unit: 'pp', against: '2023-Q4' });
    expect(row('capex').points.map((p: { value: number }) => p.value)).toEqual([40200000, 38000000, 45500000]);
  });

  it('prints one table per family with a trend line, and the restatement', () => {
    const t = runCli(['compare', 'fixtures/compare', '-f', 'table'], { env: { COLUMNS: '140' } });
    expect(t.stdout).toMatch(/│ revenue +│ +RMB 452\.4M │ +RMB 463\.1M │ +RMB 479\.9M │ +RMB 480\.5M │ +RMB 501\.0M† │ +RMB 525\.0M │ ▁▂▄▄▆█ │/);
    expect(t.stdout).toContain('† revenue 2024-Q1: RMB 500.2M in fixtures/compare/suyuan-q1-2024.txt, restated RMB 501.0M in fixtures/compare/suyuan-q2-2024.txt');
    for (const family of ['revenue', 'profit', 'margins', 'costs and expenses', 'cash and capex']) expect(t.stdout).toMatch(new RegExp(`│ ${family} +│`));
  });

  it('writes one CSV row per metric and period', () => {
    const c = runCli(['compare', 'fixtures/compare', '-f', 'csv']);
    const lines = c.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('entity,family,metric,segment,basis,unit,period,value,source,yoy,qoq,change_unit,restated_from');
    expect(lines).toContain('Suyuan Cloud,revenue,revenue,,,CNY,2024-Q1,501000000,fixtures/compare/suyuan-q2-2024.txt,8.18,4.27,%,500200000@fixtures/compare/suyuan-q1-2024.txt');
  });
});

describe('series building', () => {
  it('keeps the same figure said again (within rounding) without a restatement', () => {
    const call = (period: string, value: number, precision: number) => ({
      path: `${period}.txt`,
      call: { company: 'X', period, date: null, title: null },
      facts: [{ metric: 'revenue', entity: 'X', segment: null, basis: null, period: '2024-Q1', value, unit: 'CNY', precision }],
    });
    const s = buildSeries([call('2024-Q2', 1.84e9, 5e6), call('2024-Q1', 1.8354e9, 5e4)]).series[0]!;
    expect(s.points).toHaveLength(1);
    expect(s.points[0]).toMatchObject({ value: 1.84e9, source: '2024-Q2.txt', restatements: [] });
  });

  it('draws a sparkline with gaps', () => {
    expect(sparkline([1, 2, null, 4])).toBe('▁▃ █');
    expect(sparkline([5])).toBe('');
  });
});
