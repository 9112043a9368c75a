import type { IncomingMessage } from 'node:http';
import { bearerToken } from '../auth/studio-keys.js';
import type { IngestKeys } from './ingest-keys.js';

const SHOW_PUBLISH = /^\/whip\/shows\/([^/]+)$/;
const SESSION = /^\/whip\/sessions\/([^/]+)$/;

/**
 * OBS 30+ publishes over WHIP with the show's stream key as its Bearer token (docs/obs-mode.md).
 * The key opens only that show's WHIP requests: POST to its endpoint, and PATCH/DELETE of a
 * session publishing into it. Every other studio route still needs the studio key.
 */
export function ingestKeyOpensWhip(req: IncomingMessage, keys: IngestKeys, showOfSession: (sessionId: string) => string | null): boolean {
  const token = bearerToken(req.headers.authorization);
  if (!token) return false;
  const check = keys.check(token);
  if (!check.ok) return false;
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://relay').pathname);
  } catch {
    return false;
  }
  const show = SHOW_PUBLISH.exec(path);
  if (show && req.method === 'POST') return show[1] === check.showId;
  const session = SESSION.exec(path);
  if (session && (req.method === 'PATCH' || req.method === 'DELETE')) return showOfSession(session[1]!) === check.showId;
  return false;
}
