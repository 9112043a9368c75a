import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentSettings } from '../../common/commerce/show-catalog.js';
import { FileSecretStore } from '../store/secret-store.js';
import { createStudioCore } from '../studio-core.js';
import { startCoreHarness, type CoreHarness } from '../testing/core-harness.js';

// The relay is a FAKE (main/testing/fake-relay.ts); payment settings live in the studio's own SQLite.
let h: CoreHarness;
beforeEach(async () => {
  h = await startCoreHarness();
});
afterEach(() => h.close());

const good: PaymentSettings = {
  bankTransfer: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매' },
  cashOnDelivery: false,
  card: true,
  shippingFee: 2500,
  freeShippingFrom: null,
};

describe('payment settings', () => {
  it('start with cash on delivery, 3,000 KRW shipping and free shipping from 50,000 KRW', async () => {
    expect(await h.ok('payment.get', {})).toEqual({ bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: 50000 });
  });

  it('are saved, trimmed, and survive a restart of the core', async () => {
    expect(await h.ok('payment.save', { ...good, bankTransfer: { bank: ' 국민은행 ', accountNumber: '123-456-789012 ', holder: '김판매' } })).toEqual(good);
    expect(await h.ok('payment.get', {})).toEqual(good);
    const again = await createStudioCore({ dataDir: h.dataDir, secrets: new FileSecretStore(path.join(h.dataDir, 'key')), defaultRelayUrl: h.relay.url });
    try {
      expect(await again.handle('payment.get', {})).toEqual({ ok: true, data: good });
    } finally {
      await again.close();
    }
  });

  it('drop fields the contract does not know rather than store them', async () => {
    expect(await h.ok('payment.save', { ...good, paypal: true })).toEqual(good);
    expect(await h.ok('payment.get', {})).toEqual(good);
  });

  it.each([
    ['a negative shipping fee', { ...good, shippingFee: -1 }, /shippingFee/],
    ['a fractional shipping fee', { ...good, shippingFee: 2500.5 }, /shippingFee/],
    ['an account number with letters', { ...good, bankTransfer: { ...good.bankTransfer!, accountNumber: '123-ABC-456' } }, /account number: digits and dashes/],
    ['an empty bank name', { ...good, bankTransfer: { ...good.bankTransfer!, bank: '  ' } }, /bankTransfer\.bank/],
    ['no way to pay at all', { ...good, bankTransfer: null, cashOnDelivery: false, card: false }, /at least one way to pay/],
    ['a missing field', { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000 }, /freeShippingFrom/],
  ])('refuse %s and store nothing', async (_what, input, message) => {
    await h.ok('payment.save', good);
    const result = await h.core.handle('payment.save', input);
    expect(result).toMatchObject({ ok: false, error: { error: 'bad_request', message: expect.stringMatching(message) } });
    expect(await h.ok('payment.get', {})).toEqual(good);
  });
});
