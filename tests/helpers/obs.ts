import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Side, Topology } from './netns.js';

/**
 * Debian's OBS (29, obs-websocket 5.1) under Xvfb inside a test namespace, with a throwaway HOME
 * whose global.ini turns the WebSocket server on (this OBS ignores plugin_config/obs-websocket).
 * Clients in the namespace use ws://127.0.0.1:<port>; the test runner (root namespace) reaches it
 * through `socketUrl`, a Unix socket forwarded inside the namespace, so no packet leaves loopback.
 */
export interface RunningObs {
  port: number;
  password: string;
  home: string;
  /** ws+unix:// URL for clients outside the namespace (obs-websocket-js and `ws` accept it). */
  socketUrl: string;
  /** SIGKILL OBS (and its Xvfb): the connection drops as if OBS crashed. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: OBS stops answering while its sockets stay open (a hung OBS). */
  freeze(): Promise<void>;
  thaw(): void;
  /** Starts OBS again with the same HOME, port and password. */
  restart(): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

const FORWARDER = `
const net = require('node:net');
const [sock, port] = process.argv.slice(1);
require('node:fs').rmSync(sock, { force: true });
net.createServer((c) => {
  const up = net.connect(Number(port), '127.0.0.1');
  c.pipe(up).pipe(c);
  const end = () => { c.destroy(); up.destroy(); };
  c.on('error', end); up.on('error', end); c.on('close', end); up.on('close', end);
}).listen(sock, () => console.log('forwarding'));
`;

export async function startObs(opts: { topology: Topology; side: Side; password?: string; port?: number }): Promise<RunningObs> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'lc-obs-'));
  const config = path.join(home, '.config/obs-studio');
  mkdirSync(config, { recursive: true });
  writeFileSync(path.join(config, 'global.ini'), '[General]\nFirstRun=true\n\n[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\nAuthRequired=true\n');
  const port = opts.port ?? 4455;
  const password = opts.password ?? 'obs-test-password-1';
  const socket = path.join(home, 'obs-ws.sock');
  let out = '';
  const keep = (c: Buffer) => {
    out = (out + c.toString()).slice(-100_000);
  };

  const launchObs = async (): Promise<ChildProcess> => {
    const proc = opts.topology.spawn(
      opts.side,
      'xvfb-run',
      ['-a', '-s', '-screen 0 1280x720x24', 'obs', '--multi', '--disable-shutdown-check', '--websocket_port', String(port), '--websocket_password', password],
      { env: { ...process.env, HOME: home, LANG: 'C.UTF-8' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    await waitFor(proc, () => out.includes(`Server started successfully on port ${port}`), 60_000, () => `OBS did not start its WebSocket server\n${out.slice(-4000)}`);
    return proc;
  };
  const killGroup = async (proc: ChildProcess) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    try {
      process.kill(-proc.pid!, 'SIGKILL');
    } catch {
      proc.kill('SIGKILL');
    }
    await exited;
  };

  let obs = await launchObs();
  const forwarder = opts.topology.spawn(opts.side, process.execPath, ['-e', FORWARDER, socket, String(port)], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let fwdOut = '';
  forwarder.stdout?.on('data', (c: Buffer) => (fwdOut += c.toString()));
  await waitFor(forwarder, () => fwdOut.includes('forwarding'), 10_000, () => 'the Unix socket forwarder did not start');

  return {
    port,
    password,
    home,
    socketUrl: `ws+unix://${socket}:/`,
    output: () => out,
    async kill() {
      await killGroup(obs);
    },
    async freeze() {
      process.kill(-obs.pid!, 'SIGSTOP');
      // The signal is queued, not instant: wait until every process of the group is stopped, or OBS
      // could still answer the next request on the other core.
      await waitFor(obs, () => groupStopped(obs.pid!), 10_000, () => 'OBS did not stop');
    },
    thaw() {
      process.kill(-obs.pid!, 'SIGCONT');
    },
    async restart() {
      await killGroup(obs);
      out = '';
      obs = await launchObs();
    },
    async stop() {
      await killGroup(obs);
      await killGroup(forwarder);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Whether every process in process group `pgid` is stopped (state T in /proc/<pid>/stat). */
function groupStopped(pgid: number): boolean {
  let any = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …; comm may contain spaces, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) !== pgid) continue;
    any = true;
    if (state !== 'T' && state !== 't') return false;
  }
  return any;
}

function waitFor(proc: ChildProcess, ready: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (ready()) {
        clearInterval(tick);
        resolve();
      } else if (proc.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(tick);
        reject(new Error(describe()));
      }
    }, 100);
  });
}

/** A loopback ws server that answers like obs-websocket 4 (a stand-in for the old plugin, an outside product). */
export { startFakeObsWebsocketV4 } from './fake-obs-v4.js';

/**
 * An ffmpeg RTMP listener in the namespace, standing in for the relay's ingest (another branch's
 * work) where a test needs OBS really streaming; resolves once the port listens.
 */
export async function startRtmpListener(topology: Topology, side: Side, streamKey: string): Promise<ChildProcess> {
  const proc = topology.spawn(side, 'ffmpeg', ['-hide_banner', '-loglevel', 'error', '-listen', '1', '-i', `rtmp://127.0.0.1:1935/live/${streamKey}`, '-f', 'null', '-']);
  const ns = side === 'server' ? topology.server : topology.client;
  const listening = () => {
    try {
      return execFileSync('ip', ['netns', 'exec', ns, 'ss', '-ltnH', 'sport = :1935'], { encoding: 'utf8' }).trim().length > 0;
    } catch {
      return false;
    }
  };
  await waitFor(proc, listening, 10_000, () => 'ffmpeg did not listen for RTMP');
  return proc;
}
