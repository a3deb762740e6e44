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
    // A layout wins only by scoring strictly higher, so one that cannot is not run: a
    // transcript-site call scores 1 and a Refinitiv call 0.95, and the later detectors
    // (colon's scan of every line above all) were most of detectLayout's time.
    if (layout.maxScore <= best.score) continue;
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
