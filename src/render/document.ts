import type { Diagnostic, InputFormat, Span, Transcript, Turn } from '../model.js';
import { turnText } from '../parse/assemble.js';
import { locate, type LocatedSpan, type SourceText } from '../source.js';

/**
 * The JSON documents ecall prints. Bump the major version when a field changes meaning or
 * disappears; add fields freely in minor versions. Documented in README and `schema/`.
 */
export const SCHEMA_VERSION = '1.0.0';

export interface SourceInfo {
  path: string;
  format: InputFormat;
  encoding: string;
  bom: boolean;
  sha256: string;
  chars: number;
  lines: number;
}

export function sourceInfo(src: SourceText, format: InputFormat): SourceInfo {
  return {
    path: src.path,
    format,
    encoding: src.encoding,
    bom: src.bom,
    sha256: src.sha256,
    chars: src.text.length,
    lines: src.lineStarts.length,
  };
}

export interface TurnJson extends Omit<Turn, 'span' | 'header' | 'paragraphs'> {
  text: string;
  span: LocatedSpan;
  header: LocatedSpan | null;
  paragraphs: LocatedSpan[];
}

export interface DiagnosticJson extends Omit<Diagnostic, 'span'> {
  span?: LocatedSpan;
}

export function locator(src: SourceText): (s: Span) => LocatedSpan {
  return (s) => locate(src.lineStarts, s);
}

export function turnJson(src: SourceText, t: Turn): TurnJson {
  const at = locator(src);
  return {
    n: t.n,
    speaker: t.speaker,
    title: t.title,
    role: t.role,
    affiliation: t.affiliation,
    section: t.section,
    lang: t.lang,
    langShare: t.langShare,
    interprets: t.interprets,
    text: turnText(src.text, t),
    span: at(t.span),
    header: t.header ? at(t.header) : null,
    paragraphs: t.paragraphs.map(at),
  };
}

export function diagnosticJson(src: SourceText, d: Diagnostic): DiagnosticJson {
  const { span, ...rest } = d;
  return span ? { ...rest, span: locate(src.lineStarts, span) } : rest;
}

export function turnsDocument(src: SourceText, t: Transcript) {
  const at = locator(src);
  return {
    schemaVersion: SCHEMA_VERSION,
    source: sourceInfo(src, t.format),
    call: t.call,
    participants: t.participants,
    turns: t.turns.map((x) => turnJson(src, x)),
    exchanges: t.exchanges,
    regions: t.regions.map((r) => ({ kind: r.kind, span: at(r.span) })),
    diagnostics: [...src.diagnostics, ...t.diagnostics].map((d) => diagnosticJson(src, d)),
  };
}

export type TurnsDocument = ReturnType<typeof turnsDocument>;
