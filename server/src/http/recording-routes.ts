import { RECORDING_ROUTES } from '../../../common/api/recording-routes.js';
import type { RecordingStore } from '../replay/recording-store.js';
import type { ShowStore } from '../shows/show-store.js';
import type { DeclaredApi } from './declared.js';
import { findShow } from './studio-routes.js';

export function addRecordingRoutes(api: DeclaredApi, deps: { store: ShowStore; recordings: RecordingStore }): void {
  const { store, recordings } = deps;
  api
    .serve(RECORDING_ROUTES.getRecording, ({ params }) => recordings.view(findShow(store, params.id)))
    .serve(RECORDING_ROUTES.setRecording, ({ params, body }) => {
      const show = findShow(store, params.id);
      recordings.setRecord(show.id, body.record);
      return recordings.view(show);
    });
}
