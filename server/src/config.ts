import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../common/errors.js';

/**
 * Chat messages go out in batches this far apart by default (`RELAY_CHAT_BATCH_MS`): all of a
 * show's new messages in one write per viewer socket instead of one each (200 messages a second to
 * 5,000 viewers would be a million writes, each a system call: bench:chat-fanout's profile).
 * A large audience widens a show's window beyond this (chat/chat-window.ts).
 */
export const CHAT_BATCH_MS = 50;
/** Chat's batch window (docs/chat.md, "Delivery"): longer means fewer socket writes, later messages. */
export const ChatBatchMs = z.coerce.number().int().min(10).max(1000).default(CHAT_BATCH_MS);

/**
 * Relay configuration: defaults that work on one laptop, overridden by a JSON file
 * (RELAY_CONFIG=/path/relay.json) and then by environment variables.
 */
export const RelayConfig = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Base of watch links, as viewers reach the relay (https://live.example.com in production). */
  publicUrl: z.url().optional(),
  dataDir: z.string().default('.data/relay'),
  /** Connect to a running Janus (its WebSocket API, ws+unix:///path for a Unix socket) instead of starting one. */
  janusUrl: z.string().regex(/^(wss?|ws\+unix):\/\//, 'janusUrl must be a ws://, wss:// or ws+unix:// address').optional(),
  /**
   * The outside Janus's `api_secret`, `token` (token_auth) and VideoRoom `admin_key`, as that Janus
   * is configured. Only used with janusUrl: the relay's own Janus gets fresh ones at every start.
   */
  janusApiSecret: z.string().min(1).optional(),
  janusToken: z.string().min(1).optional(),
  janusAdminKey: z.string().min(1).optional(),
  janusBin: z.string().default('janus'),
  /**
   * Port of the managed Janus's WebSocket API on 127.0.0.1, used only when its Unix socket path
   * (dataDir/janus/api/janus.sock) is too long for a socket address.
   */
  janusApiPort: z.coerce.number().int().min(1).max(65535).default(8188),
  /** UDP range Janus uses for media; open it on the server's firewall. */
  rtpPorts: z.string().regex(/^\d+-\d+$/, 'rtpPorts must look like 20000-40000').default('20000-40000'),
  /** Interfaces or address prefixes ICE may use (Janus ice_enforce_list), comma-separated. */
  iceInterfaces: z.string().optional(),
  /** The server's public IP when it sits behind 1:1 NAT (cloud VPS). */
  natPublicIp: z.string().optional(),
  stunServer: z.string().optional(),
  turnServer: z.string().optional(),
  turnUser: z.string().optional(),
  turnPassword: z.string().optional(),
  /** Secret that signs watch links; generated into the data directory when absent. */
  secret: z.string().min(32, 'secret must be at least 32 characters').optional(),
  /** How often idle WebSockets are pinged; one missed pong closes them. */
  heartbeatMs: z.coerce.number().int().min(100).max(120_000).default(15_000),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Child processes that hold the viewer WebSockets, so a cue's fan-out to thousands of viewers
   * runs on several cores. 0 keeps them in the relay's own process. Default: 2 with 2+ cores.
   */
  viewerWorkers: z.coerce
    .number()
    .int()
    .min(0)
    .max(16)
    .default(() => (os.availableParallelism() >= 2 ? 2 : 0)),
  /**
   * TCP port of the RTMP ingest OBS publishes to (docs/obs-mode.md), bound on `host` like the
   * HTTP listener; 0 picks a free one. A port already taken leaves the ingest off, not the relay.
   */
  rtmpPort: z.coerce.number().int().min(0).max(65535).default(1935),
  /**
   * UDP ports for OBS's SRT output, one per show holding a stream key (docs/obs-mode.md):
   * "9000-9049", "0" (any free port per show; tests) or "off".
   */
  srtPorts: z
    .string()
    .regex(/^(off|0|\d{1,5}-\d{1,5})$/, 'RELAY_SRT_PORTS must be "off", "0" or a range like 9000-9049')
    .default('9000-9049')
    .transform((v, ctx) => {
      if (v === 'off') return null;
      if (v === '0') return 'any' as const;
      const [from, to] = v.split('-').map(Number) as [number, number];
      if (from < 1 || to > 65535 || from > to) {
        ctx.addIssue({ code: 'custom', message: 'RELAY_SRT_PORTS: a range of ports 1..65535, low-high' });
        return z.NEVER;
      }
      return { from, to };
    }),
  /** The ffmpeg the ingest runs (Debian's ffmpeg 5.1: RTMP listen, libopus). */
  ffmpegBin: z.string().default('ffmpeg'),
  chatBatchMs: ChatBatchMs,
  /** A viewer worker that leaves a broadcast or ping unanswered this long is killed and replaced. */
  viewerWorkerStallMs: z.coerce.number().int().min(200).max(120_000).default(10_000),
  /** Clip cuts (ffmpeg children) at once (docs/clips.md); 0 turns cutting off (clips stay queued). */
  clipConcurrency: z.coerce.number().int().min(0).max(4).default(1),
  /** Replay post-processing (docs/replay.md): Debian's janus-tools and ffmpeg; children at once (0: recordings wait). */
  janusPpRecBin: z.string().default('janus-pp-rec'),
  ffprobeBin: z.string().default('ffprobe'),
  replayConcurrency: z.coerce.number().int().min(0).max(4).default(1),
  /** MP4 renditions of camera replays for older iPhones (docs/replay.md): encodes at once (0: none made). */
  renditionConcurrency: z.coerce.number().int().min(0).max(4).default(1),
});
export type RelayConfig = z.infer<typeof RelayConfig>;

const ENV_KEYS: Record<string, keyof RelayConfig> = {
  RELAY_HOST: 'host',
  RELAY_PORT: 'port',
  RELAY_PUBLIC_URL: 'publicUrl',
  RELAY_DATA_DIR: 'dataDir',
  RELAY_JANUS_URL: 'janusUrl',
  RELAY_JANUS_API_SECRET: 'janusApiSecret',
  RELAY_JANUS_TOKEN: 'janusToken',
  RELAY_JANUS_ADMIN_KEY: 'janusAdminKey',
  RELAY_JANUS_BIN: 'janusBin',
  RELAY_JANUS_API_PORT: 'janusApiPort',
  RELAY_RTP_PORTS: 'rtpPorts',
  RELAY_ICE_INTERFACES: 'iceInterfaces',
  RELAY_NAT_PUBLIC_IP: 'natPublicIp',
  RELAY_STUN_SERVER: 'stunServer',
  RELAY_TURN_SERVER: 'turnServer',
  RELAY_TURN_USER: 'turnUser',
  RELAY_TURN_PASSWORD: 'turnPassword',
  RELAY_SECRET: 'secret',
  RELAY_LOG_LEVEL: 'logLevel',
  RELAY_HEARTBEAT_MS: 'heartbeatMs',
  RELAY_VIEWER_WORKERS: 'viewerWorkers',
  RELAY_VIEWER_WORKER_STALL_MS: 'viewerWorkerStallMs',
  RELAY_CHAT_BATCH_MS: 'chatBatchMs',
  RELAY_RTMP_PORT: 'rtmpPort',
  RELAY_SRT_PORTS: 'srtPorts',
  RELAY_FFMPEG_BIN: 'ffmpegBin',
  RELAY_CLIP_CONCURRENCY: 'clipConcurrency',
  RELAY_JANUS_PP_REC_BIN: 'janusPpRecBin',
  RELAY_FFPROBE_BIN: 'ffprobeBin',
  RELAY_REPLAY_CONCURRENCY: 'replayConcurrency',
  RELAY_RENDITION_CONCURRENCY: 'renditionConcurrency',
};

export class ConfigError extends Error {}

export function loadRelayConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  let fromFile: Record<string, unknown> = {};
  const file = env.RELAY_CONFIG;
  if (file) {
    if (!existsSync(file)) throw new ConfigError(`RELAY_CONFIG points at ${file}, which does not exist`);
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(`RELAY_CONFIG ${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [envKey, key] of Object.entries(ENV_KEYS)) if (env[envKey] !== undefined && env[envKey] !== '') fromEnv[key] = env[envKey];
  const parsed = RelayConfig.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success) throw new ConfigError(`relay configuration is invalid: ${describeZodError(parsed.error)}`);
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}

/** Where viewers reach the relay; on one machine that is the listen address. */
export function publicBaseUrl(config: RelayConfig, boundPort: number): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
}
