import { RECORDING_ROUTES } from '../../../common/api/recording-routes.js';
import type { RecordingJobs } from '../replay/recording-jobs.js';
import type { RecordingStore } from '../replay/recording-store.js';
import type { ShowStore } from '../shows/show-store.js';
import { apiError, type DeclaredApi } from './declared.js';
import { findShow } from './studio-routes.js';

export function addRecordingRoutes(api: DeclaredApi, deps: { store: ShowStore; recordings: RecordingStore; jobs: RecordingJobs }): void {
  const { store, recordings, jobs } = deps;
  api
    .serve(RECORDING_ROUTES.getRecording, ({ params }) => recordings.view(findShow(store, params.id)))
    .serve(RECORDING_ROUTES.setRecording, ({ params, body }) => {
      const show = findShow(store, params.id);
      recordings.setRecord(show.id, body.record);
      return recordings.view(show);
    })
    .serve(RECORDING_ROUTES.processRecording, ({ params }) => {
      const show = findShow(store, params.id);
      if (show.status !== 'ended' || !jobs.retry(show.id)) throw apiError('conflict', 'only a failed recording of an ended show can be processed again');
      return recordings.view(show);
    });
}
