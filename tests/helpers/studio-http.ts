import type { RunningRelay } from './processes.js';

/**
 * A raw JSON call to a running relay as the studio would make it (the studio key unless `key` says
 * otherwise; null = no key), for tests that look at statuses and bodies the studio client hides.
 * A body that is not JSON comes back as text.
 */
export function studioHttp(relay: () => RunningRelay) {
  return async <T>(method: string, path: string, body?: unknown, key: string | null = relay().studioKey) => {
    const res = await fetch(relay().url + path, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text || null) as T, headers: res.headers };
  };
}
