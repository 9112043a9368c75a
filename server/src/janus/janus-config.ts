import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RelayConfig } from '../config.js';

/**
 * Writes a Janus configuration folder the relay owns: only the VideoRoom plugin and the
 * WebSocket transport, the API bound to 127.0.0.1 (never reachable by viewers), and the
 * ICE/NAT settings from the relay's configuration.
 */
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

export function writeJanusConfig(config: RelayConfig, dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lib = janusLibDir();
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
  admin_secret = ${q(randomBytes(16).toString('hex'))}
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
  ws_port = ${config.janusApiPort}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`;
  const videoroom = `general: {
}
`;
  writeFileSync(path.join(dir, 'janus.jcfg'), janus, { mode: 0o600 });
  writeFileSync(path.join(dir, 'janus.transport.websockets.jcfg'), ws, { mode: 0o600 });
  writeFileSync(path.join(dir, 'janus.plugin.videoroom.jcfg'), videoroom, { mode: 0o600 });
  return path.join(dir, 'janus.jcfg');
}
