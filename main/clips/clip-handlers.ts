import { StudioError } from '../../common/ipc-contract.js';
import type { Handlers } from '../handlers.js';
import type { RelayClient } from '../relay-client.js';

type ClipsChannel = Extract<keyof Handlers, `clips.${string}`>;

const THUMB_MAX_BYTES = 1_000_000;
const THUMB_TIMEOUT_MS = 8000;

/** The clips channels: passed through to the relay's clip routes (docs/clips.md). */
export function clipHandlers(client: () => RelayClient): Pick<Handlers, ClipsChannel> {
  return {
    'clips.list': (req) => client().listClips(req.showId),
    'clips.cut': (req) => client().cutClip(req.showId, req.cut),
    'clips.delete': async (req) => (await client().deleteClip(req.showId, req.clipId), {}),
    'clips.thumbnail': async (req) => {
      const c = client();
      const clip = (await c.listClips(req.showId)).segments.find((s) => s.clip?.id === req.clipId)?.clip;
      if (!clip || clip.status !== 'ready') throw StudioError.refuse({ reason: 'clipNotReady', args: {} });
      // The relay writes its public address into the clip; fetch the same path from the address this
      // studio uses. The address is the relay's text (only length-checked): one that is no URL has no thumbnail.
      if (!URL.canParse(clip.files.thumbnail)) throw StudioError.refuse({ reason: 'clipNoThumbnail', args: {} });
      const url = new URL(new URL(clip.files.thumbnail).pathname, c.baseUrl);
      const res = await fetch(url, { signal: AbortSignal.timeout(THUMB_TIMEOUT_MS) }).catch(() => null);
      if (!res?.ok || res.headers.get('content-type') !== 'image/jpeg') throw StudioError.refuse({ reason: 'clipNoThumbnail', args: {} });
      const bytes = await readCapped(res, THUMB_MAX_BYTES);
      if (!bytes) throw StudioError.refuse({ reason: 'clipThumbnailTooLarge', args: {} });
      return { dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}` };
    },
  };
}

/** The body, or null once it passes `max` bytes: read no further than that, whatever the relay sends or declares. */
async function readCapped(res: Response, max: number): Promise<Buffer | null> {
  if (Number(res.headers.get('content-length') ?? 0) > max) return (void res.body?.cancel().catch(() => {}), null);
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    size += r.value.byteLength;
    if (size > max) return (void reader!.cancel().catch(() => {}), null);
    parts.push(r.value);
  }
  return Buffer.concat(parts);
}
