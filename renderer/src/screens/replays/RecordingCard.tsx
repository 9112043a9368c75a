import { useEffect, useState } from 'react';
import type { RecordingDisk, StudioReplay } from '../../../../common/replay/replay-studio.js';
import type { ReplayRendition } from '../../../../common/replay/replay-view.js';
import { bridge } from '../../bridge.js';
import { formatBytes, formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { recordingFailure } from './recording-failure.js';
import { useErrorText } from '../../errors/error-text.js';

/**
 * The MP4 rendition for older iPhones (docs/replay.md, "MP4 rendition"): its state, why it matters
 * when it is not ready, and "MP4 다시 만들기" when it failed (the relay never retries one by itself).
 */
function RenditionLine({ rendition, onRemake }: { rendition: ReplayRendition; onRemake: () => Promise<void> }) {
  const { t } = useI18n();
  const r = t.replays.rendition;
  const [busy, setBusy] = useState(false);
  if (rendition.state === 'none') return null;
  const pct = Math.round(rendition.progress * 100);
  const remake = async () => {
    setBusy(true);
    try {
      await onRemake();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="replay-rendition" data-testid="replay-rendition" data-state={rendition.state}>
      <p className="small">
        <strong>{r.title}</strong> · {rendition.state === 'encoding' ? r.state.encoding(pct) : r.state[rendition.state]}
      </p>
      {(rendition.state === 'queued' || rendition.state === 'encoding') && <p className="muted small">{r.body}</p>}
      {rendition.state === 'failed' && (
        <>
          <p className="muted small">
            {r.failedBody} {rendition.error && <code>{rendition.error}</code>}
          </p>
          <button type="button" className="btn small" disabled={busy} onClick={() => void remake()} data-testid="rendition-remake-button">
            {r.remake}
          </button>
        </>
      )}
    </div>
  );
}

/** Below this share of free space the seller is told to delete old replays. */
const LOW_DISK_SHARE = 0.1;

/**
 * The recording's state (recording / processing with a moving bar / ready with length and size /
 * failed with the reason and 다시 처리 / deleted), what it takes on the relay's disk, and its delete.
 */
export function RecordingCard({ showId, replay, onChanged }: { showId: string; replay: StudioReplay; onChanged: (r: StudioReplay | null) => void }) {
  const { t } = useI18n();
  const say = useErrorText();
  const r = t.replays;
  const rec = replay.recording;
  const [problem, setProblem] = useState<string | null>(null);
  const [disk, setDisk] = useState<RecordingDisk | null>(null);
  const status = rec.status ?? 'none';
  const ownBytes = replay.disk.replayBytes + replay.disk.rawBytes;

  useEffect(() => {
    let alive = true;
    bridge.invoke('replays.disk', {}).then(
      (d) => alive && setDisk(d),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [status]);

  const act = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      onChanged(null);
    } catch (e) {
      setProblem(`${r.actionFailed} ${say(e)}`);
    }
  };
  const pct = Math.round(rec.progress * 100);
  return (
    <section className="card report-section replay-recording" data-testid="replay-recording" data-status={status}>
      <div className="replay-status-head">
        <h2>{r.statusTitle}</h2>
        <span className={`clip-status replay-status-${status}`} data-testid="replay-status">
          {r.status[status]}
        </span>
      </div>
      {status === 'none' && <p className="muted">{r.noneBody(rec.record)}</p>}
      {status === 'recording' && <p>{r.recordingBody}</p>}
      {status === 'processing' && (
        <div className="clip-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="replay-progress">
          <span style={{ width: `${pct}%` }} />
          <em>{r.progress(pct)}</em>
        </div>
      )}
      {status === 'ready' && (
        <p className="replay-meta" data-testid="replay-meta">
          {r.readyMeta(formatClock(rec.durationMs / 1000), formatBytes(rec.bytes))}
        </p>
      )}
      {status === 'ready' && <RenditionLine rendition={rec.rendition} onRemake={() => act(() => bridge.invoke('replays.remakeRendition', { showId }))} />}
      {status === 'failed' && (
        <div className="replay-failed" data-testid="replay-failed">
          <p className="form-error">{r.failure[recordingFailure(rec.error)]}</p>
          {rec.error && (
            <p className="muted small">
              {r.failureDetail} <code>{rec.error}</code>
            </p>
          )}
          <button type="button" className="btn primary small" onClick={() => void act(() => bridge.invoke('replays.process', { showId }))} data-testid="replay-process-button">
            {r.processAgain}
          </button>
        </div>
      )}
      {status === 'deleted' && <p className="muted">{r.deletedBody}</p>}

      <div className="replay-disk" data-testid="replay-disk">
        <strong>{r.disk}</strong>
        <span className="muted small">{r.diskLine(formatBytes(replay.disk.replayBytes), formatBytes(replay.disk.rawBytes), formatBytes(replay.disk.clipBytes))}</span>
        {disk && <span className="muted small">{r.diskFree(formatBytes(disk.freeBytes), formatBytes(disk.totalBytes))}</span>}
        {disk && disk.totalBytes > 0 && disk.freeBytes / disk.totalBytes < LOW_DISK_SHARE && (
          <p className="banner-inline warn" data-testid="replay-disk-low">
            {r.diskLow}
          </p>
        )}
      </div>
      {status === 'ready' && replay.disk.rawBytes > 0 && (
        // Only processing reads the raw parts: once the replay is ready they are dead weight on a small relay's disk.
        <ConfirmButton label={r.removeRaw} question={r.removeRawConfirm(formatBytes(replay.disk.rawBytes))} confirmLabel={r.removeRaw} onConfirm={() => act(() => bridge.invoke('replays.deleteRaw', { showId }))} testId="replay-delete-raw-button" />
      )}
      {(status === 'ready' || status === 'failed') && (
        <ConfirmButton label={r.remove} question={r.removeConfirm(formatBytes(ownBytes))} confirmLabel={r.remove} onConfirm={() => act(() => bridge.invoke('replays.delete', { showId }))} testId="replay-delete-button" />
      )}
      {(status === 'recording' || status === 'processing') && <p className="muted small">{r.removeBlocked}</p>}
      {problem && (
        <p className="form-error small" role="alert" data-testid="replay-problem">
          {problem}
        </p>
      )}
      {disk && disk.shows.filter((s) => s.showId !== showId).length > 0 && (
        <details className="replay-other-shows">
          <summary className="small">{r.otherShows}</summary>
          <ul className="small">
            {disk.shows
              .filter((s) => s.showId !== showId)
              .slice(0, 10)
              .map((s) => (
                <li key={s.showId}>
                  {s.title} · {formatBytes(s.replayBytes + s.rawBytes + s.clipBytes)}
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}
