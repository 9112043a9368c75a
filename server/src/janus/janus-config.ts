import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RelayConfig } from '../config.js';
import { newJanusSecret, type JanusAccess } from './janus-access.js';

export function janusLibDir(): string {
  const candidates = ['/usr/lib/x86_64-linux-gnu/janus', '/usr/lib/aarch64-linux-gnu/janus', '/usr/lib/janus', '/usr/local/lib/janus', '/opt/janus/lib/janus'];
  const found = candidates.find((d) => existsSync(path.join(d, 'plugins')));
  if (!found) throw new Error('Janus plugins not found; install Janus (apt-get install janus) or set janusUrl to a running Janus');
  return found;
}

const q = (s: string) => `"${s.replace(/["\\]/g, '')}"`;

function othersIn(dir: string, keep: string[]): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => /\.so$/.test(f) && !keep.includes(f))
    .join(',');
}

/** sun_path holds 108 bytes with the NUL; `ws` splits a ws+unix URL at ':' (socket path : request path). */
export function usableSocketPath(p: string): boolean {
  return Buffer.byteLength(p) <= 100 && !p.includes(':');
}

/**
 * Writes a Janus configuration folder the relay owns: only the VideoRoom plugin and the
 * WebSocket transport, and the ICE/NAT settings from the relay's configuration. Janus's API
 * answers only the relay (see docs/threat-model-janus.md): it listens on a Unix socket inside
 * this mode-0700 folder (on 127.0.0.1:janusApiPort only if the path is too long for a socket),
 * and wants a fresh api_secret for every session and a fresh VideoRoom admin_key for every
 * room and RTP forward, generated here at each start and written only to these 0600 files.
 */
export function writeJanusConfig(config: RelayConfig, dir: string): { configFile: string; access: JanusAccess } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // mkdir's mode does not apply to a folder left by an older version
  const lib = janusLibDir();
  const apiSecret = newJanusSecret();
  const adminKey = newJanusSecret();
  const socket = path.join(dir, 'api.sock');
  const unix = usableSocketPath(socket);
  const nat: string[] = ['nice_debug = false', 'ignore_mdns = false'];
  if (config.iceInterfaces) nat.push(`ice_enforce_list = ${q(config.iceInterfaces)}`);
  if (config.natPublicIp) nat.push(`nat_1_1_mapping = ${q(config.natPublicIp)}`, 'keep_private_host = false');
  if (config.stunServer) {
    const [host, port] = config.stunServer.split(':');
    nat.push(`stun_server = ${q(host ?? '')}`, `stun_port = ${Number(port ?? 3478)}`);
  }
  if (config.turnServer) {
    const [host, port] = config.turnServer.split(':');
    nat.push(`turn_server = ${q(host ?? '')}`, `turn_port = ${Number(port ?? 3478)}`, 'turn_type = "udp"');
    if (config.turnUser) nat.push(`turn_user = ${q(config.turnUser)}`);
    if (config.turnPassword) nat.push(`turn_pwd = ${q(config.turnPassword)}`);
  }
  const janus = `general: {
  configs_folder = ${q(dir)}
  plugins_folder = ${q(path.join(lib, 'plugins'))}
  transports_folder = ${q(path.join(lib, 'transports'))}
  events_folder = ${q(path.join(lib, 'events'))}
  loggers_folder = ${q(path.join(lib, 'loggers'))}
  debug_level = 3
  api_secret = ${q(apiSecret)}
  token_auth = false
  admin_secret = ${q(newJanusSecret())}
  server_name = "live-commerce-relay"
  session_timeout = 60
}
media: {
  ipv6 = false
  rtp_port_range = ${q(config.rtpPorts)}
  no_media_timer = 2
}
nat: {
  ${nat.join('\n  ')}
}
plugins: {
  disable = ${q(othersIn(path.join(lib, 'plugins'), ['libjanus_videoroom.so']))}
}
transports: {
  disable = ${q(othersIn(path.join(lib, 'transports'), ['libjanus_websockets.so']))}
}
events: {
  broadcast = false
  disable = ${q(othersIn(path.join(lib, 'events'), []))}
}
loggers: {
  disable = ${q(othersIn(path.join(lib, 'loggers'), []))}
}
`;
  const ws = `general: {
  json = "plain"
  ws = true
  ${unix ? `ws_unix = ${q(socket)}` : `ws_port = ${config.janusApiPort}\n  ws_ip = "127.0.0.1"`}
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`;
  // admin_key: rooms can be created only with it; lock_rtp_forward: rtp_forward needs it too
  // (besides the room's secret).
  const videoroom = `general: {
  admin_key = ${q(adminKey)}
  lock_rtp_forward = true
}
`;
  writeFileSync(path.join(dir, 'janus.jcfg'), janus, { mode: 0o600 });
  writeFileSync(path.join(dir, 'janus.transport.websockets.jcfg'), ws, { mode: 0o600 });
  writeFileSync(path.join(dir, 'janus.plugin.videoroom.jcfg'), videoroom, { mode: 0o600 });
  const url = unix ? `ws+unix://${socket}` : `ws://127.0.0.1:${config.janusApiPort}/`;
  return { configFile: path.join(dir, 'janus.jcfg'), access: { url, apiSecret, adminKey } };
}
