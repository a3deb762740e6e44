import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, UndecodableInput } from '../src/ingest/decode.js';
import { ingest } from '../src/ingest/index.js';
import { locate, positionAt } from '../src/source.js';
import { ROOT } from './helpers.js';

const enc = (name: string) => readFileSync(join(ROOT, 'fixtures/encodings', name));

describe('decoding', () => {
  it.each([
    ['gb18030-simplified.txt', 'gb18030', false, '本季度公司收入达人民币九点六亿元'],
    ['big5-traditional.txt', 'big5', false, '本季營收為新台幣三百二十億元'],
    ['utf16le-bom.txt', 'utf-16le', true, '本季度公司收入达人民币九点六亿元'],
    ['utf16be-bom.txt', 'utf-16be', true, '本季營收為新台幣三百二十億元'],
    ['utf8-bom-crlf.txt', 'utf-8', true, '本季度公司收入达人民币九点六亿元'],
    ['utf8-cr-only.txt', 'utf-8', false, '本季度公司收入达人民币九点六亿元'],
  ])('%s is read as %s (BOM %s)', (file, encoding, bom, phrase) => {
    const d = decodeBytes(enc(file));
    expect(d.encoding).toBe(encoding);
    expect(d.bom).toBe(bom);
    expect(d.text).toContain(phrase);
    expect(d.text.startsWith('Operator (participant)')).toBe(true);
  });

  it('reads UTF-16LE without a BOM by its NUL pattern', () => {
    const bytes = Buffer.from('Operator\n\nGood morning, everyone.\n', 'utf16le');
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe('Operator\n\nGood morning, everyone.\n');
    expect(d.diagnostics[0]?.rule).toBe('encoding-guessed');
  });

  it.each([
    ['a PDF document', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['a ZIP archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])],
  ])('refuses %s', (name, bytes) => {
    expect(() => decodeBytes(bytes)).toThrow(UndecodableInput);
    expect(() => decodeBytes(bytes)).toThrow(name);
  });

  it('refuses bytes full of NULs and control characters', () => {
    const bytes = Buffer.alloc(400, 0);
    bytes.write('abc', 7);
    expect(() => decodeBytes(bytes)).toThrow(/binary data/);
  });

  it('keeps text with an undecodable byte, marks it and warns', () => {
    const bytes = Buffer.concat([Buffer.from('Revenue was RMB 1.2 billion '), Buffer.from([0xff, 0xff, 0xff]), Buffer.from(' this quarter.')]);
    const d = decodeBytes(bytes);
    expect(d.text).toContain('\uFFFD');
    expect(d.diagnostics.map((x) => x.rule)).toContain('invalid-bytes');
  });

  it('hashes the bytes as read', () => {
    expect(decodeBytes(Buffer.from('abc')).sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('line index', () => {
  it('counts CRLF once and a lone CR as a line end', () => {
    const src = ingest('x', Buffer.from('a\r\nbb\rccc\nd'));
    expect(src.lineStarts).toEqual([0, 3, 6, 10]);
    expect(positionAt(src.lineStarts, 7)).toEqual({ line: 3, column: 2 });
    expect(locate(src.lineStarts, { start: 3, end: 5 })).toEqual({ start: 3, end: 5, startLine: 2, startColumn: 1, endLine: 2, endColumn: 3 });
  });
});
