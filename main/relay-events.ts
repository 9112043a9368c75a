import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { RelayToStudio } from '../common/protocol/studio-api.js';

export interface RelayEventsEvents {
  message: [RelayToStudio];
  connection: [connected: boolean, status: number | null];
}

/** The relay's studio event stream, reconnecting by itself (0.5 s → 5 s backoff) until closed. */
export class RelayEvents extends EventEmitter<RelayEventsEvents> {
  private ws: WebSocket | null = null;
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  connected = false;

  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {
    super();
  }

  start(): void {
    this.closed = false;
    this.open();
  }

  private open(): void {
    const url = this.baseUrl.replace(/^http/, 'ws') + '/api/studio/events';
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${this.key}` }, handshakeTimeout: 5000 });
    this.ws = ws;
    ws.on('open', () => {
      this.attempt = 0;
      this.connected = true;
      this.emit('connection', true, null);
    });
    ws.on('message', (data) => {
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return;
      }
      const parsed = RelayToStudio.safeParse(raw);
      if (parsed.success) this.emit('message', parsed.data);
    });
    let status: number | null = null;
    ws.on('unexpected-response', (_req, res) => {
      status = res.statusCode ?? null;
      ws.terminate();
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.ws !== ws) return;
      const was = this.connected;
      this.connected = false;
      if (was || status !== null) this.emit('connection', false, status);
      if (this.closed) return;
      this.attempt++;
      this.timer = setTimeout(() => this.open(), Math.min(5000, 500 * 2 ** (this.attempt - 1)));
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
    this.ws = null;
  }
}
