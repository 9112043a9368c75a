import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, desktopCapturer, dialog, protocol, session, shell, type Session, type WebContents } from 'electron';
import { FileSecretStore, type SecretStore } from '../store/secret-store.js';
import { createStudioCore } from '../studio-core.js';
import type { StudioCore } from '../studio-core-api.js';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, bindStudioIpc, isAppUrl } from './ipc.js';
import { osKeychainAvailable, SafeStorageSecretStore } from './safe-storage-secret-store.js';

/**
 * Electron entry: a thin shell around the studio core. Compiled to dist/electron/main/electron/main.js.
 *
 * The renderer is served from `app://studio/` rather than file://: a registered standard+secure
 * scheme gives the page a real origin of its own, so getUserMedia works (secure context), CSP 'self'
 * means just the app, and the IPC sender check and permission handlers can compare origins. file://
 * pages share one opaque origin with every local file and cannot receive a CSP header.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../../../renderer');
const PRELOAD = path.resolve(here, '../../preload/preload.cjs');

const CSP = [
  "default-src 'self'", "connect-src 'self'", "img-src 'self' data: blob:", "media-src 'self' blob: mediastream:",
  "style-src 'self' 'unsafe-inline'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The only permissions the page may get. Clipboard write (sanitized, no read) lets the host copy a watch link.
const ALLOWED_PERMISSIONS = new Set(['media', 'display-capture', 'clipboard-sanitized-write']);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
  '.woff': 'font/woff', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

// Must happen before `ready`; static imports above have no Electron side effects.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);
app.enableSandbox();

/** Serves dist/renderer under app://studio/, refusing anything outside that folder. */
async function serveRenderer(request: Request): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  let relative: string;
  try {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    relative = decodeURIComponent(url.pathname);
  } catch {
    return notFound();
  }
  const file = path.resolve(RENDERER_DIR, `.${relative === '/' ? '/index.html' : relative}`);
  if (!file.startsWith(RENDERER_DIR + path.sep)) return notFound();
  try {
    const body = await readFile(file);
    const headers = {
      'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    };
    return new Response(new Uint8Array(body), { status: 200, headers });
  } catch {
    return notFound();
  }
}

function openIfWebLink(url: string): void {
  // URL.canParse first: a malformed URL is simply not opened.
  if (URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)) void shell.openExternal(url);
}

/** Applied to every webContents the app ever creates: no navigation, no popups, no <webview>. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url);
    return { action: 'deny' };
  });
}

function secureSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && details.isMainFrame && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin));

  // Screen share: the first screen for now. A source picker (screens and windows) is a later improvement.
  ses.setDisplayMediaRequestHandler((request, callback) => {
    if (!isAppUrl(request.securityOrigin) || !request.videoRequested) return callback({});
    desktopCapturer
      .getSources({ types: ['screen', 'window'], thumbnailSize: { width: 0, height: 0 } })
      .then((sources) => {
        const source = sources.find((s) => s.id.startsWith('screen:')) ?? sources[0];
        callback(source ? { video: source } : {});
      })
      .catch((error: unknown) => {
        console.error('desktop capture failed', error);
        callback({});
      });
  });

  // The protocol handler already sends the CSP; this also covers the origin if Electron routes
  // custom-scheme responses through webRequest (it historically did not emit header events for them).
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({});
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360, height: 860, minWidth: 960, minHeight: 600,
    show: false,
    title: 'Live Commerce Studio',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** `name` is 'relay-key' (the studio key) or 'obs-password' (OBS's WebSocket password). */
function createSecretStore(dataDir: string, name: 'relay-key' | 'obs-password'): SecretStore {
  // Same file name as the browser shell's owner-only file, so switching shells keeps the secret.
  if (osKeychainAvailable()) return new SafeStorageSecretStore(path.join(dataDir, `${name}.enc`));
  console.warn(`OS keychain unavailable: keeping ${name} in an owner-only file`);
  return new FileSecretStore(path.join(dataDir, name));
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  await app.whenReady();

  const dataDir = app.getPath('userData');
  const core: StudioCore = await createStudioCore({
    dataDir,
    secrets: createSecretStore(dataDir, 'relay-key'),
    obsSecrets: createSecretStore(dataDir, 'obs-password'),
    defaultRelayUrl: process.env.STUDIO_RELAY_URL ?? 'http://127.0.0.1:8080',
    ...(process.env.STUDIO_KEY_HANDOFF ? { keyHandoffFile: process.env.STUDIO_KEY_HANDOFF } : {}),
  });
  const unbindIpc = bindStudioIpc(core);
  protocol.handle(APP_SCHEME, serveRenderer);
  secureSession(session.defaultSession);

  let win = createWindow();
  app.on('second-instance', () => {
    if (win.isDestroyed()) win = createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Hold the quit until the core has closed (relay sessions ended, SQLite checkpointed).
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= core
      .close()
      .catch((error: unknown) => console.error('studio core did not close cleanly', error))
      .finally(() => {
        unbindIpc();
        closed = true;
        app.quit();
      });
  });
}

// One studio per user: two would share one SQLite file and one relay session.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error('studio failed to start', error);
    dialog.showErrorBox('Live Commerce Studio could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
