import { useEffect, useSyncExternalStore } from 'react';
import type { PublicShow } from '../../../common/show.js';
import { t } from './i18n.js';
import './commerce.css';
import { Scheduled } from './Scheduled.js';
import { CommerceContext } from './commerce-context.js';
import type { CommerceStore } from './commerce-store.js';
import { AfterShowCard } from './AfterShowCard.js';
import { Live } from './Live.js';
import { Replay } from './Replay.js';
import type { WatchSession, WatchView } from './watch-session.js';

function Connecting() {
  return (
    <main className="card-screen" role="status">
      <div className="spinner" aria-hidden="true" />
      <p className="quiet">{t.connecting}</p>
    </main>
  );
}

function Ended({ show }: { show: PublicShow }) {
  return <AfterShowCard icon="■" eyebrow={t.ended} title={show.title} body={t.thanks} />;
}

function LinkProblem({ message }: { message: string }) {
  return (
    <main className="card-screen">
      <div className="card">
        <div className="icon-circle warn" aria-hidden="true">!</div>
        <h1 className="title small">{t.linkProblem}</h1>
        <p className="quiet" data-testid="link-problem-message">{message}</p>
      </div>
    </main>
  );
}

function Body({ view, session, commerce }: { view: WatchView; session: WatchSession; commerce: CommerceStore }) {
  const { state, show } = view;
  if (state === 'link-problem') return <LinkProblem message={view.linkMessage ?? ''} />;
  if (!show) return <Connecting />;
  if (show.status === 'scheduled') return <Scheduled show={show} viewers={view.viewers} />;
  // The same link plays the replay once the show has ended (docs/replay.md); without one, the ended screen.
  if (show.status === 'ended') return <Replay show={show} api={commerce.api} fallback={<Ended show={show} />} />;
  return <Live state={state} show={show} viewers={view.viewers} stream={view.stream} stage={view.stage} clock={session.clock} attachVideo={session.attachVideo} />;
}

export function App({ session, commerce }: { session: WatchSession; commerce: CommerceStore }) {
  const view = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const title = view.show?.title;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  // The socket is down while we wait for a show to start: say so quietly, without hiding the countdown.
  // (Live shows say it in their overlay; an ended show has nothing left to miss.)
  const banner = !view.online && view.state === 'scheduled';
  return (
    <CommerceContext.Provider value={commerce}>
      <div className="watch" data-testid="watch-state" data-state={view.state}>
        <Body view={view} session={session} commerce={commerce} />
        {banner && (
          <p className="banner" role="status">
            {t.connectionLost}
          </p>
        )}
      </div>
    </CommerceContext.Provider>
  );
}
