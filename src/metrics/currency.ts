/**
 * Which currency a call's amounts are in when the call does not say. `十八点四亿元` is yuan in a
 * mainland call, but the same `元` is the New Taiwan dollar in a Taiwanese call (`还是来到了
 * 8 亿元`, a Taipei-listed company's Mandarin call) and can be the Hong Kong dollar in Hong
 * Kong. The quantity stage reads a bare `元` as CNY; the metrics stage reports when nothing in
 * the call backs that reading, and takes the user's `--currency` instead when given.
 */
import type { QuantityFound } from '../quantity/types.js';
import type { Unit } from './units.js';

/** The ways a figure names the yuan itself, beyond a bare 元/圆/块. */
const NAMED_CNY = /人民币|人民幣|RMB|CNY|[¥￥]|yuan|renminbi/i;

/** A yuan amount whose only currency word is a bare `元`, `圆` or `块`. */
export function isBareYuan(q: QuantityFound): boolean {
  return q.kind === 'money' && q.unit === 'CNY' && !NAMED_CNY.test(q.text);
}

/** How the company's money figures name their currency. */
export interface CurrencyEvidence {
  /** Amounts in yuan with a bare 元 only. */
  bareYuan: number;
  /** Amounts whose yuan is named (人民币, RMB, ¥). */
  namedYuan: number;
  /** Amounts in any other currency. */
  other: number;
  /** The currency most amounts are in (the first met among equals), for amounts said without one; '' when none. */
  usual: string;
}

/** One pass over the company's money figures for both the usual currency and how it is named. */
export function currencyEvidence(units: readonly Unit[]): CurrencyEvidence {
  const e: CurrencyEvidence = { bareYuan: 0, namedYuan: 0, other: 0, usual: '' };
  const counts = new Map<string, number>();
  for (const u of units) {
    for (const q of u.quantities) {
      if (q.kind !== 'money' || !q.unit) continue;
      counts.set(q.unit, (counts.get(q.unit) ?? 0) + 1);
      if (q.unit !== 'CNY') e.other++;
      else if (isBareYuan(q)) e.bareYuan++;
      else e.namedYuan++;
    }
  }
  e.usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return e;
}
