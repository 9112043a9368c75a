import type { CueAction } from '../../common/rundown.js';
import { FireCueRequest } from '../../common/protocol/studio-api.js';
import type { Stage } from '../../common/stage.js';
import { resolveCue, type CueCatalog } from './cue-resolver.js';
import type { AssetUploader, RelayAssets } from './relay-assets.js';

/** The relay calls cue firing needs (RelayClient implements them). */
export interface CueRelay extends AssetUploader {
  fireCue(showId: string, body: FireCueRequest): Promise<Stage>;
}

export interface FireCue {
  showId: string;
  action: CueAction;
  firingId: string;
  captureMs: number | null;
  baseVersion: number;
}

/**
 * Fires one cue: resolve it from the catalog (a missing item fails here, before anything is sent),
 * make sure the relay has the product images, then post the stage op. The relay's own refusals
 * (not_live, stale_stage, too_many_pinned, nothing_to_close, not_found) come back as StudioErrors
 * with its code and message. `firingId` lets the relay treat a retried click as one firing.
 */
export async function fireCue(req: FireCue, catalog: CueCatalog, relay: CueRelay, assets: RelayAssets): Promise<Stage> {
  const op = await resolveCue(req.action, catalog, (ref) => assets.urlFor(relay, ref));
  const body = FireCueRequest.parse({ firingId: req.firingId, baseVersion: req.baseVersion, captureMs: req.captureMs, op });
  return relay.fireCue(req.showId, body);
}
