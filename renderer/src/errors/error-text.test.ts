import { describe, expect, it } from 'vitest';
import { OBS_ERRORS } from '../../../common/obs.js';
import { IpcResult, StudioError, studioErrorOf } from '../../../common/ipc-contract.js';
import { parseRefusal, type Refusal, type RefusalArgs } from '../../../common/refusals.js';
import { studioRefusals } from '../../../common/refusals/studio.js';
import { dictionaries } from '../i18n/strings.js';
import { codeText, errorText, refusalText } from './error-text.js';

/**
 * The Korean studio never shows the core's or the relay's English: every refusal outside the
 * catalog and every error code is said from the renderer's strings (the catalog's refusals are
 * tested in catalog/refusal-text.test.ts). The seller's own words (names, codes, addresses) are
 * taken out first; what may remain in Latin is the scheme and format names Korean shops write so.
 */
const { ko, en } = dictionaries;
/** Also OBS's own names for its parts, as its Korean UI writes them (WebSocket, obs-websocket, x264, B-프레임). */
const ALLOWED_LATIN = /(?<![A-Za-z])(https?:\/\/|OBS|ID|obs-websocket|WebSocket|x264|B)(?![A-Za-z])/g;

type StudioReason = keyof typeof studioRefusals;
/** Sample arguments per reason (the type makes a new reason add its sample). */
const SAMPLES: { [R in StudioReason]: RefusalArgs<R>[] } = {
  rundownGone: [{}],
  segmentIdRepeated: [{ segmentId: 'intro' }],
  cueIdRepeated: [
    { cueId: 'c1', segment: '니트', otherSegment: '오프닝' },
    { cueId: 'c1', segment: '니트', otherSegment: '니트' },
  ],
  cueTargetGone: [
    { kind: 'product', targets: [{ name: '캐시미어 니트', id: 'p1' }, { name: null, id: 'never-was' }] },
    { kind: 'coupon', targets: [{ name: 'LIVE10', id: 'k1' }] },
    { kind: 'quiz', targets: [{ name: null, id: 'q1' }] },
    { kind: 'poll', targets: [{ name: '다음 색상?', id: 'v1' }] },
  ],
  cueNotSendable: [{ detail: 'Too small: expected number to be >=0' }],
  handoffCatalogInvalid: [{ detail: 'products.0.name: Too big' }],
  handoffRefusedByRelay: [
    { relayCode: 'media_unavailable', relayMessage: 'the media engine is restarting' },
    { relayCode: 'relay_unreachable', relayMessage: 'Cannot reach the relay' },
    // A code from a newer relay: said with the generic line.
    { relayCode: 'from_a_newer_relay', relayMessage: 'something new' },
  ],
  noPaymentMethod: [{}],
  clipNotReady: [{}],
  clipNoThumbnail: [{}],
  clipThumbnailTooLarge: [{}],
  relayAddressInvalid: [{}],
  relayAddressHasCredentials: [{}],
  relayNotHttps: [{ host: 'relay.example.com:8080' }],
  studioKeyNeeded: [
    { origin: 'https://live.example.com', otherRelay: true },
    { origin: 'https://live.example.com', otherRelay: false },
  ],
};
const refusals = (Object.keys(SAMPLES) as StudioReason[]).flatMap((reason) => SAMPLES[reason].map((args) => ({ reason, args }) as Refusal));

/** The seller's own words in the arguments (names, codes, ids, addresses): what is left is the studio's. */
function withoutArgs(text: string, args: unknown): string {
  const words = (JSON.stringify(args).match(/"[^"]*"/g) ?? []).map((w) => JSON.parse(w) as string).filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
  return words.reduce((out, w) => out.split(w).join(''), text);
}
const latinLeft = (text: string) => text.replace(ALLOWED_LATIN, '').match(/[A-Za-z]+/g);

describe('studio refusals in the seller’s language', () => {
  it('has samples that fit each reason’s own schema', () => {
    for (const r of refusals) expect(parseRefusal(r), r.reason).toEqual(r);
  });

  it.each(refusals.map((r) => [`${r.reason} ${JSON.stringify(r.args)}`, r] as const))('says %s in Korean with no English', (_name, refusal) => {
    const said = refusalText(refusal, ko, 'ko');
    expect(said).toMatch(/[\uac00-\ud7a3]/);
    expect(latinLeft(withoutArgs(said, refusal.args)), said).toBeNull();
  });

  it.each(refusals.map((r) => [`${r.reason} ${JSON.stringify(r.args)}`, r] as const))('says %s in English, not in Korean', (_name, refusal) => {
    const said = refusalText(refusal, en, 'en');
    expect(said.trim()).not.toBe('');
    expect(withoutArgs(said, refusal.args)).not.toMatch(/[\uac00-\ud7a3]/);
  });

  it('names what the seller needs to find, and says the relay’s refusal by its code', () => {
    const cue = refusalText({ reason: 'cueTargetGone', args: { kind: 'product', targets: [{ name: '캐시미어 니트', id: 'p1' }, { name: null, id: 'x' }] } }, ko, 'ko');
    expect(cue).toBe('이 큐가 쓰는 상품 “캐시미어 니트”, 삭제된 상품이(가) 목록에 없습니다. 진행표에서 큐를 고치거나 목록에 다시 추가하세요.');
    const handoff = refusalText({ reason: 'handoffRefusedByRelay', args: { relayCode: 'media_unavailable', relayMessage: 'restarting' } }, ko, 'ko');
    expect(handoff).toContain(ko.errors.codes.media_unavailable);
    expect(handoff).not.toContain('restarting');
    expect(refusalText({ reason: 'handoffRefusedByRelay', args: { relayCode: 'media_unavailable', relayMessage: 'restarting' } }, en, 'en')).toContain('restarting');
  });
});

describe('errors said by their code', () => {
  const obsCodes: string[] = Object.values(OBS_ERRORS);
  const codes = [...Object.keys(ko.errors.codes), ...obsCodes];

  it.each(codes)('%s has a Korean line with no English', (code) => {
    const said = codeText(code, 'The relay’s own English sentence.', ko, 'ko');
    expect(said).not.toBe(ko.errors.generic);
    expect(said).toMatch(/[\uac00-\ud7a3]/);
    expect(latinLeft(said), said).toBeNull();
  });

  it('in English, says the relay’s own message, and OBS’s codes by their line (what to do in OBS)', () => {
    for (const code of Object.keys(en.errors.codes)) expect(codeText(code, 'The relay’s own English sentence.', en, 'en')).toBe('The relay’s own English sentence.');
    for (const code of obsCodes) expect(codeText(code, 'OBS refused GetSceneList (status 600).', en, 'en')).toBe(en.obs.errors[code]);
  });

  it('has an English line for every code, for an answer without a message', () => {
    for (const code of Object.keys(en.errors.codes)) expect(codeText(code, '', en, 'en')).toBe(en.errors.codes[code as keyof typeof en.errors.codes]);
  });
});

describe('errors with no refusal or code this renderer knows', () => {
  const fromCore = (code: string, refusal: unknown) => {
    const result = IpcResult.parse({ ok: false, error: { error: code, message: 'Something the core says in English.', refusal } });
    if (result.ok) throw new Error('not an error');
    return studioErrorOf(result.error);
  };

  it('are the code’s line, or a generic Korean line, in Korean; the core’s sentence in English', () => {
    for (const e of [fromCore('conflict', undefined), fromCore('conflict', { reason: 'fromANewerCore', args: {} }), fromCore('conflict', { reason: 'itemGone', args: { kind: 'banana' } })]) {
      expect(errorText(e, ko, 'ko')).toBe(ko.errors.codes.conflict);
    }
    for (const e of [fromCore('from_a_newer_relay', undefined), new Error('read failed'), 'not even an error', null]) expect(errorText(e, ko, 'ko')).toBe(ko.errors.generic);
    expect(errorText(fromCore('conflict', { reason: 'fromANewerCore', args: {} }), en, 'en')).toBe('Something the core says in English.');
    expect(errorText('not even an error', en, 'en')).toBe(en.errors.generic);
  });

  it('a known refusal is said from the renderer’s strings, never the core’s English', () => {
    const e = new StudioError('conflict', 'code: another coupon already uses the code LIVE10', parseRefusal({ reason: 'couponCodeTaken', args: { code: 'LIVE10' } }));
    expect(errorText(e, ko, 'ko')).toBe('다른 쿠폰이 이미 코드 LIVE10을(를) 쓰고 있습니다. 다른 코드를 정하세요.');
    expect(errorText(e, en, 'en')).toBe('Another coupon already uses the code LIVE10. Choose a different code.');
    const cue = fromCore('not_found', { reason: 'cueTargetGone', args: { kind: 'poll', targets: [{ name: '다음 색상?', id: 'v1' }] } });
    expect(errorText(cue, ko, 'ko')).toBe('이 큐가 쓰는 투표 “다음 색상?”이(가) 목록에 없습니다. 진행표에서 큐를 고치거나 목록에 다시 추가하세요.');
  });
});
