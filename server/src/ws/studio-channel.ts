import type { WebSocket } from 'ws';
import type { RelayToStudio } from '../../../common/protocol/studio-api.js';
import type { MediaEngine } from '../janus/media-engine.js';
import type { LiveShows } from '../live/live-shows.js';
import type { StageService } from '../live/stage-service.js';
import { FLOOD_CLOSE, InputGuard } from '../viewers/input-guard.js';

/** A studio window that has this much unsent is not reading (asleep, hung): it is cut, and reconnects. */
export const MAX_STUDIO_QUEUED_BYTES = 8 * 1024 * 1024;

/** Pushes live facts to authenticated studios: viewer counts, show changes, media engine state. */
export class StudioChannel {
  private readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly live: LiveShows,
    private readonly engine: MediaEngine,
    stage: StageService,
  ) {
    stage.on('stage', (showId, s) => this.broadcast({ type: 'stage', showId, stage: s }));
    live.on('viewers', (showId, count) => this.broadcast({ type: 'viewers', showId, count }));
    live.on('show', (show) => this.broadcast({ type: 'show', show }));
    live.on('publisherLost', (showId, reason) => this.broadcast({ type: 'publisherLost', showId, reason }));
    engine.on('state', (state) => this.broadcast({ type: 'mediaEngine', state }));
  }

  add(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', () => undefined);
    // Studios only listen here; anything they send is ignored, and a socket that floods is closed.
    const guard = new InputGuard();
    ws.on('message', () => {
      if (guard.admit() === 'close' && ws.readyState === ws.OPEN) ws.close(FLOOD_CLOSE.code, FLOOD_CLOSE.reason);
    });
    ws.send(JSON.stringify({ type: 'mediaEngine', state: this.engine.state } satisfies RelayToStudio));
    for (const showId of this.live.liveShowIds()) ws.send(JSON.stringify({ type: 'viewers', showId, count: this.live.viewerCount(showId) } satisfies RelayToStudio));
  }

  /** For relay services whose facts the studio shows (orders, stock): one event to every studio window. */
  publish(m: RelayToStudio): void {
    this.broadcast(m);
  }

  private broadcast(m: RelayToStudio): void {
    const text = JSON.stringify(m);
    for (const ws of this.sockets) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_STUDIO_QUEUED_BYTES) ws.terminate();
      else ws.send(text);
    }
  }

  close(): void {
    for (const ws of this.sockets) ws.close(1001, 'relay stopping');
  }
}
