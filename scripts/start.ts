/**
 * `npm start` — runs the product on this machine: the relay (which starts Janus), then the studio.
 * Prints the studio's address and the watch link of the next show (creating a first show if there
 * is none). Uses Electron when its binary is installed, otherwise the studio's browser shell.
 * Env: RELAY_PORT (8080), STUDIO_PORT (5170), RELAY_DATA_DIR (.data/relay), STUDIO_DATA_DIR (.data/studio).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Show, WatchLink } from '../common/show.js';
import { startBrowserShell } from '../main/shell/browser-shell.js';
import { FileSecretStore } from '../main/store/secret-store.js';
import { createStudioCore } from '../main/studio-core.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const relayPort = process.env.RELAY_PORT ?? '8080';
const relayDataDir = path.resolve(process.env.RELAY_DATA_DIR ?? path.join(root, '.data/relay'));
const studioDataDir = path.resolve(process.env.STUDIO_DATA_DIR ?? path.join(root, '.data/studio'));

if (!existsSync(path.join(root, 'dist/renderer/index.html')) || !existsSync(path.join(root, 'dist/watch/index.html'))) {
  console.log('Building the studio and watch pages…');
  spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
}

const relay = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, RELAY_PORT: relayPort, RELAY_DATA_DIR: relayDataDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const relayUrl = await new Promise<string>((resolve, reject) => {
  let buf = '';
  relay.stdout.on('data', (c: Buffer) => {
    buf += c.toString();
    const m = /"msg":"relay ready","url":"([^"]+)"/.exec(buf);
    if (m) resolve(m[1]!);
    if (buf.length > 100_000) buf = buf.slice(-10_000);
  });
  relay.once('exit', (code) => reject(new Error(`the relay exited (${code}); see its messages above`)));
});
relay.stdout.pipe(process.stdout);

const core = await createStudioCore({
  dataDir: studioDataDir,
  secrets: new FileSecretStore(path.join(studioDataDir, 'relay-key')),
  defaultRelayUrl: relayUrl,
  keyHandoffFile: path.join(relayDataDir, 'studio-key'),
});

/** The next show that has not ended, or a new one, and its first working link. */
async function nextShowLink(): Promise<{ show: Show; link: WatchLink } | null> {
  const list = await core.handle('shows.list', {});
  if (!list.ok) return null;
  const upcoming = (list.data as Show[]).find((s) => s.status !== 'ended');
  if (!upcoming) {
    const created = await core.handle('shows.create', { title: '첫 라이브 · My first live show' });
    return created.ok ? (created.data as { show: Show; link: WatchLink }) : null;
  }
  const links = await core.handle('shows.links', { showId: upcoming.id });
  const link = links.ok ? (links.data as WatchLink[]).find((l) => !l.revokedAt) : undefined;
  return link ? { show: upcoming, link } : null;
}

// electron's install script writes path.txt only when its binary download succeeded.
const electronPathFile = path.join(root, 'node_modules/electron/path.txt');
const electronBinary = existsSync(electronPathFile) ? path.join(root, 'node_modules/electron/dist', readFileSync(electronPathFile, 'utf8').trim()) : null;

let studioUrl: string;
let closeStudio: () => Promise<void>;
if (electronBinary && existsSync(electronBinary) && existsSync(path.join(root, 'dist/electron/main/electron/main.js'))) {
  const app = spawn(electronBinary, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, STUDIO_RELAY_URL: relayUrl, STUDIO_KEY_HANDOFF: path.join(relayDataDir, 'studio-key') } });
  studioUrl = '(Electron window)';
  closeStudio = async () => void app.kill();
} else {
  const shell = await startBrowserShell(core, { rendererDist: path.join(root, 'dist/renderer'), port: Number(process.env.STUDIO_PORT ?? 5170) });
  studioUrl = shell.url;
  closeStudio = () => shell.close();
  if (process.env.DISPLAY || process.platform === 'darwin') {
    const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
    spawn(opener, [shell.url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  }
}

const next = await nextShowLink();
console.log('\n──────────────────────────────────────────────────────────────');
console.log(`  Studio / 스튜디오:      ${studioUrl}`);
if (next) console.log(`  Watch link / 시청 링크: ${next.link.url}\n    (show: ${next.show.title})`);
else console.log('  Watch link: connect the studio to the relay (enter the studio key) and create a show.');
console.log('  Stop with Ctrl+C.');
console.log('──────────────────────────────────────────────────────────────\n');

const stop = async () => {
  await closeStudio().catch(() => undefined);
  await core.close();
  relay.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3000).unref();
  relay.once('exit', () => process.exit(0));
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
