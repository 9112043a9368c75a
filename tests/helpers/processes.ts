import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Side, Topology } from './netns.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface RunningProcess {
  proc: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export interface RunningRelay extends RunningProcess {
  url: string;
  dataDir: string;
  studioKey: string;
  /** Stops the relay (and its Janus) and starts it again on the same data, address and port. */
  restart(): Promise<void>;
}

/** A free TCP port on loopback (for processes that run outside a namespace). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Process groups we started and have not reaped yet; killed if this process exits first. */
const liveGroups = new Set<number>();
let exitHooked = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone
  }
}

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  const killAll = () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  };
  process.on('exit', killAll);
  // A Ctrl-C of a benchmark: our groups do not get the terminal's signal, so pass it on, then
  // die of it as we would have (unless someone else handles that signal here).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/**
 * Each launched process leads its own process group (detached), so stopping it can reach
 * everything it started — tsx's node child, the relay's Janus and viewer workers — even when
 * those outlive the launcher. `ip netns exec` execs the command, so the pid is the same inside
 * a namespace.
 */
function launch(command: string, args: string[], env: Record<string, string>, where?: { topology: Topology; side: Side }): ChildProcess {
  const options = { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], detached: true };
  const proc = where ? where.topology.spawn(where.side, command, args, options) : spawn(command, args, options);
  if (proc.pid !== undefined) {
    hookExit();
    const pid = proc.pid;
    liveGroups.add(pid);
    proc.once('exit', () => {
      // Whatever the leader left behind in its group goes with it.
      killGroup(pid, 'SIGKILL');
      liveGroups.delete(pid);
    });
  }
  return proc;
}

/** Resolves with the first stdout JSON line whose msg matches; rejects if the process exits first. */
function waitForLine(proc: ChildProcess, msg: string, output: () => string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for "${msg}"\n${output()}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const obj = JSON.parse(line) as Record<string, unknown>;
          if (obj.msg === msg) {
            clearTimeout(timer);
            proc.stdout?.off('data', onData);
            resolve(obj);
          }
        } catch {
          // not a JSON line
        }
      }
    };
    proc.stdout?.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${code}) before "${msg}"\n${output()}`));
    });
  });
}

function capture(proc: ChildProcess): () => string {
  let out = '';
  const add = (c: Buffer) => {
    out = (out + c.toString()).slice(-200_000);
  };
  proc.stdout?.on('data', add);
  proc.stderr?.on('data', add);
  return () => out;
}

/**
 * SIGTERM to the launcher (tsx passes it on, and the relay closes Janus and its workers), then
 * after a grace period SIGKILL to the whole process group, so nothing is orphaned whatever state
 * the process was in. Once the leader has exited its group is killed too (see launch).
 */
async function stopProcess(proc: ChildProcess): Promise<void> {
  const pid = proc.pid;
  if (proc.exitCode !== null || proc.signalCode !== null) {
    if (pid !== undefined) killGroup(pid, 'SIGKILL');
    return;
  }
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => (pid !== undefined ? killGroup(pid, 'SIGKILL') : proc.kill('SIGKILL')), 5000);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/** `wrap` prefixes the command (e.g. a shell that raises the descriptor limit before exec). */
export async function startRelay(opts: { topology?: Topology; env?: Record<string, string>; dataDir?: string; wrap?: string[] } = {}): Promise<RunningRelay> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'lc-relay-'));
  const inNs = opts.topology !== undefined;
  const env: Record<string, string> = {
    RELAY_DATA_DIR: dataDir,
    RELAY_HOST: inNs ? opts.topology!.ip('server') : '127.0.0.1',
    RELAY_PORT: inNs ? '8080' : String(await freePort()),
    RELAY_JANUS_API_PORT: inNs ? '8188' : String(await freePort()),
    // Relays on loopback run side by side in parallel test files: each takes a free RTMP port.
    RELAY_RTMP_PORT: inNs ? '1935' : '0',
    RELAY_SRT_PORTS: inNs ? '9000-9009' : '0',
    RELAY_LOG_LEVEL: 'info',
    ...opts.env,
  };
  const boot = async () => {
    // BENCH_RELAY_CPU_PROF=<dir>: V8 CPU profiles of the relay and its workers (they inherit execArgv), written when they exit.
    const prof = process.env.BENCH_RELAY_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_RELAY_CPU_PROF}`] : [];
    const [cmd, ...args] = [...(opts.wrap ?? []), TSX, ...prof, 'server/src/main.ts'];
    const proc = launch(cmd!, args, env, inNs ? { topology: opts.topology!, side: 'server' } : undefined);
    const output = capture(proc);
    const ready = await waitForLine(proc, 'relay ready', output);
    return { proc, output, ready };
  };
  let current = await boot();
  const ready = current.ready;
  let studioKey = '';
  try {
    studioKey = readFileSync(path.join(dataDir, 'studio-key'), 'utf8').trim();
  } catch {
    // a relay started on an existing data directory has no hand-off file
  }
  return {
    get proc() {
      return current.proc;
    },
    output: () => current.output(),
    url: String(ready.url),
    dataDir,
    studioKey,
    async restart() {
      await stopProcess(current.proc);
      current = await boot();
    },
    async stop() {
      await stopProcess(current.proc);
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningStudio extends RunningProcess {
  url: string;
}

export async function startStudio(opts: { relayUrl: string; keyHandoff?: string; topology?: Topology }): Promise<RunningStudio> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lc-studio-'));
  const env: Record<string, string> = {
    STUDIO_DATA_DIR: dataDir,
    STUDIO_PORT: opts.topology ? '5170' : String(await freePort()),
    STUDIO_RELAY_URL: opts.relayUrl,
    // The test namespaces are a lab network: the studio may use plain http to exactly this relay.
    ...(opts.topology ? { STUDIO_ALLOW_HTTP_RELAY: new URL(opts.relayUrl).origin } : {}),
    ...(opts.keyHandoff ? { STUDIO_KEY_HANDOFF: opts.keyHandoff } : {}),
  };
  const proc = launch(TSX, ['main/shell/browser-shell-main.ts'], env, opts.topology ? { topology: opts.topology, side: 'client' } : undefined);
  const output = capture(proc);
  const ready = await waitForLine(proc, 'studio ready', output);
  return {
    proc,
    output,
    url: String(ready.url),
    async stop() {
      await stopProcess(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
