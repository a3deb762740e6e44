import type { CallMeta, Diagnostic, InputFormat, Participant, Region, Role, Section, Span } from '../model.js';
import type { SourceText } from '../source.js';
import type { Line } from './lines.js';

/**
 * What a layout reader finds: the speaker blocks in order, and the non-speech regions. The
 * shared assembly (paragraphs, language, roles, interpreters, sections, exchanges) is done
 * once for every layout in `assemble.ts`, so a new layout only has to find headers.
 */
export interface RawTurn {
  speaker: string;
  title: string | null;
  affiliation: string | null;
  /** The speaker line(s), or the inline `Name:` of a colon turn; null when no speaker is named. */
  header: Span | null;
  /** From the end of the header to the end of the turn (white space is trimmed later). */
  body: Span;
  /** A role the layout knows for sure (XML `type="analyst"`, a participants list). */
  role?: Role;
  /** A section the layout knows for sure (a heading, an XML section). */
  section?: Section;
  /** Paragraphs the layout knows (timestamped lines); otherwise split at blank lines. */
  paragraphs?: Span[];
}

export interface LayoutResult {
  turns: RawTurn[];
  regions: Region[];
  participants: Participant[];
  /** Offset where a Q&A heading says the Q&A begins; null when the layout has no heading. */
  qaStart: number | null;
  call: Partial<CallMeta>;
  diagnostics: Diagnostic[];
  /** Lines are hard-wrapped (PDF exports): a paragraph ends at a short line. */
  wrapped?: boolean;
}

export interface LayoutContext {
  source: SourceText;
  lines: Line[];
}

export interface Layout {
  format: InputFormat;
  /** How sure (0..1) the text is in this layout; the best score above 0.3 wins. */
  detect(ctx: LayoutContext): number;
  /**
   * The highest score `detect` can return (its final `Math.min` cap). `detectLayout` skips a
   * layout whose cap cannot beat the best score so far (a later layout must score strictly
   * higher to win), so this must never be below what `detect` returns.
   */
  maxScore: number;
  read(ctx: LayoutContext): LayoutResult;
}

export function emptyResult(): LayoutResult {
  return { turns: [], regions: [], participants: [], qaStart: null, call: {}, diagnostics: [] };
}

/**
 * A layout's scan of the lines, made once for `detect` and `read`: when a layout wins,
 * `read` scans the same lines `detect` just did (transcript-site's header lines were 75 ms
 * of a profile of 10 x 200 generated calls, half of it the second scan). `read` takes the
 * stored scan and drops it, so each read result still holds objects of its own; a read
 * without a detect before it, or of another context, scans afresh. Keyed weakly by the
 * context's line list, so nothing outlives the parse.
 */
export function sharedScan<T>(scan: (ctx: LayoutContext) => T): { detect(ctx: LayoutContext): T; read(ctx: LayoutContext): T } {
  const made = new WeakMap<readonly Line[], { source: SourceText; found: T }>();
  return {
    detect(ctx) {
      const hit = made.get(ctx.lines);
      if (hit && hit.source === ctx.source) return hit.found;
      const found = scan(ctx);
      made.set(ctx.lines, { source: ctx.source, found });
      return found;
    },
    read(ctx) {
      const hit = made.get(ctx.lines);
      made.delete(ctx.lines);
      return hit && hit.source === ctx.source ? hit.found : scan(ctx);
    },
  };
}
