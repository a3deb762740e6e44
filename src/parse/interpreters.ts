import type { Turn } from '../model.js';
import { isAnonymousName } from './roles.js';

/**
 * Who interprets whom. On a bilingual call the interpretation follows the original:
 * `Tao Zou (Vice Chairman and CEO)` speaks Chinese, then `Speaker 7` says it in English. A
 * speaker is an interpreter when their title says so, or when they are anonymous or untitled
 * and at least half of their turns are in the other language from the turn just before.
 * Named speakers with a title (a CEO answering in English after an analyst's Chinese) are
 * never taken for interpreters.
 */

function dominant(t: Turn): 'zh' | 'en' | null {
  if (t.langShare.zh === 0 && t.langShare.en === 0) return null;
  // A self-translating analyst ("我快速地翻译一下我的问题. Thanks management…") has a
  // mixed turn; what the interpreter renders is its Chinese, so 30% of Chinese is enough.
  return t.langShare.zh >= 0.3 ? 'zh' : 'en';
}

/** The nearest earlier turn by someone else, skipping the candidate's own consecutive turns. */
function previousOther(turns: readonly Turn[], k: number, speaker: string): Turn | null {
  for (let j = k - 1; j >= 0; j--) {
    const t = turns[j] as Turn;
    if (t.speaker !== speaker) return t;
  }
  return null;
}

function renders(turns: readonly Turn[], k: number): Turn | null {
  const t = turns[k] as Turn;
  const prev = previousOther(turns, k, t.speaker);
  if (!prev) return null;
  const a = dominant(t);
  const b = dominant(prev);
  if (a === null || b === null || a === b) return null;
  // English turns render Chinese originals; a Chinese interpretation of English is rarer but
  // handled the same way.
  if (a === 'en' && t.langShare.en < 0.7) return null;
  return prev;
}

/** Sets role `interpreter` and `interprets` in place; returns the interpreters' names. */
export function markInterpreters(turns: Turn[]): Set<string> {
  const bySpeaker = new Map<string, number[]>();
  turns.forEach((t, k) => {
    const list = bySpeaker.get(t.speaker) ?? [];
    list.push(k);
    bySpeaker.set(t.speaker, list);
  });
  const interpreters = new Set<string>();
  for (const [speaker, ks] of bySpeaker) {
    const first = turns[ks[0] as number] as Turn;
    if (first.role === 'interpreter') {
      interpreters.add(speaker);
      continue;
    }
    const candidate = first.role === 'unknown' && (isAnonymousName(speaker) || first.title === null);
    if (!candidate) continue;
    const rendering = ks.filter((k) => renders(turns, k) !== null).length;
    if (rendering >= 1 && rendering * 2 >= ks.length) interpreters.add(speaker);
  }
  for (let k = 0; k < turns.length; k++) {
    const t = turns[k] as Turn;
    if (!interpreters.has(t.speaker)) continue;
    t.role = 'interpreter';
    const src = renders(turns, k);
    if (src) t.interprets = src.n;
    else {
      // A second consecutive interpreter turn continues the same rendering.
      const before = turns[k - 1];
      t.interprets = before && before.speaker === t.speaker ? before.interprets : null;
    }
  }
  return interpreters;
}
