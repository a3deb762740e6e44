import type { Layout, LayoutContext, LayoutResult } from '../layout.js';

/**
 * The fallback for text in no known shape: one turn by an unknown speaker, so that nothing is
 * lost and later stages still find quantities and metrics, with a warning that says so.
 */
function read(ctx: LayoutContext): LayoutResult {
  const { text } = ctx.source;
  const turns = text.trim() === '' ? [] : [{ speaker: 'Unknown', title: null, affiliation: null, header: null, body: { start: 0, end: text.length } }];
  return {
    turns,
    regions: [],
    participants: [],
    qaStart: null,
    call: {},
    diagnostics: text.trim() === ''
      ? [{ severity: 'warning', rule: 'empty-input', message: 'the input holds no text' }]
      : [{ severity: 'warning', rule: 'unknown-layout', message: 'no speaker headers found; the whole text is read as one turn by an unknown speaker' }],
  };
}

export const plain: Layout = { format: 'plain', detect: () => 0.01, maxScore: 0.01, read };
