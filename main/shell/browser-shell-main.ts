import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileSecretStore } from '../store/secret-store.js';
import { createStudioCore } from '../studio-core.js';
import { startBrowserShell } from './browser-shell.js';

/**
 * `npm run studio` — the studio in a browser on localhost (used where Electron's binary is absent).
 * Env: STUDIO_DATA_DIR, STUDIO_PORT, STUDIO_RELAY_URL, STUDIO_KEY_HANDOFF.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(process.env.STUDIO_DATA_DIR ?? path.join(root, '.data/studio'));

const core = await createStudioCore({
  dataDir,
  secrets: new FileSecretStore(path.join(dataDir, 'relay-key')),
  obsSecrets: new FileSecretStore(path.join(dataDir, 'obs-password')),
  defaultRelayUrl: process.env.STUDIO_RELAY_URL ?? 'http://127.0.0.1:8080',
  keyHandoffFile: process.env.STUDIO_KEY_HANDOFF,
});
const shell = await startBrowserShell(core, { rendererDist: path.join(root, 'dist/renderer'), port: Number(process.env.STUDIO_PORT ?? 5170) });
process.stdout.write(JSON.stringify({ msg: 'studio ready', url: shell.url }) + '\n');

const stop = () => void shell.close().then(() => core.close()).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
