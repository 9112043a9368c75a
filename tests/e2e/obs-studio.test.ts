import { OBSWebSocket } from 'obs-websocket-js/json';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { waitUntil } from '../helpers/media-pages.js';
import { createTopology, type Topology } from '../helpers/netns.js';
import { startObs, type RunningObs } from '../helpers/obs.js';
import { startRelay, startStudio, type RunningRelay, type RunningStudio } from '../helpers/processes.js';
import { studioIpc } from '../helpers/studio-ipc.js';
import { openStudioOnNewShow } from '../helpers/studio-show.js';

/**
 * OBS mode from the studio UI: the seller picks OBS as the source, connects with the password,
 * sees OBS's scenes with thumbnails, clicks one and OBS's program changes; a change made in OBS
 * itself shows in the studio. OBS, the studio shell and its Chromium share the client namespace
 * (OBS on the seller's laptop); the relay is in the server namespace. The test runner drives OBS
 * directly through the helper's Unix socket.
 */
const SHOTS = process.env.OBS_SHOTS ?? '';
let topology: Topology;
let relay: RunningRelay;
let obs: RunningObs;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
let direct: OBSWebSocket;
let showId = '';

const program = async () => (await direct.call('GetCurrentProgramScene')).currentProgramSceneName;
const sceneButton = (name: string) => page.locator(`[data-testid="obs-scene"][data-scene="${name}"]`);

beforeAll(async () => {
  topology = createTopology();
  relay = await startRelay({ topology });
  obs = await startObs({ topology, side: 'client' });
  direct = new OBSWebSocket();
  await direct.connect(obs.socketUrl, obs.password);
  await direct.call('CreateScene', { sceneName: '상품 클로즈업' });
  // An orange card stands in for a product shot (Debian's OBS has no browser source).
  await direct.call('CreateInput', { sceneName: '상품 클로즈업', inputName: '상품 카드', inputKind: 'color_source_v3', inputSettings: { color: 0xff3399ff, width: 1280, height: 720 } });
  await direct.call('SetCurrentProgramScene', { sceneName: 'Scene' });
  studio = await startStudio({ topology, relayUrl: relay.url });
  browser = await launchChromium({ executablePath: topology.chromium('client') });
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } })).newPage();
  showId = await openStudioOnNewShow(page, { studioUrl: studio.url, studioKey: relay.studioKey, title: 'OBS 라이브' });
}, 150_000);

afterAll(async () => {
  await direct?.disconnect().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await studio?.stop();
  await obs?.stop();
  await relay?.stop();
  topology?.destroy();
});

describe('OBS mode in the studio UI (real OBS)', () => {
  it('a wrong password shows the Korean wrong-password message', async () => {
    await page.getByTestId('source-mode-obs').click();
    await page.getByTestId('obs-password').fill('틀린-비밀번호');
    await page.getByTestId('obs-connect-button').click();
    await expect.poll(() => page.getByTestId('obs-error').getAttribute('data-code')).toBe('obs_auth_failed');
    expect(await page.getByTestId('obs-error').textContent()).toContain('비밀번호를 거부');
  });

  it('connects, shows the scenes with thumbnails and the program highlighted', async () => {
    await page.getByTestId('obs-password').fill(obs.password);
    await page.getByTestId('obs-connect-button').click();
    await expect.poll(() => page.getByTestId('obs-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => page.getByTestId('obs-scene').count()).toBe(2);
    expect(await sceneButton('Scene').getAttribute('data-program')).toBe('true');
    await waitUntil('thumbnails', async () => (await page.locator('[data-testid="obs-scene"] img').count()) === 2, 20_000);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/obs-panel-ko.png` });
  });

  it('a click switches OBS’s program scene', async () => {
    await sceneButton('상품 클로즈업').click();
    await expect.poll(program).toBe('상품 클로즈업');
    await expect.poll(() => sceneButton('상품 클로즈업').getAttribute('data-program')).toBe('true');
  });

  it('digit keys in the OBS panel switch scenes', async () => {
    await page.getByTestId('obs-panel').focus();
    // Scene order is OBS's dock order (a new scene goes to the bottom): Scene is 1, 상품 클로즈업 is 2.
    await page.keyboard.press('Digit1');
    await expect.poll(program).toBe('Scene');
  });

  it('changes made in OBS itself show at once: a new scene and a program switch', async () => {
    await direct.call('CreateScene', { sceneName: '로고 화면' });
    await expect.poll(() => sceneButton('로고 화면').count()).toBe(1);
    await direct.call('SetCurrentProgramScene', { sceneName: '로고 화면' });
    await expect.poll(() => sceneButton('로고 화면').getAttribute('data-program')).toBe('true');
  });

  it('shows the pre-flight checklist with B-frames to fix (Simple mode x264 default)', async () => {
    await page.getByTestId('obs-preflight-check').click();
    await expect.poll(() => page.locator('[data-check="b-frames"]').getAttribute('data-result')).toBe('fail');
    expect(await page.locator('[data-check="obs-reachable"]').getAttribute('data-result')).toBe('pass');
    expect(await page.locator('[data-check="keyframe-interval"]').getAttribute('data-result')).toBe('fail');
    expect(await page.getByTestId('obs-golive-button').isDisabled()).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/obs-preflight-ko.png`, fullPage: true });
  });

  it('the one-click encoder fix turns on OBS’s advanced encoder settings and both encoder lines pass', async () => {
    await page.getByTestId('obs-fix-encoder').click();
    await expect.poll(() => page.locator('[data-check="b-frames"]').getAttribute('data-result')).toBe('pass');
    expect(await page.locator('[data-check="keyframe-interval"]').getAttribute('data-result')).toBe('pass');
    expect((await direct.call('GetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'UseAdvanced' })).parameterValue).toBe('true');
    expect((await direct.call('GetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'x264Settings' })).parameterValue).toContain('bframes=0');
    expect(await page.getByTestId('obs-fix-encoder').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/obs-preflight-fixed-ko.png`, fullPage: true });
  });

  it('a run-down naming a scene OBS lacks: the pre-flight names it, and the editor shows the cue’s OBS actions', async () => {
    await studioIpc(page, 'rundowns.save', {
      name: 'OBS 진행표',
      showId,
      segments: [
        {
          id: 's1',
          title: '오프닝',
          plannedSec: 120,
          obsActions: [{ kind: 'switchScene', sceneName: 'Scene' }],
          cues: [{ id: 'c1', label: '로고', action: { kind: 'close', target: 'cards' }, trigger: { type: 'manual' }, obsActions: [{ kind: 'switchScene', sceneName: '없는 장면' }, { kind: 'setItemVisible', sceneName: '상품 클로즈업', sourceName: '상품 카드', visible: false }] }],
        },
      ],
    });
    await page.getByTestId('obs-preflight-check').click();
    await expect.poll(() => page.locator('[data-check="rundown-scenes"]').getAttribute('data-result')).toBe('warn');
    expect(await page.locator('[data-check="rundown-scenes"]').textContent()).toContain('없는 장면');
    await page.getByTestId('rundown-open-button').first().click();
    await expect.poll(() => page.getByTestId('obs-action-row').count()).toBe(3);
    if (SHOTS) await page.locator('[data-testid="cue-item"]').first().screenshot({ path: `${SHOTS}/obs-rundown-cue-ko.png` });
    // Saving from the editor is what makes the open room load the run-down.
    await page.getByTestId('rundown-save-button').click();
    await page.getByTestId('nav-room').click();
    await page.getByTestId('live-host-view').waitFor();
  });

  it('live in OBS mode: entering the segment and key 1 run their OBS actions; the missing scene is a visible error', async () => {
    await direct.call('SetCurrentProgramScene', { sceneName: '로고 화면' });
    const cardId = (await direct.call('GetSceneItemId', { sceneName: '상품 클로즈업', sourceName: '상품 카드' })).sceneItemId;
    await direct.call('SetSceneItemEnabled', { sceneName: '상품 클로즈업', sceneItemId: cardId, sceneItemEnabled: true });
    // The show goes live on the relay (its OBS ingest is another branch's work); the room follows.
    await studioIpc(page, 'shows.start', { showId });
    // Entering the first segment switches to its scene.
    await expect.poll(program, { timeout: 20_000 }).toBe('Scene');
    await expect.poll(() => sceneButton('Scene').getAttribute('data-program')).toBe('true');
    await page.keyboard.press('Digit1');
    await expect.poll(() => page.getByTestId('obs-action-error').count()).toBe(1);
    expect(await page.getByTestId('obs-action-error').textContent()).toContain('없는 장면');
    await expect.poll(async () => (await direct.call('GetSceneItemEnabled', { sceneName: '상품 클로즈업', sceneItemId: cardId })).sceneItemEnabled).toBe(false);
    expect(await program()).toBe('Scene');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/obs-live-ko.png` });
  });

  it('OBS quits: the panel says it is reconnecting, and is back with the scenes when OBS returns', async () => {
    await direct.disconnect().catch(() => undefined);
    await obs.kill();
    await expect.poll(() => page.getByTestId('obs-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('reconnecting');
    expect(await page.getByTestId('obs-state').textContent()).toContain('다시 연결하는 중');
    await obs.restart();
    await expect.poll(() => page.getByTestId('obs-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('connected');
    await expect.poll(() => page.getByTestId('obs-scene').count()).toBeGreaterThan(0);
    if (SHOTS) {
      await page.getByRole('button', { name: 'English' }).click();
      await page.screenshot({ path: `${SHOTS}/obs-panel-en.png` });
    }
  });
});
