import type { Region } from '../../model.js';
import { sharedScan, type Layout, type LayoutContext, type LayoutResult, type RawTurn } from '../layout.js';
import { standsAlone, trimmedSpan, type Line } from '../lines.js';
import { parseDateLine, parseTitleLine } from '../metadata.js';

/**
 * The layout transcript sites print (the Kingsoft Cloud Q2 2023 call):
 *
 *     Tao Zou (Vice Chairman and CEO)
 *
 *     [Foriegn language] 好 , 大 家 好 …
 *
 *     Speaker 7
 *
 *     Hello, everyone, …
 *
 * A header is a line standing alone between blank lines that is a short name followed by a
 * title in parentheses, `Operator`, or an anonymous `Speaker 7`. Above the first header sits
 * page furniture (`Sign in`, `Kingsoft Cloud - Q2 2023`, `August 22, 2023`, `Transcript`).
 */

// A name is one to six words; words may carry dots, apostrophes and hyphens (`Allen W. Parker`,
// `O'Brien`, `Jean-Pierre`), and a Chinese name may stand alone (`邹涛 (CEO)`).
const NAME = String.raw`(?:[\p{Lu}\p{Lo}][\p{L}.'’\-]*)(?: (?:[\p{Lu}\p{Lo}][\p{L}.'’\-]*|de|van|von|der|bin|al)){0,5}`;
const TITLED = new RegExp(String.raw`^(${NAME}) \(([^()]{1,100})\)$`, 'u');
const ANONYMOUS = /^(Speaker \d{1,3}|Unidentified (?:Speaker|Participant|Analyst|Company Representative)(?: \d{1,3})?|Operator)$/;

export interface SiteHeader {
  speaker: string;
  title: string | null;
}

export function matchSiteHeader(text: string): SiteHeader | null {
  const t = text.trim();
  if (t.length > 140) return null;
  const anon = ANONYMOUS.exec(t);
  if (anon) return { speaker: anon[1] as string, title: null };
  const m = TITLED.exec(t);
  if (!m) return null;
  return { speaker: m[1] as string, title: (m[2] as string).trim() };
}

function headerLines(lines: readonly Line[]): Array<{ line: Line; header: SiteHeader }> {
  const out: Array<{ line: Line; header: SiteHeader }> = [];
  for (const line of lines) {
    if (line.blank || !standsAlone(lines, line.i)) continue;
    const header = matchSiteHeader(line.text);
    if (header) out.push({ line, header });
  }
  return out;
}

const headersOf = sharedScan((ctx) => headerLines(ctx.lines));

function detect(ctx: LayoutContext): number {
  const headers = headersOf.detect(ctx);
  if (headers.length < 2) return 0;
  // Titled headers and `(participant)` are this layout's signature; a repeated speaker
  // confirms that the lines are headers rather than stray parenthesised remarks.
  const titled = headers.filter((h) => h.header.title !== null).length;
  const names = new Set(headers.map((h) => h.header.speaker));
  const repeats = headers.length - names.size;
  let score = 0.4 + Math.min(0.4, titled / 10) + (repeats > 0 ? 0.15 : 0);
  if (headers.some((h) => h.header.title === 'participant')) score += 0.05;
  return Math.min(score, 1);
}

function read(ctx: LayoutContext): LayoutResult {
  const { lines, source } = ctx;
  const headers = headersOf.read(ctx);
  const regions: Region[] = [];
  const call: LayoutResult['call'] = {};
  const first = headers[0];
  // Furniture: everything above the first header. The title line and the date line are
  // metadata; the rest (`Sign in`, `Transcript`) is page furniture.
  for (const line of lines) {
    if (first && line.i >= first.line.i) break;
    if (line.blank) continue;
    const title = parseTitleLine(line.text);
    const date = parseDateLine(line.text);
    if (title && !call.company) {
      Object.assign(call, title);
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else if (date && !call.date) {
      call.date = date;
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else {
      regions.push({ kind: 'furniture', span: trimmedSpan(line) });
    }
  }
  const turns: RawTurn[] = headers.map((h, k) => {
    const next = headers[k + 1];
    const bodyEnd = next ? next.line.start : source.text.length;
    const isOperator = h.header.speaker === 'Operator';
    return {
      speaker: h.header.speaker,
      // `(participant)` is how the site marks the operator, not a job title.
      title: isOperator && h.header.title === 'participant' ? null : h.header.title,
      affiliation: null,
      header: trimmedSpan(h.line),
      body: { start: h.line.end, end: bodyEnd },
      ...(isOperator ? { role: 'operator' as const } : {}),
    };
  });
  return { turns, regions, participants: [], qaStart: null, call, diagnostics: [] };
}

export const transcriptSite: Layout = { format: 'transcript-site', detect, maxScore: 1, read };
