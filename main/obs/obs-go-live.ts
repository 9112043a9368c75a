import type { IngestKey } from '../../common/protocol/ingest.js';
import type { Show } from '../../common/show.js';
import { OBS_ERRORS } from '../../common/obs.js';
import { StudioError } from '../../common/ipc-contract.js';
import { ObsRequestError, type ObsConnection } from './obs-connection.js';

/** The relay calls OBS mode needs (RelayClient implements them). */
export interface IngestRelay {
  createIngestKey(showId: string): Promise<IngestKey>;
  getShow(showId: string): Promise<Show>;
  endShow(showId: string): Promise<Show>;
}

/** obs-websocket RequestStatus: OutputRunning / OutputNotRunning (already in the state we want). */
const OUTPUT_RUNNING = 500;
const OUTPUT_NOT_RUNNING = 501;

/**
 * Go live in OBS mode (contract with the relay's ingest): the show's stream key from the relay →
 * OBS's custom RTMP server and key (the seller never copies a key) → the usual start of the show
 * (catalog hand-off included, through `startShow`) → OBS starts streaming. On a show that is
 * already live (OBS's output stopped mid-show, or OBS was restarted) the same call puts OBS back on
 * the show's key and restarts its output without starting the show again.
 */
export async function goLiveWithObs(showId: string, obs: ObsConnection, relay: IngestRelay, startShow: (showId: string) => Promise<Show>): Promise<Show> {
  // Nothing on the relay changes unless OBS can take the key.
  if (obs.status.state !== 'connected') throw new StudioError(OBS_ERRORS.notConnected, 'Connect to OBS before going live in OBS mode.');
  const key = await relay.createIngestKey(showId);
  await obs.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: key.rtmpServer, key: key.streamKey } });
  const current = await relay.getShow(showId);
  const show = current.status === 'live' ? current : await startShow(showId);
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
