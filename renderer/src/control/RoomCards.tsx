import { useState } from 'react';
import type { Show, WatchLink } from '../../../common/show.js';
import { bridge } from '../bridge.js';
import { useI18n } from '../i18n/i18n.js';
import { Spinner } from '../ui/Spinner.js';
import { useErrorText } from '../errors/error-text.js';

/** Starts a private rehearsal of this show (its own show and link), then the room switches to it. */
export function RehearseCard({ show, onRehearse }: { show: Show; onRehearse: (show: Show, link: WatchLink) => void }) {
  const { t } = useI18n();
  const r = t.live.rehearsal;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const say = useErrorText();
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await bridge.invoke('shows.rehearse', { showId: show.id });
      onRehearse(res.show, res.link);
    } catch (e) {
      setError(say(e));
      setBusy(false);
    }
  };
  return (
    <section className="card rehearse-card">
      <button type="button" className="btn rehearse-btn" data-testid="rehearse-button" onClick={() => void start()} disabled={busy}>
        {busy ? <Spinner label={r.starting} /> : <>▶ {r.start}</>}
      </button>
      <p className="muted small">{r.startHint}</p>
      {error && (
        <p className="form-error" role="alert">
          {r.failed} {error}
        </p>
      )}
    </section>
  );
}

/** Shown in a room without a run-down: what one is for, and the way to make it. */
export function RundownPrompt({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <section className="card rundown-prompt">
      <div className="card-head">
        <h2>{t.live.noRundownTitle}</h2>
      </div>
      <p className="muted small">{t.live.noRundown}</p>
      <button type="button" className="btn primary" data-testid="rundown-open-button" onClick={onOpen}>
        {t.live.createRundown}
      </button>
    </section>
  );
}

/** The rehearsal's band over the room: unmistakable colour, what it means, the way back. */
export function RehearsalBar({ onBack, blocked }: { onBack: () => void; blocked: boolean }) {
  const { t } = useI18n();
  const r = t.live.rehearsal;
  return (
    <div className="rehearsal-bar" role="status">
      <span className="rehearsal-badge" data-testid="rehearsal-badge">
        {r.badge}
      </span>
      <span className="rehearsal-note">{r.note}</span>
      <button type="button" className="btn small" data-testid="leave-rehearsal-button" onClick={onBack} disabled={blocked} title={blocked ? r.backBlocked : undefined}>
        ← {r.back}
      </button>
    </div>
  );
}
