import { z } from 'zod';
import { ApiError } from './errors.js';
import { CreateShowRequest, MediaEngineState } from './protocol/studio-api.js';
import { Show, WatchLink } from './show.js';
import { MAX_SDP_BYTES } from './limits.js';

/**
 * The studio's one IPC contract: channel → request and response schemas, plus events.
 * The Electron preload and the browser shell expose exactly this, nothing generic.
 */

const Empty = z.object({}).strict();
const ShowRef = z.object({ showId: z.string().min(1).max(64) }).strict();

export const RelaySettings = z.object({
  relayUrl: z.string(),
  hasKey: z.boolean(),
  /** Whether the key is protected by the OS keychain (Electron safeStorage) or an owner-only file. */
  keyStorage: z.enum(['os-keychain', 'owner-only-file', 'none']),
});
export type RelaySettings = z.infer<typeof RelaySettings>;

export const RelayStatus = z.object({
  reachable: z.boolean(),
  authorized: z.boolean(),
  mediaEngine: MediaEngineState.nullable(),
  message: z.string().nullable(),
});
export type RelayStatus = z.infer<typeof RelayStatus>;

export const ipcChannels = {
  'settings.get': { request: Empty, response: RelaySettings },
  'settings.connect': {
    request: z
      .object({
        relayUrl: z.url({ protocol: /^https?$/, error: 'relay address must start with http:// or https://' }),
        studioKey: z.string().trim().min(16, 'studio key is too short').max(256).optional(),
      })
      .strict(),
    response: RelaySettings,
  },
  'relay.status': { request: Empty, response: RelayStatus },
  'shows.list': { request: Empty, response: z.array(Show) },
  'shows.create': { request: CreateShowRequest.strict(), response: z.object({ show: Show, link: WatchLink }) },
  'shows.links': { request: ShowRef, response: z.array(WatchLink) },
  'shows.start': { request: ShowRef, response: Show },
  'shows.end': { request: ShowRef, response: Show },
  'links.create': { request: ShowRef, response: WatchLink },
  'links.revoke': { request: z.object({ linkId: z.string().min(1).max(64) }).strict(), response: WatchLink },
  'media.publish': {
    request: z.object({ showId: z.string().min(1).max(64), sdp: z.string().min(10).max(MAX_SDP_BYTES) }).strict(),
    response: z.object({ sessionId: z.string(), sdp: z.string() }),
  },
  'media.unpublish': { request: z.object({ sessionId: z.string().min(1).max(128) }).strict(), response: z.object({}) },
} as const;

export type IpcChannel = keyof typeof ipcChannels;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['response']>;

export const IpcResult = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: ApiError })]);
export type IpcResult = z.infer<typeof IpcResult>;

export const ipcEvents = {
  'relay.viewers': z.object({ showId: z.string(), count: z.number().int() }),
  'relay.show': Show,
  'relay.status': RelayStatus,
  'relay.publisherLost': z.object({ showId: z.string(), reason: z.string() }),
} as const;
export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>;

export const IpcEventMessage = z.object({ event: z.enum(Object.keys(ipcEvents) as [IpcEvent, ...IpcEvent[]]), payload: z.unknown() });

/**
 * What a shell hands the renderer: raw results and raw event payloads, plain data only, because
 * Electron's contextBridge drops custom error fields. The renderer validates and turns
 * `{ok:false}` into a StudioError itself, the same way for both shells.
 */
export interface StudioTransport {
  invoke(channel: IpcChannel, request: unknown): Promise<unknown>;
  on(event: IpcEvent, listener: (payload: unknown) => void): () => void;
}

/** What the renderer sees, whichever shell it runs in. */
export interface StudioBridge {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
}

/** An error from the studio core, carrying the relay's or core's code. */
export class StudioError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}

export function isIpcChannel(name: string): name is IpcChannel {
  return Object.hasOwn(ipcChannels, name);
}
