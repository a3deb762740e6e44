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
  return `${f.unit} ${group(round(v / div, 4))}${word}`;
}

/** `1234.5` → `1,234.5` (toLocaleString costs a millisecond a call in Node). */
function group(x: number): string {
  const [int, frac] = String(x).split('.');
  const g = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${g}.${frac}` : g;
}

function round(x: number, d: number): number {
  const k = Math.pow(10, d);
  return Math.round(x * k) / k;
}
