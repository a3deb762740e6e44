/**
 * Recognises bytes that are not a transcript at all: what users feed by mistake is most often
 * a PDF, an image or an archive, so those are named; anything else with NUL bytes or many
 * control characters is "binary data".
 */
const MAGIC: Array<{ name: string; bytes: number[] }> = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a ZIP archive (or a .docx/.xlsx)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an old Word/Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a WebAssembly or ELF binary', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

export function magicName(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) return m.name;
  }
  return null;
}

/**
 * Share of bytes in the first 8 KiB that text never holds: NUL and the C0 controls other than
 * tab, line feed, form feed, carriage return and escape (ESC stays: hostile but still text,
 * and it is sanitised on output).
 */
export function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) bad++;
  }
  return bad / n;
}
