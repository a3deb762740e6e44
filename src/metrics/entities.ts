/**
 * Whose figure: in a call, the company's, unless the text says otherwise (figures of
 * customers are dropped where they are found, in terms.ts). In a briefing about many
 * companies (no call company), each item names its company first: `腾讯控股发布财报，第二季度
 * 营收1611.2亿元`, `鸿海第二季度营收…`, `思科2024年第四财季调整后每股收益0.87美元`.
 */
import { ENTITY_LEAD } from './lexicon.js';

/** Pronouns, fillers and function words: a name holds none of them. */
const NOT_A_NAME = /[我你他她它们那这就呃嗯啊是的了在有]|其中|截至|公司/;

export interface EntityLead {
  name: string;
  start: number;
  end: number;
}

/**
 * The name at the start of a sentence, if it is directly followed by a reporting verb, a
 * period word or (`termAt`) a metric term; `其中，…` and `截至6月30日` name nobody.
 */
export function entityLead(text: string, termAt: (i: number) => boolean): EntityLead | null {
  const lead = ENTITY_LEAD.strip.exec(text);
  const start = lead ? lead[0].length : 0;
  let i = start;
  while (i < text.length && i - start <= 12) {
    const ch = text.charAt(i);
    if (!/[\u4e00-\u9fffA-Za-z&·.\- ]/.test(ch)) break;
    if (i > start + 1 && (termAt(i) || ENTITY_LEAD.stop.test(text.slice(i, i + 8)) && ENTITY_LEAD.stop.exec(text.slice(i, i + 8))?.index === 0)) {
      const name = text.slice(start, i).trim();
      // Speech is no briefing item: `那我们营业净利是…` names nobody.
      return name.length >= 2 && !NOT_A_NAME.test(name) ? { name, start, end: i } : null;
    }
    i++;
  }
  // A year opens the period: `思科2024年第四财季`.
  if (i > start + 1 && /^\d{4}年/.test(text.slice(i)) && !NOT_A_NAME.test(text.slice(start, i))) return { name: text.slice(start, i).trim(), start, end: i };
  return null;
}
