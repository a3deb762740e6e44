/** How checks name facts and values in their messages. */
import type { Fact } from './types.js';

export function describe(f: Pick<Fact, 'metric' | 'segment' | 'basis' | 'period' | 'entity'>): string {
  const qual = [f.segment, f.basis].filter((x): x is string => x !== null);
  return `${f.basis && !f.segment ? `${f.basis} ` : ''}${f.metric}${f.segment ? ` (${qual.join(', ')})` : ''} ${f.period ?? '(no period)'}`;
}

/** `CNY 1,835.4 million`, `-3.3%`, `USD 0.34`. */
export function formatValue(f: Pick<Fact, 'value' | 'unit'>): string {
  if (f.value === null) return '—';
  if (f.unit === '%') return `${round(f.value, 2)}%`;
  const v = f.value;
  const a = Math.abs(v);
  const [div, word] = a >= 1e9 ? [1e9, ' billion'] : a >= 1e6 ? [1e6, ' million'] : [1, ''];
  return `${f.unit} ${(v / div).toLocaleString('en-US', { maximumFractionDigits: 4 })}${word}`;
}

function round(x: number, d: number): number {
  const k = Math.pow(10, d);
  return Math.round(x * k) / k;
}
