import type { Role } from '../model.js';

/**
 * Roles from what the transcript says of a speaker. Order matters and is explained at each
 * step; the operator's introductions outrank titles because titles mislead: in the Kingsoft
 * call `Allen Li (Executive Director)` is an analyst, introduced as "Allen Li from JPMorgan".
 */

const INTERPRETER = /\b(interpreter|interpretation|translator)\b|翻译|口译/i;
const IR = /\b(investor relations?|IR)\b|投资者关系|投資者關係|IR\s*(manager|director|head)/i;
const ANALYST = /\b(analyst|research|equity|associate analyst|strategist)\b|分析师|分析師/i;
const EXECUTIVE = /\b(CEO|CFO|COO|CTO|CIO|CMO|CSO|chair(man|woman|person)?|president|founder|co-founder|director|officer|VP|vice president|head|general manager|treasurer|secretary|controller|executive|partner|manager|principal|chief)\b|董事|总裁|總裁|首席|财务|財務|经理|經理|总监|總監/i;

/** Role from a title line (`Vice Chairman and CEO`, `Equity Research Analyst`, `IR Manager`). */
export function roleFromTitle(title: string | null): Role {
  if (!title) return 'unknown';
  if (INTERPRETER.test(title)) return 'interpreter';
  if (IR.test(title)) return 'ir';
  if (ANALYST.test(title)) return 'analyst';
  if (EXECUTIVE.test(title)) return 'executive';
  return 'unknown';
}

export function isOperatorName(name: string): boolean {
  return /^(operator|moderator|conference operator|主持人|接线员)$/i.test(name.trim());
}

/** `Speaker 7`, `Unidentified Speaker`: names that say nothing about who speaks. */
export function isAnonymousName(name: string): boolean {
  return /^(speaker|unidentified|unknown)\b/i.test(name.trim());
}

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\s-]/gu, ' ').split(/\s+/).filter(Boolean);

/**
 * The last word of a name as `sameperson` compares it, or null for a name without letters:
 * two names can only be the same person when their keys are equal, so callers index by it
 * instead of comparing every speaker with every participant (20,000 distinct `Name (Analyst)`
 * headers, 1.2 MB, took 123 s that way).
 */
export function personKey(name: string): string | null {
  const w = words(name);
  return w.length === 0 ? null : (w[w.length - 1] as string);
}

/** True when two spellings plausibly name one person: `Brad Erickson` ~ `Bradley D. Erickson`. */
export function sameperson(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  const lastA = wa[wa.length - 1] as string;
  const lastB = wb[wb.length - 1] as string;
  if (lastA !== lastB) return false;
  const firstA = wa[0] as string;
  const firstB = wb[0] as string;
  return firstA.startsWith(firstB) || firstB.startsWith(firstA);
}
