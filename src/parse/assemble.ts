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
import { isOperatorName, personKey, roleFromTitle, sameperson } from './roles.js';
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
    lang: turnLang(text, paragraphs, share),
    langShare: share,
    span: { start, end },
    header: raw.header,
    paragraphs,
    interprets: null,
  };
}

/**
 * Listed participants first, then every speaker not listed; one entry per person. Indexed by
 * exact name and by `personKey`, not searched: a file of 20,000 distinct `Name (Analyst)`
 * headers compared every speaker with every participant (quadratic; 123 s for 1.2 MB).
 */
function collectParticipants(listed: readonly Participant[], turns: readonly Turn[], keyOf: (name: string) => string | null): Participant[] {
  const out = listed.map((p) => ({ ...p }));
  const byName = new Map<string, Participant>();
  const byKey = new Map<string, Participant[]>();
  const index = (p: Participant) => {
    if (!byName.has(p.name)) byName.set(p.name, p);
    const key = keyOf(p.name);
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), p]);
  };
  out.forEach(index);
  for (const t of turns) {
    const key = keyOf(t.speaker);
    const known = byName.get(t.speaker) ?? (key === null ? undefined : byKey.get(key)?.find((p) => sameperson(p.name, t.speaker)));
    if (known) {
      known.title ??= t.title;
      known.affiliation ??= t.affiliation;
      if (known.role === 'unknown') known.role = t.role;
    } else {
      const p: Participant = { name: t.speaker, title: t.title, affiliation: t.affiliation, role: t.role };
      out.push(p);
      index(p);
    }
  }
  return out;
}

/** The first participant of each name, each speaker's turns, and turns by `personKey`: lookups, not scans. */
interface People {
  participant: Map<string, Participant>;
  turnsOf: Map<string, Turn[]>;
  turnsByKey: Map<string, Turn[]>;
  keyOf: (name: string) => string | null;
}

/**
 * `personKey`, computed once per name: a call's turns repeat a few speakers' names, and each
 * `personKey` lower-cases, replaces and splits the name (words() was 141 ms inclusive in a
 * profile of 10 x 200 generated calls). One entry per distinct name, so memory stays linear.
 */
function keyCache(): (name: string) => string | null {
  const keys = new Map<string, string | null>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = personKey(name)));
    return key;
  };
}

function indexPeople(turns: readonly Turn[], participants: readonly Participant[], keyOf: (name: string) => string | null): People {
  const participant = new Map<string, Participant>();
  for (const p of participants) if (!participant.has(p.name)) participant.set(p.name, p);
  const turnsOf = new Map<string, Turn[]>();
  const turnsByKey = new Map<string, Turn[]>();
  for (const t of turns) {
    const list = turnsOf.get(t.speaker);
    if (list) list.push(t);
    else turnsOf.set(t.speaker, [t]);
    const key = keyOf(t.speaker);
    if (key === null) continue;
    const same = turnsByKey.get(key);
    if (same) same.push(t);
    else turnsByKey.set(key, [t]);
  }
  return { participant, turnsOf, turnsByKey, keyOf };
}

/** The first turn after turn `n`, not the operator's, whose speaker may be `name`. */
function nextTurnOf(people: People, name: string, n: number): Turn | undefined {
  const key = people.keyOf(name);
  const list = key === null ? undefined : people.turnsByKey.get(key);
  if (!list) return undefined;
  // Turns are in order of n: binary search for the first one after n.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Turn).n <= n) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < list.length; k++) {
    const x = list[k] as Turn;
    if (x.role !== 'operator' && sameperson(x.speaker, name)) return x;
  }
  return undefined;
}

function setRole(people: People, name: string, role: Role, affiliation: string | null): void {
  for (const t of people.turnsOf.get(name) ?? []) {
    t.role = role;
    t.affiliation ??= affiliation;
  }
  const p = people.participant.get(name);
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
  const keyOf = keyCache();
  const participants = collectParticipants(layout.participants, turns, keyOf);
  const people = indexPeople(turns, participants, keyOf);

  // Roles a participants list gives ("CONFERENCE CALL PARTICIPANTS") outrank titles.
  for (const t of turns) {
    const p = people.participant.get(t.speaker);
    if (p && p.role !== 'unknown' && t.role !== 'operator' && !layout.turns[t.n - 1]?.role) t.role = p.role;
    if (p) t.affiliation ??= p.affiliation;
  }

  // The operator's introductions name the analysts and their firms. The introduced speaker
  // is looked up by name among the turns after the operator's, and a speaker already made an
  // analyst of a known firm is not set again: the same transcript pasted 2,000 times over
  // (40 MB) rescanned every turn for every introduction (quadratic; 277 s).
  const introduced = new Set<string>();
  for (const t of turns) {
    if (t.role !== 'operator') continue;
    for (const intro of findIntroductions(textOf(t))) {
      const speaker = nextTurnOf(people, intro.name, t.n);
      if (!speaker || introduced.has(speaker.speaker)) continue;
      setRole(people, speaker.speaker, 'analyst', intro.firm);
      if (intro.firm !== null) introduced.add(speaker.speaker);
    }
  }

  markInterpreters(turns);
  for (const p of participants) {
    const t = people.turnsOf.get(p.name)?.[0];
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
