import type { CallMeta, Diagnostic, Participant, Region, Role, Section, Span } from '../../model.js';
import type { SourceText } from '../../source.js';
import type { Layout, LayoutContext, LayoutResult, RawTurn } from '../layout.js';
import { trimSpan } from '../lines.js';
import { findDate, findPeriod } from '../metadata.js';
import { roleFromTitle } from '../roles.js';
import { childElement, childElements, parseXml, textOf, type XmlElement, type XmlFailure } from './xml-adapter.js';
import { append } from '../../arrays.js';

/**
 * FactSet CallStreet XML:
 *
 *     <transcript>
 *       <meta>
 *         <title>Q3 2024 Earnings Call</title>  <date>2024-11-14T08:00:00</date>
 *         <companies><company>…</company></companies>
 *         <participants>
 *           <participant id="2" type="corprep" affiliation="…" title="Chief Financial Officer">Name</participant>
 *         </participants>
 *       </meta>
 *       <body>
 *         <section name="MANAGEMENT DISCUSSION SECTION"> | <section name="Q&amp;A">
 *           <speaker id="2" type="a"><plist><p>…</p><p>…</p></plist></speaker>
 *
 * Spans point into the XML text itself: a turn runs from `<speaker` to `</speaker>`, its header
 * is the `<speaker …>` tag, and each paragraph is the raw content of a `<p>` element. Entities
 * stay as written in those spans (`R&amp;D`), so `turnText` shows `&amp;` where the decoded
 * text has `&`; names, titles, firms and the call metadata come decoded from the parser.
 * Keeping spans on the raw source is what lets every later stage point back into the file.
 */

const QA_SECTION = /\bQ\s*&\s*A\b|\bquestions?\b/i;

/** `type` of a participant → role; a corporate representative's title tells IR and interpreters apart. */
function roleOf(type: string | undefined, title: string | null): Role {
  switch ((type ?? '').toLowerCase()) {
    case 'operator':
      return 'operator';
    case 'analyst':
      return 'analyst';
    case 'corprep': {
      const byTitle = roleFromTitle(title);
      return byTitle === 'ir' || byTitle === 'interpreter' ? byTitle : 'executive';
    }
    default:
      return roleFromTitle(title);
  }
}

interface Listed extends Participant {
  id: string;
}

function participantsOf(list: XmlElement | undefined): Listed[] {
  if (!list) return [];
  return childElements(list, 'participant').map((p) => {
    const title = p.attrs.title?.trim() || null;
    return {
      id: p.attrs.id ?? '',
      name: textOf(p) || `Participant ${p.attrs.id ?? '?'}`,
      title,
      affiliation: p.attrs.affiliation?.trim() || null,
      role: roleOf(p.attrs.type, title),
    };
  });
}

/** `2024-11-14T08:00:00` (FactSet's form) or any date `findDate` reads. */
function isoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return findDate(value);
}

function callOf(meta: XmlElement | undefined): Partial<CallMeta> {
  const call: Partial<CallMeta> = {};
  if (!meta) return call;
  const title = childElement(meta, 'title');
  if (title && textOf(title)) {
    call.title = textOf(title);
    const period = findPeriod(call.title);
    if (period) call.period = period;
  }
  const date = childElement(meta, 'date');
  const iso = date ? isoDate(textOf(date)) : null;
  if (iso) call.date = iso;
  const companies = childElement(meta, 'companies');
  const company = companies ? childElement(companies, 'company') : undefined;
  if (company && textOf(company)) call.company = textOf(company);
  return call;
}

/** `<p>` elements of a speaker, under `<plist>` or directly under the speaker. */
function paragraphElements(speaker: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of speaker.children) {
    if (c.kind !== 'element') continue;
    if (c.name === 'p') out.push(c);
    else if (c.name === 'plist') append(out, childElements(c, 'p'));
  }
  return out;
}

const TAG = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * Tags outside turns and the meta block (`<?xml …?>`, `<transcript …>`, `<section name="Q&amp;A">`,
 * `</body>`, comments) become `markup` regions; runs of tags separated only by white space make
 * one region. Character data outside any speaker is deliberately left uncovered so that the
 * shared assembly reports it as unattributed text rather than hiding it as markup.
 */
function markupRegions(text: string, covered: readonly Span[]): Region[] {
  const sorted = [...covered].sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  let pos = 0;
  for (const c of sorted) {
    if (c.start > pos) gaps.push({ start: pos, end: c.start });
    pos = Math.max(pos, c.end);
  }
  if (pos < text.length) gaps.push({ start: pos, end: text.length });
  const out: Region[] = [];
  for (const gap of gaps) {
    const slice = text.slice(gap.start, gap.end);
    let run: Span | null = null;
    let last = 0;
    for (const m of slice.matchAll(TAG)) {
      const at = m.index ?? 0;
      const between = slice.slice(last, at);
      const isTag = !m[0].startsWith('<![CDATA[');
      if (run && (between.trim() !== '' || !isTag)) {
        out.push({ kind: 'markup', span: run });
        run = null;
      }
      if (isTag) {
        const s = { start: gap.start + at, end: gap.start + at + m[0].length };
        run = run ? { start: run.start, end: s.end } : s;
      }
      last = at + m[0].length;
    }
    if (run) out.push({ kind: 'markup', span: run });
  }
  return out;
}

/** The `<meta>` block as regions: the participants list, and the rest as metadata. */
function metaRegions(text: string, meta: XmlElement | undefined, list: XmlElement | undefined): Region[] {
  if (!meta) return [];
  if (!list) return [{ kind: 'metadata', span: meta.span }];
  const out: Region[] = [];
  const before = trimSpan(text, { start: meta.span.start, end: list.span.start });
  const after = trimSpan(text, { start: list.span.end, end: meta.span.end });
  if (before.end > before.start) out.push({ kind: 'metadata', span: before });
  out.push({ kind: 'participants', span: list.span });
  if (after.end > after.start) out.push({ kind: 'metadata', span: after });
  return out;
}

function failure(source: SourceText, f: XmlFailure): Diagnostic {
  const d: Diagnostic = { severity: 'error', rule: f.rule, message: f.message };
  const at = f.offset ?? (f.line !== undefined ? source.lineStarts[f.line - 1] : undefined);
  if (at !== undefined) d.span = { start: at, end: at };
  return d;
}

/** Read a FactSet CallStreet XML transcript; adapter failures become `error` diagnostics and no turns. */
export function readFactSet(source: SourceText): LayoutResult {
  const { text } = source;
  const result: LayoutResult = { turns: [], regions: [], participants: [], qaStart: null, call: {}, diagnostics: [] };
  const parsed = parseXml(text, 'transcript');
  if (!parsed.ok) {
    result.diagnostics.push(failure(source, parsed));
    return result;
  }
  const root = parsed.root;
  const meta = childElement(root, 'meta');
  const list = meta ? childElement(meta, 'participants') : undefined;
  const listed = participantsOf(list);
  result.participants = listed.map(({ id: _id, ...p }) => p);
  result.call = callOf(meta);
  append(result.regions, metaRegions(text, meta, list));

  const body = childElement(root, 'body');
  const speakers: Array<{ el: XmlElement; section: Section | undefined }> = [];
  for (const c of body?.children ?? []) {
    if (c.kind !== 'element') continue;
    if (c.name === 'section') {
      const section: Section = QA_SECTION.test(c.attrs.name ?? '') ? 'qa' : 'prepared';
      if (section === 'qa' && result.qaStart === null) result.qaStart = c.span.start;
      for (const s of childElements(c, 'speaker')) speakers.push({ el: s, section });
    } else if (c.name === 'speaker') {
      speakers.push({ el: c, section: undefined });
    }
  }
  if (!body) {
    result.diagnostics.push({ severity: 'warning', rule: 'xml-no-body', message: 'the transcript has no <body>: no turns to read', span: { start: root.span.start, end: root.span.start } });
  }

  const unknownIds = new Set<string>();
  for (const { el, section } of speakers) {
    const id = el.attrs.id ?? '';
    const who = listed.find((p) => p.id === id);
    if (!who && !unknownIds.has(id)) {
      unknownIds.add(id);
      result.diagnostics.push({
        severity: 'warning',
        rule: 'xml-unknown-speaker',
        message: `<speaker id="${id}"> names no participant in <meta><participants>`,
        span: { start: el.span.start, end: el.inner.start },
      });
    }
    const paragraphs = paragraphElements(el)
      .map((p) => trimSpan(text, p.inner))
      .filter((p) => p.end > p.start);
    const turn: RawTurn = {
      speaker: who?.name ?? `Speaker ${id}`,
      title: who?.title ?? null,
      affiliation: who?.affiliation ?? null,
      header: { start: el.span.start, end: el.inner.start },
      body: { start: el.inner.start, end: el.span.end },
      paragraphs,
    };
    if (who && who.role !== 'unknown') turn.role = who.role;
    if (section) turn.section = section;
    result.turns.push(turn);
  }

  append(result.regions, markupRegions(text, [...result.regions.map((r) => r.span), ...speakers.map((s) => s.el.span)]));
  result.regions.sort((a, b) => a.span.start - b.span.start);
  return result;
}

/**
 * XML is not line-layout text: the document either opens with `<?xml` or `<transcript` (after
 * white space or a BOM the decoder left in) or it is not this layout at all. A wrong root
 * after `<?xml` (`<html>`) is still claimed, so that `read` can say what is wrong with it.
 */
function detect(ctx: LayoutContext): number {
  return /^[\uFEFF\s]*<(?:\?xml|transcript[\s>/])/.test(ctx.source.text.slice(0, 1000)) ? 1 : 0;
}

export const factsetXml: Layout = { format: 'factset-xml', detect, maxScore: 1, read: (ctx) => readFactSet(ctx.source) };
