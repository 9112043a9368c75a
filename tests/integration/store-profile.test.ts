import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreProfileAnswer } from '../../common/commerce/store-profile.js';
import { sampleStoreProfile } from '../../common/testing/store-profile-sample.js';
import { call, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** The store profile on a real relay: the studio saves it, every watch link reads it, bad input changes nothing. */
let relay: RunningRelay;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

type Answered = StoreProfileAnswer & { error?: string; message?: string };
const save = (body: unknown, opts: { key?: string | null; raw?: string } = {}) => call<Answered>(relay, 'PUT', '/api/store/profile', body, opts);
const read = () => call<Answered>(relay, 'GET', '/api/store/profile');

describe('store profile', () => {
  it('is empty at first for the studio and for viewers, then saved, formatted and shown on every watch link', async () => {
    const shop = await shopShow(relay);
    expect((await read()).body).toEqual({ profile: null, updatedAt: null });
    expect((await shop.w('GET', '/seller')).body).toEqual({ profile: null, updatedAt: null });
    const saved = await save(sampleStoreProfile({ businessNumber: '2208162517', phone: '01012345678' }));
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({ businessName: '봄날의옷장', businessNumber: '220-81-62517', phone: '010-1234-5678' });
    expect((await read()).body).toEqual(saved.body);
    const other = await shopShow(relay, undefined, { live: false });
    expect((await other.w('GET', '/seller')).body).toEqual(saved.body);
  });

  it('survives a relay restart', async () => {
    await save(sampleStoreProfile({ businessName: '재시작상회' }));
    await relay.restart();
    expect((await read()).body.profile?.businessName).toBe('재시작상회');
  });

  it('refuses forged fields, 10 KB strings, a wrong checksum, bad phones and broken JSON, and keeps the saved profile', async () => {
    await save(sampleStoreProfile());
    const before = (await read()).body;
    const bad: [unknown, RegExp][] = [
      [{ ...sampleStoreProfile(), verified: true }, /verified/],
      [sampleStoreProfile({ returns: { periodDays: 7, shippingFee: 3000, address: '서울', note: '', refundAll: true } as never }), /refundAll/],
      [sampleStoreProfile({ address: 'x'.repeat(10_240) }), /address/],
      [sampleStoreProfile({ businessNumber: '220-81-62518' }), /check digit/],
      [sampleStoreProfile({ phone: '555-0100' }), /phone/],
      [sampleStoreProfile({ email: '<script>@' }), /e-mail/],
      [sampleStoreProfile({ returns: { periodDays: 1, shippingFee: 3000, address: '서울', note: '' } }), /7 days/],
      [{ businessName: '봄' }, /representative/],
    ];
    for (const [body, why] of bad) {
      const r = await save(body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body).toMatchObject({ error: 'bad_request', message: expect.stringMatching(why) });
    }
    expect((await save(undefined, { raw: '{"businessName": ' })).body.error).toBe('bad_request');
    const huge = await save(undefined, { raw: JSON.stringify({ ...sampleStoreProfile(), note: 'x'.repeat(40_000) }) });
    expect(huge.status).toBe(413);
    expect((await read()).body).toEqual(before);
  });

  it('is changed only by the studio: no key, a wrong key or a watch link cannot write it', async () => {
    await save(sampleStoreProfile());
    expect((await save(sampleStoreProfile({ businessName: '가짜상점' }), { key: null })).status).toBe(401);
    expect((await save(sampleStoreProfile({ businessName: '가짜상점' }), { key: 'not-the-key' })).status).toBe(401);
    expect((await call(relay, 'GET', '/api/store/profile', undefined, { key: null })).status).toBe(401);
    const shop = await shopShow(relay);
    expect((await shop.w('PUT', '/seller', sampleStoreProfile({ businessName: '가짜상점' }))).status).toBe(405);
    expect((await call(relay, 'GET', '/api/watch/not-a-token/seller', undefined, { key: null })).status).toBe(404);
    expect((await read()).body.profile?.businessName).toBe('봄날의옷장');
  });
});
