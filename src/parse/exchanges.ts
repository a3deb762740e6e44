import type { Exchange, Participant, Turn } from '../model.js';
import { isSpaceCode } from '../lang/chars.js';

/**
 * Q&A exchanges: each analyst's question with the answers and interpretations that follow, up
 * to the operator's next hand-off. An analyst's follow-up after the answers stays in the same
 * exchange; a different analyst, or the operator speaking, ends it.
 *
 * IR's hand-back "Operator, next question, please." is neither question nor answer, so short
 * IR turns that only direct the operator are left out.
 */
const HANDOFF = /\b(next question|operator|go ahead)\b/i;

/** At most 12 words; the text is joined only for IR and executive turns. */
function isHandoff(t: Turn, textOf: (t: Turn) => string): boolean {
  if (t.role !== 'ir' && t.role !== 'executive') return false;
  const text = textOf(t);
  return piecesAtMost(text, 12) && HANDOFF.test(text);
}

/**
 * `text.split(/\s+/).length <= max`, without splitting: the pieces are one more than the runs of
 * white space (`" a b "` is `['', 'a', 'b', '']`, 4), and counting stops once there are too
 * many. The split listed every word of every long answer in Q&A, and the text was joined for
 * every Q&A turn (parse alone over 10 generated calls with Q&A, callgrind per round, steady
 * state: 106.3 -> 84.7 M instructions).
 */
export function piecesAtMost(text: string, max: number): boolean {
  let pieces = 1;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const blank = isSpaceCode(text.charCodeAt(i));
    if (blank && !inRun && ++pieces > max) return false;
    inRun = blank;
  }
  return pieces <= max;
}

export function buildExchanges(turns: readonly Turn[], participants: readonly Participant[], textOf: (t: Turn) => string): Exchange[] {
  const out: Exchange[] = [];
  let cur: Exchange | null = null;
  const questionTurns = new Set<number>();
  // By name, not searched per exchange: 20,000 distinct analysts made this quadratic.
  const byName = new Map<string, Participant>();
  for (const p of participants) if (!byName.has(p.name)) byName.set(p.name, p);
  for (let k = 0; k < turns.length; k++) {
    const t = turns[k] as Turn;
    if (t.section !== 'qa') continue;
    if (t.role === 'operator') {
      cur = null;
      continue;
    }
    if (t.role === 'analyst') {
      if (!cur || cur.analyst !== t.speaker) {
        const prev = turns[k - 1];
        const p = byName.get(t.speaker);
        cur = {
          n: out.length + 1,
          analyst: t.speaker,
          affiliation: p?.affiliation ?? t.affiliation,
          introducedBy: prev && prev.role === 'operator' ? prev.n : null,
          questions: [],
          answers: [],
        };
        out.push(cur);
      }
      cur.questions.push(t.n);
      questionTurns.add(t.n);
      continue;
    }
    if (!cur) continue;
    if (t.role === 'interpreter' && t.interprets !== null && questionTurns.has(t.interprets)) {
      cur.questions.push(t.n);
      questionTurns.add(t.n);
      continue;
    }
    if (isHandoff(t, textOf)) continue;
    cur.answers.push(t.n);
  }
  return out;
}
