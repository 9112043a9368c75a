import path from 'node:path';
import type { IpcEvent } from '../../common/ipc-contract.js';
import { FileSecretStore } from '../store/secret-store.js';
import { createStudioCore } from '../studio-core.js';
import type { StudioCore } from '../studio-core-api.js';
import { startFakeRelay, type FakeRelay } from './fake-relay.js';
import { tempStudioDb } from './temp-db.js';

/** A studio core on a fresh data folder, connected to a FAKE relay (tests only), recording every IPC event. */
export interface CoreHarness {
  relay: FakeRelay;
  core: StudioCore;
  dataDir: string;
  events: [IpcEvent, unknown][];
  /** Calls a channel and returns its data, or throws with the error code and message. */
  ok<T = Record<string, unknown>>(channel: string, request: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function until(ok: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
}

export async function startCoreHarness(): Promise<CoreHarness> {
  const relay = await startFakeRelay();
  const scratch = tempStudioDb();
  scratch.close();
  const secrets = new FileSecretStore(path.join(scratch.dataDir, 'key'));
  secrets.set(relay.key);
  const core = await createStudioCore({ dataDir: scratch.dataDir, secrets, defaultRelayUrl: relay.url });
  const events: [IpcEvent, unknown][] = [];
  core.onEvent((event, payload) => events.push([event, payload]));
  await until(() => relay.eventClients() === 1, 'the event stream');
  return {
    relay,
    core,
    dataDir: scratch.dataDir,
    events,
    async ok<T>(channel: string, request: unknown): Promise<T> {
      const result = await core.handle(channel, request);
      if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.error}: ${result.error.message}`), { code: result.error.error });
      return result.data as T;
    },
    async close() {
      await core.close();
      await relay.close();
    },
  };
}
