import { useCallback, useEffect, useState } from 'react';
import { CLIP_MAX_SEC, CLIP_MIN_SEC, type Clip, type ClipSegment, type ShowClips } from '../../../../common/replay/clips.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { codeText, useErrorText } from '../../errors/error-text.js';
import { ClipNumbersLine } from './ClipNumbers.js';

/** While a clip is queued or cutting, the list is read again this often for its progress. */
const POLL_MS = 1000;

const busy = (c: Clip | null) => c?.status === 'queued' || c?.status === 'cutting';

/**
 * The Clips section of a show (docs/clips.md): per segment its clip with status and progress, the
 * thumbnail, an in/out trim, 다시 자르기, the share link, downloads and delete. Takes only a showId,
 * so the post-show report hosts it today and a Replays screen can host it later.
 */
export function ClipsSection({ showId }: { showId: string }) {
  const { t } = useI18n();
  const say = useErrorText();
  const c = t.clips;
  const [clips, setClips] = useState<ShowClips | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setClips(await bridge.invoke('clips.list', { showId }));
      setError(null);
    } catch (e) {
      setError(say(e));
    }
  }, [showId]);

  useEffect(() => {
    void load();
  }, [load]);
  const cutting = clips?.segments.some((s) => busy(s.clip)) ?? false;
  useEffect(() => {
    if (!cutting) return;
    const id = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(id);
  }, [cutting, load]);

  return (
    <section className="card report-section clips-section no-print" data-testid="clips-section">
      <h2>{c.title}</h2>
      <p className="muted small">{c.lead}</p>
      {error && (
        <p className="form-error" role="alert" data-testid="clips-error">
          {c.loadFailed} {error}
        </p>
      )}
      {!clips && !error && <p className="muted">{t.common.loading}</p>}
      {clips && !clips.replay && <p className="muted" data-testid="clips-no-replay">{c.noReplay}</p>}
      {clips?.replay && clips.segments.length === 0 && <p className="muted">{c.noSegments}</p>}
      {/* Clips already cut outlive a deleted replay: still listed (share, download, delete), no longer cut. */}
      {clips && (clips.replay || clips.segments.some((s) => s.clip)) && (
        <ul className="clip-list">
          {clips.segments
            .filter((s) => clips.replay || s.clip)
            .map((s) => (
              <ClipRow key={s.segmentNo} showId={showId} segment={s} durationSec={clips.durationSec} canCut={clips.replay} onChanged={load} />
            ))}
        </ul>
      )}
    </section>
  );
}

function ClipRow({ showId, segment, durationSec, canCut, onChanged }: { showId: string; segment: ClipSegment; durationSec: number; canCut: boolean; onChanged: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const say = useErrorText();
  const c = t.clips;
  const clip = segment.clip;
  const range = clip ?? segment.video;
  const [inSec, setIn] = useState(range ? range.inSec.toFixed(1) : '');
  const [outSec, setOut] = useState(range ? Math.min(range.outSec, range.inSec + CLIP_MAX_SEC).toFixed(1) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [thumb, setThumb] = useState<string | null>(null);

  // Fetched again only when a cut finishes (a re-cut changes updatedAt), not on every progress poll.
  const readyId = clip?.status === 'ready' ? clip.id : null;
  const readyAt = clip?.status === 'ready' ? clip.updatedAt : null;
  useEffect(() => {
    if (!readyId) return setThumb(null);
    let alive = true;
    bridge.invoke('clips.thumbnail', { showId, clipId: readyId }).then(
      (r) => alive && setThumb(r.dataUrl),
      () => alive && setThumb(null),
    );
    return () => {
      alive = false;
    };
  }, [readyId, readyAt, showId]);

  const cut = async () => {
    setProblem(null);
    const from = Number(inSec);
    const to = Number(outSec);
    const chosen = range && (Math.abs(from - range.inSec) > 0.05 || Math.abs(to - Math.min(range.outSec, range.inSec + CLIP_MAX_SEC)) > 0.05);
    if (chosen && (!Number.isFinite(from) || !Number.isFinite(to) || inSec.trim() === '' || outSec.trim() === '')) return setProblem(c.rangeInvalid);
    try {
      await bridge.invoke('clips.cut', { showId, cut: chosen || clip ? { segmentNo: segment.segmentNo, inSec: from, outSec: to } : { segmentNo: segment.segmentNo } });
      await onChanged();
    } catch (e) {
      setProblem(say(e));
    }
  };
  const copy = async () => {
    if (!clip) return;
    await navigator.clipboard.writeText(clip.pageUrl).then(
      () => setCopied(true),
      () => setCopied(false),
    );
    setTimeout(() => setCopied(false), 2500);
  };
  const remove = async () => {
    if (!clip) return;
    try {
      await bridge.invoke('clips.delete', { showId, clipId: clip.id });
      await onChanged();
    } catch (e) {
      setProblem(say(e));
    }
  };

  const status = clip ? clip.status : 'none';
  const pct = clip ? Math.round(clip.progress * 100) : 0;
  return (
    <li className="clip-row" data-testid="clip-row" data-segment={segment.segmentNo} data-status={status}>
      <div className="clip-thumb">{thumb ? <img src={thumb} alt={c.thumbAlt} data-testid="clip-thumb" /> : <span className="clip-thumb-empty" aria-hidden="true" />}</div>
      <div className="clip-main">
        <div className="clip-head">
          <strong>{c.segment(segment.segmentNo, segment.title)}</strong>
          <span className={`clip-status clip-status-${status}`} data-testid="clip-status">
            {c.status[status]}
          </span>
        </div>
        <p className="muted small">{segment.productIds.length ? c.products(segment.productIds.length) : c.noProduct}</p>
        {clip && <ClipNumbersLine numbers={clip.numbers} />}
        {busy(clip) && (
          <div className="clip-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="clip-progress">
            <span style={{ width: `${pct}%` }} />
            <em>{c.progress(pct)}</em>
          </div>
        )}
        {clip?.error && (
          <p className="form-error small" data-testid="clip-failed">
            {(lang === 'ko' && c.failure[clip.error.code]) || codeText(clip.error.code, clip.error.message, t, lang)}
          </p>
        )}
        {!canCut ? null : !segment.video && !clip ? (
          <p className="muted small" data-testid="clip-no-video">
            {c.noVideo}
          </p>
        ) : (
          <div className="clip-trim">
            <label>
              {c.inSec}
              <input type="number" inputMode="decimal" step="0.1" min={0} max={durationSec} value={inSec} onChange={(e) => setIn(e.target.value)} data-testid="clip-in-input" />
            </label>
            <label>
              {c.outSec}
              <input type="number" inputMode="decimal" step="0.1" min={0} max={durationSec} value={outSec} onChange={(e) => setOut(e.target.value)} data-testid="clip-out-input" />
            </label>
            <button type="button" className="btn small primary" onClick={() => void cut()} disabled={busy(clip)} data-testid="clip-cut-button">
              {clip ? c.recut : c.cut}
            </button>
            <span className="muted small">{c.rangeHint(CLIP_MIN_SEC, CLIP_MAX_SEC)}</span>
          </div>
        )}
        {problem && (
          <p className="form-error small" role="alert" data-testid="clip-problem">
            {problem}
          </p>
        )}
        {clip?.status === 'ready' && (
          <div className="clip-actions">
            <button type="button" className="btn small" onClick={() => void copy()} data-testid="clip-copy-button">
              {copied ? c.copied : c.copyLink}
            </button>
            <a className="btn small" href={`${clip.pageUrl}/download/wide`} target="_blank" rel="noopener noreferrer" data-testid="clip-download-wide">
              {c.downloadWide}
            </a>
            <a className="btn small" href={`${clip.pageUrl}/download/vertical`} target="_blank" rel="noopener noreferrer" data-testid="clip-download-vertical">
              {c.downloadVertical}
            </a>
            <code className="clip-url muted small" data-testid="clip-page-url">
              {clip.pageUrl}
            </code>
          </div>
        )}
        {clip && !busy(clip) && <ConfirmButton label={c.remove} question={c.removeConfirm} confirmLabel={c.remove} onConfirm={remove} testId="clip-delete-button" />}
      </div>
    </li>
  );
}
