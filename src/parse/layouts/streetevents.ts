import type { Participant, Region } from '../../model.js';
import type { Layout, LayoutContext, LayoutResult, RawTurn } from '../layout.js';
import { trimmedSpan, type Line } from '../lines.js';
import { findDate, findPeriod } from '../metadata.js';
import { firmOf, listedRole, splitAffiliation } from './affiliation.js';

/**
 * Thomson StreetEvents text transcripts (the TravelSky H1 2019 call):
 *
 *     U.S. Markets closed
 *     Edited Transcript of 696.HK earnings conference call or presentation 29-Aug-19 7:00am GMT
 *     Half Year 2019 TravelSky Technology Ltd Earnings Call (Chinese, English)
 *     Beijing Sep 3, 2019 (Thomson StreetEvents) -- Edited Transcript of … Thursday, August 29, 2019 at 7:00:00am GMT
 *     TEXT version of Transcript
 *     ================================================================================
 *     Corporate Participants
 *     ================================================================================
 *     * Yinhong Xiao
 *     TravelSky Technology Limited - CEO, GM & Executive Director
 *     ================================================================================
 *     Presentation
 *     --------------------------------------------------------------------------------
 *     Operator [1]
 *     --------------------------------------------------------------------------------
 *     (foreign language) Good afternoon, ladies and gentlemen. …
 *
 * (blank lines between all of these). A heading is the line after a `====` rule; a speaker
 * line sits between two `----` rules and ends with its number `[n]`; speech runs to the next
 * rule. The rules themselves are `markup` regions.
 */

const HEAVY = /^\s*={10,}\s*$/;
const LIGHT = /^\s*-{10,}\s*$/;
const NUMBERED = /^(.*?)\s*\[(\d{1,4})\]\s*$/;

type HeadingKind = 'corporate' | 'conference' | 'presentation' | 'qa' | 'disclaimer' | 'other';

function headingKind(text: string): HeadingKind {
  const t = text.trim().toLowerCase();
  if (t === 'corporate participants') return 'corporate';
  if (t === 'conference call participants') return 'conference';
  if (t === 'presentation') return 'presentation';
  if (/^questions? and answers?(?: session)?$/.test(t)) return 'qa';
  // The closing sections: "Definitions" (PRELIMINARY TRANSCRIPT, EDITED TRANSCRIPT…) and
  // "Disclaimer" (Thomson Reuters reserves the right…).
  if (t === 'definitions' || t === 'disclaimer') return 'disclaimer';
  return 'other';
}

function isRule(line: Line): boolean {
  return HEAVY.test(line.text) || LIGHT.test(line.text);
}

function prevNonBlank(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i - 1; j >= 0; j--) if (!(lines[j] as Line).blank) return lines[j];
  return undefined;
}

function nextNonBlank(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++) if (!(lines[j] as Line).blank) return lines[j];
  return undefined;
}

export interface SpeakerLine {
  speaker: string;
  company: string | null;
  title: string | null;
}

/**
 * `Operator [1]`, `Yinhong Xiao, TravelSky Technology Limited - CEO, GM & Executive Director [2]`,
 * `Unidentified Participant [7]`, and the empty affiliation `Name,  [5]`. Names hold no comma,
 * so the first comma ends the name; the company may hold more ("Co. Ltd., Research Division").
 */
export function parseSpeakerLine(text: string): SpeakerLine | null {
  const m = NUMBERED.exec(text.trim());
  if (!m) return null;
  const head = (m[1] as string).trim();
  if (head === '' || head.length > 300) return null;
  const comma = head.indexOf(',');
  if (comma < 0) return { speaker: head, company: null, title: null };
  const speaker = head.slice(0, comma).trim();
  const rest = head.slice(comma + 1).trim();
  if (speaker === '') return null;
  if (rest === '') return { speaker, company: null, title: null };
  const aff = splitAffiliation(rest);
  return aff ? { speaker, company: aff.company, title: aff.title } : { speaker, company: rest, title: null };
}

function isSpeakerLine(lines: readonly Line[], line: Line): boolean {
  if (line.blank || isRule(line)) return false;
  const before = prevNonBlank(lines, line.i);
  const after = nextNonBlank(lines, line.i);
  return !!before && !!after && LIGHT.test(before.text) && LIGHT.test(after.text) && parseSpeakerLine(line.text) !== null;
}

/**
 * A heading sits between a `====` rule and another rule: `====` after a participants heading,
 * `----` after `Presentation` (the first speaker's rule). The first `* Name` entry also follows
 * a `====` rule, but a `Company - Title` line follows it, not a rule.
 */
function isHeading(lines: readonly Line[], line: Line): boolean {
  if (line.blank || isRule(line)) return false;
  const before = prevNonBlank(lines, line.i);
  const after = nextNonBlank(lines, line.i);
  return !!before && HEAVY.test(before.text) && !!after && isRule(after);
}

// "Half Year 2019 TravelSky Technology Ltd Earnings Call (Chinese, English)",
// "Q2 2019 Apple Inc Earnings Call", "Full Year 2018 … Earnings Conference Call".
const TITLE = /^(?:Preliminary )?((?:Q[1-4]|Half Year|Full Year|Nine Months|9 Months) \d{4}) (.+?) (?:Earnings (?:Conference )?Call|Earnings Presentation|Sales (?:and|&) Revenue Call|Trading Statement Call|Conference Call)\b(?: \([^()]*\))?$/;
// "Beijing Sep 3, 2019 (Thomson StreetEvents) -- Edited Transcript of TravelSky Technology Ltd
// earnings conference call or presentation Thursday, August 29, 2019 at 7:00:00am GMT": the
// date before the marker is when the transcript was published; the call's date follows.
const DATELINE = /\((?:Thomson Reuters |Thomson )?StreetEvents\) -- (.*)$/;
const OF_COMPANY = /Edited Transcript of (.+?) (?:earnings )?conference call/;

function readFront(lines: readonly Line[], to: number, regions: Region[], call: LayoutResult['call']): void {
  for (let i = 0; i < to; i++) {
    const line = lines[i] as Line;
    if (line.blank) continue;
    const t = line.text.trim();
    const title = TITLE.exec(t);
    const dateline = DATELINE.exec(t);
    if (title && !call.title) {
      call.title = t;
      call.company = (title[2] as string).trim();
      const period = findPeriod(title[1] as string);
      if (period) call.period = period;
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else if (dateline && !call.date) {
      const rest = dateline[1] as string;
      const date = findDate(rest);
      if (date) call.date = date;
      const of = OF_COMPANY.exec(rest);
      if (of && !call.company) call.company = (of[1] as string).trim();
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else {
      regions.push({ kind: 'furniture', span: trimmedSpan(line) });
    }
  }
}

function read(ctx: LayoutContext): LayoutResult {
  const { lines, source } = ctx;
  const regions: Region[] = [];
  const participants: Participant[] = [];
  const turns: RawTurn[] = [];
  const call: LayoutResult['call'] = {};
  let qaStart: number | null = null;

  const firstRule = lines.find(isRule);
  readFront(lines, firstRule ? firstRule.i : lines.length, regions, call);

  let kind: HeadingKind | null = null;
  let current: RawTurn | null = null;
  // The participants or disclaimer text of the current section, first to last line.
  let block: { first: Line; last: Line } | null = null;
  let pendingName: Participant | null = null;
  let openRule = false;

  const closeBlock = () => {
    if (block) {
      const kindOf = kind === 'disclaimer' ? 'disclaimer' : 'participants';
      regions.push({ kind: kindOf, span: { start: trimmedSpan(block.first).start, end: trimmedSpan(block.last).end } });
    }
    block = null;
    pendingName = null;
  };

  for (const line of lines) {
    if (firstRule && line.i < firstRule.i) continue;
    if (line.blank) continue;
    if (isRule(line)) {
      regions.push({ kind: 'markup', span: trimmedSpan(line) });
      if (current && openRule) {
        // The `----` under the speaker line: speech starts after it.
        current.body.start = line.end;
        openRule = false;
      } else if (current) {
        current.body.end = line.start;
        current = null;
      }
      // A `====` rule ends a participants list or a disclaimer; a `----` rule inside them does not occur.
      if (HEAVY.test(line.text)) closeBlock();
      continue;
    }
    if (isHeading(lines, line)) {
      closeBlock();
      kind = headingKind(line.text);
      regions.push({ kind: 'heading', span: trimmedSpan(line) });
      if (kind === 'qa' && qaStart === null) qaStart = line.start;
      continue;
    }
    if ((kind === 'presentation' || kind === 'qa' || kind === 'other') && isSpeakerLine(lines, line)) {
      const s = parseSpeakerLine(line.text) as SpeakerLine;
      const listed = participants.find((p) => p.name === s.speaker);
      const role = s.speaker === 'Operator' ? 'operator' : /^(Interpreter|Translator)$/i.test(s.speaker) ? 'interpreter' : undefined;
      current = {
        speaker: s.speaker,
        title: s.title,
        affiliation: listed?.affiliation ?? (s.company === null ? null : firmOf(s.company)),
        header: trimmedSpan(line),
        body: { start: line.end, end: source.text.length },
        ...(role ? { role } : {}),
      };
      turns.push(current);
      openRule = true;
      continue;
    }
    if (current) continue;
    if (kind === 'corporate' || kind === 'conference' || kind === 'disclaimer') {
      block = block ? { first: block.first, last: line } : { first: line, last: line };
      if (kind === 'disclaimer') continue;
      const t = line.text.trim();
      const star = /^\*\s*(.+)$/.exec(t);
      const list = kind === 'conference' ? 'conference' : 'corporate';
      if (star) {
        pendingName = { name: (star[1] as string).trim(), title: null, affiliation: null, role: listedRole(list, null) };
        participants.push(pendingName);
      } else if (pendingName) {
        const aff = splitAffiliation(t);
        pendingName.title = aff ? aff.title : t;
        const company = aff ? aff.company : null;
        pendingName.affiliation = company === null ? null : list === 'conference' ? firmOf(company) : company;
        pendingName.role = listedRole(list, pendingName.title);
        pendingName = null;
      }
    }
  }
  closeBlock();

  return { turns, regions, participants, qaStart, call, diagnostics: [] };
}

function detect(ctx: LayoutContext): number {
  const { lines } = ctx;
  const heavy = lines.filter((l) => HEAVY.test(l.text)).length;
  if (heavy === 0) return 0;
  const speakers = lines.filter((l) => isSpeakerLine(lines, l)).length;
  if (speakers === 0) return 0;
  const branded = lines.slice(0, 20).some((l) => /StreetEvents/.test(l.text));
  return Math.min(0.95, 0.6 + 0.05 * Math.min(4, speakers) + (branded ? 0.1 : 0));
}

export const streetEvents: Layout = { format: 'streetevents', detect, maxScore: 0.95, read };
