import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import { startStampedPublisher } from '../helpers/cue-sync-pages.js';
import { startMediaBench, WATCH_PC, type MediaBench } from '../helpers/media-bench.js';
import { inboundCounters, waitUntil } from '../helpers/media-pages.js';
import { relayCall } from '../helpers/relay-api.js';
import { studioStamperScript } from '../helpers/stamper-bundle.js';

/**
 * The recordings disk fills up mid-show (docs/replay.md, "Disk full"): the relay runs in its own
 * mount namespace (`unshare -m`) with a 1 MB tmpfs on `<dataDir>/recordings`, so only its view of
 * that directory is small; the database and the rest stay on the real disk. The show goes on
 * (a viewer keeps decoding), what Janus wrote before the disk filled is a readable recording,
 * processing on the full disk ends `failed` with the reason, and once space is freed "process
 * again" makes the replay from the same raw parts.
 */
const TMPFS = 'mkdir -p "$RELAY_DATA_DIR/recordings" && mount -t tmpfs -o size=1m tmpfs "$RELAY_DATA_DIR/recordings" && exec "$@"';
let bench: MediaBench;

/**
 * A command in the relay's mount namespace (where the small tmpfs is). `--root`: entering a mount
 * namespace resets the root to that namespace's own; under a chroot (the fresh-machine check) the
 * paths are the relay's only with the relay's root.
 */
const inRelayMounts = (args: string[]) => execFileSync('nsenter', ['-t', String(bench.relay.proc.pid), '-m', '--root', '--', ...args], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  bench = await startMediaBench('디스크 가득', { wrap: ['unshare', '-m', '--propagation', 'private', 'sh', '-c', TMPFS, 'sh'] });
  await bench.pub.addScriptTag({ content: await studioStamperScript() });
});

afterAll(async () => {
  await bench?.close();
});

describe('the recordings disk fills up mid-show', () => {
  it('the show goes on, the recording so far is readable, processing fails with the reason, and succeeds once space is freed', async () => {
    const { relay, pub, show } = bench;
    await pub.evaluate(startStampedPublisher, { studioKey: relay.studioKey, showId: show.id, audio: true });
    const { viewer } = await bench.openViewer();
    const dir = `${relay.dataDir}/recordings`;
    await waitUntil('the recordings tmpfs to fill up', async () => (inRelayMounts(['df', '--output=avail', dir]).split('\n')[1]!.trim() === '0' ? true : null), 120_000);
    const before = (await inboundCounters(viewer, WATCH_PC)).framesDecoded;
    await waitUntil('the viewer to keep decoding on a full disk', async () => ((await inboundCounters(viewer, WATCH_PC)).framesDecoded > before + 60 ? true : null), 30_000);
    const live = await relayCall<{ status: string }>(pub, relay.studioKey, 'GET', `/api/shows/${show.id}`);
    expect(live.body.status).toBe('live');

    const raw = `${dir}/${show.id}/raw`;
    const video = inRelayMounts(['sh', '-c', `ls ${raw}/*-video-*.mjr`]).split('\n')[0]!;
    const out = `/tmp/disk-full-${process.pid}.webm`;
    inRelayMounts(['janus-pp-rec', video, out]);
    const packets = Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', out], { encoding: 'utf8' }).trim());
    execFileSync('rm', ['-f', out]);
    expect(packets).toBeGreaterThan(30);

    await relayCall(pub, relay.studioKey, 'POST', `/api/shows/${show.id}/end`);
    let r = (await relayCall<ShowRecording>(pub, relay.studioKey, 'GET', `/api/shows/${show.id}/recording`)).body;
    for (let i = 0; i < 240 && r.status === 'processing'; i++) {
      await new Promise((res) => setTimeout(res, 500));
      r = (await relayCall<ShowRecording>(pub, relay.studioKey, 'GET', `/api/shows/${show.id}/recording`)).body;
    }
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/space/i);

    // The seller frees space (here: the tmpfs grows) and asks again: the same raw parts become the replay.
    inRelayMounts(['mount', '-o', 'remount,size=64m', dir]);
    const again = await relayCall<ShowRecording>(pub, relay.studioKey, 'POST', `/api/shows/${show.id}/recording/process`);
    expect(again.status).toBe(202);
    r = again.body;
    for (let i = 0; i < 240 && r.status === 'processing'; i++) {
      await new Promise((res) => setTimeout(res, 500));
      r = (await relayCall<ShowRecording>(pub, relay.studioKey, 'GET', `/api/shows/${show.id}/recording`)).body;
    }
    expect(r).toMatchObject({ status: 'ready', error: null });
    expect(r.durationMs).toBeGreaterThan(1000);
    // Only a failed recording is processed again.
    expect((await relayCall(pub, relay.studioKey, 'POST', `/api/shows/${show.id}/recording/process`)).status).toBe(409);
  });
});
