import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger, LogLevel } from '../log.js';
import { handleViewerSocket, type ViewerChannelDeps } from '../ws/viewer-channel.js';
import { keepAlive } from './heartbeat.js';
import type { FanoutActivity } from './fanout-activity.js';
import { localViewerSocket, MAX_VIEWER_FRAME_BYTES } from './viewer-socket.js';
import { ViewerWorkerPool } from './worker-pool.js';

const LOCAL_CLOSE_GRACE_MS = 1000;

export interface ViewerGatewayOptions {
  /** Viewer worker processes; 0 keeps every viewer socket in this process. */
  workers: number;
  heartbeatMs: number;
  /** The shortest period of a show's chat passes in a worker (RELAY_CHAT_BATCH_MS). */
  chatBatchMs?: number;
  /** A viewer worker that leaves a broadcast or ping unanswered this long is replaced. */
  stallMs: number;
  activity: FanoutActivity;
  logLevel: LogLevel;
  log: Logger;
  deps: ViewerChannelDeps;
  /** The viewer's address as the relay sees it (the socket's peer, or a trusted proxy's X-Forwarded-For). */
  addressOf: (req: IncomingMessage) => string;
}

/**
 * Where /ws/watch upgrades go: to a viewer worker when there are any (the cue fan-out then
 * runs on several cores), else — or while no worker is ready — to this process. Either way the
 * same viewer channel logic, here in the relay's main process, drives the socket.
 */
export class ViewerGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_VIEWER_FRAME_BYTES, perMessageDeflate: false });
  private readonly pool: ViewerWorkerPool | null;

  constructor(private readonly opts: ViewerGatewayOptions) {
    this.pool =
      opts.workers > 0
        ? new ViewerWorkerPool({ count: opts.workers, heartbeatMs: opts.heartbeatMs, chatBatchMs: opts.chatBatchMs, stallMs: opts.stallMs, activity: opts.activity, logLevel: opts.logLevel, log: opts.log, onConnection: (conn) => handleViewerSocket(conn, opts.deps) })
        : null;
  }

  async start(): Promise<void> {
    await this.pool?.start();
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const address = this.opts.addressOf(req);
    if (this.pool?.handOff(req, socket, head, address)) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => handleViewerSocket(localViewerSocket(keepAlive(ws), socket, address), this.opts.deps));
  }

  /** The sockets held in this process, for the relay's heartbeat (enrolled with keepAlive). */
  get localClients(): Set<WebSocket> {
    return this.wss.clients;
  }

  /**
   * Says goodbye (1001) to every viewer. Viewers that do not finish the closing handshake within
   * a second are cut, so a relay with thousands of viewers still stops promptly.
   */
  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.close(1001, 'relay stopping');
    const deadline = Date.now() + LOCAL_CLOSE_GRACE_MS;
    const local = (async () => {
      while (this.wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const ws of this.wss.clients) ws.terminate();
    })();
    await Promise.all([local, this.pool?.close()]);
  }

  kill(): void {
    this.pool?.kill();
  }
}
