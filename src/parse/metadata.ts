import type { CallMeta } from '../model.js';

/**
 * Call metadata from the lines and sentences that state it. Every pattern here quotes the
 * shape it reads; anything else leaves the field null rather than guess.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthIndex(name: string): number {
  const k = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(k.slice(0, 3))) + 1;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** `August 22, 2023`, `Thursday, August 29, 2019`, `22 August 2023`, `2023-08-22`, `2023年8月22日`. */
export function findDate(text: string): string | null {
  let m = new RegExp(String.raw`\b${MONTH_RE} (\d{1,2}),? (\d{4})\b`).exec(text);
  if (m) return isoDate(Number(m[3]), monthIndex(m[1] as string), Number(m[2]));
  m = new RegExp(String.raw`\b(\d{1,2}) ${MONTH_RE},? (\d{4})\b`).exec(text);
  if (m) return isoDate(Number(m[3]), monthIndex(m[2] as string), Number(m[1]));
  m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** A line that is only a date (furniture under a transcript title). */
export function parseDateLine(line: string): string | null {
  const t = line.trim();
  if (t.length > 40) return null;
  const d = findDate(t);
  if (!d) return null;
  // Only the date and perhaps a weekday: "Thursday, August 29, 2019".
  const rest = t.replace(new RegExp(String.raw`${MONTH_RE}|\d+|[,.\-年月日]|\s|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`, 'g'), '');
  return rest === '' ? d : null;
}

const QUARTER_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/**
 * A fiscal period written as transcript titles and welcomes write it:
 * `Q2 2023`, `2Q23`, `Q2 FY2024`, `second quarter 2023`, `Third Quarter 2022`,
 * `Half Year 2019`, `first half of 2024`, `Full Year 2024`, `fiscal year 2025`.
 */
export function findPeriod(text: string): string | null {
  let m = /\bQ([1-4])\s*(?:FY\s*)?'?(\d{4}|\d{2})\b/i.exec(text);
  if (m) return `${year(m[2] as string)}-Q${m[1]}`;
  m = /\b([1-4])Q\s*'?(\d{4}|\d{2})\b/.exec(text);
  if (m) return `${year(m[2] as string)}-Q${m[1]}`;
  m = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of)?(?: fiscal(?: year)?)? (\d{4})\b/i.exec(text);
  if (m) return `${m[2]}-Q${QUARTER_WORDS[(m[1] as string).toLowerCase()]}`;
  m = /\b(?:half[ -]year|first half|interim|H1)(?: of)?(?: fiscal(?: year)?)? (\d{4})\b/i.exec(text);
  if (m) return `${m[1]}-H1`;
  m = /\b(\d{4}) (?:half[ -]year|interim)\b/i.exec(text);
  if (m) return `${m[1]}-H1`;
  m = /\b(?:full[ -]year|fiscal year|FY)\s*(\d{4})\b/i.exec(text);
  if (m) return `FY${m[1]}`;
  m = /(\d{4})\s*年\s*第\s*([一二三四1-4])\s*季/.exec(text);
  if (m) return `${m[1]}-Q${'一二三四'.indexOf(m[2] as string) + 1 || Number(m[2])}`;
  // `信远电气2024年中期业绩电话会`, `2024年半年度业绩说明会`, `2024年上半年`.
  m = /(\d{4})\s*年\s*(?:中期|半年度|上半年)/.exec(text);
  if (m) return `${m[1]}-H1`;
  return null;
}

function year(y: string): string {
  return y.length === 2 ? `20${y}` : y;
}

/** `Kingsoft Cloud - Q2 2023`: a transcript site's title line, company then period. */
export function parseTitleLine(line: string): Partial<CallMeta> | null {
  const t = line.trim();
  const m = /^(.{2,80}?)\s+[-–—]\s+(.{2,60})$/.exec(t);
  if (!m) return null;
  const period = findPeriod(m[2] as string);
  if (!period) return null;
  return { company: (m[1] as string).trim(), period, title: t };
}

/**
 * The operator's or IR's welcome names the company and the period:
 * "Welcome to Kingsoft Cloud's second quarter 2023 earnings conference call",
 * "welcome to the Zillow Group's Third Quarter 2022 Conference Call".
 */
export function metaFromWelcome(text: string): Partial<CallMeta> {
  const out: Partial<CallMeta> = {};
  const m = /\b(?:welcome (?:everyone |you )?to|joining)\s+(?:the\s+)?([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4})['’]s? ((?:first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?: of)?(?: fiscal(?: year)?)? \d{4}|(?:fiscal )?(?:full[ -]year|fiscal year) \d{4}|Q[1-4] \d{4})/i.exec(text);
  if (m) {
    out.company = (m[1] as string).trim();
    const p = findPeriod(m[2] as string);
    if (p) out.period = p;
  }
  return out;
}
