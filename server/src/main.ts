import { ConfigError, loadRelayConfig } from './config.js';
import { startRelay } from './app.js';
import { StudioKeys, writeKeyHandoff } from './auth/studio-keys.js';
import { openRelayDb } from './db/database.js';
import { createLogger } from './log.js';

/** `npm run relay` — starts the relay (and Janus). `npm run relay -- --rotate-studio-key` replaces the studio key. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadRelayConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`relay: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel, { service: 'relay' });

  if (process.argv.includes('--rotate-studio-key')) {
    const db = openRelayDb(config.dataDir);
    const key = new StudioKeys(db).rotate();
    db.close();
    announceKey(key, writeKeyHandoff(config.dataDir, key));
    return;
  }

  const relay = await startRelay(config, log);
  if (relay.newStudioKey) announceKey(relay.newStudioKey, writeKeyHandoff(config.dataDir, relay.newStudioKey));
  process.stdout.write(JSON.stringify({ t: new Date().toISOString(), level: 'info', msg: 'relay ready', url: relay.url }) + '\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    void relay.close().then(() => process.exit(0));
    setTimeout(() => process.exit(1), 8000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function announceKey(key: string, file: string): void {
  // Shown once, on stderr so log shippers reading stdout do not keep it.
  process.stderr.write(
    `\n  Studio key (shown once / 한 번만 표시됩니다):\n\n    ${key}\n\n  Enter it in the studio's relay settings. A copy for a studio on this machine is in ${file} (owner-only).\n\n`,
  );
}

void main();
