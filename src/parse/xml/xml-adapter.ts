import { createRequire } from 'node:module';
import type * as Fxp from 'fast-xml-parser';

/**
 * fast-xml-parser loads on the first XML document, not with the parse stage: its ES module
 * graph took ~37 ms to import on every cold start (one transcript cold: the 300 ms
 * budget), for a layout most inputs never use. Loaded synchronously (parsing is synchronous)
 * through `require`, which resolves to the package's own CommonJS build of the same version.
 */
let fxp: typeof Fxp | null = null;
function lib(): typeof Fxp {
  fxp ??= createRequire(import.meta.url)('fast-xml-parser') as typeof Fxp;
  return fxp;
}
import type { Span } from '../../model.js';

/**
 * The one file that imports fast-xml-parser (5.12). It turns XML text into a small tree of our
 * own, with every element's position in the source, and refuses hostile documents before the
 * library sees them. Failures come back as values, never as thrown library errors.
 *
 * What the library does on its own, checked on 5.12.1 (test/parse-xml.test.ts pins the
 * results we rely on):
 * - Internal entities (`<!ENTITY co "Acme">`) are expanded; entities whose value holds `&`
 *   (billion laughs) are silently dropped and `&lol3;` stays raw; `SYSTEM` entities throw
 *   "External entities are not supported". None of that is a clear answer to a user, so
 *   every `<!ENTITY` declaration is refused here, before parsing: a transcript has no use
 *   for one.
 * - `XMLValidator.validate` accepts 10,000 nested elements and a 1 MB attribute, and the
 *   parser's conversion recurses once per level (10,000 levels overflow the stack when
 *   `maxNestedTags` is lifted). The pre-scan below caps depth and attribute length in one
 *   linear pass, without recursion.
 * - Numeric character references (`&#20013;`) are decoded only with `htmlEntities: true`,
 *   which also decodes a fixed table of HTML names (`&nbsp;`); it never expands anything
 *   the document defines.
 * - `captureMetaData` gives each element's start and end offsets in the original text (CRLF
 *   included), so positions need no second parser; each one is checked against the text.
 */

export interface XmlElement {
  kind: 'element';
  name: string;
  /** Attribute values, entities decoded. */
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
  /** From `<name` through the closing tag's `>` (or the `/>` of an empty element). */
  span: Span;
  /** Between the opening tag's `>` and the closing tag's `<`; empty for `<name/>`. */
  inner: Span;
}

/** Character data, entities decoded and white space trimmed; white-space-only text is dropped. */
export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlLimits {
  /** Deepest nesting of elements accepted (the root is level 1). */
  maxDepth: number;
  /** Longest attribute value accepted, in UTF-16 code units. */
  maxAttributeLength: number;
}

export const DEFAULT_LIMITS: XmlLimits = { maxDepth: 200, maxAttributeLength: 10_000 };

export interface XmlFailure {
  ok: false;
  /** `xml-refused`: well-formed perhaps, but unsafe or over a limit; `xml-malformed`: not XML we can read. */
  rule: 'xml-refused' | 'xml-malformed';
  message: string;
  /** 1-based line, where known. */
  line?: number;
  /** Offset in the text, where known. */
  offset?: number;
}

export type XmlResult = { ok: true; root: XmlElement } | XmlFailure;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

function fail(text: string, rule: XmlFailure['rule'], message: string, offset?: number): XmlFailure {
  return offset === undefined ? { ok: false, rule, message } : { ok: false, rule, message, offset, line: lineAt(text, offset) };
}

const NAME_END = /[\s/>]/;

/**
 * One linear pass over the markup, before any parsing: refuses entity declarations, nesting
 * deeper than the limit and over-long attribute values, with the offset of the culprit. It is
 * lenient about everything else (an unclosed comment just ends the scan): well-formedness is
 * the validator's job, and its messages say more.
 */
function prescan(text: string, limits: XmlLimits): XmlFailure | null {
  // `<!ENTITY` can only mean something inside a DOCTYPE; anywhere else (a comment, CDATA) it
  // is harmless, but no transcript needs it, so refusing it everywhere keeps this simple.
  const entity = text.search(/<!ENTITY/i);
  if (entity >= 0) {
    return fail(
      text,
      'xml-refused',
      'the document declares entities (<!ENTITY …>); entity declarations can expand without bound or read local files, so they are refused',
      entity,
    );
  }
  let depth = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e < 0) return null;
      i = text.indexOf('<', e + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const e = text.indexOf(']]>', i + 9);
      if (e < 0) return null;
      i = text.indexOf('<', e + 3);
      continue;
    }
    if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) return null;
      i = text.indexOf('<', e + 2);
      continue;
    }
    if (text.startsWith('<!', i)) {
      // A DOCTYPE without entities; its internal subset (`[ … ]`) may hold `>`.
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      let e = close;
      if (bracket >= 0 && (close < 0 || bracket < close)) {
        const sub = text.indexOf(']', bracket);
        e = sub < 0 ? -1 : text.indexOf('>', sub);
      }
      if (e < 0) return null;
      i = text.indexOf('<', e + 1);
      continue;
    }
    const closing = text[i + 1] === '/';
    // Walk the tag, skipping quoted attribute values (they may hold `>`).
    let j = i + 1;
    while (j < text.length && text[j] !== '>') {
      const c = text[j];
      if (c === '"' || c === "'") {
        const q = text.indexOf(c, j + 1);
        const end = q < 0 ? text.length : q;
        if (end - j - 1 > limits.maxAttributeLength) {
          return fail(
            text,
            'xml-refused',
            `an attribute value is ${end - j - 1} characters long, over the limit of ${limits.maxAttributeLength}`,
            j,
          );
        }
        if (q < 0) return null;
        j = q + 1;
      } else j++;
    }
    if (j >= text.length) return null;
    if (closing) depth--;
    else if (text[j - 1] !== '/') {
      depth++;
      if (depth > limits.maxDepth) {
        return fail(text, 'xml-refused', `elements are nested more than ${limits.maxDepth} levels deep`, i);
      }
    }
    i = text.indexOf('<', j + 1);
  }
  return null;
}

interface ValidationError {
  err: { code: string; msg: string; line: number; col?: number };
}

/** The validator's messages, made readable where they are not (the truncated-document one). */
function describeInvalid(text: string, e: ValidationError['err']): XmlFailure {
  // A truncated document gives `Invalid '[ "transcript", "meta" ]' found.` on line 1: the
  // list of elements still open when the text ended.
  const open = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(e.msg);
  if (e.code === 'InvalidXml' && open) {
    let names: string[] = [];
    try {
      const parsed: unknown = JSON.parse(open[1] as string);
      if (Array.isArray(parsed)) names = parsed.map(String);
    } catch {
      names = [];
    }
    const last = names[names.length - 1];
    const what = last ? `<${last}> and ${names.length - 1} enclosing element(s) are` : 'some elements are';
    return fail(text, 'xml-malformed', `the document ends before ${what} closed: it looks truncated (still open: ${names.join(', ')})`, text.length);
  }
  if (e.code === 'InvalidXml' && /Start tag expected/.test(e.msg)) {
    return fail(text, 'xml-malformed', 'the document holds no XML element', 0);
  }
  return { ok: false, rule: 'xml-malformed', message: `malformed XML: ${e.msg}`, line: e.line };
}

let META: symbol | null = null;

interface LibNode {
  [key: string]: unknown;
}

/** Where the opening tag that starts at `start` ends (the offset after its `>`). */
function openTagEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && text[j] !== '>') {
    const c = text[j];
    if (c === '"' || c === "'") {
      const q = text.indexOf(c, j + 1);
      j = q < 0 ? text.length : q + 1;
    } else j++;
  }
  return Math.min(j + 1, text.length);
}

class PositionError extends Error {}

/** The library's ordered output → our tree; recursion is bounded by the depth limit. */
function convert(text: string, nodes: unknown): XmlNode[] {
  const out: XmlNode[] = [];
  if (!Array.isArray(nodes)) return out;
  for (const raw of nodes as LibNode[]) {
    const keys = Object.keys(raw).filter((k) => k !== ':@');
    const key = keys[0];
    if (key === undefined) continue;
    if (key === '#text') {
      const t = String(raw[key] ?? '');
      if (t.trim() !== '') out.push({ kind: 'text', text: t.trim() });
      continue;
    }
    if (key.startsWith('?')) continue;
    const meta = (raw as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[META as unknown as symbol];
    const start = meta?.startIndex;
    const end = meta?.endIndex;
    if (start === undefined || end === undefined || !text.startsWith(`<${key}`, start) || !NAME_END.test(text[start + key.length + 1] ?? '>')) {
      throw new PositionError(`could not locate <${key}> in the source text`);
    }
    const openEnd = openTagEnd(text, start);
    let inner: Span;
    if (text[openEnd - 2] === '/') inner = { start: openEnd, end: openEnd };
    else {
      const closeAt = text.lastIndexOf('</', end - 1);
      if (closeAt < openEnd || !text.startsWith(`</${key}`, closeAt)) throw new PositionError(`could not locate </${key}> in the source text`);
      inner = { start: openEnd, end: closeAt };
    }
    const attrs: Record<string, string> = {};
    const a = raw[':@'];
    if (a && typeof a === 'object') for (const [k, v] of Object.entries(a)) attrs[k] = String(v);
    out.push({ kind: 'element', name: key, attrs, children: convert(text, raw[key]), span: { start, end }, inner });
  }
  return out;
}

/**
 * Parse `text` as XML whose root element must be `root`. Never throws: unsafe, over-limit,
 * malformed or truncated input, and a different root element, come back as an `XmlFailure`.
 */
export function parseXml(text: string, root: string, limits: Partial<XmlLimits> = {}): XmlResult {
  const lim: XmlLimits = { ...DEFAULT_LIMITS, ...limits };
  const refused = prescan(text, lim);
  if (refused) return refused;
  const { XMLParser, XMLValidator } = lib();
  META ??= XMLParser.getMetaDataSymbol() as unknown as symbol;
  const valid = XMLValidator.validate(text) as true | ValidationError;
  if (valid !== true) return describeInvalid(text, valid.err);
  let parsed: unknown;
  try {
    parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      preserveOrder: true,
      captureMetaData: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      htmlEntities: true,
      // A second guard behind the pre-scan's depth check.
      maxNestedTags: lim.maxDepth + 1,
    }).parse(text);
  } catch (e) {
    return fail(text, 'xml-malformed', `malformed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  let nodes: XmlNode[];
  try {
    nodes = convert(text, parsed);
  } catch (e) {
    return fail(text, 'xml-malformed', e instanceof PositionError ? e.message : `unreadable XML: ${String(e)}`);
  }
  const elements = nodes.filter((n): n is XmlElement => n.kind === 'element');
  const top = elements[0];
  if (!top) return fail(text, 'xml-malformed', 'the document holds no XML element', 0);
  if (top.name !== root) {
    return fail(text, 'xml-malformed', `the root element is <${top.name}>, expected <${root}>`, top.span.start);
  }
  return { ok: true, root: top };
}

/** Child elements named `name`, in document order. */
export function childElements(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === name);
}

/** The first child element named `name`, if any. */
export function childElement(el: XmlElement, name: string): XmlElement | undefined {
  return childElements(el, name)[0];
}

/** The element's own text (decoded), its text children joined by a space. */
export function textOf(el: XmlElement): string {
  return el.children
    .filter((c): c is XmlText => c.kind === 'text')
    .map((c) => c.text)
    .join(' ');
}
