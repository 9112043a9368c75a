import { rm } from 'node:fs/promises';
import { RECORDING_ROUTES } from '../../../common/api/recording-routes.js';
import type { ClipStore } from '../clips/clip-store.js';
import { deleteRecordingFiles, recordingDisk, showDiskUse } from '../replay/recording-disk.js';
import type { Mp4Renditions } from '../replay/mp4-renditions.js';
import type { RecordingJobs } from '../replay/recording-jobs.js';
import { rawDir } from '../replay/replay-paths.js';
import type { RecordingStore } from '../replay/recording-store.js';
import type { ReplayNumbersStore } from '../replay/replay-numbers.js';
import type { ReplayService } from '../replay/replay-service.js';
import type { ShowStore } from '../shows/show-store.js';
import { apiError, type DeclaredApi } from './declared.js';
import { findShow } from './studio-routes.js';
import type { Show } from '../../../common/show.js';

export interface RecordingRouteDeps {
  store: ShowStore;
  recordings: RecordingStore;
  jobs: RecordingJobs;
  renditions: Pick<Mp4Renditions, 'stateOf' | 'discard' | 'remake'>;
  replay: ReplayService;
  numbers: ReplayNumbersStore;
  clipStore: ClipStore;
  dataDir: string;
  /** Told when a recording was deleted (the watch page's cached state, the live dashboards). */
  changed?(showId: string): void;
}

/** The studio's side of recordings and replays (docs/replay.md): on/off, process again, make the MP4 again, delete, free the raw parts, disk use, the Replays screen. */
export function addRecordingRoutes(api: DeclaredApi, deps: RecordingRouteDeps): void {
  const { store, recordings, jobs, renditions, dataDir } = deps;
  const view = (show: Show) => recordings.view(show, renditions.stateOf(show.id));
  api
    .serve(RECORDING_ROUTES.getRecording, ({ params }) => view(findShow(store, params.id)))
    .serve(RECORDING_ROUTES.setRecording, ({ params, body }) => {
      const show = findShow(store, params.id);
      recordings.setRecord(show.id, body.record);
      return view(show);
    })
    .serve(RECORDING_ROUTES.processRecording, ({ params }) => {
      const show = findShow(store, params.id);
      if (show.status !== 'ended' || !jobs.retry(show.id)) throw apiError('conflict', 'only a failed recording of an ended show can be processed again');
      return view(show);
    })
    .serve(RECORDING_ROUTES.remakeRendition, ({ params }) => {
      const show = findShow(store, params.id);
      if (show.status !== 'ended' || recordings.get(show.id)?.status !== 'ready') throw apiError('no_replay', 'the show has no ready replay to make an MP4 rendition of');
      const outcome = renditions.remake(show.id);
      if (outcome === 'off') throw apiError('no_rendition', 'this relay makes no MP4 renditions (RELAY_RENDITION_CONCURRENCY=0)');
      if (outcome === 'not_failed') {
        const { state } = renditions.stateOf(show.id);
        if (state === 'none') throw apiError('no_rendition', "this replay is MP4 already: it needs no rendition");
        throw apiError('conflict', `the MP4 rendition is ${state}; only a failed one is made again`);
      }
      return view(show);
    })
    .serve(RECORDING_ROUTES.deleteRecording, async ({ params }) => {
      const show = findShow(store, params.id);
      // A clip cut reads the replay: queued cuts would fail on a missing file, so deleting waits for them.
      if (deps.clipStore.ofShow(show.id).some((c) => c.status === 'queued' || c.status === 'cutting')) throw apiError('conflict', 'a clip is being cut from this replay; delete the recording when it is done');
      const outcome = recordings.markDeleted(show.id);
      if (outcome === 'none') throw apiError('not_found', 'this show has no recording');
      if (outcome === 'busy') throw apiError('conflict', `the recording is ${recordings.get(show.id)?.status ?? 'busy'}; it can be deleted once the show has ended and its replay is processed`);
      // The rendition's encode (nobody waits for it) is stopped rather than refusing the delete.
      await renditions.discard(show.id);
      await deleteRecordingFiles(dataDir, show.id);
      deps.changed?.(show.id);
      return view(show);
    })
    .serve(RECORDING_ROUTES.deleteRawParts, async ({ params }) => {
      const show = findShow(store, params.id);
      const status = recordings.get(show.id)?.status;
      if (!status) throw apiError('not_found', 'this show has no recording');
      // Processing reads them, and a failed recording is processed again from them.
      if (status !== 'ready') throw apiError('conflict', `the recording is ${status}; its raw parts are needed until the replay is ready`);
      await rm(rawDir(dataDir, show.id), { recursive: true, force: true });
      return view(show);
    })
    .serve(RECORDING_ROUTES.studioReplay, async ({ params }) => {
      const show = findShow(store, params.id);
      const ready = deps.replay.studioChapters(show);
      return {
        recording: view(show),
        disk: await showDiskUse(dataDir, show.id),
        durationSec: ready?.durationSec ?? 0,
        chapters: ready?.chapters ?? [],
        numbers: deps.numbers.of(show.id),
      };
    })
    .serve(RECORDING_ROUTES.recordingDisk, () =>
      recordingDisk(dataDir, (showId) => {
        const show = store.get(showId);
        return show ? { title: show.title, status: recordings.get(showId)?.status ?? null } : null;
      }),
    );
}
