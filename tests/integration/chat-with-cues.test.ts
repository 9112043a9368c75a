import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/**
 * A cue fired while chat waits for its batch carries that chat in its own write, before it
 * (docs/chat.md "Delivery"), through the relay's viewer workers and in its own process alike.
 * The batch window here is a second, so without the carrying the cue would come first.
 */
for (const workers of ['2', '0']) {
  describe(`chat carried by a cue (${workers === '0' ? 'sockets in the relay' : 'viewer workers'})`, () => {
    let relay: RunningRelay;
    const api = relayApi(() => relay);
    beforeAll(async () => {
      relay = await startRelay({ env: { RELAY_CHAT_BATCH_MS: '1000', RELAY_VIEWER_WORKERS: workers } });
    });
    afterAll(async () => {
      await relay?.stop();
    });

    async function chatter(token: string, nickname: string) {
      const s = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
      await s.opened;
      s.send({ type: 'hello', token });
      const id = (await s.next('welcome')).viewerId as string;
      expect((await api.watch(token, 'POST', '/viewers', { viewerId: id, nickname })).status).toBe(200);
      await s.next('chatHistory');
      return s;
    }

    it('delivers the waiting messages in order before the cue, each once', async () => {
      const { show, token } = await api.liveShow('cue carries chat');
      const a = await chatter(token, '보내는이');
      const b = await chatter(token, '받는이');
      const texts = ['첫째', '둘째', '셋째'];
      texts.forEach((text, i) => a.send({ type: 'chat', ref: `r${i}`, text }));
      for (let i = 0; i < texts.length; i++) expect((await a.take('chatAck', (m) => m.ref === `r${i}`)).id).toEqual(expect.any(String));
      const fired = await api.fire(show.id, { op: 'pin', cards: [{ productId: 'p1', name: '린넨 셔츠', imageUrls: [], currency: 'KRW', price: 30000, salePrice: null, stock: 50, externalUrl: null }] });
      const cue = await b.take('stage', (m) => (m.stage as { version: number }).version === fired.version);
      // Past the window: anything the batch would still send has arrived by now.
      await new Promise((r) => setTimeout(r, 1500));
      const order = b.log.filter((m) => m.type === 'chat' || m === cue).map((m) => (m === cue ? 'cue' : (m.message as { text: string }).text));
      expect(order).toEqual([...texts, 'cue']);
      a.close();
      b.close();
    });
  });
}
