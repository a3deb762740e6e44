import type { Section, Turn } from '../model.js';

/**
 * Where the Q&A starts when no heading says so: at the operator's first turn, after someone
 * else has spoken, that explains how to ask ("As a reminder, to ask a question, you will need
 * to press star one and one", "we will now begin the question-and-answer session"). The
 * operator's opening turn mentions the Q&A too ("there will be a question and answer
 * session"), which is why someone else must have spoken first. Failing that, at the first
 * analyst turn (with the operator's introduction just before it).
 */
const QA_CUE = /\b(to ask a question|ask(?:ing)? questions?|question[- ]and[- ]answer|Q&A|first question|open (?:up )?the (?:line|lines|floor|call) (?:for|to) questions|question queue|提问|问答)\b/i;

export function qaStartIndex(turns: readonly Turn[], textOf: (t: Turn) => string): number | null {
  let someoneSpoke = false;
  for (let k = 0; k < turns.length; k++) {
    const t = turns[k] as Turn;
    if (t.role === 'operator') {
      if (someoneSpoke && QA_CUE.test(textOf(t))) return k;
    } else someoneSpoke = true;
  }
  for (let k = 1; k < turns.length; k++) {
    const t = turns[k] as Turn;
    if (t.role !== 'analyst') continue;
    const prev = turns[k - 1] as Turn;
    return prev.role === 'operator' ? k - 1 : k;
  }
  return null;
}

export function assignSections(turns: Turn[], start: number | null, given: ReadonlyArray<Section | undefined>): void {
  turns.forEach((t, k) => {
    t.section = given[k] ?? (start !== null && k >= start ? 'qa' : 'prepared');
  });
}
