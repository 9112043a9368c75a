import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcResult, StudioError, studioErrorOf } from '../../common/ipc-contract.js';
import { GIF_1X1 } from '../testing/images.js';
import { startCoreHarness, type CoreHarness } from '../testing/core-harness.js';

/**
 * A catalog refusal crosses IPC as the renderer receives it: the core's answer through JSON (the
 * browser shell) or a structured clone (Electron's ipcMain), checked against IpcResult and rebuilt
 * into a StudioError by the same function the renderer's bridge uses.
 */
let h: CoreHarness;
beforeEach(async () => {
  h = await startCoreHarness();
});
afterEach(() => h.close());

async function refused(channel: string, request: unknown, carry: (raw: unknown) => unknown): Promise<StudioError> {
  const result = IpcResult.parse(carry(await h.core.handle(channel, request)));
  if (result.ok) throw new Error(`${channel} was not refused`);
  return studioErrorOf(result.error);
}
const viaJson = (raw: unknown) => JSON.parse(JSON.stringify(raw)) as unknown;

describe.each([
  ['the browser shell (JSON)', viaJson],
  ['Electron (structured clone)', (raw: unknown) => structuredClone(raw)],
])('catalog refusals over %s', (_how, carry) => {
  it('keep their code, English log line, reason and arguments', async () => {
    await h.ok('coupons.save', { input: { code: 'live10', kind: 'percent', amount: 10, totalQuota: 100 } });
    const clash = await refused('coupons.save', { input: { code: 'LIVE10', kind: 'percent', amount: 5, totalQuota: 5 } }, carry);
    expect(clash).toBeInstanceOf(StudioError);
    expect(clash).toMatchObject({ code: 'conflict', message: 'code: another coupon already uses the code LIVE10', refusal: { reason: 'couponCodeTaken', args: { code: 'LIVE10' } } });

    const hat = await h.ok<{ id: string }>('products.save', { input: { name: '니트 모자', price: 9000, stock: 2 } });
    await h.ok('coupons.save', { input: { code: 'HATONLY', kind: 'fixed', amount: 1000, totalQuota: 5, productIds: [hat.id] } });
    expect((await refused('products.delete', { id: hat.id }, carry)).refusal).toEqual({ reason: 'productOnlyInCoupon', args: { code: 'HATONLY', productName: '니트 모자' } });
    expect((await refused('images.add', { dataBase64: GIF_1X1.toString('base64') }, carry)).refusal).toEqual({ reason: 'imageUnsupported', args: { format: 'gif' } });
    expect((await refused('quizzes.delete', { id: 'gone' }, carry)).refusal).toEqual({ reason: 'itemGone', args: { kind: 'quiz' } });
  });

  it('a request the contract refuses carries its schema issues', async () => {
    const e = await refused('products.save', { input: { name: '니트', price: -5, stock: 1 } }, carry);
    expect(e).toMatchObject({ code: 'bad_request', refusal: { reason: 'invalidInput', args: { issues: [{ path: ['input', 'price'], message: 'price cannot be negative' }] } } });
  });

  it('errors that are not refusals cross as before, without one', async () => {
    const e = await refused('nope.channel', {}, carry);
    expect(e).toMatchObject({ code: 'bad_request', message: 'unknown channel nope.channel', refusal: null });
  });
});

describe('what the renderer does with a refusal it cannot use', () => {
  const answer = (refusal: unknown) => IpcResult.parse({ ok: false, error: { error: 'conflict', message: 'from a newer core', refusal } });

  it('drops an unknown reason or arguments that do not fit, and keeps the code and message', () => {
    for (const refusal of [{ reason: 'somethingNew', args: {} }, { reason: 'itemGone', args: { kind: 'banana' } }, { reason: 'couponCodeTaken', args: {} }]) {
      const result = answer(refusal);
      if (result.ok) throw new Error('not an error');
      expect(studioErrorOf(result.error)).toMatchObject({ code: 'conflict', message: 'from a newer core', refusal: null });
    }
  });

  it('still reads an answer whose refusal is malformed', () => {
    const result = answer('not an object');
    expect(result).toEqual({ ok: false, error: { error: 'conflict', message: 'from a newer core' } });
  });
});
