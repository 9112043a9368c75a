import type { IpcEvent, IpcEventPayload, IpcResult } from '../common/ipc-contract.js';
import type { SecretStore } from './store/secret-store.js';

export interface StudioCoreOptions {
  /** Folder for the studio's SQLite file and, without a keychain, its key file. */
  dataDir: string;
  secrets: SecretStore;
  /** OBS's WebSocket password, kept like the studio key (default: an owner-only file in dataDir). */
  obsSecrets?: SecretStore;
  /** Relay used until the seller enters another (a relay on this laptop by default). */
  defaultRelayUrl: string;
  /** Owner-only file a relay on this machine wrote its first studio key to; imported once if present. */
  keyHandoffFile?: string;
  /**
   * http origins the studio key may be sent to although they are not on this machine (a lab network
   * the operator trusts). Default: STUDIO_ALLOW_HTTP_RELAY (comma-separated origins); otherwise only
   * https:// and loopback.
   */
  allowHttpRelays?: readonly string[];
}

export type StudioEventListener = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

/** The studio core as both shells see it: one handler for the typed contract, plus events. */
export interface StudioCore {
  /** Validates `request` against the channel's schema and runs it; never throws. */
  handle(channel: string, request: unknown): Promise<IpcResult>;
  onEvent(listener: StudioEventListener): () => void;
  close(): Promise<void>;
}
