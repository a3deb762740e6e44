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

/**
 * Chinese calls: "第一位提问的是来自华晟证券的林子豪。", "下一位提问的是来自远川资本的宋佳". The
 * name is the two to four Han characters after the firm's 的, up to punctuation or the end.
 */
const INTRO_ZH = /(?:提问|提問|问题|問題)[^。！？]{0,12}?来自([^，。、的]{2,20}?)的([\p{Script=Han}·]{2,4})(?=[。，！？,.!?\s]|$)/gu;

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
  for (const m of text.matchAll(INTRO_ZH)) out.push({ name: m[2] as string, firm: (m[1] as string).trim() });
  return out;
}
