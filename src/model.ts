/**
 * The central types of ecall. Plain, JSON-serialisable objects: every stage takes and returns
 * these, so a pipeline can stop after any stage and serialise what it has.
 *
 * Offsets are UTF-16 code units into the decoded source text (what JavaScript string indexes
 * count); `end` is exclusive. Line and column are computed only when rendering.
 */

export interface Span {
  start: number;
  end: number;
}

export type Lang = 'zh' | 'en';
export type Role = 'operator' | 'ir' | 'executive' | 'analyst' | 'interpreter' | 'unknown';
export type Section = 'prepared' | 'qa';
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** A stable id, kebab-case, naming the rule that produced the message (`unknown-layout`). */
  rule: string;
  message: string;
  span?: Span;
}

/** Which decoder turned the bytes into text, and what it had to do on the way. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** The transcript layouts ecall recognises; `plain` is the fallback for text in no known shape. */
export type InputFormat =
  | 'transcript-site'
  | 'refinitiv'
  | 'streetevents'
  | 'seeking-alpha'
  | 'motley-fool'
  | 'colon'
  | 'markdown'
  | 'factset-xml'
  | 'asr-segments'
  | 'plain';

/**
 * Parts of the source that are not speech: page furniture, the participants list, section
 * headings, disclaimers. Together with the turns they account for every non-blank character.
 */
export type RegionKind =
  | 'furniture'
  | 'metadata'
  | 'participants'
  | 'heading'
  | 'disclaimer'
  | 'front-matter'
  | 'memo'
  | 'markup'
  | 'unattributed';

export interface Region {
  kind: RegionKind;
  span: Span;
}

export interface Participant {
  name: string;
  title: string | null;
  affiliation: string | null;
  role: Role;
}

export interface LangShare {
  /** Share of CJK characters among letters (0..1). */
  zh: number;
  /** Share of Latin letters among letters (0..1). */
  en: number;
}

export interface Turn {
  /** 1-based, in order of appearance. */
  n: number;
  speaker: string;
  title: string | null;
  role: Role;
  affiliation: string | null;
  section: Section;
  lang: Lang | 'mixed';
  langShare: LangShare;
  /** Header through the last character of the turn. */
  span: Span;
  /**
   * The speaker line(s); for one-line `Name: text` turns, the `Name:` part. Null only where
   * the layout names no speaker (speech-to-text segments, plain text).
   */
  header: Span | null;
  /** Each paragraph of speech, hard-wrapped lines re-joined. */
  paragraphs: Span[];
  /** For an interpretation: the `n` of the turn it renders. */
  interprets: number | null;
}

export interface Exchange {
  /** 1-based. */
  n: number;
  analyst: string;
  affiliation: string | null;
  /** The operator turn that introduced the analyst, if any. */
  introducedBy: number | null;
  /** Turns of the analyst (and their interpretations). */
  questions: number[];
  /** Turns of management (and their interpretations). */
  answers: number[];
}

export interface CallMeta {
  company: string | null;
  /** `2023-Q2`, `2024-H1`, `FY2025`. */
  period: string | null;
  /** ISO date `2023-08-22`. */
  date: string | null;
  title: string | null;
}

export interface Transcript {
  format: InputFormat;
  call: CallMeta;
  participants: Participant[];
  turns: Turn[];
  exchanges: Exchange[];
  regions: Region[];
  diagnostics: Diagnostic[];
}

/** A number found in text, with its value resolved. */
export interface Quantity {
  span: Span;
  text: string;
  lang: Lang;
  /** A range stays a range. */
  value: number | [number, number];
  /** ISO 4217 code, '%', 'pp', 'x', 'count', or ''. */
  unit: string;
  /** 约, 余, 多, 超, about, more than, around. */
  approx: boolean;
}
