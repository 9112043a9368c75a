/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes inside them, commas and line breaks
 * inside quotes, CRLF / LF / CR line endings, and a leading UTF-8 BOM. Each record carries the
 * physical line it starts on (1-based), so a quoted line break moves every later record down,
 * exactly as a seller sees it in a text editor. Lines that are completely empty are skipped.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What is wrong with the quoting; the import report words it in the seller's language. */
export type CsvProblem = 'unclosed-quote' | 'text-after-quote' | 'quote-inside';
export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; problem: CsvProblem };

export function parseCsv(text: string): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    // A record whose first character ends the line is an empty line: skip it.
    if (src[i] === '\n' || src[i] === '\r') {
      i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    for (;;) {
      let value = '';
      if (src[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) return { ok: false, line: quoteLine, problem: 'unclosed-quote' };
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\r' || c === '\n') {
            const crlf = c === '\r' && src[i + 1] === '\n';
            value += crlf ? '\r\n' : c;
            i += crlf ? 2 : 1;
            line++;
            continue;
          }
          value += c;
          i++;
        }
        if (i < n && src[i] !== ',' && src[i] !== '\r' && src[i] !== '\n')
          return { ok: false, line, problem: 'text-after-quote' };
      } else {
        const from = i;
        while (i < n && src[i] !== ',' && src[i] !== '\r' && src[i] !== '\n') {
          if (src[i] === '"') return { ok: false, line, problem: 'quote-inside' };
          i++;
        }
        value = src.slice(from, i);
      }
      fields.push(value);
      if (i >= n) break;
      if (src[i] === ',') {
        i++;
        continue;
      }
      // End of line.
      i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      break;
    }
    records.push({ line: start, fields });
  }
  return { ok: true, records };
}
