import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CLIP_TOKEN } from './clip-store.js';

/**
 * The clip page's two cookies (docs/clips.md, "Numbers"). The page has no script (its CSP allows
 * none), so the relay itself remembers the device and the Buy tap:
 * - `lc_cdev` on /c/: a random device id, so one device opening a clip again is not a new view;
 * - `lc_clip` on /api/watch/<link>/: the clip whose Buy was tapped, for a day, sent only with that
 *   watch link's API calls, so an order placed there counts for the clip.
 * Both are only hints from the browser: the relay validates them (format here; the clip's show and
 * existence inside the order's commit), and a missing or bad one just means a new device / no clip.
 */
export const CLIP_DEVICE_COOKIE = 'lc_cdev';
export const CLIP_BUY_COOKIE = 'lc_clip';
/** How long after a Buy tap an order still counts for the clip (a buyer may pay a little later). */
export const CLIP_BUY_WINDOW_SEC = 24 * 3600;
const DEVICE_SEC = 365 * 24 * 3600;
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Link previews (a messenger or SNS fetching the page for its card) are not viewers; the
 * in-app browsers people actually watch in (KAKAOTALK, Instagram, …) do not match.
 */
const PREVIEW_AGENT = /bot\b|crawl|spider|scrap|facebookexternalhit|whatsapp|preview/i;
export const isLinkPreview = (userAgent: string | undefined) => PREVIEW_AGENT.test(userAgent ?? '');

/** The first value of a cookie in a Cookie header (the most specific path comes first), or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

const attrs = (path: string, maxAgeSec: number, secure: boolean) => `Path=${path}; Max-Age=${maxAgeSec}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

/** The device the request comes from: its cookie's id, or a new one with the Set-Cookie that keeps it. */
export function clipDevice(req: IncomingMessage, secure: boolean): { id: string; setCookie: string | null } {
  const known = cookieValue(req.headers.cookie, CLIP_DEVICE_COOKIE);
  if (known !== null && DEVICE_ID.test(known)) return { id: known, setCookie: null };
  const id = randomBytes(16).toString('base64url');
  return { id, setCookie: `${CLIP_DEVICE_COOKIE}=${id}; ${attrs('/c/', DEVICE_SEC, secure)}` };
}

/** Set by the clip's Buy: names the clip to the watch link's API only (its orders and carts routes live there). */
export function clipBuyCookie(clipToken: string, watchToken: string, secure: boolean): string {
  return `${CLIP_BUY_COOKIE}=${clipToken}; ${attrs(`/api/watch/${encodeURIComponent(watchToken)}/`, CLIP_BUY_WINDOW_SEC, secure)}`;
}

/** The clip page token an order request carries in its Buy cookie, if well-formed. */
export function clipTokenOf(req: IncomingMessage): string | null {
  const token = cookieValue(req.headers.cookie, CLIP_BUY_COOKIE);
  return token !== null && CLIP_TOKEN.test(token) ? token : null;
}
