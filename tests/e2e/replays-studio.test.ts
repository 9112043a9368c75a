import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import type { ShowClips } from '../../common/replay/clips.js';
import type { Show } from '../../common/show.js';
import { checkoutBody, sampleCatalog } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';
import { studioIpc } from '../helpers/studio-ipc.js';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';
import { rawDir, renditionFailedFile } from '../../server/src/replay/replay-paths.js';
import { replaysEn } from '../../renderer/src/i18n/strings-replays.js';

/**
 * The studio's Replays screen in Korean (docs/replay.md, "Studio"), in Chromium through the browser
 * shell against a real relay and SQLite, loopback only (no media): the record toggle before going
 * live, then an ended show whose recording the fixture puts where the recorder would (an ffmpeg-made
 * VP8 replay and the `recordings` row): failed → 다시 처리, processing with a moving bar, ready with
 * chapters, numbers and a clip cut by real ffmpeg (with its views and a sale through it), then delete behind a confirmation → deleted. A second show's failed MP4 rendition is made again with
 * "MP4 다시 만들기" (real ffmpeg).
 */
const IMG = path.resolve('docs/img');
let stack: StudioPage;
let page: Page;
const api = relayApi(() => stack.relay);
let show: Show;
let token = '';

const recording = async () => (await api.call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body;
const status = () => page.getByTestId('replay-status').textContent();
function setRow(values: { bytes: number; durationMs: number; error?: string }): void {
  const db = new Database(path.join(stack.relay.dataDir, 'relay.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE recordings SET bytes = ?, duration_ms = ?, error = ? WHERE show_id = ?').run(values.bytes, values.durationMs, values.error ?? null, show.id);
  } finally {
    db.close();
  }
}

/**
 * The same Replays screen for an English-speaking seller: a second browser context with an English
 * locale (the studio's language follows the browser until the seller picks one), opened on the show.
 */
async function englishShot(statusText: string, shoot: (en: Page) => Promise<unknown>): Promise<void> {
  const en = await stack.browser.newPage({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  try {
    await en.goto(stack.studio.url);
    await en.getByTestId('show-item').filter({ hasText: show.title }).getByTestId('show-replays-button').click();
    await expect.poll(() => en.getByTestId('replay-status').textContent(), { timeout: 20_000 }).toBe(statusText);
    await shoot(en);
  } finally {
    await en.close();
  }
}

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
  ({ page } = stack);
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

describe('the Replays screen in the Korean studio', () => {
  it('offers the record toggle on the show screen before going live, with its explanation', async () => {
    const planned = (await studioIpc<{ show: Show }>(page, 'shows.create', { title: '토요 신상 라이브', scheduledAt: null })).show;
    await page.reload();
    await page.getByTestId('show-item').filter({ hasText: '토요 신상 라이브' }).locator('.show-open').click();
    const toggle = page.getByTestId('record-toggle');
    await toggle.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('record-toggle-input').isChecked()).toBe(true);
    expect(await page.getByTestId('record-toggle-explain').textContent()).toBe('방송을 시작하는 순간부터 릴레이 서버에 녹화되고, 방송이 끝나면 시청 링크에서 다시보기가 재생돼요.');
    await toggle.screenshot({ path: `${IMG}/studio-record-toggle-ko.png` });
    // A click, not check(): the box follows the relay's answer, so it changes a moment after the click.
    await page.getByTestId('record-toggle-input').click();
    await expect.poll(async () => (await api.call<ShowRecording>('GET', `/api/shows/${planned.id}/recording`)).body.record, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => page.getByTestId('record-toggle-explain').textContent(), { timeout: 10_000 }).toBe('녹화하지 않아요. 이 방송은 다시보기와 클립이 없어요.');
    expect(await page.getByTestId('record-toggle-input').isChecked()).toBe(false);
    await page.getByTestId('record-toggle-input').click();
    await expect.poll(async () => (await api.call<ShowRecording>('GET', `/api/shows/${planned.id}/recording`)).body.record, { timeout: 10_000 }).toBe(true);
  });

  it('explains a failed recording in Korean and processes it again with 다시 처리', async () => {
    const live = await api.liveShow('봄 니트 라이브', sampleCatalog());
    token = live.token;
    await api.call('POST', `/api/shows/${live.show.id}/segment`, { segmentId: 'intro', title: '인사' });
    await api.call('POST', `/api/shows/${live.show.id}/segment`, { segmentId: 'tee', title: '티셔츠 소개' });
    await api.fire(live.show.id, { op: 'pin', cards: [{ productId: 'tee', name: '기본 티셔츠', imageUrls: [], currency: 'KRW', price: 20000, salePrice: 15000, stock: 10, externalUrl: null }] });
    expect((await api.call('POST', `/api/shows/${live.show.id}/end`)).status).toBe(200);
    show = (await api.call<Show>('GET', `/api/shows/${live.show.id}`)).body;
    setRecording(stack.relay.dataDir, show.id, 'failed');
    setRow({ bytes: 0, durationMs: 0, error: 'not enough disk space to process the recording: about 300 MB needed, 12 MB free; the raw parts are kept' });

    await page.getByTestId('nav-shows').click();
    await page.reload();
    await page.getByTestId('show-item').filter({ hasText: '봄 니트 라이브' }).getByTestId('show-replays-button').click();
    await page.getByTestId('replays-screen').waitFor({ timeout: 20_000 });
    expect(await status()).toBe('실패');
    expect(await page.getByTestId('replay-failed').innerText()).toContain('디스크 공간이 부족해서');
    await page.getByTestId('replay-recording').screenshot({ path: `${IMG}/studio-replay-failed-ko.png` });
    await englishShot(replaysEn.status.failed, async (en) => {
      expect(await en.getByTestId('replay-failed').innerText()).not.toMatch(/[\u3131-\uD79D]/); // the reason in English, no Korean
      await en.getByTestId('replay-recording').screenshot({ path: `${IMG}/studio-replay-failed-en.png` });
    });
    await page.getByTestId('replay-process-button').click();
    // The relay processed it again from the raw parts, of which there are none here: a new reason.
    await expect.poll(async () => (await recording()).error ?? '', { timeout: 60_000 }).toContain('nothing was recorded');
    await expect.poll(() => page.getByTestId('replay-failed').innerText(), { timeout: 20_000 }).toContain('방송 중에 녹화된 영상이 없어서');
  });

  it('shows processing with a bar that moves, then the ready replay with its chapters, numbers and clips', async () => {
    setRecording(stack.relay.dataDir, show.id, 'processing', { progress: 0.35 });
    await page.getByTestId('replays-back-button').click();
    await page.getByTestId('show-item').filter({ hasText: '봄 니트 라이브' }).getByTestId('show-replays-button').click();
    await expect.poll(() => page.getByTestId('replay-progress').getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('35');
    expect(await status()).toBe('다시보기 준비 중');
    await page.getByTestId('replay-recording').screenshot({ path: `${IMG}/studio-replay-processing-ko.png` });
    setRecording(stack.relay.dataDir, show.id, 'processing', { progress: 0.7 });
    await expect.poll(() => page.getByTestId('replay-progress').getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('70');

    const { bytes } = await writeReplayFixture(stack.relay.dataDir, show.id, { wallStartMs: Date.parse(show.startedAt!) - 1000, durationSec: 14 });
    setRecording(stack.relay.dataDir, show.id, 'ready');
    setRow({ bytes, durationMs: 14_000 });
    await expect.poll(status, { timeout: 20_000 }).toBe('준비 완료');
    const direct = await api.call<{ replay: boolean }>('GET', `/api/shows/${show.id}/clips`);
    expect(direct.body.replay, direct.text).toBe(true);
    expect((await studioIpc<{ replay: boolean }>(page, 'clips.list', { showId: show.id })).replay).toBe(true);
    expect(await page.getByTestId('replay-meta').textContent()).toMatch(/^0:14 · \d+(\.\d)? (KB|MB)$/);
    const chapters = await page.getByTestId('replay-chapter').allInnerTexts();
    expect(chapters.map((c) => c.replace(/\s+/g, ' ').trim().replace(/^\d+:\d\d /, ''))).toEqual(['구간 인사', '구간 티셔츠 소개', '상품 기본 티셔츠']);

    // Two devices open the replay, one buys from it.
    const a = await api.viewer(token);
    const b = await api.viewer(token);
    for (const v of [a, b, a]) expect((await api.watch(token, 'POST', '/replay/views', { viewerId: v })).status).toBe(204);
    expect((await api.watch(token, 'POST', '/orders', checkoutBody(b, { expectedTotal: 18000 }))).status).toBe(201);

    // A clip of the T-shirt segment cut by the relay's ffmpeg from a range the seller typed.
    const row = page.locator('[data-testid="clip-row"][data-segment="2"]');
    await row.getByTestId('clip-in-input').fill('0');
    await row.getByTestId('clip-out-input').fill('12');
    await row.getByTestId('clip-cut-button').click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 150_000, interval: 1000 }).toBe('ready');
    // Two devices open the clip's page; one taps Buy and orders with the cookie the relay set.
    const clip = (await api.call<ShowClips>('GET', `/api/shows/${show.id}/clips`)).body.segments[1]!.clip!;
    for (let i = 0; i < 2; i++) expect((await fetch(clip.pageUrl)).status).toBe(200);
    const buy = await fetch(`${clip.pageUrl}/buy`, { redirect: 'manual' });
    expect(buy.status).toBe(303);
    // The Buy lands on the replay at the T-shirt's moment with its checkout open (a third device opening the replay).
    const landing = await page.context().browser()!.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    // Its view is counted by a request of its own: wait for the answer, so the counts below do not race the page's close.
    const viewed = landing.waitForResponse((r) => r.url().endsWith('/replay/views') && r.request().method() === 'POST', { timeout: 30_000 });
    await landing.goto(new URL(buy.headers.get('location')!, clip.pageUrl).href);
    await landing.getByTestId('checkout-sheet').waitFor({ timeout: 20_000 });
    expect(await landing.getByTestId('checkout-sheet').textContent()).toContain('기본 티셔츠');
    expect((await viewed).status()).toBe(204);
    await landing.close();
    const clipOrder = await fetch(`${stack.relay.url}/api/watch/${token}/orders`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: buy.headers.get('set-cookie')!.split(';')[0]! }, body: JSON.stringify(checkoutBody(b, { expectedTotal: 18000 })) });
    expect(clipOrder.status).toBe(201);
    await page.reload();
    await page.getByTestId('show-item').filter({ hasText: '봄 니트 라이브' }).getByTestId('show-replays-button').click();
    await page.getByTestId('replays-screen').waitFor();
    expect(await page.getByTestId('replay-views').textContent()).toBe('3');
    expect(await page.getByTestId('replay-buyers').textContent()).toBe('1');
    expect(await page.getByTestId('replay-revenue').textContent()).toContain('36,000'); // the clip's sale is a replay sale too
    expect(await page.getByTestId('clip-views').textContent()).toBe('2');
    expect(await page.getByTestId('clip-orders').textContent()).toBe('1');
    expect(await page.getByTestId('clip-revenue').textContent()).toContain('18,000');
    await page.getByTestId('clip-thumb').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${IMG}/studio-replays-ready-ko.png`, fullPage: true });
    await englishShot(replaysEn.status.ready, async (en) => {
      await en.getByTestId('clip-thumb').first().waitFor({ timeout: 20_000 });
      expect(await en.getByTestId('clip-orders').textContent()).toBe('1');
      await en.screenshot({ path: `${IMG}/studio-replays-ready-en.png`, fullPage: true });
    });
  }, 240_000);

  it('frees the raw recording of a ready replay after a confirmation; the replay stays ready', async () => {
    mkdirSync(rawDir(stack.relay.dataDir, show.id), { recursive: true });
    writeFileSync(path.join(rawDir(stack.relay.dataDir, show.id), 'videoroom-1-user-2-video.mjr'), Buffer.alloc(300_000));
    await page.getByTestId('replays-back-button').click();
    await page.getByTestId('show-item').filter({ hasText: '봄 니트 라이브' }).getByTestId('show-replays-button').click();
    await page.getByTestId('replay-delete-raw-button').click();
    const question = await page.getByTestId('replay-recording').locator('.inline-confirm').innerText();
    expect(question).toContain('녹화 원본을 지워서');
    expect(question).toContain('300');
    await page.getByTestId('replay-delete-raw-button-confirm').click();
    // The screen reads the replay again once the relay answered: its disk line says the raw parts are gone.
    await expect.poll(() => page.getByTestId('replay-disk').innerText(), { timeout: 20_000 }).toContain('녹화 원본 0 B');
    expect(existsSync(rawDir(stack.relay.dataDir, show.id))).toBe(false);
    expect(await page.getByTestId('replay-delete-raw-button').count()).toBe(0);
    expect(await page.getByTestId('replay-recording').locator('.inline-confirm').count()).toBe(0);
    expect(await status()).toBe('준비 완료');
    expect((await recording()).status).toBe('ready');
  });

  it('deletes the recording after a confirmation; the screen and the relay say deleted, the clip stays', async () => {
    await page.getByTestId('replay-delete-button').click();
    const question = await page.getByTestId('replay-recording').locator('.inline-confirm').innerText();
    expect(question).toContain('다시보기와 녹화 원본');
    expect(question).toContain('되돌릴 수 없어요');
    await page.getByTestId('replay-recording').screenshot({ path: `${IMG}/studio-replay-delete-confirm-ko.png` });
    await page.getByTestId('replay-delete-button-confirm').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('삭제됨');
    expect((await recording()).status).toBe('deleted');
    expect((await api.watch<{ state: string }>(token, 'GET', '/replay')).body).toEqual({ state: 'deleted' });
    expect(await page.getByTestId('replay-delete-button').count()).toBe(0);
    // The Clips section reads its list again after the delete: wait for it rather than read it mid-way.
    await expect.poll(() => page.getByTestId('clip-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('clip-cut-button').count()).toBe(0);
    await page.screenshot({ path: `${IMG}/studio-replay-deleted-ko.png`, fullPage: true });
  });

  it('makes a failed MP4 rendition again with MP4 다시 만들기: the button is disabled while asked, the relay answers waiting or making, the line then reads ready', async () => {
    const other = await api.liveShow('겨울 코트 라이브', sampleCatalog());
    expect((await api.call('POST', `/api/shows/${other.show.id}/end`)).status).toBe(200);
    await writeReplayFixture(stack.relay.dataDir, other.show.id, { wallStartMs: Date.now() - 10_000, durationSec: 2 });
    // What a failed encode leaves (the relay reads the rendition's state from disk): its reason in the failure note.
    writeFileSync(renditionFailedFile(stack.relay.dataDir, other.show.id), 'ffprobe: Invalid data found when processing input');
    setRecording(stack.relay.dataDir, other.show.id, 'ready');
    await page.getByTestId('replays-back-button').click();
    await page.getByTestId('show-item').filter({ hasText: '겨울 코트 라이브' }).getByTestId('show-replays-button').click();
    const line = page.getByTestId('replay-rendition');
    await expect.poll(() => line.getAttribute('data-state'), { timeout: 20_000 }).toBe('failed');
    expect(await line.innerText()).toContain('만들지 못함');
    expect(await line.locator('code').textContent()).toBe('ffprobe: Invalid data found when processing input');
    await line.screenshot({ path: `${IMG}/studio-replay-rendition-failed-ko.png` });
    // The request is held at the shell until the button has been seen disabled (no second click while it runs).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = () => r()));
    await page.route('**/ipc/replays.remakeRendition', async (route) => {
      await held;
      await route.continue();
    });
    const answered = page.waitForResponse((r) => r.url().endsWith('/ipc/replays.remakeRendition'), { timeout: 20_000 });
    await line.getByTestId('rendition-remake-button').click();
    await expect.poll(() => line.getByTestId('rendition-remake-button').isDisabled(), { timeout: 10_000 }).toBe(true);
    release();
    const answer = (await (await answered).json()) as { ok: boolean; data: ShowRecording };
    expect(answer.ok).toBe(true);
    expect(['queued', 'encoding']).toContain(answer.data.rendition.state);
    await page.unroute('**/ipc/replays.remakeRendition');
    // The screen reads the recording again every second while the rendition moves; the relay's ffmpeg makes it.
    await expect.poll(() => line.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await line.innerText()).toContain('준비 완료');
    expect(await line.getByTestId('rendition-remake-button').count()).toBe(0);
    expect((await api.call<ShowRecording>('GET', `/api/shows/${other.show.id}/recording`)).body.rendition).toEqual({ state: 'ready', progress: 1, error: null });
  }, 120_000);

  it('puts the replay numbers in the post-show report, with the way to the Replays screen', async () => {
    await page.getByTestId('replays-back-button').click();
    await page.getByTestId('show-item').filter({ hasText: '봄 니트 라이브' }).getByTestId('show-report-button').click();
    await page.getByTestId('report-replay').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('report-replay').getByTestId('replay-views').textContent()).toBe('3');
    expect(await page.getByTestId('report-replay-status').textContent()).toContain('삭제됨');
    // The clip outlived the replay's delete, and so did its numbers.
    expect(await page.getByTestId('report-clip').locator('td').first().textContent()).toBe('2. 티셔츠 소개');
    expect(await page.getByTestId('report-clip-views').textContent()).toBe('2');
    expect(await page.getByTestId('report-clip-buyers').textContent()).toBe('1');
    expect(await page.getByTestId('report-clip-revenue').textContent()).toContain('18,000');
    await page.getByTestId('report-replay').screenshot({ path: `${IMG}/studio-report-replay-ko.png` });
    await page.getByTestId('report-replays-button').click();
    await page.getByTestId('replays-screen').waitFor({ timeout: 10_000 });
  });
});
