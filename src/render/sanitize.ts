/**
 * Text from a transcript is untrusted: a pasted page can carry ANSI escapes (`\x1b[2J`), OSC-8
 * hyperlinks (`\x1b]8;;http://…\x07`), carriage returns that overwrite a line, or other control
 * characters. Before any of it reaches a terminal or a CSV cell, escape sequences are removed
 * and remaining control characters are shown as visible `\xNN`-style placeholders.
 */
// CSI: ESC [ params final; OSC: ESC ] … (BEL | ESC \); other two-byte escapes: ESC + one char.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
// C0 except \t and \n, DEL, C1, and the bidi overrides that can make text read backwards.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function stripEscapes(s: string): string {
  return s.replace(ESCAPES, '');
}

/** For one-line cells: escapes removed, every control (newlines included) made visible or a space. */
export function sanitizeInline(s: string): string {
  return stripEscapes(s)
    .replace(/\r\n|\n|\t/g, ' ')
    .replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** For multi-line text: keeps `\n` and `\t`. */
export function sanitizeBlock(s: string): string {
  return stripEscapes(s).replace(/\r\n/g, '\n').replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
