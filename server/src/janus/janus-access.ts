import { randomBytes } from 'node:crypto';
import type { RelayConfig } from '../config.js';

/**
 * What the relay needs to be let into a Janus: where its API is, the core `api_secret`
 * (or a stored token) without which Janus refuses to create a session, and the VideoRoom
 * `admin_key` without which it refuses to create rooms or (with lock_rtp_forward) forward
 * their media. Room secrets and pins are per room, held by the MediaEngine.
 */
export interface JanusAccess {
  url: string;
  apiSecret?: string;
  token?: string;
  adminKey?: string;
}

/** 128 random bits as hex (Janus's config parser takes hex without quoting trouble). */
export function newJanusSecret(): string {
  return randomBytes(16).toString('hex');
}

/** Access to an outside Janus (RELAY_JANUS_URL), or null when the relay runs its own. */
export function externalJanusAccess(config: RelayConfig): JanusAccess | null {
  if (!config.janusUrl) return null;
  return { url: config.janusUrl, apiSecret: config.janusApiSecret, token: config.janusToken, adminKey: config.janusAdminKey };
}

/** False when the secrets would cross a network in clear (ws:// to another machine). */
export function carriesSecretsSafely(url: string): boolean {
  if (url.startsWith('ws+unix:') || url.startsWith('wss')) return true;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}
