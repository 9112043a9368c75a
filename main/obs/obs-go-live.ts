import type { IngestKey } from '../../common/protocol/ingest.js';
import type { Show } from '../../common/show.js';
import { ObsRequestError, type ObsConnection } from './obs-connection.js';

/** The relay calls OBS mode needs (RelayClient implements them). */
export interface IngestRelay {
  createIngestKey(showId: string): Promise<IngestKey>;
  endShow(showId: string): Promise<Show>;
}

/** obs-websocket RequestStatus: OutputRunning / OutputNotRunning (already in the state we want). */
const OUTPUT_RUNNING = 500;
const OUTPUT_NOT_RUNNING = 501;

/**
 * Go live in OBS mode (contract with the relay's ingest): the show's stream key from the relay →
 * OBS's custom RTMP server and key (the seller never copies a key) → the usual start of the show
 * (catalog hand-off included, through `startShow`) → OBS starts streaming.
 */
export async function goLiveWithObs(showId: string, obs: ObsConnection, relay: IngestRelay, startShow: (showId: string) => Promise<Show>): Promise<Show> {
  const key = await relay.createIngestKey(showId);
  await obs.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: key.rtmpServer, key: key.streamKey } });
  const show = await startShow(showId);
  await obs.call('StartStream').catch(alreadyIf(OUTPUT_RUNNING));
  return show;
}

/** End show in OBS mode: OBS stops streaming, then the show ends (the relay revokes the key). */
export async function endShowWithObs(showId: string, obs: ObsConnection, relay: IngestRelay): Promise<Show> {
  // An OBS that is gone must not keep the show open: the relay revokes the key, which cuts any stream.
  if (obs.status.state === 'connected') await obs.call('StopStream').catch(alreadyIf(OUTPUT_NOT_RUNNING));
  return relay.endShow(showId);
}

const alreadyIf = (status: number) => (e: unknown) => {
  if (!(e instanceof ObsRequestError && e.obsStatus === status)) throw e;
};
