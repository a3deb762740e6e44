/**
 * The operator names each questioner and firm:
 *   "Our first question comes from the line of Xiaodan Zhang from CICC. Please go ahead."
 *   "Our first question comes from John Colantuoni with Jefferies."
 *   "The next question is from Michael Ng with Goldman Sachs."
 *   "Our next question is from Justin Patterson with KeyCorp (sic) [KeyBanc]."
 */
export interface Introduction {
  name: string;
  firm: string | null;
}

const INTRO = /\b(?:question|questions|line)\s+(?:today\s+)?(?:comes?|is|will come)?\s*(?:from|of)\s+(?:the\s+line\s+of\s+)?([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})(?:\s+(?:from|with|of|at)\s+([^.?!;]{2,80}?))?\s*(?:[.?!;]|$)/gu;

export function findIntroductions(text: string): Introduction[] {
  const out: Introduction[] = [];
  for (const m of text.matchAll(INTRO)) {
    let firm = m[2]?.trim() ?? null;
    // "KeyCorp (sic) [KeyBanc]": the bracket is the editor's correction, and it prevails.
    if (firm) {
      const fix = /\[([^\]]+)\]/.exec(firm);
      if (fix) firm = (fix[1] as string).trim();
      firm = firm.replace(/\s*\((?:sic)\)\s*/gi, ' ').replace(/\s+Please go ahead$/i, '').trim();
      if (firm === '') firm = null;
    }
    out.push({ name: (m[1] as string).trim(), firm });
  }
  return out;
}
