import { sentenceLang } from '../lang/sentences.js';
import { countScripts, langOf, langShare } from '../lang/script.js';
import type { Lang, Span, Transcript, Turn } from '../model.js';
import type { SentenceTable } from '../pipeline/sentences.js';
import { findInterjections, wordSize } from './interjections.js';
import { stampedPieces } from './timestamps.js';
import type { AlignSentence, Unpaired } from './types.js';
import { append } from '../arrays.js';

/** Sentences of both sides that the bead programme aligns on their own. */
export interface Block {
  zh: AlignSentence[];
  en: AlignSentence[];
}

/** A passage and its rendering, before sentence alignment. */
export interface Passage {
  zhTurn: number;
  enTurns: number[];
  original: Lang;
  /** Anchored stretches (one per timestamp where the transcript gives them, else one). */
  blocks: Block[];
}

export interface PassageResult {
  passages: Passage[];
  unpaired: Unpaired[];
}

const isChinese = (t: Turn): boolean => t.lang === 'zh' || t.lang === 'mixed';

/** Pairs turns with the turns that render them, and reports what has no counterpart. */
export function findPassages(table: SentenceTable, transcript: Transcript): PassageResult {
  const text = table.text;
  const turns = transcript.turns;
  const passages: Passage[] = [];
  const unpaired: Unpaired[] = [];
  const renderers = new Map<number, Turn[]>();
  for (const t of turns) {
    if (t.interprets === null) continue;
    const list = renderers.get(t.interprets) ?? [];
    list.push(t);
    renderers.set(t.interprets, list);
  }
  const present = new Set(turns.map((t) => t.n));
  // Speakers heard in Chinese somewhere in the call (not interpreters).
  const chineseSpeakers = new Set(turns.filter((t) => t.role !== 'interpreter' && isChinese(t)).map((t) => t.speaker));

  for (const t of turns) {
    if (t.interprets !== null) {
      if (!present.has(t.interprets)) {
        unpaired.push(unpairedTurn(t, 'interpretation-without-original', `turn ${t.n} renders turn ${t.interprets}, which is not in the transcript`));
      }
      continue;
    }
    if (t.role === 'interpreter') {
      unpaired.push(unpairedTurn(t, 'interpretation-without-original', `the interpreter's turn ${t.n} follows no original`));
      continue;
    }
    const rendering = renderers.get(t.n) ?? [];
    const stamped = stampedBlocks(table, t);
    if (stamped) {
      passages.push({ zhTurn: t.n, enTurns: [t.n], original: stamped.original, blocks: stamped.blocks });
      continue;
    }
    if (isChinese(t)) {
      const { zh, selfEn, asides } = chineseSide(table, t);
      append(unpaired, asides);
      const en = [...selfEn, ...rendering.flatMap((r) => turnSentences(table, r, r.paragraphs))];
      if (en.length === 0) {
        unpaired.push(unpairedTurn(t, 'not-interpreted', 'no interpretation of this Chinese turn follows'));
        continue;
      }
      const enTurns = [...(selfEn.length > 0 ? [t.n] : []), ...rendering.map((r) => r.n)];
      passages.push({ zhTurn: t.n, enTurns, original: 'zh', blocks: [{ zh, en }] });
      continue;
    }
    // An English original with a Chinese interpretation: the reverse of the usual case.
    const zhRendering = rendering.filter(isChinese);
    if (zhRendering.length > 0) {
      const zh = zhRendering.flatMap((r) => turnSentences(table, r, r.paragraphs));
      const first = zhRendering[0] as Turn;
      passages.push({ zhTurn: first.n, enTurns: [t.n], original: 'en', blocks: [{ zh, en: turnSentences(table, t, t.paragraphs) }] });
      continue;
    }
    // `Tao Zou (Vice Chairman and CEO)` answering in English in the Q&A, with no interpreter
    // turn before or after: he spoke Chinese elsewhere, so this is most likely the
    // interpretation of an answer the transcript left out, under his name.
    if (chineseSpeakers.has(t.speaker)) {
      unpaired.push(unpairedTurn(t, 'original-not-transcribed', `English from ${t.speaker}, who speaks Chinese elsewhere; no Chinese original in the transcript`));
    }
  }
  return { passages, unpaired };
}

function unpairedTurn(t: Turn, reason: Unpaired['reason'], note: string): Unpaired {
  return { turn: t.n, lang: t.lang, reason, note, span: t.span };
}

/**
 * The sentences of a turn's paragraphs, as `splitSentences(text, p, t.lang)` gives them (the
 * same filter and language rule), from the document's shared table.
 */
function turnSentences(table: SentenceTable, t: Turn, paragraphs: readonly Span[]): AlignSentence[] {
  const out: AlignSentence[] = [];
  for (const p of paragraphs) spanSentences(table, p, t.lang, t.n, out);
  return out;
}

/**
 * The sentences of one span as `splitSentences(text, span, lang)` gives them, from the table,
 * pushed to `out`. Through the table, a sentence's quantities are read from the whole text's
 * extraction: the timestamped pieces of a bilingual Markdown call (MediaTek's) were split
 * with `splitSentences`, and each of their sentences went through the quantity stage again
 * (13.6% of `ecall analyze` on that call).
 */
function spanSentences(table: SentenceTable, span: Span, lang: Lang | 'mixed', turn: number, out: AlignSentence[]): AlignSentence[] {
  for (const s of table.paragraph(span).sentences) {
    if (s.counts.han === 0 && s.counts.latin === 0 && !/[0-9]/.test(s.text)) continue;
    out.push({ text: s.text, span: s.span, lang: sentenceLang(s.counts, lang), turn });
  }
  return out;
}

/**
 * The Chinese of a turn, without its interjections. A mixed turn that ends in English
 * (`…主要是来自于哪些维度? 我快速地翻译一下我的问题. Thanks management for taking my questions.
 * I got two questions here.`) translates itself: that English run belongs on the English
 * side. A lone English filler at the end (`…发展这个战略和方向。OK。`) is too short to be a
 * translation and stays where it is.
 */
function chineseSide(table: SentenceTable, t: Turn): { zh: AlignSentence[]; selfEn: AlignSentence[]; asides: Unpaired[] } {
  const text = table.text;
  const paraTexts = t.paragraphs.map((p) => text.slice(p.start, p.end));
  const aside = findInterjections(paraTexts);
  const asides: Unpaired[] = [];
  const kept: Span[] = [];
  t.paragraphs.forEach((p, k) => {
    if (!aside[k]) {
      kept.push(p);
      return;
    }
    const share = langShare(countScripts(text, [p]));
    asides.push({ turn: t.n, lang: langOf(share), reason: 'interjection', note: 'a short aside between the speaker\'s paragraphs, not content to align', span: p });
  });
  const all = turnSentences(table, t, kept);
  if (t.lang !== 'mixed') return { zh: all, selfEn: [], asides };
  let k = all.length;
  while (k > 0 && (all[k - 1] as AlignSentence).lang === 'en') k--;
  const tail = all.slice(k);
  const tailWords = tail.reduce((n, s) => n + wordSize(s.text), 0);
  if (k === 0 || tailWords < MIN_SELF_TRANSLATION_WORDS) return { zh: all, selfEn: [], asides };
  return { zh: all.slice(0, k), selfEn: tail, asides };
}

const MIN_SELF_TRANSLATION_WORDS = 4;

/**
 * A turn holding both languages under shared timestamps: one block per stamp. Null when the
 * turn has no stamp carrying both languages.
 */
function stampedBlocks(table: SentenceTable, t: Turn): { blocks: Block[]; original: Lang } | null {
  const text = table.text;
  const pieces = stampedPieces(text, t.paragraphs);
  if (pieces.length < 2) return null;
  const blocks: Block[] = [];
  const firstLang: Lang[] = [];
  let k = 0;
  while (k < pieces.length) {
    const stamp = (pieces[k] as { stamp: string }).stamp;
    const block: Block = { zh: [], en: [] };
    let first: Lang | null = null;
    for (; k < pieces.length && (pieces[k] as { stamp: string }).stamp === stamp; k++) {
      const piece = pieces[k] as { span: Span };
      const share = langShare(countScripts(text, [piece.span]));
      const lang: Lang = share.zh >= share.en ? 'zh' : 'en';
      first ??= lang;
      spanSentences(table, piece.span, lang, t.n, block[lang]);
    }
    if (block.zh.length > 0 && block.en.length > 0 && first) firstLang.push(first);
    if (block.zh.length + block.en.length > 0) blocks.push(block);
  }
  if (firstLang.length === 0) return null;
  const enFirst = firstLang.filter((l) => l === 'en').length;
  return { blocks, original: enFirst * 2 >= firstLang.length ? 'en' : 'zh' };
}
