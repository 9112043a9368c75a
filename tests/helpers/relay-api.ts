import type { Page } from 'playwright-core';

/**
 * Calls the relay's studio API from inside a page on the relay's origin. Media tests use this
 * because the relay lives in a network namespace the test runner itself cannot reach.
 */
export async function relayCall<T>(page: Page, key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ key, method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // keep text
      }
      return { status: res.status, body: parsed as T };
    },
    { key, method, path, body },
  );
}
