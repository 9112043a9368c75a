import type { Page } from 'playwright-core';

/**
 * Calls the studio core's typed contract from the studio page itself (the browser shell's /ipc,
 * with the page's own launch token). Tests use it to set up a catalog and run-down quickly; what
 * the host does live is still done through the UI and the keyboard.
 */
export async function studioIpc<T>(page: Page, channel: string, request: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ channel, request }) => {
      const res = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-studio-token': sessionStorage.getItem('lc.shellToken') ?? '' },
        body: JSON.stringify(request),
      });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
    },
    { channel, request },
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.data as T;
}
