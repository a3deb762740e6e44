import type { Participant, Region } from '../../model.js';
import type { Layout, LayoutContext, LayoutResult, RawTurn } from '../layout.js';
import { trimmedSpan, type Line } from '../lines.js';
import { findDate, findPeriod } from '../metadata.js';
import { firmOf, listedRole, splitAffiliation } from './affiliation.js';
import { append } from '../../arrays.js';

/**
 * The Refinitiv (Thomson Reuters) event-transcript layout as it comes out of a PDF (the Zillow
 * Q3 2022 call):
 *
 *     CORPORATE PARTICIPANTS
 *      
 *     Allen W. Parker
 *     Zillow Group, Inc. - CFO
 *     …
 *     PRESENTATION
 *      
 *     Operator
 *     Good afternoon. My name is Hannah, … welcome everyone to the
 *     Zillow Group's Third Quarter 2022 Conference Call. (Operator Instructions) …
 *      
 *     Bradley Allen Berning
 *     Zillow Group, Inc. - VP of IR
 *     Thank you. …
 *
 * Blocks are separated by a line holding one space; speech is hard-wrapped at ~140 characters
 * and the shared paragraph splitter re-joins it. Headings are whole upper-case lines that may
 * follow the previous line directly ("…Co-Founder, CEO & Director\nCONFERENCE CALL
 * PARTICIPANTS", "…open the line for questions.\nQUESTIONS AND ANSWERS"), so they are found
 * before anything else and end whatever precedes them.
 */

type HeadingKind = 'corporate' | 'conference' | 'presentation' | 'qa' | 'disclaimer';

const HEADINGS: Record<string, HeadingKind> = {
  'CORPORATE PARTICIPANTS': 'corporate',
  'CONFERENCE CALL PARTICIPANTS': 'conference',
  PRESENTATION: 'presentation',
  'QUESTIONS AND ANSWERS': 'qa',
  'QUESTION AND ANSWER': 'qa',
  DISCLAIMER: 'disclaimer',
};

/**
 * Longer than any heading (and than any Object.prototype name, at most 20 letters), a line is no
 * heading: the lookup of every line's whole text as a property name (hashing it) made headingOf
 * 95-158 samples of a warm profile of 4 x 50 generated calls (now 16). Same result.
 */
const MAX_HEADING = Math.max(...Object.keys(HEADINGS).map((k) => k.length));

function headingOf(line: Line): HeadingKind | null {
  const key = line.text.trim();
  return key.length > MAX_HEADING ? null : (HEADINGS[key] ?? null);
}

// `Allen W. Parker`, `Richard N. Barton`, `Ryan McKeveny`, `Jean-Luc d'Arcy`: up to six words,
// the first capitalised; no sentence punctuation beyond the dots of initials.
const NAME = /^[\p{Lu}][\p{L}.'’-]*(?: (?:[\p{Lu}][\p{L}.'’-]*|de|van|von|der|da|di|le|la|bin|al)){0,5}$/u;
// Speakers printed on one line with no `Company - Title` line under them.
const ALONE = /^(Operator|Unidentified (?:Analyst|Participant|Company Representative|Speaker))$/;
// The last word of a title that wrapped onto a further line: "…Equity Research & Lead\nSenior Analyst".
const TITLE_END = /\b(Analyst|Officer|Director|President|Research|Head|Manager|Relations|Strategist|Partner|Chairman|Chairwoman|Chair|CEO|CFO|COO|CTO|Secretary|Treasurer|Controller|Counsel|Associate|Founder|Member|Lead|Principal|Executive)$/;
const TITLE_WORD = /^(?:[\p{Lu}&][\p{L}&.'’-]*|of|and|for|the|in|&)$/u;

function isName(text: string): boolean {
  const t = text.trim();
  return t.length <= 60 && NAME.test(t);
}

/**
 * A further line of a wrapped title. The participants list settles it when the person is
 * listed (the list wraps at another place: "…& Lead Senior\nAnalyst" there, "…& Lead\nSenior
 * Analyst" in the turn). Otherwise only a short run of title words ending in a title noun,
 * with speech after it, counts: a first line of speech such as "Thank you." never does.
 */
function continuesTitle(affLine: string, next: Line | undefined, after: Line | undefined, listed: string | undefined): boolean {
  if (!next || next.blank || headingOf(next)) return false;
  const joined = `${affLine.trim()} ${next.text.trim()}`;
  if (listed !== undefined) return joined === listed;
  const words = next.text.trim().split(/\s+/);
  return (
    next.text.trim().length <= 40 &&
    words.length <= 5 &&
    words.every((w) => TITLE_WORD.test(w)) &&
    TITLE_END.test(next.text.trim()) &&
    after !== undefined &&
    !after.blank &&
    headingOf(after) === null
  );
}

interface Header {
  /** Index of the name line. */
  first: number;
  /** Index of the last header line (name, `Company - Title`, wrapped title). */
  last: number;
  speaker: string;
  company: string | null;
  title: string | null;
}

/** Blocks of non-blank lines, as the one-space separator lines delimit them. */
function blocks(lines: readonly Line[], from: number, to: number): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] as Line;
    if (line.blank) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(line);
  }
  if (cur.length) out.push(cur);
  return out;
}

function spanOf(first: Line, last: Line) {
  return { start: trimmedSpan(first).start, end: trimmedSpan(last).end };
}

interface Section {
  kind: HeadingKind | 'front';
  /** The heading line, or -1 for the lines above the first heading. */
  heading: number;
  /** First line after the heading; end is exclusive. */
  from: number;
  to: number;
}

function sectionsOf(lines: readonly Line[]): Section[] {
  const out: Section[] = [];
  let cur: Section = { kind: 'front', heading: -1, from: 0, to: lines.length };
  for (const line of lines) {
    const kind = headingOf(line);
    if (!kind) continue;
    cur.to = line.i;
    out.push(cur);
    cur = { kind, heading: line.i, from: line.i + 1, to: lines.length };
  }
  out.push(cur);
  return out;
}

function readParticipants(lines: readonly Line[], s: Section, listedFull: Map<string, string>): { participants: Participant[]; region: Region | null } {
  const participants: Participant[] = [];
  const bs = blocks(lines, s.from, s.to);
  for (const b of bs) {
    const [nameLine, ...rest] = b;
    if (!nameLine) continue;
    // "…Director of Internet and Media Equity Research & Lead Senior\nAnalyst": the title runs
    // on until the block ends.
    const full = rest.map((l) => l.text.trim()).join(' ');
    const aff = splitAffiliation(full);
    const name = nameLine.text.trim();
    if (full) listedFull.set(name, full);
    const list = s.kind === 'conference' ? 'conference' : 'corporate';
    const title = aff ? aff.title : full || null;
    const company = aff ? aff.company : null;
    participants.push({
      name,
      title,
      affiliation: company === null ? null : list === 'conference' ? firmOf(company) : company,
      role: listedRole(list, title),
    });
  }
  const firstBlock = bs[0];
  const lastBlock = bs[bs.length - 1];
  const region: Region | null =
    firstBlock && lastBlock
      ? { kind: 'participants', span: spanOf(firstBlock[0] as Line, lastBlock[lastBlock.length - 1] as Line) }
      : null;
  return { participants, region };
}

function findHeaders(lines: readonly Line[], s: Section, listedFull: ReadonlyMap<string, string>): Header[] {
  const out: Header[] = [];
  for (let i = s.from; i < s.to; i++) {
    const line = lines[i] as Line;
    if (line.blank) continue;
    // A speaker starts a block: after a separator line, or first after the heading.
    const prev = lines[i - 1];
    if (i !== s.from && prev && !prev.blank) continue;
    const t = line.text.trim();
    const next = lines[i + 1];
    if (ALONE.test(t)) {
      out.push({ first: i, last: i, speaker: t, company: null, title: null });
      continue;
    }
    if (!isName(t) || !next || next.blank || i + 1 >= s.to) continue;
    const aff = splitAffiliation(next.text);
    if (!aff) continue;
    let last = i + 1;
    let title = aff.title;
    const more = lines[i + 2];
    if (i + 2 < s.to && continuesTitle(next.text, more, lines[i + 3], listedFull.get(t)) && more) {
      last = i + 2;
      title = `${title} ${more.text.trim()}`;
    }
    out.push({ first: i, last, speaker: t, company: aff.company, title });
  }
  return out;
}

/**
 * A title page above the participants lists, where the PDF has one:
 *     ZG - Q3 2022 Zillow Group Inc Earnings Call
 *     EVENT DATE/TIME: NOVEMBER 07, 2022 / 10:00PM GMT
 */
function readFront(lines: readonly Line[], s: Section, regions: Region[], call: LayoutResult['call']): void {
  for (let i = s.from; i < s.to; i++) {
    const line = lines[i] as Line;
    if (line.blank) continue;
    const t = line.text.trim();
    const title = /^[A-Z0-9.]{1,10} - ((?:Q[1-4]|Half Year|Full Year|Preliminary) .*?\d{4} (.+?) (?:Earnings|Sales|Trading|Conference|Investor|Annual).*)$/.exec(t);
    const event = /^EVENT DATE\/TIME:\s*(.+)$/i.exec(t);
    if (title && !call.title) {
      call.title = title[1] as string;
      call.company = title[2] as string;
      const period = findPeriod(title[1] as string);
      if (period) call.period = period;
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else if (event && !call.date && findDate(titleCase(event[1] as string))) {
      call.date = findDate(titleCase(event[1] as string));
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else {
      regions.push({ kind: 'furniture', span: trimmedSpan(line) });
    }
  }
}

/** "NOVEMBER 07, 2022" → "November 07, 2022", which `findDate` reads. */
function titleCase(s: string): string {
  return s.replace(/[A-Z]+/g, (w) => w.charAt(0) + w.slice(1).toLowerCase());
}

function read(ctx: LayoutContext): LayoutResult {
  const { lines, source } = ctx;
  const regions: Region[] = [];
  const participants: Participant[] = [];
  const call: LayoutResult['call'] = {};
  const listedFull = new Map<string, string>();
  const sections = sectionsOf(lines);
  let qaStart: number | null = null;

  for (const s of sections) {
    const heading = lines[s.heading];
    if (heading) regions.push({ kind: 'heading', span: trimmedSpan(heading) });
    if (s.kind === 'qa' && heading && qaStart === null) qaStart = heading.start;
    if (s.kind === 'corporate' || s.kind === 'conference') {
      const r = readParticipants(lines, s, listedFull);
      append(participants, r.participants);
      if (r.region) regions.push(r.region);
    } else if (s.kind === 'disclaimer') {
      const bs = blocks(lines, s.from, s.to);
      const a = bs[0]?.[0];
      const lastBlock = bs[bs.length - 1];
      const b = lastBlock?.[lastBlock.length - 1];
      if (a && b) regions.push({ kind: 'disclaimer', span: spanOf(a, b) });
    } else if (s.kind === 'front') {
      readFront(lines, s, regions, call);
    }
  }

  const turns: RawTurn[] = [];
  for (const s of sections) {
    if (s.kind !== 'presentation' && s.kind !== 'qa') continue;
    const headers = findHeaders(lines, s, listedFull);
    const end = (lines[s.to] as Line | undefined)?.start ?? source.text.length;
    headers.forEach((h, k) => {
      const next = headers[k + 1];
      const first = lines[h.first] as Line;
      const last = lines[h.last] as Line;
      const listed = participants.find((p) => p.name === h.speaker);
      turns.push({
        speaker: h.speaker,
        title: h.title,
        // The firm as the list gives it ("Jefferies LLC"), else the header's company.
        affiliation: listed?.affiliation ?? (h.company === null ? null : firmOf(h.company)),
        header: spanOf(first, last),
        body: { start: last.end, end: next ? (lines[next.first] as Line).start : end },
        ...(h.speaker === 'Operator' ? { role: 'operator' as const } : {}),
      });
    });
  }
  return { turns, regions, participants, qaStart, call, diagnostics: [], wrapped: true };
}

function detect(ctx: LayoutContext): number {
  const { lines } = ctx;
  const kinds = new Set(lines.map(headingOf).filter((k) => k !== null));
  if (!kinds.has('presentation') && !kinds.has('qa') && !kinds.has('corporate')) return 0;
  // Speaker blocks: a name line right after a separator and a `Company - Title` line under it.
  let pairs = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    const prev = lines[i - 1] as Line;
    const line = lines[i] as Line;
    const next = lines[i + 1] as Line;
    if (prev.blank && !line.blank && isName(line.text) && splitAffiliation(next.text)) pairs++;
  }
  if (pairs < 2) return 0;
  return Math.min(0.95, 0.5 + 0.1 * kinds.size + (pairs >= 4 ? 0.05 : 0));
}

export const refinitiv: Layout = { format: 'refinitiv', detect, maxScore: 0.95, read };
