import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse.js';

const records = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.problem);
  return r.records;
};

describe('CSV reader (RFC 4180)', () => {
  it('reads plain fields with LF, CRLF or CR line ends, with or without a final line break', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(records(`a,b${eol}1,2${eol}`)).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ]);
      expect(records(`a,b${eol}1,2`)).toHaveLength(2);
    }
  });

  it('strips a UTF-8 BOM and keeps Korean text', () => {
    expect(records('\uFEFFname,price\n캐시미어 니트,"39,000"\n')).toEqual([
      { line: 1, fields: ['name', 'price'] },
      { line: 2, fields: ['캐시미어 니트', '39,000'] },
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes, and counts physical lines', () => {
    const text = 'name,description\r\n"Knit, wool","He said ""soft"""\r\n"Tee","line one\r\nline two\nline three"\r\nLast,x\r\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ['name', 'description'] },
      { line: 2, fields: ['Knit, wool', 'He said "soft"'] },
      { line: 3, fields: ['Tee', 'line one\r\nline two\nline three'] },
      { line: 6, fields: ['Last', 'x'] },
    ]);
  });

  it('keeps empty fields, including a trailing one, and skips empty lines', () => {
    expect(records('a,b,c\n,,\n\n1,,\n"",x,\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['', '', ''] },
      { line: 4, fields: ['1', '', ''] },
      { line: 5, fields: ['', 'x', ''] },
    ]);
    expect(records('a,b,')).toEqual([{ line: 1, fields: ['a', 'b', ''] }]);
    expect(records('')).toEqual([]);
  });

  it('reports an unterminated quote at the line it opened on', () => {
    expect(parseCsv('name,description\nKnit,"never closed\nmore\n')).toMatchObject({ ok: false, line: 2, problem: 'unclosed-quote' });
  });

  it('reports stray quotes', () => {
    expect(parseCsv('a,b\n"x"y,1\n')).toMatchObject({ ok: false, line: 2, problem: 'text-after-quote' });
    expect(parseCsv('a,b\n5" screen,1\n')).toMatchObject({ ok: false, line: 2, problem: 'quote-inside' });
  });
});
