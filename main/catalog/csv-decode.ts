import type { CsvEncoding } from '../../common/ipc-contract.js';
import { decodeCp949 } from './cp949.js';

/**
 * Turns the bytes of a seller's CSV file into text and says which encoding it was.
 * Korean Excel saves "CSV (쉼표로 분리)" in CP949 (Windows' superset of EUC-KR) and
 * "CSV UTF-8" with a BOM; other tools write UTF-8 without one. UTF-8 is tried first with a
 * strict decoder: Hangul in CP949 is never valid UTF-8, so a file that decodes strictly as
 * UTF-8 is UTF-8 (plain ASCII is both, and reads the same either way). CP949 goes through our
 * own decoder (cp949.ts): Node's 'euc-kr' decoder lacks CP949's extended Hangul.
 */
export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding } | { ok: false };

const BOM = [0xef, 0xbb, 0xbf];

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (BOM.every((b, i) => bytes[i] === b)) {
    const text = strict('utf-8', bytes.subarray(3));
    return text === null ? { ok: false } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const cp949 = decodeCp949(bytes);
  if (cp949 !== null) return { ok: true, text: cp949, encoding: 'cp949' };
  return { ok: false };
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM is handled above; a second one inside would be data.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
