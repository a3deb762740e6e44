import type { CallMeta, Diagnostic, InputFormat, Participant, Region, Role, Span, Transcript, Turn } from '../model.js';
import { countScripts, langShare } from '../lang/script.js';
import { turnLang } from './turn-lang.js';
import type { SourceText } from '../source.js';
import { buildExchanges } from './exchanges.js';
import { markInterpreters } from './interpreters.js';
import { findIntroductions } from './introductions.js';
import type { LayoutResult, RawTurn } from './layout.js';
import { findDate, metaFromWelcome } from './metadata.js';
import { paragraphText, splitParagraphs } from './paragraphs.js';
import { isOperatorName, roleFromTitle, sameperson } from './roles.js';
import { assignSections, qaStartIndex } from './sections.js';
import { trimSpan } from './lines.js';

/** The text of a turn as readers want it: paragraphs, hard wraps re-joined. */
export function turnText(text: string, t: Pick<Turn, 'paragraphs'>): string {
  return t.paragraphs.map((p) => paragraphText(text, p)).join('\n\n');
}

function toTurn(text: string, raw: RawTurn, n: number): Turn {
  const body = trimSpan(text, raw.body);
  const paragraphs = raw.paragraphs ?? splitParagraphs(text, body);
  const start = raw.header ? raw.header.start : (paragraphs[0]?.start ?? body.start);
  const end = Math.max(raw.header?.end ?? start, body.end, paragraphs[paragraphs.length - 1]?.end ?? start);
  const share = langShare(countScripts(text, paragraphs));
  return {
    n,
    speaker: raw.speaker,
    title: raw.title,
    role: raw.role ?? (isOperatorName(raw.speaker) ? 'operator' : roleFromTitle(raw.title)),
    affiliation: raw.affiliation,
    section: 'prepared',
    lang: turnLang(paragraphs.map((p) => text.slice(p.start, p.end)).join('\n'), share),
    langShare: share,
    span: { start, end },
    header: raw.header,
    paragraphs,
    interprets: null,
  };
}

/** Listed participants first, then every speaker not listed; one entry per person. */
function collectParticipants(listed: readonly Participant[], turns: readonly Turn[]): Participant[] {
  const out = listed.map((p) => ({ ...p }));
  for (const t of turns) {
    const known = out.find((p) => p.name === t.speaker) ?? out.find((p) => sameperson(p.name, t.speaker));
    if (known) {
      known.title ??= t.title;
      known.affiliation ??= t.affiliation;
      if (known.role === 'unknown') known.role = t.role;
    } else {
      out.push({ name: t.speaker, title: t.title, affiliation: t.affiliation, role: t.role });
    }
  }
  return out;
}

function setRole(turns: Turn[], participants: Participant[], name: string, role: Role, affiliation: string | null): void {
  for (const t of turns) {
    if (t.speaker !== name) continue;
    t.role = role;
    t.affiliation ??= affiliation;
  }
  const p = participants.find((x) => x.name === name);
  if (p) {
    p.role = role;
    p.affiliation ??= affiliation;
  }
}

/** Every non-blank character outside turns and regions becomes an `unattributed` region. */
function unattributed(text: string, covered: readonly Span[]): Span[] {
  const sorted = [...covered].sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  let pos = 0;
  const addGap = (s: number, e: number) => {
    const g = trimSpan(text, { start: s, end: e });
    if (g.end > g.start) gaps.push(g);
  };
  for (const c of sorted) {
    if (c.start > pos) addGap(pos, c.start);
    pos = Math.max(pos, c.end);
  }
  if (pos < text.length) addGap(pos, text.length);
  return gaps;
}

export function assemble(source: SourceText, format: InputFormat, layout: LayoutResult): Transcript {
  const { text } = source;
  const diagnostics: Diagnostic[] = [...layout.diagnostics];
  const turns = layout.turns.map((raw, k) => toTurn(text, raw, k + 1));
  // Several passes read a turn's text (introductions, Q&A cues, hand-offs): join it once.
  const texts = new Map<number, string>();
  const textOf = (t: Turn) => {
    let s = texts.get(t.n);
    if (s === undefined) texts.set(t.n, (s = turnText(text, t)));
    return s;
  };
  const participants = collectParticipants(layout.participants, turns);

  // Roles a participants list gives ("CONFERENCE CALL PARTICIPANTS") outrank titles.
  for (const t of turns) {
    const p = participants.find((x) => x.name === t.speaker);
    if (p && p.role !== 'unknown' && t.role !== 'operator' && !layout.turns[t.n - 1]?.role) t.role = p.role;
    if (p) t.affiliation ??= p.affiliation;
  }

  // The operator's introductions name the analysts and their firms.
  for (const t of turns) {
    if (t.role !== 'operator') continue;
    for (const intro of findIntroductions(textOf(t))) {
      const speaker = turns.find((x) => x.n > t.n && x.role !== 'operator' && sameperson(x.speaker, intro.name));
      if (speaker) setRole(turns, participants, speaker.speaker, 'analyst', intro.firm);
    }
  }

  markInterpreters(turns);
  for (const p of participants) {
    const t = turns.find((x) => x.speaker === p.name);
    if (t) p.role = t.role;
  }

  const given = layout.turns.map((r) => r.section);
  let qa: number | null = null;
  if (layout.qaStart !== null) {
    const k = turns.findIndex((t) => t.span.start >= (layout.qaStart as number));
    qa = k >= 0 ? k : null;
  } else if (given.every((g) => g === undefined)) {
    qa = qaStartIndex(turns, textOf);
  }
  assignSections(turns, qa, given);

  const call: CallMeta = { company: null, period: null, date: null, title: null, ...layout.call };
  for (const t of turns.slice(0, 4)) {
    const m = metaFromWelcome(textOf(t));
    call.company ??= m.company ?? null;
    call.period ??= m.period ?? null;
  }
  if (!call.date) {
    const head = text.slice(0, turns[0]?.span.start ?? Math.min(text.length, 2000));
    call.date = findDate(head);
  }

  const regions: Region[] = [...layout.regions];
  for (const gap of unattributed(text, [...regions.map((r) => r.span), ...turns.map((t) => t.span)])) {
    regions.push({ kind: 'unattributed', span: gap });
    diagnostics.push({
      severity: 'warning',
      rule: 'unattributed-text',
      message: `${gap.end - gap.start} characters belong to no speaker`,
      span: gap,
    });
  }
  regions.sort((a, b) => a.span.start - b.span.start);

  if (turns.length > 0 && turns.every((t) => t.role === 'unknown')) {
    diagnostics.push({ severity: 'info', rule: 'no-roles', message: 'no speaker has a recognisable role (operator, IR, executive, analyst)' });
  }

  return {
    format,
    call,
    participants,
    turns,
    exchanges: buildExchanges(turns, participants, textOf),
    regions,
    diagnostics,
  };
}
