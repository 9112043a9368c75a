import { useCallback, useEffect, useState } from 'react';
import type { RelaySettings } from '../../common/ipc-contract.js';
import type { Show, WatchLink } from '../../common/show.js';
import { bridge } from './bridge.js';
import { CatalogProvider } from './catalog/catalog-data.js';
import { ControlRoom } from './control/ControlRoom.js';
import { useI18n } from './i18n/i18n.js';
import { useRelayStatus } from './relay-hooks.js';
import { CatalogScreen } from './screens/catalog/CatalogScreen.js';
import { OrdersScreen } from './screens/orders/OrdersScreen.js';
import { PaymentScreen } from './screens/payment/PaymentScreen.js';
import { ReportScreen } from './screens/report/ReportScreen.js';
import { ReplaysScreen } from './screens/replays/ReplaysScreen.js';
import { StoreProfileScreen } from './screens/store/StoreProfileScreen.js';
import { ConnectForm } from './screens/ConnectForm.js';
import { RundownEditor, type RundownTarget } from './screens/rundown/RundownEditor.js';
import { ShowsScreen } from './screens/ShowsScreen.js';
import { LangToggle } from './ui/LangToggle.js';
import { Modal } from './ui/Modal.js';
import { RelayBanner } from './ui/RelayBanner.js';
import { useErrorText } from './errors/error-text.js';

type Room = { show: Show; link: WatchLink | null; realShow: { show: Show; link: WatchLink | null } | null };
type Screen = { name: 'loading' } | { name: 'blocked'; code: string; message: string } | { name: 'connect' } | { name: 'shows' } | ({ name: 'room' } & Room);
/** A page shown over the current screen; the screen below stays mounted, so a live show keeps running. */
type Page = null | { name: 'catalog' } | { name: 'payment' } | { name: 'store' } | { name: 'rundown'; target: RundownTarget } | { name: 'orders'; show: Show } | { name: 'report'; show: Show } | { name: 'replays'; show: Show };

export function App() {
  const { t } = useI18n();
  const say = useErrorText();
  const [settings, setSettings] = useState<RelaySettings | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [page, setPage] = useState<Page>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [onAir, setOnAir] = useState(false);
  const [rundownVersion, setRundownVersion] = useState(0);
  const { status, refresh } = useRelayStatus();
  // A page (or the screen under it) opens at its top, not where the previous one was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [page, screen.name]);

  useEffect(() => {
    void (async () => {
      try {
        const s = await bridge.invoke('settings.get', {});
        setSettings(s);
        if (!s.hasKey) return setScreen({ name: 'connect' });
        const st = await refresh();
        setScreen(st && st.reachable && !st.authorized ? { name: 'connect' } : { name: 'shows' });
      } catch (e) {
        const err = e as { code?: string };
        setScreen({ name: 'blocked', code: err.code ?? '', message: say(e) });
      }
    })();
  }, [refresh, say]);

  const connected = useCallback(
    (s: RelaySettings) => {
      setSettings(s);
      setSettingsOpen(false);
      void refresh();
      setScreen((cur) => (cur.name === 'connect' ? { name: 'shows' } : cur));
    },
    [refresh],
  );

  const openShow = useCallback((show: Show, link: WatchLink | null) => {
    setScreen({ name: 'room', show, link, realShow: null });
    setPage(null);
  }, []);
  const toShows = useCallback(() => {
    setScreen({ name: 'shows' });
    setPage(null);
  }, []);
  const editRundown = useCallback((show: Show) => setPage({ name: 'rundown', target: { showId: show.rehearsalOf ?? show.id, showTitle: show.title } }), []);
  const openOrders = useCallback((show: Show) => setPage({ name: 'orders', show }), []);
  const openReport = useCallback((show: Show) => setPage({ name: 'report', show }), []);
  const openReplays = useCallback((show: Show) => setPage({ name: 'replays', show }), []);
  const rehearse = useCallback((show: Show, link: WatchLink) => setScreen((cur) => (cur.name === 'room' ? { name: 'room', show, link, realShow: { show: cur.show, link: cur.link } } : cur)), []);
  const leaveRehearsal = useCallback(() => setScreen((cur) => (cur.name === 'room' && cur.realShow ? { name: 'room', ...cur.realShow, realShow: null } : cur)), []);

  const ready = screen.name === 'shows' || screen.name === 'room';
  const inRoom = screen.name === 'room';
  return (
    <CatalogProvider>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <span className="brand-dot" aria-hidden="true" />
            {t.appName}
          </div>
          {ready && (
            <nav className="main-nav" aria-label={t.nav.main}>
              <button type="button" className="nav-btn" data-testid="nav-shows" aria-current={screen.name === 'shows' && !page ? 'page' : undefined} onClick={toShows} disabled={onAir} title={onAir ? t.nav.backBlocked : undefined}>
                {t.nav.shows}
              </button>
              {inRoom && (
                <button type="button" className={`nav-btn room-tab ${onAir ? 'on-air' : ''} ${screen.realShow ? 'rehearsing' : ''}`} data-testid="nav-room" aria-current={!page ? 'page' : undefined} onClick={() => setPage(null)} title={screen.show.title}>
                  {onAir && <span className="nav-live-dot" aria-hidden="true" />}
                  {t.nav.room}: <span className="nav-room-title">{screen.show.title}</span>
                </button>
              )}
              <button type="button" className="nav-btn" data-testid="nav-catalog" aria-current={page?.name === 'catalog' ? 'page' : undefined} onClick={() => setPage({ name: 'catalog' })}>
                {t.nav.catalog}
              </button>
              <button type="button" className="nav-btn" data-testid="nav-payment" aria-current={page?.name === 'payment' ? 'page' : undefined} onClick={() => setPage({ name: 'payment' })}>
                {t.commerce.nav.payment}
              </button>
              <button type="button" className="nav-btn" data-testid="nav-store" aria-current={page?.name === 'store' ? 'page' : undefined} onClick={() => setPage({ name: 'store' })}>
                {t.store.nav}
              </button>
            </nav>
          )}
          <div className="spacer" />
          {settings && screen.name !== 'connect' && (
            <button type="button" className="btn ghost" onClick={() => setSettingsOpen(true)}>
              {t.nav.settings}
            </button>
          )}
          <LangToggle />
        </header>

        {ready && <RelayBanner status={status} onOpenSettings={() => setSettingsOpen(true)} />}

        <main className="content">
          <div hidden={page !== null}>
            {screen.name === 'loading' && <p className="muted center-page">{t.common.loading}</p>}
            {screen.name === 'blocked' && (
              <div className="center-page">
                <div className="card narrow">
                  <p className="error-text">{screen.code === 'forbidden' ? t.shell.forbidden : screen.message}</p>
                </div>
              </div>
            )}
            {screen.name === 'connect' && settings && (
              <div className="center-page">
                <ConnectForm settings={settings} onConnected={connected} />
              </div>
            )}
            {screen.name === 'shows' && <ShowsScreen onOpen={openShow} onOpenRundown={editRundown} onOpenOrders={openOrders} onOpenReport={openReport} onOpenReplays={openReplays} />}
            {screen.name === 'room' && (
              <ControlRoom
                key={screen.show.id}
                initialShow={screen.show}
                initialLink={screen.link}
                relayStatus={status}
                active={page === null}
                rundownVersion={rundownVersion}
                onOnAirChange={setOnAir}
                onBack={toShows}
                onEditRundown={editRundown}
                onRehearse={rehearse}
                onOpenOrders={openOrders}
                onOpenReport={openReport}
                onOpenReplays={openReplays}
                onLeaveRehearsal={screen.realShow ? leaveRehearsal : null}
              />
            )}
          </div>
          {page?.name === 'catalog' && <CatalogScreen />}
          {page?.name === 'payment' && <PaymentScreen />}
          {page?.name === 'store' && <StoreProfileScreen />}
          {page?.name === 'orders' && <OrdersScreen key={page.show.id} show={page.show} onBack={() => setPage(null)} />}
          {page?.name === 'report' && <ReportScreen key={page.show.id} show={page.show} onBack={() => setPage(null)} onOpenReplays={() => openReplays(page.show)} />}
          {page?.name === 'replays' && <ReplaysScreen key={page.show.id} show={page.show} onBack={() => setPage(null)} />}
          {page?.name === 'rundown' && <RundownEditor key={page.target.showId} target={page.target} onBack={() => setPage(null)} onSaved={() => setRundownVersion((v) => v + 1)} />}
        </main>

        {settingsOpen && settings && (
          <Modal onClose={() => setSettingsOpen(false)} label={t.nav.settings}>
            <ConnectForm settings={settings} onConnected={connected} onCancel={() => setSettingsOpen(false)} />
            {ready && (
              <button
                type="button"
                className="btn ghost settings-store-link"
                data-testid="settings-store-link"
                onClick={() => {
                  setSettingsOpen(false);
                  setPage({ name: 'store' });
                }}
              >
                {t.store.openFromSettings} →
              </button>
            )}
          </Modal>
        )}
      </div>
    </CatalogProvider>
  );
}
