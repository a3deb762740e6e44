import type { Participant, Region, Role } from '../../model.js';
import { sharedScan, type Layout, type LayoutContext, type LayoutResult, type RawTurn } from '../layout.js';
import { trimmedSpan, type Line } from '../lines.js';
import { roleFromTitle } from '../roles.js';
import { ANONYMOUS, PERSON, headingKind, topMatter } from './web-common.js';

/**
 * The Motley Fool's transcripts:
 *
 *     Prepared Remarks:
 *
 *     Operator
 *
 *     Good afternoon …
 *
 *     Tobias Kern -- Chief Executive Officer
 *
 *     Thank you, operator …
 *
 *     Questions & Answers:
 *
 *     Priya Raman -- Halvorsen Securities -- Analyst
 *
 *     Duration: 57 minutes
 *
 *     Call participants:
 *
 *     Tobias Kern -- Chief Executive Officer
 *
 * Speaker lines are `Name -- Title`, analysts `Name -- Firm -- Analyst`, and `Operator` alone.
 * After the call: `Duration: …`, the participants list, links and the site's disclaimer.
 */

const SPEAKER = new RegExp(String.raw`^(${PERSON})\s+--\s+(.{2,120}?)(?:\s+--\s+(.{2,80}))?$`, 'u');
const DURATION = /^Duration:\s*\d+\s*minutes?\.?$/i;
const DISCLAIMER = /disclaimer|Motley Fool|this article is a transcript|terms and conditions/i;

interface Speaker {
  name: string;
  title: string | null;
  affiliation: string | null;
  role: Role | null;
}

export function matchFoolSpeaker(text: string): Speaker | null {
  const t = text.trim();
  if (t.length > 200) return null;
  if (ANONYMOUS.test(t)) return { name: t, title: null, affiliation: null, role: /^operator$/i.test(t) ? 'operator' : null };
  const m = SPEAKER.exec(t);
  if (!m) return null;
  const name = (m[1] as string).trim();
  if (m[3] !== undefined) {
    // `Priya Raman -- Halvorsen Securities -- Analyst`: the middle part is the firm.
    const title = m[3].trim();
    const r = roleFromTitle(title);
    return { name, title, affiliation: (m[2] as string).trim(), role: r === 'unknown' ? 'analyst' : r };
  }
  // `Tobias Kern -- Chief Executive Officer`: assemble reads the role from the title.
  return { name, title: (m[2] as string).trim(), affiliation: null, role: null };
}

interface Found {
  /** First line of the call (`Prepared Remarks:`), or 0. */
  begin: number;
  /** `Duration:` or `Call participants:` line index: where the speech ends. */
  speechEnd: number;
  headers: Array<{ line: Line; who: Speaker }>;
  headings: Array<{ line: Line; qa: boolean }>;
  listHeading: Line | null;
  duration: Line | null;
}

function scan(lines: readonly Line[]): Found {
  let begin = -1;
  let listHeading: Line | null = null;
  let duration: Line | null = null;
  const headings: Found['headings'] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const t = line.text.trim();
    const kind = /:$/.test(t) ? headingKind(t) : null;
    if (kind === 'prepared' || kind === 'qa') {
      if (begin < 0) begin = line.i;
      headings.push({ line, qa: kind === 'qa' });
    } else if (kind === 'participants' && begin >= 0) {
      listHeading = line;
      break;
    } else if (DURATION.test(t) && begin >= 0) {
      duration = line;
    }
  }
  const speechEnd = duration?.i ?? listHeading?.i ?? lines.length;
  const headers: Found['headers'] = [];
  for (const line of lines.slice(Math.max(begin, 0), speechEnd)) {
    if (line.blank) continue;
    const who = matchFoolSpeaker(line.text);
    if (who) headers.push({ line, who });
  }
  return { begin: Math.max(begin, 0), speechEnd, headers, headings, listHeading, duration };
}

const scanOf = sharedScan((ctx) => scan(ctx.lines));

function detect(ctx: LayoutContext): number {
  const f = scanOf.detect(ctx);
  const titled = f.headers.filter((h) => /\s--\s/.test(h.line.text)).length;
  if (titled < 2) return 0;
  let score = 0.4 + Math.min(0.3, titled * 0.05);
  if (f.headings.length > 0) score += 0.1;
  if (f.listHeading) score += 0.1;
  if (f.duration) score += 0.05;
  return Math.min(score, 0.95);
}

function read(ctx: LayoutContext): LayoutResult {
  const { lines, source } = ctx;
  const f = scanOf.read(ctx);
  const top = topMatter(lines, 0, f.begin);
  const regions: Region[] = [...top.regions];
  let qaStart: number | null = null;
  for (const h of f.headings) {
    regions.push({ kind: 'heading', span: trimmedSpan(h.line) });
    if (h.qa && qaStart === null) qaStart = h.line.start;
  }
  const speechEndOffset = lines[f.speechEnd]?.start ?? source.text.length;
  const stops = [...f.headers.map((h) => h.line.start), ...f.headings.map((h) => h.line.start), speechEndOffset].sort((a, b) => a - b);
  const turns: RawTurn[] = f.headers.map((h) => {
    const end = stops.find((s) => s > h.line.start) ?? source.text.length;
    return {
      speaker: h.who.name,
      title: h.who.title,
      affiliation: h.who.affiliation,
      header: trimmedSpan(h.line),
      body: { start: h.line.end, end },
      ...(h.who.role ? { role: h.who.role } : {}),
    };
  });

  // After the speech: `Duration: 57 minutes`, the participants list, then links and the
  // disclaimer to the end of the text.
  const participants: Participant[] = [];
  let i = f.speechEnd;
  if (f.duration) {
    regions.push({ kind: 'furniture', span: trimmedSpan(f.duration) });
    i = f.duration.i + 1;
  }
  for (; f.listHeading && i < f.listHeading.i; i++) {
    const l = lines[i] as Line;
    if (!l.blank) regions.push({ kind: 'furniture', span: trimmedSpan(l) });
  }
  if (f.listHeading) {
    let last = trimmedSpan(f.listHeading);
    for (i = f.listHeading.i + 1; i < lines.length; i++) {
      const l = lines[i] as Line;
      if (l.blank) continue;
      const who = matchFoolSpeaker(l.text);
      if (!who || ANONYMOUS.test(l.text.trim())) break;
      const r = roleFromTitle(who.title);
      participants.push({ name: who.name, title: who.title, affiliation: who.affiliation, role: who.role ?? (r === 'unknown' ? 'executive' : r) });
      last = trimmedSpan(l);
    }
    regions.push({ kind: 'participants', span: { start: trimmedSpan(f.listHeading).start, end: last.end } });
  }
  let inDisclaimer = false;
  for (const l of lines.slice(i)) {
    if (l.blank) continue;
    inDisclaimer ||= DISCLAIMER.test(l.text);
    regions.push({ kind: inDisclaimer ? 'disclaimer' : 'furniture', span: trimmedSpan(l) });
  }
  return { turns, regions, participants, qaStart, call: top.call, diagnostics: [] };
}

export const motleyFool: Layout = { format: 'motley-fool', detect, maxScore: 0.95, read };
