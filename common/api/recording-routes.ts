import { z } from 'zod';
import { MAX_API_BODY_BYTES } from '../limits.js';
import { RecordingDisk, ShowRecording, StudioReplay } from '../replay/replay-studio.js';
import { route } from './route.js';

export { ShowRecording } from '../replay/replay-studio.js';

const none = { kind: 'none' } as const;

export const SetRecordingRequest = z.object({ record: z.boolean() }).strict();

/** Recording a show for its replay; spread into RELAY_ROUTES. */
export const RECORDING_ROUTES = {
  getRecording: route({ method: 'GET', path: '/api/shows/:id/recording', auth: 'studio', summary: "The show's recording: whether it is on, its status (recording, processing with progress, ready, failed with the reason), parts, bytes and duration.", body: none, answer: { kind: 'json', status: 200, schema: ShowRecording }, errors: ['unauthorized'] }),
  setRecording: route({
    method: 'PUT',
    path: '/api/shows/:id/recording',
    auth: 'studio',
    summary: 'Turns recording of the show on or off. Takes effect at the next go-live or publisher reconnect; a recording already running is not cut.',
    body: { kind: 'json', schema: SetRecordingRequest, maxBytes: MAX_API_BODY_BYTES },
    answer: { kind: 'json', status: 200, schema: ShowRecording },
    errors: ['unauthorized'],
  }),
  processRecording: route({
    method: 'POST',
    path: '/api/shows/:id/recording/process',
    auth: 'studio',
    summary: 'Processes a failed recording of an ended show again from its raw parts (after freeing disk space, say).',
    body: none,
    answer: { kind: 'json', status: 202, schema: ShowRecording },
    errors: ['unauthorized', 'conflict'],
  }),
  remakeRendition: route({
    method: 'POST',
    path: '/api/shows/:id/recording/rendition',
    auth: 'studio',
    summary: "Makes a camera replay's failed MP4 rendition (for iPhones before iOS 17.4) again: its failure note goes and the encode is queued; answers the recording with the rendition `queued` or `encoding`. `no_replay` while the replay is not ready, `no_rendition` for a replay that gets none (OBS, or renditions off), `conflict` unless the rendition failed.",
    body: none,
    answer: { kind: 'json', status: 202, schema: ShowRecording },
    errors: ['unauthorized', 'no_replay', 'no_rendition', 'conflict'],
  }),
  deleteRecording: route({
    method: 'DELETE',
    path: '/api/shows/:id/recording',
    auth: 'studio',
    summary:
      "Deletes the show's replay and Janus's raw parts (clips already cut are kept); the recording becomes `deleted` and the watch link says so. Refused (409) while recording or processing, or while a clip is being cut; again on a deleted recording answers the same (nothing left to remove).",
    body: none,
    answer: { kind: 'json', status: 200, schema: ShowRecording },
    errors: ['unauthorized', 'conflict'],
  }),
  deleteRawParts: route({
    method: 'DELETE',
    path: '/api/shows/:id/recording/raw',
    auth: 'studio',
    summary:
      "Frees the disk Janus's raw parts take once the replay is ready (only processing reads them; the replay, its MP4 rendition and the clips stay). `conflict` unless the replay is ready: a recording, processing or failed one still needs them; again when none are left answers the same.",
    body: none,
    answer: { kind: 'json', status: 200, schema: ShowRecording },
    errors: ['unauthorized', 'not_found', 'conflict'],
  }),
  studioReplay: route({
    method: 'GET',
    path: '/api/shows/:id/replay',
    auth: 'studio',
    summary: "The show's replay for the studio's Replays screen: the recording, its chapters, bytes on disk, and views, buyers and revenue from the replay.",
    body: none,
    answer: { kind: 'json', status: 200, schema: StudioReplay },
    errors: ['unauthorized'],
  }),
  recordingDisk: route({
    method: 'GET',
    path: '/api/recordings/disk',
    auth: 'studio',
    summary: "Disk use of recordings: the data disk's free and total bytes, and each show's replay, raw parts and clips in bytes (largest first).",
    body: none,
    answer: { kind: 'json', status: 200, schema: RecordingDisk },
    errors: ['unauthorized'],
  }),
} as const;
