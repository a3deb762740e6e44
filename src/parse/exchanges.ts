import type { Exchange, Participant, Turn } from '../model.js';

/**
 * Q&A exchanges: each analyst's question with the answers and interpretations that follow, up
 * to the operator's next hand-off. An analyst's follow-up after the answers stays in the same
 * exchange; a different analyst, or the operator speaking, ends it.
 *
 * IR's hand-back "Operator, next question, please." is neither question nor answer, so short
 * IR turns that only direct the operator are left out.
 */
const HANDOFF = /\b(next question|operator|go ahead)\b/i;

function isHandoff(t: Turn, text: string): boolean {
  return (t.role === 'ir' || t.role === 'executive') && text.split(/\s+/).length <= 12 && HANDOFF.test(text);
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
    if (isHandoff(t, textOf(t))) continue;
    cur.answers.push(t.n);
  }
  return out;
}
