import type { Participant, Region, Role } from '../../model.js';
import { sharedScan, type Layout, type LayoutContext, type LayoutResult, type RawTurn } from '../layout.js';
import { trimmedSpan, type Line } from '../lines.js';
import { roleFromTitle, sameperson } from '../roles.js';
import { ANONYMOUS, PERSON, headingKind, topMatter } from './web-common.js';

/**
 * Seeking Alpha's transcript pages:
 *
 *     Larkspur Robotics, Inc. (LRKS) Q3 2024 Earnings Call Transcript
 *     Nov. 6, 2024 4:30 PM ET
 *
 *     Company Participants
 *
 *     Maren Holt - Vice President, Investor Relations
 *     Tobias Kern - Chief Executive Officer
 *
 *     Conference Call Participants
 *
 *     Priya Raman - Halvorsen Securities
 *
 *     Operator
 *
 *     Good afternoon, and welcome …
 *
 *     Question-and-Answer Session
 *
 * A speaker's name stands alone on its line before the turn. Only names of the participants
 * lists (or `Operator`, `Unidentified Analyst`) are headers: a one-line paragraph such as
 * `Okay.` or `Thank you` must never start a turn.
 */

const LIST_HEADING = /^(Company|Corporate|Conference Call) Participants:?$/;
const ENTRY = new RegExp(String.raw`^(${PERSON})\s+[-–—]\s+(.{2,160})$`, 'u');

interface Lists {
  participants: Participant[];
  regions: Region[];
  /** Index of the first line after the lists (where the call begins). */
  end: number;
  /** Index of the first list heading, or -1. */
  start: number;
}

/** The `Company Participants` and `Conference Call Participants` blocks near the top. */
function readLists(lines: readonly Line[]): Lists {
  const participants: Participant[] = [];
  const regions: Region[] = [];
  let start = -1;
  let end = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const h = LIST_HEADING.exec(line.text.trim());
    if (!h) continue;
    if (start < 0) start = i;
    const analysts = h[1] === 'Conference Call';
    let last = trimmedSpan(line);
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as Line;
      if (l.blank) continue;
      const m = ENTRY.exec(l.text.trim());
      if (!m) break;
      const name = (m[1] as string).trim();
      const rest = (m[2] as string).trim();
      // Analysts are listed with their firm (`Priya Raman - Halvorsen Securities`), company
      // people with their title (`Tobias Kern - Chief Executive Officer`).
      const titleRole = roleFromTitle(rest);
      const role: Role = analysts ? 'analyst' : titleRole === 'unknown' ? 'executive' : titleRole;
      participants.push({ name, title: analysts ? null : rest, affiliation: analysts ? rest : null, role });
      last = trimmedSpan(l);
    }
    regions.push({ kind: 'participants', span: { start: trimmedSpan(line).start, end: last.end } });
    end = j;
    i = j - 1;
  }
  return { participants, regions, end, start };
}

function speakerOf(text: string, listed: readonly Participant[]): Participant | null {
  const t = text.trim();
  if (t.length > 60) return null;
  if (ANONYMOUS.test(t)) {
    const role: Role = /^operator$/i.test(t) ? 'operator' : /analyst/i.test(t) ? 'analyst' : 'unknown';
    return { name: t, title: null, affiliation: null, role };
  }
  return listed.find((p) => p.name === t) ?? listed.find((p) => sameperson(p.name, t)) ?? null;
}

interface Found {
  lists: Lists;
  headers: Array<{ line: Line; who: Participant }>;
  headings: Array<{ line: Line; qa: boolean }>;
}

function scan(lines: readonly Line[]): Found {
  const lists = readLists(lines);
  const headers: Found['headers'] = [];
  const headings: Found['headings'] = [];
  if (lists.start < 0) return { lists, headers, headings };
  for (const line of lines.slice(lists.end)) {
    if (line.blank) continue;
    const kind = headingKind(line.text);
    if (kind === 'qa' || kind === 'prepared') {
      headings.push({ line, qa: kind === 'qa' });
      continue;
    }
    const who = speakerOf(line.text, lists.participants);
    if (who) headers.push({ line, who });
  }
  return { lists, headers, headings };
}

const scanOf = sharedScan((ctx) => scan(ctx.lines));

function detect(ctx: LayoutContext): number {
  const { lists, headers, headings } = scanOf.detect(ctx);
  if (lists.start < 0 || lists.participants.length === 0 || headers.length < 2) return 0;
  // The lists are the signature; names from them recurring as speaker lines confirm it.
  const named = headers.filter((h) => h.who.role !== 'operator').length;
  let score = 0.45 + Math.min(0.25, named * 0.05);
  if (lists.regions.length >= 2) score += 0.1;
  if (headings.some((h) => h.qa && /question-and-answer session/i.test(h.line.text))) score += 0.15;
  return Math.min(score, 0.95);
}

function read(ctx: LayoutContext): LayoutResult {
  const { lines, source } = ctx;
  const { lists, headers, headings } = scanOf.read(ctx);
  const top = topMatter(lines, 0, Math.max(lists.start, 0));
  const regions: Region[] = [...top.regions, ...lists.regions];
  let qaStart: number | null = null;
  for (const h of headings) {
    regions.push({ kind: 'heading', span: trimmedSpan(h.line) });
    if (h.qa && qaStart === null) qaStart = h.line.start;
  }
  // A turn ends at the next speaker line or heading, whichever comes first.
  const stops = [...headers.map((h) => h.line.start), ...headings.map((h) => h.line.start)].sort((a, b) => a - b);
  const turns: RawTurn[] = headers.map((h) => {
    const end = stops.find((s) => s > h.line.start) ?? source.text.length;
    const { who } = h;
    return {
      speaker: h.line.text.trim(),
      title: who.title,
      affiliation: who.affiliation,
      header: trimmedSpan(h.line),
      body: { start: h.line.end, end },
      ...(who.role !== 'unknown' ? { role: who.role } : {}),
    };
  });
  // Speech between the lists and the first speaker line has no speaker: let assemble flag it.
  return { turns, regions, participants: lists.participants, qaStart, call: top.call, diagnostics: [] };
}

export const seekingAlpha: Layout = { format: 'seeking-alpha', detect, maxScore: 0.95, read };
