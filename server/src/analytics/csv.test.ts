import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('CSV cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', '  =HYPERLINK("x")']) expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
  });

  it('keeps ordinary text and numbers as they are, and quotes separators', () => {
    expect(csvCell('린넨 셔츠')).toBe('린넨 셔츠');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.75)).toBe('0.75');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a BOM and CRLF rows', () => {
    expect(toCsv([['a', 1], [], ['b']])).toBe('\uFEFFa,1\r\n\r\nb\r\n');
  });
});
