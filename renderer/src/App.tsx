import { useCallback, useEffect, useState } from 'react';
import type { RelaySettings } from '../../common/ipc-contract.js';
import type { Show, WatchLink } from '../../common/show.js';
import { bridge } from './bridge.js';
import { ControlRoom } from './control/ControlRoom.js';
import { useI18n } from './i18n/i18n.js';
import { useRelayStatus } from './relay-hooks.js';
import { ConnectForm } from './screens/ConnectForm.js';
import { ShowsScreen } from './screens/ShowsScreen.js';
import { LangToggle } from './ui/LangToggle.js';
import { Modal } from './ui/Modal.js';
import { RelayBanner } from './ui/RelayBanner.js';

type Screen =
  | { name: 'loading' }
  | { name: 'blocked'; code: string; message: string }
  | { name: 'connect' }
  | { name: 'shows' }
  | { name: 'room'; show: Show; link: WatchLink | null };

export function App() {
  const { t } = useI18n();
  const [settings, setSettings] = useState<RelaySettings | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [onAir, setOnAir] = useState(false);
  const { status, refresh } = useRelayStatus();

  useEffect(() => {
    void (async () => {
      try {
        const s = await bridge.invoke('settings.get', {});
        setSettings(s);
        if (!s.hasKey) return setScreen({ name: 'connect' });
        const st = await refresh();
        setScreen(st && st.reachable && !st.authorized ? { name: 'connect' } : { name: 'shows' });
      } catch (e) {
        const err = e as { code?: string; message: string };
        setScreen({ name: 'blocked', code: err.code ?? '', message: err.message });
      }
    })();
  }, [refresh]);

  const connected = useCallback(
    (s: RelaySettings) => {
      setSettings(s);
      setSettingsOpen(false);
      void refresh();
      setScreen((cur) => (cur.name === 'connect' ? { name: 'shows' } : cur));
    },
    [refresh],
  );

  const openShow = useCallback((show: Show, link: WatchLink | null) => setScreen({ name: 'room', show, link }), []);
  const back = useCallback(() => setScreen({ name: 'shows' }), []);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-dot" aria-hidden="true" />
          {t.appName}
        </div>
        {screen.name === 'room' && (
          <button type="button" className="btn ghost" onClick={back} disabled={onAir} title={onAir ? t.nav.backBlocked : undefined}>
            ← {t.nav.back}
          </button>
        )}
        <div className="spacer" />
        {settings && screen.name !== 'connect' && (
          <button type="button" className="btn ghost" onClick={() => setSettingsOpen(true)}>
            {t.nav.settings}
          </button>
        )}
        <LangToggle />
      </header>

      {(screen.name === 'shows' || screen.name === 'room') && <RelayBanner status={status} onOpenSettings={() => setSettingsOpen(true)} />}

      <main className="content">
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
        {screen.name === 'shows' && <ShowsScreen onOpen={openShow} />}
        {screen.name === 'room' && <ControlRoom key={screen.show.id} initialShow={screen.show} initialLink={screen.link} relayStatus={status} onOnAirChange={setOnAir} onBack={back} />}
      </main>

      {settingsOpen && settings && (
        <Modal onClose={() => setSettingsOpen(false)} label={t.nav.settings}>
          <ConnectForm settings={settings} onConnected={connected} onCancel={() => setSettingsOpen(false)} />
        </Modal>
      )}
    </div>
  );
}
