import type { Diagnostic, Region, Span } from '../../model.js';
import type { Layout, LayoutContext, LayoutResult } from '../layout.js';
import { trimmedSpan } from '../lines.js';

/**
 * Speech-to-text output, one timed segment per line and no speaker labels:
 *
 *     [30.440 --> 33.020] 一 开始 是 公 司 的 免 责 说 明
 *
 * Each segment is a paragraph of one unknown speaker's turn; the timestamps are not speech.
 * Recognisers trained on video subtitles invent a sign-off where the audio is silent ("请不吝
 * 点赞 订阅 转发 打赏", "please like and subscribe"): such a segment is set aside as furniture
 * and reported, so that no later stage reads it as the company's words.
 */
const SEGMENT = /^\s*\[(\d+(?:\.\d+)?)\s*-->\s*(\d+(?:\.\d+)?)\]\s?/;
const HALLUCINATION = /点\s*赞|訂\s*閱|订\s*阅|打\s*赏|打\s*賞|字\s*幕\s*(?:由|提供)|like and subscribe|thanks for watching/i;

function detect(ctx: LayoutContext): number {
  const nonBlank = ctx.lines.filter((l) => !l.blank);
  if (nonBlank.length < 3) return 0;
  const timed = nonBlank.filter((l) => SEGMENT.test(l.text)).length;
  return timed / nonBlank.length >= 0.8 ? 0.9 : 0;
}

function read(ctx: LayoutContext): LayoutResult {
  const regions: Region[] = [];
  const diagnostics: Diagnostic[] = [];
  const paragraphs: Span[] = [];
  for (const line of ctx.lines) {
    if (line.blank) continue;
    const m = SEGMENT.exec(line.text);
    const span = trimmedSpan(line);
    if (!m) {
      paragraphs.push(span);
      continue;
    }
    const speech = { start: line.start + m[0].length, end: span.end };
    regions.push({ kind: 'markup', span: { start: span.start, end: line.start + m[0].length } });
    if (speech.end <= speech.start) continue;
    if (HALLUCINATION.test(line.text.slice(m[0].length))) {
      regions.push({ kind: 'furniture', span: speech });
      diagnostics.push({ severity: 'warning', rule: 'asr-hallucination', message: 'segment looks like a recogniser hallucination (a video sign-off), not speech; set aside', span: speech });
      continue;
    }
    paragraphs.push(speech);
  }
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  const turns = first && last
    ? [{ speaker: 'Unknown', title: null, affiliation: null, header: null, body: { start: first.start, end: last.end }, paragraphs }]
    : [];
  diagnostics.push({ severity: 'info', rule: 'no-speakers', message: 'speech-to-text segments carry no speaker labels; read as one unknown speaker' });
  return { turns, regions, participants: [], qaStart: null, call: {}, diagnostics };
}

export const asrSegments: Layout = { format: 'asr-segments', detect, maxScore: 0.9, read };
