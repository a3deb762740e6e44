import type { CallMeta, Region } from '../../model.js';
import type { Line } from '../lines.js';
import { trimmedSpan } from '../lines.js';
import { findDate, findPeriod, parseDateLine, parseTitleLine } from '../metadata.js';

/**
 * What the web layouts (Seeking Alpha, Motley Fool, `Name: text`, Markdown) share: how a
 * person's name looks, which stand-alone lines are section headings, and how the title and
 * date at the top of a page become call metadata.
 */

/**
 * A person's name: one to five capitalised words; words may carry dots, apostrophes and
 * hyphens (`Allen W. Parker`, `O'Brien`, `Jean-Pierre`), with the particles of European
 * surnames (`Hans van der Berg`); or two to six Han characters (`邹涛`, `歐陽文傑`).
 */
export const PERSON = String.raw`(?:[\p{Lu}][\p{L}.'’\-]*(?: (?:[\p{Lu}][\p{L}.'’\-]*|de|da|van|von|der|den|la|le|bin|al)){0,4}|[\p{Script=Han}·]{2,6})`;
const PERSON_RE = new RegExp(`^${PERSON}$`, 'u');

export function isPersonName(s: string): boolean {
  return PERSON_RE.test(s.trim());
}

/** Names that say who speaks without naming a person. */
export const ANONYMOUS = /^(?:Operator|Moderator|Unidentified (?:Speaker|Participant|Analyst|Company Representative|Corporate Participant)(?: \d{1,3})?|Unknown Speaker|Speaker \d{1,3}|主持人|接线员)$/i;

export type HeadingKind = 'prepared' | 'qa' | 'participants' | 'other';

/**
 * Stand-alone section headings of the web layouts, with or without a closing colon or
 * Markdown/bold markup: `Question-and-Answer Session` (Seeking Alpha), `Prepared Remarks:` and
 * `Questions & Answers:` (Motley Fool), `Q&A`, `问答环节`.
 */
const HEADINGS: ReadonlyArray<[RegExp, HeadingKind]> = [
  [/^(?:question[- ]and[- ]answer(?: session)?|questions? (?:and|&) answers?|q ?& ?a(?: session)?|问答环节|问答|提问环节|答问环节|問答環節|問答)$/i, 'qa'],
  [/^(?:prepared remarks|presentation|management (?:remarks|presentation|discussion)|opening remarks|管理层发言|管理層發言)$/i, 'prepared'],
  [/^(?:call participants|company participants|corporate participants|conference call participants|participants|executives|analysts|与会人员|與會人員)$/i, 'participants'],
];

export function headingKind(line: string): HeadingKind | null {
  const t = line.trim().replace(/^#{1,6}\s+/, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/[:：]$/, '').trim();
  for (const [re, kind] of HEADINGS) if (re.test(t)) return kind;
  return null;
}

/**
 * A page title naming the company by its ticker:
 * `Larkspur Robotics, Inc. (LRKS) Q3 2024 Earnings Call Transcript`, `Larkspur Robotics (NASDAQ: LRKS)`,
 * or the transcript site's `Kingsoft Cloud - Q2 2023`.
 */
export function parseCallTitle(line: string): Partial<CallMeta> | null {
  const t = line.trim();
  const m = /^(.{2,80}?)\s*\((?:[A-Z]{2,8}:\s*)?[A-Z0-9.]{1,10}(?:\s+[-+]?\d[\d.]*%)?\)\s*(.*)$/.exec(t);
  if (m) {
    // `Ferncliff Foods (FRNC 1.42%)` alone names the company but is no title; Motley Fool's
    // title is the `Q1 2025 Earnings Call` line under it.
    const out: Partial<CallMeta> = { company: (m[1] as string).trim(), ...(m[2] ? { title: t } : {}) };
    const period = findPeriod(t);
    if (period) out.period = period;
    return out;
  }
  return parseTitleLine(t);
}

const CALL_TITLE = /\b(?:earnings|conference|results) call\b|业绩(?:电话|说明|交流)会|業績(?:電話|說明|交流)會|电话会议|電話會議/i;
/** The words before the period: `Harbor Lane Logistics` of `Harbor Lane Logistics Q4 2024 …`. */
const LEADING_COMPANY = /^(.{2,60}?)\s*(?:\b(?:Q[1-4]|[1-4]Q|first|second|third|fourth|full|half|fiscal|FY|H[12])\b|\d{4}\s*年)/i;

/**
 * A short line that dates the call: `Nov. 6, 2024 4:30 PM ET`, `Feb 12, 2025, 5:00 p.m. ET`,
 * `August 22, 2023`.
 */
export function parseDateish(line: string): string | null {
  const t = line.trim();
  const d = parseDateLine(t);
  if (d) return d;
  if (t.length > 48) return null;
  const rest = t.replace(/\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:ET|EST|EDT|PT|GMT|UTC|HKT|CST)?/gi, '').trim().replace(/,$/, '');
  return parseDateLine(rest);
}

/**
 * The lines above the transcript proper: the first title line, the first date line and a
 * `Q3 2024 Earnings Call` line are call metadata, the rest page furniture.
 */
export function topMatter(lines: readonly Line[], from: number, to: number): { regions: Region[]; call: Partial<CallMeta> } {
  const regions: Region[] = [];
  const call: Partial<CallMeta> = {};
  for (const line of lines.slice(from, to)) {
    if (line.blank) continue;
    const title = call.company ? null : parseCallTitle(line.text);
    const date = call.date ? null : parseDateish(line.text);
    if (title) {
      Object.assign(call, title);
      if (!call.date) {
        const d = findDate(line.text);
        if (d) call.date = d;
      }
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else if (date) {
      call.date = date;
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else if (!call.period && line.text.trim().length <= 80 && CALL_TITLE.test(line.text) && findPeriod(line.text)) {
      // Motley Fool puts the period on its own line under the company: `Q3 2024 Earnings Call`;
      // other pages name the company first: `Harbor Lane Logistics Q4 2024 Earnings Call`,
      // `信远电气2024年中期业绩电话会`.
      const t = line.text.trim();
      call.period = findPeriod(t);
      call.title ??= t;
      const company = LEADING_COMPANY.exec(t)?.[1]?.trim();
      if (company && !call.company) call.company = company;
      regions.push({ kind: 'metadata', span: trimmedSpan(line) });
    } else {
      regions.push({ kind: 'furniture', span: trimmedSpan(line) });
    }
  }
  return { regions, call };
}
