import { useEffect, useState, type ReactNode } from 'react';
import type { ReplayInfo } from '../../../common/replay/replay-view.js';
import type { PublicShow } from '../../../common/show.js';
import type { WatchApi } from './commerce-api.js';
import { AfterShowCard } from './AfterShowCard.js';
import { tr } from './i18n-replay.js';
import { ReplayPlayer } from './ReplayPlayer.js';
import { waitsForRendition } from './replay-sources.js';
import './replay.css';

/** How often a page waiting for the replay asks again (processing takes seconds to minutes). */
const POLL_MS = 5_000;

/**
 * An ended show's watch link: the replay when it is ready, "preparing (n%)" while it is processed
 * (asking again every few seconds), a clear page for a deleted one, and the "show ended" screen
 * (`fallback`) when there is none or the relay cannot be asked.
 */
export function Replay({ show, api, fallback }: { show: PublicShow; api: WatchApi; fallback: ReactNode }) {
  const [info, setInfo] = useState<ReplayInfo | 'loading'>('loading');
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const r = await api.replay();
      if (stopped) return;
      setInfo(r.ok ? r.data : { state: 'none' });
      // Processing, or a ready WebM replay this browser cannot play while its MP4 rendition is being made.
      if (r.ok && (r.data.state === 'processing' || (r.data.state === 'ready' && waitsForRendition(r.data)))) timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api]);
  // One view per page that reached the playable replay; the relay counts each device once.
  const ready = info !== 'loading' && info.state === 'ready';
  useEffect(() => {
    if (ready) api.replayViewed();
  }, [ready, api]);
  if (info === 'loading') {
    return (
      <main className="card-screen" role="status" data-testid="replay-state" data-state="loading">
        <div className="spinner" aria-hidden="true" />
      </main>
    );
  }
  switch (info.state) {
    case 'ready':
      return <ReplayPlayer show={show} replay={info} api={api} />;
    case 'processing': {
      const pct = Math.round(info.progress * 100);
      return (
        <AfterShowCard testState="processing" small eyebrow={tr.replay} title={tr.preparingTitle} body={tr.preparingBody}>
          <div className="replay-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="replay-progress" data-progress={pct}>
            <span style={{ width: `${pct}%` }} />
          </div>
          <p className="replay-progress-text">{tr.progress(pct)}</p>
        </AfterShowCard>
      );
    }
    case 'deleted':
      return <AfterShowCard testState="deleted" small eyebrow={tr.replay} title={tr.deletedTitle} body={tr.deletedBody} />;
    case 'none':
      return <>{fallback}</>;
  }
}
