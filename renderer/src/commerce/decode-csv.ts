/**
 * The seller's shipping sheet (order number, courier, tracking number), as Excel saves it in Korea:
 * UTF-8 with or without a BOM, or CP949/EUC-KR (Excel's default "CSV" on Korean Windows). Bytes
 * that are valid UTF-8 are UTF-8 (CP949 Hangul is almost never valid UTF-8); anything else is read
 * as CP949 (TextDecoder 'euc-kr' is the WHATWG superset that covers CP949).
 */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp949';

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('euc-kr').decode(bytes), encoding: 'cp949' };
  }
}
