import { describe, expect, it } from 'vitest';
import { attachmentDisposition, parseRange } from './range-response.js';

describe('parseRange', () => {
  it('reads one byte range, open-ended and suffix ranges', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=50-1000', 100)).toEqual({ kind: 'partial', start: 50, end: 99 });
  });
  it('refuses ranges past the end and ignores what it does not understand', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=9-3', 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=99999999999999999999-', 100)).toEqual({ kind: 'full' });
  });
});

describe('attachmentDisposition', () => {
  it('keeps a Korean name in filename* and an ASCII fallback', () => {
    const d = attachmentDisposition('봄 니트 "라이브".mp4');
    expect(d).toContain(`filename*=UTF-8''${encodeURIComponent('봄 니트 "라이브".mp4')}`);
    expect(d).toMatch(/filename="[\x20-\x7e]+"/);
    expect(d).not.toMatch(/filename="[^"]*"[^;]*"/);
  });
});
