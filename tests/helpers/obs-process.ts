import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Topology } from './netns.js';
import { ROOT } from './processes.js';

/**
 * Debian's OBS 29 under Xvfb in the client namespace, with a throwaway HOME whose global.ini
 * turns obs-websocket on (VERIFIED.md). It is driven by tests/helpers/obs-drive.ts run inside the
 * same namespace, so no client of it sits outside (the network rule for namespaced servers).
 */
export interface ObsProcess {
  /** Points OBS's RTMP output at `server` with `key` and starts streaming; resolves when OBS says its output is active. */
  startStream(server: string, key: string): Promise<boolean>;
  stopStream(): Promise<void>;
  stop(): Promise<void>;
}

export async function startObsProcess(topology: Topology, port = 4466, password = 'obs-ingest-test-pw'): Promise<ObsProcess> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'obs-ingest-'));
  mkdirSync(path.join(home, '.config/obs-studio'), { recursive: true });
  writeFileSync(path.join(home, '.config/obs-studio/global.ini'), '[General]\nFirstRun=true\n\n[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\nAuthRequired=true\n');
  let out = '';
  const proc: ChildProcess = topology.spawn('client', 'xvfb-run', ['-a', '-s', '-screen 0 1280x720x24', 'obs', '--multi', '--disable-shutdown-check', '--websocket_port', String(port), '--websocket_password', password], {
    env: { ...process.env, HOME: home, LANG: 'C.UTF-8' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (c: Buffer) => (out = (out + c.toString()).slice(-50_000));
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (!out.includes(`Server started successfully on port ${port}`)) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`OBS did not start its WebSocket server:\n${out.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const drive = async (...args: string[]) => {
    const ns = topology.spawn('client', process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/obs-drive.ts'), ...args], { cwd: ROOT });
    let text = '';
    ns.stdout?.on('data', (c: Buffer) => (text += c.toString()));
    ns.stderr?.on('data', (c: Buffer) => (text += c.toString()));
    const code = await new Promise<number | null>((r) => ns.once('exit', r));
    if (code !== 0) throw new Error(`obs-drive ${args[0]} failed: ${text.slice(-2000)}`);
    return JSON.parse(text.trim().split('\n').at(-1)!) as { outputActive?: boolean };
  };
  return {
    async startStream(server, key) {
      return (await drive('start', String(port), password, server, key)).outputActive === true;
    },
    async stopStream() {
      await drive('stop', String(port), password);
    },
    async stop() {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        proc.kill('SIGKILL');
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
