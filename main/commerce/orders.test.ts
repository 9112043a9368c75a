import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard, Report } from '../../common/analytics.js';
import type { Product } from '../../common/commerce/catalog.js';
import type { SellerOrder } from '../../common/commerce/order.js';
import { startCoreHarness, until, type CoreHarness } from '../testing/core-harness.js';
import { csvFilename, withBom } from './commerce-handlers.js';
import { decodeCp949 } from '../catalog/cp949.js';

// The relay is a FAKE (main/testing/fake-relay.ts + fake-relay-commerce.ts) on 127.0.0.1.
let h: CoreHarness;
let socks: Product;
beforeEach(async () => {
  h = await startCoreHarness();
  socks = await h.ok<Product>('products.save', { input: { name: '양말', price: 3000, stock: 10 } });
  h.relay.shows.set('show1', { id: 'show1', title: '봄 니트 라이브', status: 'scheduled', scheduledAt: null, startedAt: null, endedAt: null, createdAt: new Date(0).toISOString(), rehearsalOf: null });
  await h.ok('shows.start', { showId: 'show1' });
});
afterEach(() => h.close());

const dashboard = (over: Partial<Dashboard> = {}): Dashboard => ({
  showId: 'show1',
  currency: 'KRW',
  at: 1_700_000_000_000,
  viewersNow: 12,
  viewersPeak: 30,
  uniqueViewers: 40,
  orders: 3,
  revenue: 90000,
  buyers: 2,
  conversion: 0.05,
  products: [{ productId: 'p1', name: '양말', saw: 40, opened: 10, startedCheckout: 5, ordered: 3, units: 4, revenue: 90000, stockLeft: 6 }],
  segments: [],
  coupons: [],
  quizzes: [],
  polls: [],
  ...over,
});

describe('orders, segments, dashboard and report through the studio core', () => {
  it('ships a paid order with courier and tracking number; refuses an unpaid transfer and a bad tracking number', async () => {
    const a = h.relay.commerce.addOrder('show1', { productId: socks.id, quantity: 1 });
    expect(await h.core.handle('orders.markShipped', { orderId: a.id, courier: 'cj', trackingNumber: '6012-3456-7890' })).toMatchObject({ ok: false, error: { error: 'invalid_transition' } });
    await h.ok('orders.markPaid', { orderId: a.id });
    expect(await h.ok('orders.markShipped', { orderId: a.id, courier: 'cj', trackingNumber: '6012-3456-7890' })).toMatchObject({ id: a.id, shipment: { courier: 'cj', trackingNumber: '601234567890' } });
    expect(await h.core.handle('orders.markShipped', { orderId: a.id, courier: 'dhl', trackingNumber: '601234567890' })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
    expect(await h.core.handle('orders.markShipped', { orderId: a.id, courier: 'cj', trackingNumber: '1' })).toMatchObject({ ok: false });
  });


  it('lists orders and passes Mark paid, Cancel, Refund and Delete buyer data to the relay', async () => {
    const a = h.relay.commerce.addOrder('show1', { productId: socks.id, quantity: 2 });
    const b = h.relay.commerce.addOrder('show1', { productId: socks.id, quantity: 1 });
    expect((await h.ok<SellerOrder[]>('orders.list', { showId: 'show1' })).map((o) => o.id)).toEqual([b.id, a.id]);

    expect(await h.ok('orders.markPaid', { orderId: a.id })).toMatchObject({ id: a.id, status: 'paid' });
    expect(await h.ok('orders.refund', { orderId: a.id, reason: '단순 변심' })).toMatchObject({ status: 'refunded' });
    expect(await h.ok('orders.cancel', { orderId: b.id })).toMatchObject({ status: 'cancelled' });
    expect(await h.ok('orders.eraseBuyer', { orderId: b.id })).toMatchObject({ buyer: null, quote: { total: b.quote.total } });
    const posts = h.relay.requests.filter((r) => r.url.startsWith('/api/orders/')).map((r) => [r.url, JSON.parse(r.body.toString('utf8'))]);
    expect(posts).toEqual([
      [`/api/orders/${a.id}/paid`, {}],
      [`/api/orders/${a.id}/refund`, { reason: '단순 변심' }],
      [`/api/orders/${b.id}/cancel`, { reason: '' }],
      [`/api/orders/${b.id}/erase`, {}],
    ]);
    // Stock returned on refund and cancel comes back into the catalog.
    await until(() => h.events.filter(([e]) => e === 'relay.stock').length >= 5, 'stock events');
    expect((await h.ok<Product[]>('products.list', {})).find((p) => p.id === socks.id)).toMatchObject({ stock: 10 });
  });

  it('passes the relay’s refusals through with its code and message', async () => {
    const a = h.relay.commerce.addOrder('show1', { productId: socks.id });
    expect(await h.core.handle('orders.refund', { orderId: a.id, reason: '' })).toMatchObject({ ok: false, error: { error: 'invalid_transition', message: expect.stringContaining('awaiting_payment') } });
    expect(await h.core.handle('orders.markPaid', { orderId: 'nope' })).toEqual({ ok: false, error: { error: 'not_found', message: 'no such order' } });
    expect(await h.core.handle('orders.cancel', { orderId: a.id, reason: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
  });

  it('exports orders as CSV with exactly one byte-order mark, formulas left neutralised, named after the show', async () => {
    h.relay.commerce.addOrder('show1', { productId: socks.id, buyer: { name: '=HYPERLINK("x")', phone: '010-1234-5678', address: { postcode: '06236', line1: '서울 강남구', line2: '' }, note: '' } });
    const file = await h.ok<{ filename: string; csv: string; base64: string }>('orders.exportCsv', { showId: 'show1' });
    expect(file.csv.startsWith('\uFEFF주문번호,주문일시,상태')).toBe(true);
    expect(file.csv.startsWith('\uFEFF\uFEFF')).toBe(false);
    expect(file.csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(file.csv);
    expect(file.filename).toMatch(/^orders-봄-니트-라이브-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('exports the CJ대한통운 sheet in CP949 when asked, and English headers for an English UI', async () => {
    h.relay.commerce.addOrder('show1', { productId: socks.id, buyer: { name: '김똠', phone: '010-1234-5678', address: { postcode: '06236', line1: '서울 강남구', line2: '101호' }, note: '' } });
    const cj = await h.ok<{ filename: string; csv: string; base64: string; encoding: string }>('orders.exportCsv', { showId: 'show1', format: 'cj', encoding: 'cp949' });
    expect(cj.filename).toMatch(/^cj-봄-니트-라이브-/);
    const bytes = Buffer.from(cj.base64, 'base64');
    expect(bytes[0]).not.toBe(0xef); // no UTF-8 byte-order mark in a CP949 file
    expect(decodeCp949(bytes)).toBe(cj.csv.slice(1));
    const en = await h.ok<{ csv: string }>('orders.exportCsv', { showId: 'show1', lang: 'en', timeZone: 'UTC' });
    expect(en.csv.startsWith('\uFEFFOrder number,Ordered at,Status')).toBe(true);
    expect(await h.core.handle('orders.exportCsv', { showId: 'show1', format: 'dhl' })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
  });

  it('turns the relay’s order and dashboard events into relay.order and relay.dashboard, and replays the latest dashboard', async () => {
    const order = h.relay.commerce.addOrder('show1', { productId: socks.id });
    h.relay.broadcast({ type: 'dashboard', showId: 'show1', dashboard: dashboard() });
    h.relay.broadcast({ type: 'dashboard', showId: 'show1', dashboard: { nonsense: true } });
    await until(() => h.events.some(([e]) => e === 'relay.dashboard'), 'a dashboard event');
    expect(h.events).toContainEqual(['relay.order', { showId: 'show1', order }]);
    expect(h.events.filter(([e]) => e === 'relay.dashboard')).toEqual([['relay.dashboard', { showId: 'show1', dashboard: dashboard() }]]);
    const late: unknown[] = [];
    h.core.onEvent((event, payload) => event === 'relay.dashboard' && late.push(payload));
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual([{ showId: 'show1', dashboard: dashboard() }]);
  });

  it('tells the relay which segment the host entered', async () => {
    expect(await h.ok('segments.enter', { showId: 'show1', segmentId: 'seg-2', title: '니트 소개' })).toEqual({});
    expect(h.relay.commerce.segments).toEqual([{ showId: 'show1', segmentId: 'seg-2', title: '니트 소개' }]);
    expect(await h.core.handle('segments.enter', { showId: 'show1', segmentId: 'bad id!', title: 'x' })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
  });

  it('reads the dashboard and the report, and exports the report as CSV', async () => {
    h.relay.commerce.dashboards.set('show1', dashboard());
    expect(await h.ok('dashboard.get', { showId: 'show1' })).toEqual(dashboard());
    const report: Report = { ...dashboard(), title: '봄 니트 라이브', startedAt: null, endedAt: null, viewersOverTime: [{ at: 1, viewers: 3 }], cues: [{ at: 1, label: '양말' }], repeatBuyers: 1, chat: { messages: 12, questions: 3, answered: 2, hearts: 40, blocked: 1, removed: 1, actions: [{ at: '2026-12-04T10:00:00.000Z', actor: 'host', action: 'delete', detail: null }] } };
    h.relay.commerce.reports.set('show1', report);
    expect(await h.ok('report.get', { showId: 'show1' })).toEqual(report);
    // Written by the studio from the report: Korean headers, times in the seller's zone with the offset.
    const file = await h.ok<{ filename: string; csv: string }>('report.exportCsv', { showId: 'show1', lang: 'ko', timeZone: 'Asia/Seoul' });
    expect(file.filename).toMatch(/^report-봄-니트-라이브-/);
    const lines = file.csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFF방송 리포트');
    expect(lines).toContain('방송 제목,봄 니트 라이브');
    expect(lines).toContain('시각,큐');
    expect(lines).toContain('1970-01-01 09:00:00 +09:00,양말');
    expect(file.csv).not.toMatch(/\dT\d|Z\b/);
    const en = await h.ok<{ csv: string }>('report.exportCsv', { showId: 'show1', lang: 'en', timeZone: 'America/New_York' });
    expect(en.csv.split('\r\n')).toContain('1969-12-31 19:00:00 -05:00,3');
    expect(await h.core.handle('report.exportCsv', { showId: 'show1', lang: 'ko', timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
    expect(await h.core.handle('report.get', { showId: 'other' })).toMatchObject({ ok: false, error: { error: 'not_found' } });
  });
});

describe('CSV helpers', () => {
  it('add a byte-order mark only when missing', () => {
    expect(withBom('a,b')).toBe('\uFEFFa,b');
    expect(withBom('\uFEFFa,b')).toBe('\uFEFFa,b');
  });
  it('name files after the show, safely, with the local date', () => {
    const d = new Date(2025, 4, 1, 23, 59);
    expect(csvFilename('orders', '봄 니트/라이브: "특가"', d)).toBe('orders-봄-니트-라이브-특가-2025-05-01.csv');
    expect(csvFilename('report', null, d)).toBe('report-2025-05-01.csv');
    expect(csvFilename('orders', '../../etc/passwd', d)).toBe('orders-etc-passwd-2025-05-01.csv');
  });
});
