import type { Region, Span } from '../../model.js';
import { sharedScan, type Layout, type LayoutContext, type LayoutResult, type RawTurn } from '../layout.js';
import { trimSpan, trimmedSpan, type Line } from '../lines.js';
import { stripMarker } from '../paragraphs.js';
import { isOperatorName } from '../roles.js';
import { ANONYMOUS, headingKind, topMatter } from './web-common.js';
import { maxOf } from '../../arrays.js';

/**
 * One-line turns, `Name: text`:
 *
 *     Operator: Good day, and welcome to the Ferncliff Foods first quarter call.
 *     Hannah Cole: Thank you, operator. …
 *
 *     Our gross margin was 38.2% …            ← a later paragraph of the same turn
 *     主持人：各位投资者下午好。
 *
 * `header` is the span of the `Name:` part, colon included, and the body starts after the
 * colon. (A null header would leave the name outside every turn and region; with the name
 * in the header, `text.slice(turn.span)` still reads `Hannah Cole: Thank you…`.)
 *
 * A line that opens with a colon is not always a turn: "Note: figures are in RMB",
 * "Source: company filings", "风险提示：市场有风险". So a name counts only when it is not a
 * label word and it recurs, or is the operator, or is a person's name of two or more words
 * (two to four Han characters), named elsewhere in the text, in a text where some speaker
 * recurs.
 */

// `Hannah Cole`, `Dr. Ravi Menon`, `Hans van der Berg`, optionally `(Title or firm)`; or a
// Han name `陈思远`, optionally `（首席财务官）`.
const LATIN_NAME = String.raw`[\p{Lu}][\p{L}.'’\-]*(?: (?:[\p{Lu}][\p{L}.'’\-]*|de|da|van|von|der|den|la|le|bin|al)){0,4}`;
const HAN_NAME = String.raw`[\p{Script=Han}·]{1,8}`;
const HEADER = new RegExp(String.raw`^\s*((${LATIN_NAME}|${HAN_NAME})(?:\s*[(（]([^()（）]{1,80})[)）])?\s*[:：])`, 'u');

/** Words that open labels rather than names: "Note:", "Forward-Looking Statements:". */
const LABEL_WORDS = new Set(
  'note notes nb source sources disclaimer caution warning important example update updates summary agenda subject re date time title location venue tel phone fax email e-mail website web url ticker period highlights outlook guidance total revenue revenues question answer q a forward-looking forward safe risk risks copyright contact contacts transcript call conference event dial replay webcast audio attendees participants presenters speakers tags category categories keywords description layout author published updated edited'.split(' '),
);
const HAN_LABELS = /^(?:风险提示|風險提示|免责声明|免責聲明|版权声明|版權聲明|注|注意|备注|備註|来源|來源|资料来源|資料來源|数据来源|數據來源|说明|說明|提示|声明|聲明|时间|時間|日期|地点|地點|主题|主題|摘要|要点|要點|关键词|關鍵詞|标签|標籤|会议时间|會議時間|会议地点|會議地點|参会人员|參會人員|其中|此外|另外|同时|同時|例如|比如|综上|綜上|总结|總結|结论|結論)$/u;

interface Candidate {
  line: Line;
  name: string;
  title: string | null;
  /** Offsets of `Name:` (colon included) in the source. */
  header: { start: number; end: number };
}

function candidates(lines: readonly Line[]): Candidate[] {
  const out: Candidate[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const m = HEADER.exec(line.text);
    if (!m) continue;
    const name = (m[2] as string).trim();
    // `10:30` and `https://` fail the name pattern already; a heading `Prepared Remarks:` is
    // a heading, not a speaker.
    if (headingKind(line.text.slice(0, m[0].length)) !== null) continue;
    const lead = line.text.length - line.text.trimStart().length;
    out.push({ line, name, title: m[3]?.trim() ?? null, header: { start: line.start + lead, end: line.start + m[0].length } });
  }
  return out;
}

function isLabel(name: string): boolean {
  const first = name.split(/\s+/)[0]?.toLowerCase().replace(/[.:]$/, '') ?? '';
  return LABEL_WORDS.has(first) || LABEL_WORDS.has(name.toLowerCase()) || HAN_LABELS.test(name);
}

function personLike(name: string): boolean {
  if (/^[\p{Script=Han}·]{2,4}$/u.test(name)) return true;
  return /^[\p{Lu}]/u.test(name) && name.split(/\s+/).length >= 2;
}

/**
 * Someone who speaks once is usually named elsewhere too: the operator introduces an analyst
 * ("comes from Lena Fischer with Orrin Capital"), a speaker thanks a colleague ("Thanks,
 * Rosa."). A label such as `Gross Margin:` is not, so a one-off name (or its first or last
 * word, capitalised as written) must appear outside its header.
 */
function mentionedElsewhere(text: string, c: Candidate): boolean {
  const words = c.name.split(/\s+/);
  const needles = /^[\p{Script=Han}·]+$/u.test(c.name) ? [c.name] : [c.name, words[0] as string, words[words.length - 1] as string];
  for (const needle of needles) {
    let at = text.indexOf(needle);
    while (at >= 0) {
      if (at < c.header.start || at >= c.header.end) return true;
      at = text.indexOf(needle, at + 1);
    }
  }
  return false;
}

function accepted(text: string, all: readonly Candidate[]): Candidate[] {
  const counts = new Map<string, number>();
  for (const c of all) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const recurring = (c: Candidate) => (counts.get(c.name) ?? 0) >= 2;
  const ok = all.filter((c) => !isLabel(c.name));
  const anyRecurs = ok.some((c) => recurring(c) || isOperatorName(c.name));
  return ok.filter(
    (c) => isOperatorName(c.name) || ANONYMOUS.test(c.name) || recurring(c) || (anyRecurs && personLike(c.name) && mentionedElsewhere(text, c)),
  );
}

interface Found {
  headers: Candidate[];
  headings: Array<{ line: Line; qa: boolean }>;
}

function scan(text: string, lines: readonly Line[]): Found {
  const headers = accepted(text, candidates(lines));
  const headings: Found['headings'] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const kind = headingKind(line.text);
    if (kind === 'qa' || kind === 'prepared') headings.push({ line, qa: kind === 'qa' });
  }
  return { headers, headings };
}

/**
 * Text in this layout comes from web pages and chat exports, where a paragraph is a line:
 * "…opened on schedule.\nNote: figures are in US dollars…" are two paragraphs even though the
 * second line is short. Only a text hard-wrapped at a fixed width (most lines within 85% of
 * the longest, which is at most 100 characters) is left to the shared wrap heuristic.
 */
function hardWrapped(lines: readonly Line[]): boolean {
  const widths = lines.filter((l) => !l.blank).map((l) => l.text.trim().length);
  const max = maxOf(widths, 0);
  if (max === 0 || max > 100) return false;
  return widths.filter((w) => w >= 0.85 * max).length * 2 >= widths.length;
}

function lineParagraphs(text: string, lines: readonly Line[], body: Span): Span[] {
  const out: Span[] = [];
  for (const l of lines) {
    if (l.end <= body.start || l.start >= body.end || l.blank) continue;
    const p = trimSpan(text, { start: Math.max(l.start, body.start), end: Math.min(l.end, body.end) });
    const q = stripMarker(text, p);
    if (q.end > q.start) out.push(q);
  }
  return out;
}

const scanOf = sharedScan((ctx) => scan(ctx.source.text, ctx.lines));

function detect(ctx: LayoutContext): number {
  const { headers } = scanOf.detect(ctx);
  if (headers.length < 3) return 0;
  const names = new Set(headers.map((h) => h.name));
  const recurring = [...names].filter((n) => headers.filter((h) => h.name === n).length >= 2).length;
  if (names.size < 2 || recurring < 1) return 0;
  // How much of the text the headers organise: a transcript opens a turn every few lines,
  // a document with a stray "Name:" line now and then does not.
  const nonBlank = ctx.lines.filter((l) => !l.blank).length;
  const density = Math.min(1, headers.length / Math.max(1, nonBlank * 0.25));
  const operator = headers.some((h) => isOperatorName(h.name)) ? 0.1 : 0;
  return Math.min(0.85, 0.25 + 0.1 * Math.min(recurring, 3) + 0.3 * density + operator);
}

function read(ctx: LayoutContext): LayoutResult {
  const { lines, source } = ctx;
  const { headers, headings } = scanOf.read(ctx);
  const firstLine = headers[0]?.line.i ?? lines.length;
  const top = topMatter(lines, 0, firstLine);
  const regions: Region[] = top.regions.filter((r) => !headings.some((h) => h.line.start <= r.span.start && r.span.start < h.line.end));
  let qaStart: number | null = null;
  for (const h of headings) {
    regions.push({ kind: 'heading', span: trimmedSpan(h.line) });
    if (h.qa && qaStart === null) qaStart = h.line.start;
  }
  const stops = [...headers.map((h) => h.line.start), ...headings.map((h) => h.line.start)].sort((a, b) => a - b);
  const perLine = !hardWrapped(lines);
  const turns: RawTurn[] = headers.map((h) => {
    const body = { start: h.header.end, end: stops.find((s) => s > h.line.start) ?? source.text.length };
    return {
      speaker: h.name,
      title: h.title,
      affiliation: null,
      header: h.header,
      body,
      ...(perLine ? { paragraphs: lineParagraphs(source.text, lines, body) } : {}),
    };
  });
  return { turns, regions, participants: [], qaStart, call: top.call, diagnostics: [] };
}

export const colon: Layout = { format: 'colon', detect, maxScore: 0.85, read };
