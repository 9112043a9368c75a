import path from 'node:path';
import type { Topology } from './netns.js';
import { startObs } from './obs.js';
import { ROOT } from './processes.js';

/**
 * Debian's OBS 29 in the client namespace (launched by obs.ts), driven by tests/helpers/obs-drive.ts
 * run inside the same namespace, so no client of it sits outside (the network rule for namespaced servers).
 */
export interface ObsProcess {
  /** Points OBS's RTMP output at `server` with `key` and starts streaming; resolves when OBS says its output is active. */
  startStream(server: string, key: string): Promise<boolean>;
  stopStream(): Promise<void>;
  /** How far OBS's program runs behind a stamped clock it shows, from `count` program screenshots (ms each). */
  programLag(count: number): Promise<number[]>;
  /** Adds a media source playing `url` (a network stream inside the client namespace) to the program scene. */
  addMediaSource(url: string): Promise<void>;
  /** What OBS printed (its log): encoder settings, audio buffering. */
  log(): string;
  stop(): Promise<void>;
}

export async function startObsProcess(topology: Topology, port = 4466, password = 'obs-ingest-test-pw'): Promise<ObsProcess> {
  const obs = await startObs({ topology, side: 'client', port, password });
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
    async programLag(count) {
      return ((await drive('lag', String(port), password, String(count))) as unknown as { lags: number[] }).lags;
    },
    async addMediaSource(url) {
      await drive('media', String(port), password, url);
    },
    log: () => obs.output(),
    stop: () => obs.stop(),
  };
}
