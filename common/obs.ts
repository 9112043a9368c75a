import { z } from 'zod';

/**
 * OBS mode (docs/obs-studio.md): what the studio core tells the renderer about the OBS it drives
 * through obs-websocket 5, and the codes of what can go wrong. The renderer words each code in the
 * seller's language (strings-obs.ts); the core's English message is for logs.
 */
export const OBS_ERRORS = {
  /** Nothing answers at the address and port (OBS not running, WebSocket server off, wrong port). */
  unreachable: 'obs_unreachable',
  /** OBS closed the connection with 4009 AuthenticationFailed. */
  authFailed: 'obs_auth_failed',
  /** The server speaks obs-websocket 4 (OBS 27 and older with the old plugin): no Hello/Identify. */
  v4Server: 'obs_v4_server',
  /** OBS closed the session with 4011 SessionInvalidated (the Kick button): the studio does not reconnect. */
  kicked: 'obs_kicked',
  /** A request got no answer in time. */
  timeout: 'obs_timeout',
  /** The connection closed while a request was waiting. */
  closed: 'obs_closed',
  /** A request was made while not connected. */
  notConnected: 'obs_not_connected',
  /** OBS answered a request with a failure (its status code and comment are in the message). */
  requestFailed: 'obs_request_failed',
  /** A run-down action names a scene OBS no longer has. */
  missingScene: 'obs_missing_scene',
  /** A run-down action names a scene item that is not in its scene. */
  missingItem: 'obs_missing_item',
  /** Something answered that is not obs-websocket at all. */
  notObs: 'obs_not_obs',
  /** The encoder fix was asked while OBS streams (OBS applies encoder settings when its output starts). */
  streaming: 'obs_streaming',
  /** The encoder fix cannot set this output mode or encoder through obs-websocket. */
  encoderNotFixable: 'obs_encoder_not_fixable',
} as const;
export type ObsErrorCode = (typeof OBS_ERRORS)[keyof typeof OBS_ERRORS];

/** Close codes of obs-websocket 5 (WebSocketCloseCode) the studio acts on. */
export const OBS_CLOSE = { authenticationFailed: 4009, sessionInvalidated: 4011 } as const;

export const ObsHost = z
  .string()
  .trim()
  .min(1, 'enter the address of the computer OBS runs on')
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'an address like 127.0.0.1 or obs-pc.local');
export const ObsPort = z.number().int().min(1).max(65535);

export const ObsSettings = z.object({
  /** Whether the seller connected once (address saved): the OBS panel then reconnects by itself. */
  saved: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  hasPassword: z.boolean(),
  passwordStorage: z.enum(['os-keychain', 'owner-only-file', 'none']),
});
export type ObsSettings = z.infer<typeof ObsSettings>;

export const ObsConnectionState = z.enum(['disconnected', 'connecting', 'connected', 'reconnecting', 'failed']);
export type ObsConnectionState = z.infer<typeof ObsConnectionState>;

export const ObsStatus = z.object({
  state: ObsConnectionState,
  /** Why it failed or why it is reconnecting; null when fine. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  obsVersion: z.string().nullable(),
  websocketVersion: z.string().nullable(),
  /** Reconnect attempts since the connection dropped (0 when connected). */
  attempt: z.number().int(),
});
export type ObsStatus = z.infer<typeof ObsStatus>;

export const ObsScenes = z.object({
  /** In OBS's own order (OBS lists the bottom scene first; this is the order its Scenes dock shows). */
  scenes: z.array(z.string()),
  program: z.string().nullable(),
  /** The preview scene in studio mode; null otherwise. */
  preview: z.string().nullable(),
  studioMode: z.boolean(),
});
export type ObsScenes = z.infer<typeof ObsScenes>;

export const ObsSceneItem = z.object({ sceneItemId: z.number().int(), sourceName: z.string(), enabled: z.boolean() });
export type ObsSceneItem = z.infer<typeof ObsSceneItem>;

export const ObsThumbnail = z.object({ sceneName: z.string(), dataUrl: z.string(), at: z.number() });
export type ObsThumbnail = z.infer<typeof ObsThumbnail>;

/** OBS's stream output as the studio shows it; bitrate is derived from outputBytes over time. */
export const ObsStreamHealth = z.object({
  active: z.boolean(),
  reconnecting: z.boolean(),
  /** kbit/s over the last sample interval; null until two samples exist or when not streaming. */
  bitrateKbps: z.number().nullable(),
  /** 0..1, OBS's outputCongestion. */
  congestion: z.number(),
  /** Frames the encoder skipped (outputSkippedFrames) and OBS's total. */
  skippedFrames: z.number().int(),
  totalFrames: z.number().int(),
  /** Frames OBS could not render in time (GetStats renderSkippedFrames / renderTotalFrames). */
  renderSkippedFrames: z.number().int(),
  renderTotalFrames: z.number().int(),
  durationMs: z.number(),
  at: z.number(),
});
export type ObsStreamHealth = z.infer<typeof ObsStreamHealth>;

/** A pre-flight line: `unknown` when obs-websocket does not expose what would be checked. */
export const PreflightCheck = z.object({
  id: z.enum(['obs-reachable', 'rundown-scenes', 'keyframe-interval', 'b-frames', 'bitrate', 'relay-ingest']),
  result: z.enum(['pass', 'warn', 'fail', 'unknown']),
  /** Facts for the message (scene names, seconds, kbit/s), worded by the renderer. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;
export const Preflight = z.object({ checks: z.array(PreflightCheck), ready: z.boolean() });
export type Preflight = z.infer<typeof Preflight>;

/** What a run-down segment or cue can make OBS do when it fires. */
export const ObsAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('switchScene'), sceneName: z.string().trim().min(1).max(256) }),
  z.object({ kind: z.literal('setItemVisible'), sceneName: z.string().trim().min(1).max(256), sourceName: z.string().trim().min(1).max(256), visible: z.boolean() }),
]);
export type ObsAction = z.infer<typeof ObsAction>;
export const ObsActions = z.array(ObsAction).max(10);

/** The outcome of running one action when its cue fired (an error is shown, never dropped). */
export const ObsActionResult = z.object({ action: ObsAction, ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).nullable() });
export type ObsActionResult = z.infer<typeof ObsActionResult>;
