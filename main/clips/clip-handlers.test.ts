import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../common/ipc-contract.js';
import type { Clip, ClipStatus, ShowClips } from '../../common/replay/clips.js';
import { RelayClient } from '../relay-client.js';
import { expectRefusal } from '../testing/refusal-of.js';
import { clipHandlers } from './clip-handlers.js';

/**
 * clipHandlers driven through a real RelayClient against a relay stand-in on 127.0.0.1 that answers
 * the declared clip routes (schemas checked by the client) and serves thumbnail files. Every clip's
 * thumbnail address names a host that is not this server (TEST-NET 203.0.113.9), as a relay behind
 * another public address would, or a forged one: the studio must fetch only the path, from its own address.
 */
const FORGED_HOST = 'http://203.0.113.9';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
const OVER_LIMIT = 1_000_001; // one byte over the handler's 1 MB

const clip = (name: string, status: ClipStatus, thumbnail = `${FORGED_HOST}/thumbs/${name}.jpg`): Clip => ({
  id: `clp_${name}_0000000`,
  showId: 's1',
  segmentNo: 1,
  productId: null,
  inSec: 0,
  outSec: 30,
  status,
  progress: status === 'ready' ? 1 : 0,
  error: null,
  numbers: { views: 0, orders: 0, buyers: 0, revenue: 0, currency: null },
  pageUrl: `${FORGED_HOST}/c/${name}`,
  files: { wide: `${FORGED_HOST}/w.mp4`, vertical: `${FORGED_HOST}/v.mp4`, thumbnail },
  updatedAt: '2026-12-05T00:00:00.000Z',
});
const clips = [
  clip('ok', 'ready'),
  clip('cutting', 'cutting'),
  clip('missing', 'ready'),
  clip('png', 'ready'),
  clip('html', 'ready'),
  clip('big', 'ready'),
  clip('chunked', 'ready'),
  clip('drop', 'ready'),
  clip('garbled', 'ready', 'not a url'),
];
const listed: ShowClips = {
  replay: true,
  durationSec: 600,
  segments: clips.map((c, i) => ({ segmentNo: i + 1, segmentId: `seg${i}`, title: `구간 ${i + 1}`, startedAt: '2026-12-05T00:00:00.000Z', productIds: [], video: { inSec: 0, outSec: 60 }, clip: c })),
};

type Seen = { method: string; url: string; host: string; auth: string | undefined; body: string };
let seen: Seen[] = [];
let server: Server;
let client: RelayClient;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', auth: req.headers.authorization, body });
    const json = (status: number, data: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    switch (`${req.method} ${req.url}`) {
      case 'GET /api/shows/s1/clips': return void json(200, listed);
      case 'POST /api/shows/s1/clips': return void json(202, { ...clip('new', 'queued'), segmentNo: (JSON.parse(body) as { segmentNo: number }).segmentNo });
      case 'DELETE /api/shows/s1/clips/clp_ok_0000000': return void res.writeHead(204).end();
      case 'GET /thumbs/ok.jpg': return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
      case 'GET /thumbs/png.jpg': return void res.writeHead(200, { 'content-type': 'image/png' }).end(JPEG);
      case 'GET /thumbs/html.jpg': return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><p>로그인이 필요합니다</p>');
      case 'GET /thumbs/big.jpg': return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(OVER_LIMIT, 0xff));
      case 'GET /thumbs/chunked.jpg': { // no content-length: the size shows only while reading
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        for (let i = 0; i < 11; i++) res.write(Buffer.alloc(100_000, 0xff));
        return void res.end();
      }
      case 'GET /thumbs/drop.jpg': return void req.socket.destroy(); // the connection drops before any answer
      default: return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new RelayClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'studio-key');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const handlers = () => clipHandlers(() => client);
const thumbnail = (name: string) => handlers()['clips.thumbnail']({ showId: 's1', clipId: `clp_${name}_0000000` });
async function refusalOf(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof StudioError)) throw new Error(`expected a StudioError, got ${String(e)}`);
  return expectRefusal(e, new Set());
}

describe('clips.thumbnail', () => {
  it("a ready clip: the JPEG's bytes as a data URL, fetched by path from the studio's own relay address", async () => {
    expect(await thumbnail('ok')).toEqual({ dataUrl: `data:image/jpeg;base64,${JPEG.toString('base64')}` });
    // The forged host never answered (nothing listens there); the file came from this server.
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /api/shows/s1/clips', 'GET /thumbs/ok.jpg']);
    expect(seen[1]!.host).toBe(new URL(client.baseUrl).host);
  });

  it('a clip still cutting, or one the relay does not list, is not ready', async () => {
    expect(await refusalOf(thumbnail('cutting'))).toEqual({ reason: 'clipNotReady', args: {} });
    expect(await refusalOf(thumbnail('unknown'))).toEqual({ reason: 'clipNotReady', args: {} });
    expect(seen.filter((s) => s.url.startsWith('/thumbs/'))).toEqual([]);
  });

  it.each([
    ['a 404', 'missing'],
    ['a PNG content type', 'png'],
    ['an HTML page (a proxy or login page)', 'html'],
    ['a connection dropped before the answer', 'drop'],
    ['a thumbnail address that is no URL', 'garbled'],
  ])('no thumbnail: %s', async (_what, name) => {
    expect(await refusalOf(thumbnail(name))).toEqual({ reason: 'clipNoThumbnail', args: {} });
  });

  it.each([
    ['declared in its content-length', 'big'],
    ['sent in chunks without a length', 'chunked'],
  ])('a JPEG over 1 MB is refused as too large: %s', async (_what, name) => {
    expect(await refusalOf(thumbnail(name))).toEqual({ reason: 'clipThumbnailTooLarge', args: {} });
  });
});

describe('clips.list, clips.cut, clips.delete pass through to the relay', () => {
  it('list: the relay’s answer as it is', async () => {
    expect(await handlers()['clips.list']({ showId: 's1' })).toEqual(listed);
  });

  it('cut: the request body reaches the relay and its clip comes back', async () => {
    const cut = await handlers()['clips.cut']({ showId: 's1', cut: { segmentNo: 3, inSec: 5, outSec: 25 } });
    expect(JSON.parse(seen[0]!.body)).toEqual({ segmentNo: 3, inSec: 5, outSec: 25 });
    expect(cut).toMatchObject({ id: 'clp_new_0000000', status: 'queued', segmentNo: 3 });
  });

  it('delete: the DELETE of that clip, with the studio key, and an empty answer', async () => {
    expect(await handlers()['clips.delete']({ showId: 's1', clipId: 'clp_ok_0000000' })).toEqual({});
    expect(seen).toMatchObject([{ method: 'DELETE', url: '/api/shows/s1/clips/clp_ok_0000000', auth: 'Bearer studio-key' }]);
  });
});
