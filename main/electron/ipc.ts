import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels, type IpcChannel, type IpcResult } from '../../common/ipc-contract.js';
import type { StudioCore } from '../studio-core-api.js';

/** The renderer's own origin, served by main.ts through the privileged `app:` scheme. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const EVENT_CHANNEL = 'studio:event';

/**
 * True for URLs (or origins) of the app itself. Compares scheme and host rather than `URL.origin`,
 * which Node reports as "null" for schemes it does not know.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Like VS Code's validateIpcSender: only the top frame of a page loaded from the app's own origin
 * may call the core. Sandbox and CSP should already keep other content out; this is the last check.
 */
function assertTrustedSender(event: IpcMainInvokeEvent, channel: string): void {
  const frame = event.senderFrame;
  if (frame && frame.parent === null && isAppUrl(frame.url)) return;
  const from = frame ? frame.url : 'a destroyed frame';
  console.warn(`rejected studio IPC '${channel}' from ${from}`);
  throw new Error(`studio IPC '${channel}' refused: sender is not the studio window`);
}

/**
 * Binds every channel of the typed contract (and only those) to the core, and forwards core events
 * to the studio window(s). The core validates each request against the channel's schema.
 * Returns a function that unbinds everything.
 */
export function bindStudioIpc(core: StudioCore): () => void {
  const channels = Object.keys(ipcChannels) as IpcChannel[];
  for (const channel of channels) {
    ipcMain.handle(`studio:${channel}`, async (event, request: unknown): Promise<IpcResult> => {
      assertTrustedSender(event, channel);
      return core.handle(channel, request);
    });
  }

  const unsubscribe = core.onEvent((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      contents.send(EVENT_CHANNEL, { event, payload });
    }
  });

  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(`studio:${channel}`);
  };
}
