import type { Handlers } from '../handlers.js';
import type { RelayClient } from '../relay-client.js';

type ReplaysChannel = Extract<keyof Handlers, `replays.${string}`>;

/** The Replays screen's channels: passed through to the relay's recording routes (docs/replay.md, "Studio"). */
export function replayHandlers(client: () => RelayClient): Pick<Handlers, ReplaysChannel> {
  return {
    'replays.get': (req) => client().studioReplay(req.showId),
    'replays.setRecord': (req) => client().setRecording(req.showId, req.record),
    'replays.process': (req) => client().processRecording(req.showId),
    'replays.remakeRendition': (req) => client().remakeRendition(req.showId),
    'replays.delete': (req) => client().deleteRecording(req.showId),
    'replays.deleteRaw': (req) => client().deleteRawParts(req.showId),
    'replays.disk': () => client().recordingDisk(),
  };
}
