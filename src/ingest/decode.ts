import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import type { Diagnostic, Encoding } from '../model.js';
import { controlShare, magicName } from './binary.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  sha256: string;
  diagnostics: Diagnostic[];
}

/** Why bytes could not become text; the CLI turns it into exit code 3. */
export class UndecodableInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableInput';
  }
}

function decoder(encoding: Encoding, fatal: boolean): TextDecoder {
  // ignoreBOM: the BOM is stripped by us, so offsets start at the first real character.
  return new TextDecoder(encoding, { fatal, ignoreBOM: true });
}

function tryDecode(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return decoder(encoding, true).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM shows itself by NUL bytes in every other position for ASCII text
 * (`H\0e\0l\0l\0o\0`). Chinese-only UTF-16 has no such NULs and is not guessed: it needs a BOM.
 */
function sniffUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM and without ASCII: Chinese only (`各位投资者` is 04 54 4D 4F ... in
 * UTF-16LE). Its bytes hold controls (`。` is 02 30, `一` is 00 4E), so it was refused as
 * "binary data". Read as UTF-16, such text is nearly all Han characters, CJK punctuation and
 * white space; random bytes give about a third of that, the wrong byte order even less (U+5404
 * swapped is U+0454, Cyrillic). Only tried when the bytes are not UTF-8.
 */
function sniffUtf16Han(bytes: Uint8Array): Encoding | null {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let best: { enc: Encoding; share: number } | null = null;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const text = decoder(enc, false).decode(sample);
    let han = 0;
    let textLike = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const isHan = (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
      if (isHan) han++;
      if (isHan || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || c === 0x2014 || c === 0x201c || c === 0x201d) textLike++;
    }
    const share = textLike / Math.max(1, text.length);
    if (han / Math.max(1, text.length) >= 0.5 && share >= 0.95 && (!best || share > best.share)) best = { enc, share };
  }
  return best?.enc ?? null;
}

/**
 * GB18030/GBK and Big5 both pair a lead byte ≥ 0x81 with a trail byte. Common simplified
 * characters (the GB2312 block) always have trail bytes ≥ 0xA1, while about a third of common
 * Big5 characters have trail bytes in 0x40–0x7E (`的` is A6 BA but `們` is AD CC and `個` is
 * AD D3, `營` is C0 E7, `收` is A6 AC, `億` is BB F5, while `不` is A4 A3 and `上` is A4 57).
 * So a text whose double-byte pairs often end low is Big5.
 */
function legacyChineseGuess(bytes: Uint8Array): Encoding {
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i] as number;
    if (b >= 0x81 && b <= 0xfe) {
      const t = bytes[i + 1] as number;
      pairs++;
      if (t >= 0x40 && t <= 0x7e) lowTrail++;
      i++;
    }
  }
  return pairs > 0 && lowTrail / pairs > 0.12 ? 'big5' : 'gb18030';
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const diagnostics: Diagnostic[] = [];
  const done = (text: string, encoding: Encoding, bom: boolean): Decoded => ({ text, encoding, bom, sha256, diagnostics });

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(bytes.subarray(3), 'utf-8');
    if (text === null) throw new UndecodableInput('starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return done(text, 'utf-8', true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return done(decoder('utf-16le', false).decode(bytes.subarray(2)), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return done(decoder('utf-16be', false).decode(bytes.subarray(2)), 'utf-16be', true);

  const magic = magicName(bytes);
  if (magic) throw new UndecodableInput(`this is ${magic}, not a text transcript`);

  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    diagnostics.push({ severity: 'info', rule: 'encoding-guessed', message: `no byte-order mark; read as ${utf16.toUpperCase()}` });
    return done(decoder(utf16, false).decode(bytes), utf16, false);
  }

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 === null) {
    const han16 = sniffUtf16Han(bytes);
    if (han16) {
      diagnostics.push({ severity: 'info', rule: 'encoding-guessed', message: `no byte-order mark; read as ${han16.toUpperCase()}` });
      return done(decoder(han16, false).decode(bytes), han16, false);
    }
  }

  if (controlShare(bytes) > 0.02) throw new UndecodableInput('this is binary data (NUL or control bytes), not a text transcript');

  if (utf8 !== null) return done(utf8, 'utf-8', false);

  const guess = legacyChineseGuess(bytes);
  const other: Encoding = guess === 'big5' ? 'gb18030' : 'big5';
  for (const enc of [guess, other]) {
    const text = tryDecode(bytes, enc);
    // ICU's Big5 decoder, even when fatal, maps stray bytes such as 0xFF to private-use
    // characters (U+F8F8) instead of failing; real transcripts have none, so that is a failure.
    if (text !== null && !/[-]/.test(text)) {
      diagnostics.push({ severity: 'info', rule: 'encoding-guessed', message: `not valid UTF-8; read as ${enc === 'big5' ? 'Big5' : 'GB18030'}` });
      return done(text, enc, false);
    }
  }
  // Neither legacy decoder accepts every byte: keep the text (replacement characters mark the
  // damage) rather than refuse a transcript for one bad byte, and say so.
  const text = decoder('utf-8', false).decode(bytes);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  diagnostics.push({
    severity: 'warning',
    rule: 'invalid-bytes',
    message: `not valid UTF-8, GB18030 or Big5; ${bad} undecodable byte sequence(s) replaced with U+FFFD`,
  });
  return done(text, 'utf-8', false);
}
