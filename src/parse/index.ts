import type { Diagnostic, InputFormat, Transcript } from '../model.js';
import type { SourceText } from '../source.js';
import { assemble } from './assemble.js';
import type { Layout, LayoutContext } from './layout.js';
import { LAYOUTS } from './layouts/index.js';
import { plain } from './layouts/plain.js';
import { linesOf } from './lines.js';

export { turnText } from './assemble.js';

export interface ParseOptions {
  /** Force a layout instead of detecting it (`--input-format`). */
  format?: InputFormat;
}

/** The layout that recognises the text best, and how sure it was. */
export function detectLayout(ctx: LayoutContext): { layout: Layout; score: number } {
  let best: { layout: Layout; score: number } = { layout: plain, score: 0 };
  for (const layout of LAYOUTS) {
    const score = layout.detect(ctx);
    if (score > best.score) best = { layout, score };
  }
  return best.score >= 0.3 ? best : { layout: plain, score: best.score };
}

/** SourceText → Transcript. Never throws on text; problems become diagnostics. */
export function parseTranscript(source: SourceText, opts: ParseOptions = {}): Transcript {
  const ctx: LayoutContext = { source, lines: linesOf(source) };
  const diagnostics: Diagnostic[] = [];
  let layout: Layout;
  if (opts.format) {
    const forced = LAYOUTS.find((l) => l.format === opts.format);
    if (!forced) throw new Error(`unknown input format ${opts.format}`);
    layout = forced;
  } else {
    layout = detectLayout(ctx).layout;
  }
  const t = assemble(source, layout.format, layout.read(ctx));
  t.diagnostics.unshift(...diagnostics);
  return t;
}
