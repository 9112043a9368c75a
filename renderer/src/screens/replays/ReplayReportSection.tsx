import { useEffect, useState } from 'react';
import type { Currency } from '../../../../common/commerce/money.js';
import type { ShowClips } from '../../../../common/replay/clips.js';
import type { StudioReplay } from '../../../../common/replay/replay-studio.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';
import { ClipNumbersTable } from '../clips/ClipNumbers.js';
import { ReplayNumbersCard } from './ReplayNumbersCard.js';

/** The post-show report's replay part: what the replay and each clip did, and the way to the Replays screen. */
export function ReplayReportSection({ showId, currency, onOpenReplays }: { showId: string; currency: Currency; onOpenReplays: () => void }) {
  const { t } = useI18n();
  const r = t.replays;
  const [replay, setReplay] = useState<StudioReplay | null>(null);
  const [clips, setClips] = useState<ShowClips | null>(null);
  useEffect(() => {
    let alive = true;
    bridge.invoke('replays.get', { showId }).then(
      (x) => alive && setReplay(x),
      () => undefined,
    );
    bridge.invoke('clips.list', { showId }).then(
      (x) => alive && setClips(x),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [showId]);
  if (!replay) return null;
  return (
    <div className="report-replay" data-testid="report-replay">
      <ReplayNumbersCard numbers={replay.numbers} fallbackCurrency={currency}>
        <p className="muted small" data-testid="report-replay-status">
          {r.statusTitle}: {r.status[replay.recording.status ?? 'none']}
        </p>
        {clips && <ClipNumbersTable segments={clips.segments} currency={currency} />}
        <button type="button" className="btn no-print" onClick={onOpenReplays} data-testid="report-replays-button">
          ▶ {r.open}
        </button>
      </ReplayNumbersCard>
    </div>
  );
}
