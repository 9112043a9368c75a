import { z } from 'zod';
import { MAX_API_BODY_BYTES } from '../limits.js';
import { route } from './route.js';

const none = { kind: 'none' } as const;

/** A show's recording as the studio sees it (docs/replay.md). */
export const ShowRecording = z.object({
  /** Whether the show is recorded from go-live (real shows: on unless turned off; rehearsals: off unless turned on). */
  record: z.boolean(),
  /** null: nothing recorded (yet). */
  status: z.enum(['recording', 'processing', 'ready', 'failed', 'deleted']).nullable(),
  progress: z.number().min(0).max(1),
  parts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative(),
  /** Why processing failed, when it did. */
  error: z.string().nullable(),
});
export type ShowRecording = z.infer<typeof ShowRecording>;

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
} as const;
