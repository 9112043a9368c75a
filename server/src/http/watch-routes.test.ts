import { describe, expect, it } from 'vitest';
import { cspHost, watchCsp, withTitle } from './watch-routes.js';

const PAGE = '<html><head><title>Live</title></head><body><div id="root"></div><script src="/watch-assets/a.js"></script></body></html>';

describe('withTitle', () => {
  it('inserts a title with replacement patterns literally', () => {
    for (const title of ["$'", '$&', '$`', '$$', "봄 세일 $' $& $` 50%"]) {
      const html = withTitle(PAGE, title);
      const inserted = /<title>(.*?)<\/title>/.exec(html)![1]!;
      expect(inserted.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)))).toBe(title);
      expect(html.endsWith('<body><div id="root"></div><script src="/watch-assets/a.js"></script></body></html>')).toBe(true);
    }
  });

  it('escapes markup so a title cannot close the title element or add a script', () => {
    const html = withTitle(PAGE, '</title><script>alert(1)</script>');
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    expect(html).toContain('<title>&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;</title>');
  });
});

describe('watch page CSP', () => {
  const connectSrc = (csp: string) => /connect-src ([^;]*)/.exec(csp)![1]!.split(' ');

  it('lets the page connect only to its own host (http, ws and wss)', () => {
    expect(connectSrc(watchCsp('live.example.com'))).toEqual(["'self'", 'ws://live.example.com', 'wss://live.example.com']);
    expect(connectSrc(watchCsp('127.0.0.1:8080'))).toEqual(["'self'", 'ws://127.0.0.1:8080', 'wss://127.0.0.1:8080']);
    expect(connectSrc(watchCsp('[::1]:8080'))).toEqual(["'self'", 'ws://[::1]:8080', 'wss://[::1]:8080']);
  });

  it('never allows a bare scheme or a wildcard', () => {
    for (const host of ['live.example.com', undefined, '*', 'a.com; script-src *', 'ws:', 'a b']) {
      const sources = connectSrc(watchCsp(host));
      expect(sources.filter((s) => s === 'ws:' || s === 'wss:' || s.includes('*'))).toEqual([]);
    }
  });

  it('leaves out a Host header that is not a plain host, so it cannot inject directives', () => {
    expect(cspHost('a.com; script-src *')).toBeNull();
    expect(cspHost('a.com\r\nx: y')).toBeNull();
    expect(cspHost('')).toBeNull();
    expect(cspHost(undefined)).toBeNull();
    expect(connectSrc(watchCsp('a.com; script-src *'))).toEqual(["'self'"]);
  });
});
