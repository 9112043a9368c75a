import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Two network namespaces joined by a veth pair, for everything that carries media.
 * Janus never offers loopback candidates, so media tests run the relay and Janus in the
 * "server" namespace (10.77.0.1) and the studio in the "client" namespace (10.77.0.2);
 * viewers run in either. Only addresses inside these namespaces are ever used.
 */
export const SERVER_IP = '10.77.0.1';
export const CLIENT_IP = '10.77.0.2';
export const SUBNET_PREFIX = '10.77.0.';

export type Side = 'server' | 'client';

export interface Topology {
  readonly server: string;
  readonly client: string;
  ip(side: Side): string;
  /** Spawns a process inside a namespace. */
  spawn(side: Side, command: string, args: string[], options?: SpawnOptions): ChildProcess;
  /** Path of an executable that runs Debian's Chromium inside the namespace (for Playwright's executablePath). */
  chromium(side: Side): string;
  /** Takes the client's end of the link down or up: the studio's network drops, the server side stays. */
  setClientLink(up: boolean): void;
  destroy(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

let counter = 0;

export function createTopology(): Topology {
  if (process.getuid?.() !== 0) throw new Error('media tests need root to create network namespaces (run as root, as CI does)');
  removeStaleNamespaces();
  const id = `lc${process.pid}x${counter++}`;
  const server = `${id}s`;
  const client = `${id}c`;
  const dir = mkdtempSync(path.join(os.tmpdir(), `${id}-`));
  const children = new Set<ChildProcess>();
  try {
    ip('netns', 'add', server);
    ip('netns', 'add', client);
    ip('-n', server, 'link', 'set', 'lo', 'up');
    ip('-n', client, 'link', 'set', 'lo', 'up');
    ip('-n', server, 'link', 'add', 'vs', 'type', 'veth', 'peer', 'name', 'vc', 'netns', client);
    ip('-n', server, 'addr', 'add', `${SERVER_IP}/24`, 'dev', 'vs');
    ip('-n', client, 'addr', 'add', `${CLIENT_IP}/24`, 'dev', 'vc');
    ip('-n', server, 'link', 'set', 'vs', 'up');
    ip('-n', client, 'link', 'set', 'vc', 'up');
  } catch (e) {
    deleteNs(server);
    deleteNs(client);
    throw e;
  }
  const ns = (side: Side) => (side === 'server' ? server : client);
  const wrappers = new Map<Side, string>();
  return {
    server,
    client,
    ip: (side) => (side === 'server' ? SERVER_IP : CLIENT_IP),
    spawn(side, command, args, options = {}) {
      const child = spawn('ip', ['netns', 'exec', ns(side), command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    },
    chromium(side) {
      let file = wrappers.get(side);
      if (!file) {
        file = path.join(dir, `chromium-${side}.sh`);
        writeFileSync(file, `#!/bin/sh\nexec ip netns exec ${ns(side)} /usr/bin/chromium "$@"\n`);
        chmodSync(file, 0o755);
        wrappers.set(side, file);
      }
      return file;
    },
    setClientLink(up) {
      ip('-n', client, 'link', 'set', 'vc', up ? 'up' : 'down');
    },
    destroy() {
      for (const c of children) c.kill('SIGKILL');
      // Anything still running inside would keep the namespace's processes alive; kill them too.
      for (const name of [server, client]) {
        try {
          const pids = execFileSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).split(/\s+/).filter(Boolean);
          for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
        } catch {
          // already gone
        }
        deleteNs(name);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function deleteNs(name: string): void {
  try {
    ip('netns', 'del', name);
  } catch {
    // not there
  }
}

/** Namespaces left by a test process that was killed (ours are named lc<pid>x<n>). */
function removeStaleNamespaces(): void {
  let list = '';
  try {
    list = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  } catch {
    return;
  }
  for (const line of list.split('\n')) {
    const m = /^(lc(\d+)x\d+[sc])\b/.exec(line.trim());
    if (!m) continue;
    const pid = Number(m[2]);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) deleteNs(m[1]!);
  }
}
