/**
 * Segments are the company's own names, learned from the text before any figure is read:
 * "In terms of public cloud services,", "revenue from public cloud services", "IMT segment
 * EBITDA", `公有云方面，本季度实现收入…`. A Chinese name gets the English name the interpreter
 * used for it in the matching turn (`公有云` ↔ "public cloud"), else a glossary entry, else it
 * stays Chinese.
 */
import type { Transcript } from '../model.js';
import { SEGMENT_GLOSSARY, SEGMENT_SUFFIX, TOPIC_MARKERS } from './lexicon.js';
import type { Unit } from './units.js';

const EN_TOPIC = new RegExp(
  `^(?:(?:now|first|second|next|lastly|finally|and|so),?\\s+)?(?:${TOPIC_MARKERS.en.filter((m) => m !== 'for').join('|')})\\s+(?:our\\s+|the\\s+)?(.{2,60}?)(?:\\s+(${SEGMENT_SUFFIX.en}))?\\s*(?:[,.;:]|$)`,
  'i',
);
const EN_TERM_SEGMENT = new RegExp(
  `\\b(?:revenues?|gross (?:profits?|margins?)|ebitda(?: margins?)?|operating (?:income|profits?|margins?))\\s+(?:from|of|for)\\s+(?:our\\s+|the\\s+)?([a-z][a-z&\\- ]{1,40}?)\\s+(${SEGMENT_SUFFIX.en})\\b`,
  'gi',
);
const EN_NAMED_SEGMENT = /\b((?:[A-Z][\w&-]*\s+)*[A-Z][\w&-]*)\s+segment\b/g;
const ZH_TOPIC = /(?:^|[，。；：、\s*])([\u4e00-\u9fffA-Za-z]{2,10}?)(?:业务|板块)?方面/g;
/** `一方面…另一方面` is "on the one hand", not a segment. */
const ZH_NOT_TOPIC = /^(?:一|另一|各|多|这|那|其他|另外|业务亮点|产品和技术|技术|财务)$/;
const EN_NOT_SEGMENT = /^(?:the|our|this|that|these|expenses?|costs?|profitability|cash|product|technology|financials?|results?|outlook|guidance|our results|the results|balance sheet)$/i;

export type Topic = { set: string } | { reset: true } | null;

export class SegmentBook {
  /** Lower-case English name → canonical name. */
  private readonly en = new Map<string, string>();
  /** Chinese name → canonical name (English when known). */
  private readonly zh = new Map<string, string>();

  /**
   * Each Chinese name (learned, then glossary) with each suffix, in the order zhSuffix tries
   * them; built when first asked after a name was added, instead of on every call (zhSuffix runs
   * for every Chinese term, several times as qualifyZh strips its prefix).
   */
  private zhForms: Array<{ z: string; w: string }> | null = null;

  /** As first written ("public cloud", "IMT", "Premier Agent"); a Chinese name in English when known. */
  canonical(name: string): string {
    const n = name.trim().replace(/\s+/g, ' ');
    const known = this.zh.get(n) ?? this.en.get(n.toLowerCase());
    if (known) return known;
    const glossary = SEGMENT_GLOSSARY.find((g) => g.zh === n);
    return glossary ? glossary.en : n;
  }

  /**
   * `suffix`: the word after the name ("services"). A one-word name keeps it ("data services",
   * not "data"); a longer one drops it ("public cloud services" → "public cloud"). Both forms
   * are found afterwards.
   */
  addEn(name: string, suffix?: string): string {
    const n = name.trim().replace(/\s+/g, ' ');
    const known = this.en.get(n.toLowerCase());
    const c = known ?? (suffix && !/\s/.test(n) && !/^[A-Z0-9&]{2,}$/.test(n) && !/^segment$/i.test(suffix) ? `${n} ${suffix.toLowerCase()}` : this.canonical(n));
    this.en.set(n.toLowerCase(), c);
    if (suffix) this.en.set(`${n} ${suffix}`.toLowerCase(), c);
    return c;
  }

  addZh(name: string, en?: string): void {
    this.zh.set(name, en ? this.canonical(en) : (this.zh.get(name) ?? this.canonical(name)));
    this.zhForms = null;
  }

  /** A learned English name, or null. */
  lookup(name: string): string | null {
    return this.en.get(name.trim().toLowerCase()) ?? null;
  }

  /** A learned English name that ends the word list ("... public cloud" before "revenue"). */
  endingAt(words: readonly string[]): { name: string; words: number } | null {
    for (let k = Math.min(5, words.length); k >= 1; k--) {
      const name = words.slice(words.length - k).join(' ').toLowerCase();
      const c = this.en.get(name);
      if (c) return { name: c, words: k };
    }
    return null;
  }

  /** A learned (or glossary) Chinese name at the end of a prefix (`那个公有云` before `毛利`). */
  zhSuffix(prefix: string): { name: string; length: number } | null {
    this.zhForms ??= [...this.zh.keys(), ...SEGMENT_GLOSSARY.map((g) => g.zh)].flatMap((z) => ['', ...SEGMENT_SUFFIX.zh].map((suffix) => ({ z, w: z + suffix })));
    let best: { name: string; length: number } | null = null;
    for (const { z, w } of this.zhForms) {
      if (prefix.endsWith(w) && (!best || w.length > best.length)) best = { name: this.canonical(z), length: w.length };
    }
    return best;
  }

  /** Whether a sentence turns to a segment (or away from all of them: "In terms of expenses,"). */
  topicOf(text: string, lang: 'zh' | 'en'): Topic {
    if (lang === 'en') {
      const m = EN_TOPIC.exec(text);
      if (!m) return null;
      const name = (m[1] ?? '').trim();
      const seg = this.lookup(name);
      return seg ? { set: seg } : { reset: true };
    }
    // The regex needs the word 方面; most sentences lack it and the regex is slow to fail.
    if (!text.includes('方面')) return null;
    ZH_TOPIC.lastIndex = 0;
    const m = ZH_TOPIC.exec(text);
    if (!m) return null;
    const name = m[1] ?? '';
    if (ZH_NOT_TOPIC.test(name)) return null;
    return this.zh.has(name) ? { set: this.canonical(name) } : { reset: true };
  }
}

function enTopics(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const m = EN_TOPIC.exec(text);
  // Only names with a suffix are learned from topics ("In terms of public cloud services");
  // "In terms of expenses" is a change of subject, not a segment.
  if (m && m[2] && !EN_NOT_SEGMENT.test((m[1] ?? '').trim())) out.push([(m[1] ?? '').trim(), m[2]]);
  return out;
}

function zhTopics(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('方面')) return out; // as in topicOf
  ZH_TOPIC.lastIndex = 0;
  for (let m = ZH_TOPIC.exec(text); m; m = ZH_TOPIC.exec(text)) {
    const name = m[1] ?? '';
    if (!ZH_NOT_TOPIC.test(name)) out.push(name);
  }
  return out;
}

export function learnSegments(units: readonly Unit[], transcript: Transcript): SegmentBook {
  const book = new SegmentBook();
  const enByTurn = new Map<number, string[]>();
  const zhByTurn = new Map<number, string[]>();
  for (const u of units) {
    if (u.lang === 'en') {
      const topics = enTopics(u.text);
      EN_TERM_SEGMENT.lastIndex = 0;
      for (let m = EN_TERM_SEGMENT.exec(u.text); m; m = EN_TERM_SEGMENT.exec(u.text)) {
        const n = (m[1] ?? '').trim();
        if (!EN_NOT_SEGMENT.test(n)) book.addEn(n, m[2]);
      }
      // The regex needs the word (it is case-sensitive); `includes` rules out most sentences at
      // half the cost of trying it (2.5 against 5.5 ms over the 42,764 sentences of 100 generated English calls).
      if (u.text.includes('segment')) {
        EN_NAMED_SEGMENT.lastIndex = 0;
        for (let m = EN_NAMED_SEGMENT.exec(u.text); m; m = EN_NAMED_SEGMENT.exec(u.text)) {
          const words = (m[1] ?? '').split(/\s+/).filter((w) => !/^(?:Our|The|In|Within|And|Of)$/.test(w));
          if (words.length > 0) book.addEn(words.join(' '));
        }
      }
      const names = topics.map(([n, suffix]) => book.addEn(n, suffix));
      if (names.length > 0) enByTurn.set(u.turn.n, [...(enByTurn.get(u.turn.n) ?? []), ...names]);
    } else {
      const topics = zhTopics(u.text);
      if (topics.length > 0) zhByTurn.set(u.turn.n, [...(zhByTurn.get(u.turn.n) ?? []), ...topics]);
    }
  }
  // Pair the Chinese names of a turn with the English names of its interpretation, in order.
  const interpretationOf = new Map<number, number>();
  for (const t of transcript.turns) if (t.interprets !== null) interpretationOf.set(t.interprets, t.n);
  for (const [zhTurn, names] of zhByTurn) {
    const enTurn = interpretationOf.get(zhTurn);
    const en = enTurn === undefined ? undefined : enByTurn.get(enTurn);
    names.forEach((z, i) => book.addZh(z, en && en.length === names.length ? en[i] : undefined));
  }
  return book;
}
