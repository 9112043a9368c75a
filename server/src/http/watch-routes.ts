import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { WatchLinks, LinkResolution } from '../shows/watch-links.js';
import type { ShowStore } from '../shows/show-store.js';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import { ANSWERED, apiError, withHeaders, type DeclaredApi } from './declared.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The page may talk only to the relay that served it. `'self'` alone covers same-origin ws/wss in
 * current Chromium (CSP3), but older WebKit does not match ws: against 'self', so the page's own
 * host is also named with both socket schemes (never any other host).
 */
const csp = (host: string | null) =>
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  `connect-src 'self'${host ? ` ws://${host} wss://${host}` : ''}; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`;

/** The Host header as a CSP source (host or host:port, IPv6 in brackets); anything else is left out. */
export function cspHost(header: string | undefined): string | null {
  if (!header || header.length > 255) return null;
  return /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(header) ? header.toLowerCase() : null;
}

/** The CSP of the watch page and of the link problem page. */
export function watchCsp(header: string | undefined): string {
  return csp(cspHost(header));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BAD_LINK: Record<Exclude<LinkResolution, { ok: true }>['reason'], { status: number; ko: string; en: string }> = {
  malformed: { status: 404, ko: '이 링크는 올바르지 않습니다. 판매자에게 받은 링크를 그대로 열어 주세요.', en: 'This link is not valid. Open the link exactly as the seller shared it.' },
  forged: { status: 404, ko: '이 링크는 올바르지 않습니다. 판매자에게 받은 링크를 그대로 열어 주세요.', en: 'This link is not valid. Open the link exactly as the seller shared it.' },
  unknown: { status: 404, ko: '이 링크를 찾을 수 없습니다.', en: 'This link does not exist.' },
  expired: { status: 410, ko: '이 링크는 만료되었습니다. 판매자에게 새 링크를 요청해 주세요.', en: 'This link has expired. Ask the seller for a new one.' },
  revoked: { status: 410, ko: '판매자가 이 링크를 더 이상 사용하지 않습니다.', en: 'The seller has withdrawn this link.' },
};

/** A plain, bilingual page for links that do not work: no stack trace, no detail an attacker could use. */
export function sendLinkProblem(res: ServerResponse, reason: keyof typeof BAD_LINK, host?: string): void {
  const { status, ko, en } = BAD_LINK[reason];
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': watchCsp(host) });
  res.end(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>링크를 열 수 없습니다 · Link unavailable</title>
<style>body{font-family:system-ui,sans-serif;background:#111;color:#eee;display:grid;place-items:center;min-height:100vh;margin:0;padding:24px;box-sizing:border-box;text-align:center}main{max-width:28rem}h1{font-size:1.4rem}p{line-height:1.5;color:#bbb}</style></head>
<body><main data-link-problem="${reason}"><h1>링크를 열 수 없습니다<br><small>This link cannot be opened</small></h1><p>${escapeHtml(ko)}</p><p lang="en">${escapeHtml(en)}</p></main></body></html>`);
}

/**
 * The page with the show's title. A function replacement: with a string, `$'`, `$&` and `$\``
 * in a seller's title would splice parts of the page into it.
 */
export function withTitle(html: string, title: string): string {
  return html.replace('<title>Live</title>', () => `<title>${escapeHtml(title)}</title>`);
}

/** Serves the watch page for valid links and its built assets. */
export function addWatchRoutes(api: DeclaredApi, links: WatchLinks, store: ShowStore, watchDist: string): void {
  const indexFile = path.join(watchDist, 'index.html');
  api
    .serve(RELAY_ROUTES.watchPage, ({ req, res, params }) => {
      const resolved = links.resolve(params.token);
      if (!resolved.ok) return (sendLinkProblem(res, resolved.reason, req.headers.host), ANSWERED);
      if (!existsSync(indexFile)) throw apiError('not_built', 'the watch page is not built; run npm run build:web');
      const show = store.get(resolved.showId);
      const html = withTitle(readFileSync(indexFile, 'utf8'), show?.title ?? 'Live');
      return withHeaders(html, { 'content-security-policy': watchCsp(req.headers.host), 'referrer-policy': 'no-referrer' });
    })
    .serve(RELAY_ROUTES.watchAsset, ({ params: { file } }) => {
      if (!/^[\w.-]+$/.test(file)) throw apiError('not_found', 'no such file');
      const full = path.join(watchDist, 'watch-assets', file);
      if (!existsSync(full)) throw apiError('not_found', 'no such file');
      return withHeaders(readFileSync(full), { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' });
    });
}
