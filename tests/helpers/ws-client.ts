import WebSocket from 'ws';

/** A test WebSocket client that queues messages so tests can await the next one of a kind. */
export class TestSocket {
  readonly ws: WebSocket;
  private readonly queue: Record<string, unknown>[] = [];
  /** Every message received, in arrival order (for tests of order across kinds). */
  readonly log: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | null = null;
  readonly opened: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(url, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as Record<string, unknown>;
      this.queue.push(m);
      this.log.push(m);
      this.wake();
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** Next message matching `type` (earlier non-matching ones are dropped). */
  async next(type: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.queue.findIndex((m) => m.type === type);
      if (i >= 0) return this.queue.splice(0, i + 1).pop()!;
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) before a "${type}" message`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(this.queue)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  /** The first message of `type` that `match` accepts, leaving every other message queued. */
  async take(type: string, match: (m: Record<string, unknown>) => boolean = () => true, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.queue.findIndex((m) => m.type === type && match(m));
      if (i >= 0) return this.queue.splice(i, 1)[0]!;
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) before a "${type}" message`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(this.queue)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  async closed(timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (this.closeCode === null) throw new Error('socket did not close');
    return this.closeCode;
  }

  close(): void {
    this.ws.close();
  }
}
