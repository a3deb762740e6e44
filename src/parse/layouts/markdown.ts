import type { CallMeta, Diagnostic, Region, Span } from '../../model.js';
import type { Layout, LayoutContext, LayoutResult, RawTurn } from '../layout.js';
import { trimmedSpan, type Line } from '../lines.js';
import { findDate, findPeriod } from '../metadata.js';
import { splitParagraphs } from '../paragraphs.js';
import { ANONYMOUS, PERSON, headingKind, parseCallTitle } from './web-common.js';
import { append } from '../../arrays.js';

/**
 * Markdown transcripts (the MediaTek call of the Taiwan earnings-call dataset):
 *
 *     # 聯發科_20260311
 *     **這份檔案由 AlphaMemo.ai 製作 …**          ← banner: furniture
 *     ## Memo                                      ← AI-written summary: a `memo` region
 *     ### 亮點 …
 *     ## Transcript
 *     ### Presentation
 *     **Jason Wang - MediaTek, Investor Relation**  ← speaker line
 *     (00:00:00) We're very pleased …               ← one paragraph per timestamped line
 *     (00:00:00) 我們非常高興 …                     ← its translation, same timestamp
 *     ### Q&A                                       ← gives `qaStart`
 *
 * The timestamps are left out of the paragraph spans (they are not speech, and a quantity
 * finder would read `00:00:12` as numbers); `timestampOf` reads them back so that the
 * alignment stage can pair an English paragraph with the translation that carries the same
 * time. YAML front matter is a `front-matter` region.
 *
 * A Markdown document with no speaker lines at all (the Wind morning briefing) is read as one
 * turn by an unknown speaker, with a warning; its headings, front matter, HTML tags and
 * closing disclaimers are regions, and the paragraphs of the turn leave them out.
 */

const ATX = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const BOLD_LINE = /^\s*\*\*([^*]+)\*\*\s*$/;
const TIMESTAMP = /^\s*[([](\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[)\]]\s*/;
const MEMO = /^(?:(?:ai\s+)?memo|摘要|重點摘要|重点摘要|會議摘要|会议摘要)$/i;
// An HTML tag line (`<video id="sr_video111" …></video>`) or an image alone on its line
// (`![img](data:image/png;base64,…)`): markup, not text.
const HTML = /^\s*(?:<\/?[a-z][\w-]*(?:\s[^>]*)?\/?>.*|!\[[^\]]*\]\([^)]*\))\s*$/i;
const DISCLAIMER = /^\s*(?:\*\*)?(?:风险提示|風險提示|免责声明|免責聲明|版权声明|版權聲明|disclaimer|risk warning)\s*[:：]/i;
const BANNER_WARNING = /警語|警语|免責|免责|disclaimer|warning/i;
const NAME_RE = new RegExp(`^${PERSON}$`, 'u');

export interface MarkdownSpeaker {
  name: string;
  title: string | null;
  affiliation: string | null;
}

/**
 * `**Jason Wang - MediaTek, Investor Relation**` → Jason Wang, affiliation MediaTek, title
 * Investor Relation; also `**Name - Title**`, `**Name (Title)**`, `**Name:**`, `**Operator**`.
 */
export function matchMarkdownSpeaker(line: string): MarkdownSpeaker | null {
  const m = BOLD_LINE.exec(line);
  if (!m) return null;
  const inner = (m[1] as string).trim().replace(/[:：]$/, '').trim();
  if (inner.length > 160) return null;
  let name = inner;
  let rest: string | null = null;
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/.exec(inner);
  const paren = /^(.+?)\s*[(（]([^()（）]+)[)）]$/.exec(inner);
  if (dash) {
    name = (dash[1] as string).trim();
    rest = (dash[2] as string).trim();
  } else if (paren) {
    name = (paren[1] as string).trim();
    rest = (paren[2] as string).trim();
  }
  if (!NAME_RE.test(name) && !ANONYMOUS.test(name)) return null;
  if (rest === null) return { name, title: null, affiliation: null };
  const comma = /^([^,，]+)[,，]\s*(.+)$/.exec(rest);
  // `MediaTek, Investor Relation`: the company, then the title.
  if (comma) return { name, affiliation: (comma[1] as string).trim(), title: (comma[2] as string).trim() };
  return { name, title: rest, affiliation: null };
}

/**
 * The time a timestamped paragraph starts, in seconds, read from the `(00:00:12) ` in front
 * of it; null when the paragraph has none. The English paragraph and its translation carry
 * the same time, which is how the alignment stage pairs them.
 */
export function timestampOf(text: string, paragraph: Span): number | null {
  const lineStart = text.lastIndexOf('\n', paragraph.start - 1) + 1;
  const before = text.slice(lineStart, paragraph.start);
  const m = TIMESTAMP.exec(before);
  if (!m || m[0].length !== before.length) return null;
  const parts = (m[1] as string).replace(',', '.').split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

interface FrontMatter {
  span: Span;
  /** First line after it. */
  next: number;
  title: string | null;
}

function frontMatter(lines: readonly Line[]): FrontMatter | null {
  const first = lines[0];
  if (!first || first.text.trim() !== '---') return null;
  let title: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = /^title:\s*["']?(.+?)["']?\s*$/.exec(l.text);
    if (t) title = (t[1] as string).trim();
    if (l.text.trim() === '---' || l.text.trim() === '...') return { span: { start: first.start, end: l.end }, next: i + 1, title };
  }
  return null;
}

interface Block {
  kind: 'speaker' | 'heading' | 'memo' | 'title' | 'other';
  line: Line;
  /** For a memo: its last line. */
  endLine?: Line;
  level?: number;
  speaker?: MarkdownSpeaker;
}

/** Classify the lines after the front matter; a memo section swallows its own sub-headings. */
function blocks(lines: readonly Line[], from: number): Block[] {
  const out: Block[] = [];
  let titleSeen = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.blank) continue;
    const h = ATX.exec(line.text);
    if (h) {
      const level = (h[1] as string).length;
      const words = (h[2] as string).trim();
      if (level <= 2 && MEMO.test(words)) {
        // The memo runs to the next heading of its level or above.
        let last = line;
        let j = i + 1;
        for (; j < lines.length; j++) {
          const l = lines[j] as Line;
          const hh = ATX.exec(l.text);
          if (hh && (hh[1] as string).length <= level) break;
          if (!l.blank) last = l;
        }
        out.push({ kind: 'memo', line, endLine: last, level });
        i = j - 1;
        continue;
      }
      if (level === 1 && !titleSeen && !out.some((b) => b.kind === 'speaker')) {
        titleSeen = true;
        out.push({ kind: 'title', line, level });
        continue;
      }
      out.push({ kind: 'heading', line, level });
      continue;
    }
    const speaker = matchMarkdownSpeaker(line.text);
    if (speaker) out.push({ kind: 'speaker', line, speaker });
    else out.push({ kind: 'other', line });
  }
  return out;
}

function detect(ctx: LayoutContext): number {
  const fm = frontMatter(ctx.lines);
  const bs = blocks(ctx.lines, fm?.next ?? 0);
  const speakers = bs.filter((b) => b.kind === 'speaker');
  const headings = bs.filter((b) => b.kind !== 'speaker' && b.kind !== 'other').length;
  if (speakers.length >= 2) {
    const names = new Set(speakers.map((b) => b.speaker?.name));
    let score = 0.5 + Math.min(0.25, 0.05 * speakers.length);
    if (names.size < speakers.length) score += 0.05;
    if (headings > 0) score += 0.1;
    if (ctx.lines.some((l) => TIMESTAMP.test(l.text))) score += 0.05;
    return Math.min(score, 0.95);
  }
  // A Markdown document without speakers: just above the threshold, so that any layout
  // that finds speakers outscores it, while its headings and front matter stay regions.
  if (fm || headings >= 2) return 0.32;
  return 0;
}

/** Timestamped lines are paragraphs of their own, the timestamp left out of the span. */
function timedParagraphs(lines: readonly Line[]): Span[] | undefined {
  if (!lines.some((l) => TIMESTAMP.test(l.text))) return undefined;
  const out: Span[] = [];
  let cur: Span | null = null;
  for (const l of lines) {
    if (l.blank) {
      cur = null;
      continue;
    }
    const s = trimmedSpan(l);
    const m = TIMESTAMP.exec(l.text);
    if (m) {
      cur = { start: l.start + m[0].length, end: s.end };
      if (cur.end > cur.start) out.push(cur);
      else cur = null;
    } else if (cur) {
      cur.end = s.end;
    } else {
      cur = { ...s };
      out.push(cur);
    }
  }
  return out;
}

function titleMeta(title: string): Partial<CallMeta> {
  // `聯發科_20260311`: the company, then the date as eight digits.
  const m = /^(.+?)[_\s-]+(\d{4})(\d{2})(\d{2})$/.exec(title);
  if (m) return { title, company: (m[1] as string).trim(), date: `${m[2]}-${m[3]}-${m[4]}` };
  const call: Partial<CallMeta> = { title, ...(parseCallTitle(title) ?? {}) };
  call.title = title;
  const date = findDate(title);
  if (date) call.date = date;
  const period = findPeriod(title);
  if (period) call.period ??= period;
  return call;
}

function read(ctx: LayoutContext): LayoutResult {
  const { lines, source } = ctx;
  const { text } = source;
  const fm = frontMatter(lines);
  const bs = blocks(lines, fm?.next ?? 0);
  const regions: Region[] = [];
  const diagnostics: Diagnostic[] = [];
  let call: Partial<CallMeta> = {};
  if (fm) {
    regions.push({ kind: 'front-matter', span: fm.span });
    if (fm.title) call = titleMeta(fm.title);
  }
  const firstSpeaker = bs.findIndex((b) => b.kind === 'speaker');
  const speakerless = firstSpeaker < 0;
  let qaStart: number | null = null;
  const stops: number[] = [];
  const contentLines: Line[] = [];
  let subheadingSeen = false;
  bs.forEach((b, k) => {
    const span = trimmedSpan(b.line);
    switch (b.kind) {
      case 'title':
        regions.push({ kind: 'metadata', span });
        call = { ...call, ...titleMeta((ATX.exec(b.line.text)?.[2] as string).trim()) };
        break;
      case 'memo':
        regions.push({ kind: 'memo', span: { start: span.start, end: trimmedSpan(b.endLine as Line).end } });
        stops.push(b.line.start);
        break;
      case 'heading': {
        regions.push({ kind: 'heading', span });
        stops.push(b.line.start);
        subheadingSeen = true;
        const kind = headingKind(b.line.text);
        if (kind === 'qa' && qaStart === null) qaStart = b.line.start;
        break;
      }
      case 'speaker':
        stops.push(b.line.start);
        break;
      case 'other':
        if (!speakerless && k < firstSpeaker) {
          // Banners above the first speaker: `**這份檔案由 AlphaMemo.ai 製作…**` is furniture,
          // `**警語：此 Memo 和逐字稿為 AI 生成…**` a disclaimer.
          const kind = HTML.test(b.line.text) ? 'markup' : BANNER_WARNING.test(b.line.text) ? 'disclaimer' : 'furniture';
          regions.push({ kind, span });
        } else if (speakerless && HTML.test(b.line.text)) {
          regions.push({ kind: 'markup', span });
        } else if (speakerless && DISCLAIMER.test(b.line.text)) {
          regions.push({ kind: 'disclaimer', span });
        } else if (speakerless && !subheadingSeen && span.end - span.start <= 40) {
          // A byline between the title and the first section (`08-15 06:24Wind`,
          // `收藏到AliceBox`) is page furniture, not the document's text.
          regions.push({ kind: 'furniture', span });
        } else {
          contentLines.push(b.line);
        }
        break;
    }
  });

  const turns: RawTurn[] = [];
  if (speakerless) {
    // Paragraphs between the regions; the turn's span covers the headings it runs across, and
    // the headings stay regions of their own.
    const paragraphs: Span[] = [];
    let run: Line[] = [];
    const flush = () => {
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last) append(paragraphs, splitParagraphs(text, { start: first.start, end: last.end }));
      run = [];
    };
    let prev = -1;
    for (const l of contentLines) {
      if (prev >= 0 && lines.slice(prev + 1, l.i).some((x) => !x.blank)) flush();
      run.push(l);
      prev = l.i;
    }
    flush();
    const first = paragraphs[0];
    const last = paragraphs[paragraphs.length - 1];
    if (first && last) {
      turns.push({ speaker: 'Unknown', title: null, affiliation: null, header: null, body: { start: first.start, end: last.end }, paragraphs });
    }
    diagnostics.push({
      severity: 'warning',
      rule: 'unknown-layout',
      message: 'a Markdown document without speaker lines; its text is read as one turn by an unknown speaker',
    });
  } else {
    stops.sort((a, b) => a - b);
    for (const b of bs) {
      if (b.kind !== 'speaker' || !b.speaker) continue;
      const end = stops.find((s) => s > b.line.start) ?? text.length;
      const body = lines.filter((l) => l.start > b.line.start && l.start < end);
      const paragraphs = timedParagraphs(body);
      const { name, title, affiliation } = b.speaker;
      turns.push({
        speaker: name,
        title,
        affiliation,
        header: trimmedSpan(b.line),
        body: { start: b.line.end, end },
        ...(paragraphs ? { paragraphs } : {}),
      });
    }
  }
  return { turns, regions, participants: [], qaStart, call, diagnostics };
}

export const markdown: Layout = { format: 'markdown', detect, maxScore: 0.95, read };
