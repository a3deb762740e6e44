import { makeSource, type SourceText } from '../source.js';
import { decodeBytes } from './decode.js';

export { UndecodableInput } from './decode.js';

/** bytes → SourceText: the first stage. Throws UndecodableInput for binary data. */
export function ingest(path: string, bytes: Uint8Array): SourceText {
  const d = decodeBytes(bytes);
  return makeSource(path, d.text, { encoding: d.encoding, bom: d.bom, sha256: d.sha256, diagnostics: d.diagnostics });
}
