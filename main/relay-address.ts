import { networkInterfaces } from 'node:os';
import { StudioError } from '../common/ipc-contract.js';

/**
 * The relay address rules: a studio key crosses the network only over TLS, except to a relay on
 * this machine (loopback, or an address of this machine's own interfaces: a relay bound to the
 * laptop's LAN address for phones in the room; that traffic never leaves the machine) or to an http
 * origin the operator allowed by name (STUDIO_ALLOW_HTTP_RELAY, for a lab network such as the test
 * namespaces). Host names other than localhost are not resolved: a name can point anywhere.
 */

/** localhost (and *.localhost), 127.0.0.0/8 and ::1: traffic that never leaves this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '[::1]') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  // IPv4-mapped loopback ([::ffff:127.0.0.1] is normalized by URL to [::ffff:7f00:1]).
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(h);
}

/** The literal addresses of this machine's interfaces, as URL hostnames ([…] for IPv6). */
export function ownAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined)
    .map((i) => (i.family === 'IPv6' ? `[${i.address.replace(/%.*$/, '')}]` : i.address));
}

/** The origin a key is bound to (scheme, host, port), or null for an address that does not parse. */
export function relayOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Origins listed in STUDIO_ALLOW_HTTP_RELAY (comma-separated), normalized. */
export function allowedHttpOrigins(env: string | undefined): string[] {
  return (env ?? '')
    .split(',')
    .map((s) => relayOrigin(s.trim()))
    .filter((o): o is string => o !== null && o.startsWith('http:'));
}

/** Whether the key may be sent to this address at all. */
export function isSecureRelay(url: string, allowHttp: readonly string[] = [], own: () => readonly string[] = ownAddresses): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && (isLoopbackHost(u.hostname) || allowHttp.includes(u.origin) || own().includes(u.hostname.toLowerCase()));
}

/** Refuses an address the key must not go to, with a reason the settings screen words. */
export function checkRelayAddress(url: string, allowHttp: readonly string[] = [], own: () => readonly string[] = ownAddresses): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw StudioError.refuse({ reason: 'relayAddressInvalid', args: {} });
  }
  if (u.username || u.password) throw StudioError.refuse({ reason: 'relayAddressHasCredentials', args: {} });
  if (!isSecureRelay(url, allowHttp, own)) {
    throw StudioError.refuse({ reason: 'relayNotHttps', args: { host: u.host } });
  }
  return url.replace(/\/+$/, '');
}
