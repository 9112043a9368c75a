import { useI18n } from '../i18n/i18n.js';
import type { SourceProblem } from '../media/devices.js';
import type { MediaSource } from '../media/useMediaSource.js';

/** Says plainly what is wrong with the camera or mic, and offers every other way to go live. */
export function SourceError({ problem, media }: { problem: SourceProblem; media: MediaSource }) {
  const { t } = useI18n();
  const s = t.source;
  const byDevice = (both: string, camera: string, mic: string) => (problem.device === 'camera' ? camera : problem.device === 'mic' ? mic : both);
  const message = {
    denied: byDevice(s.denied, s.deniedCamera, s.deniedMic),
    notfound: byDevice(s.notFound, s.notFoundCamera, s.notFoundMic),
    overconstrained: s.overconstrained,
    busy: s.busy,
    screen: s.screenFailed,
    other: s.other(problem.detail),
  }[problem.kind];
  return (
    <div className="source-error" role="alert" data-testid="source-error">
      <p className="source-error-msg">{message}</p>
      <div className="source-error-actions">
        <span className="muted">{s.alternatives}</span>
        {problem.device !== 'screen' && (
          <button type="button" className="btn small" onClick={() => void media.shareScreen()}>
            {s.useScreen}
          </button>
        )}
        {problem.device !== 'mic' && (
          <button type="button" className="btn small" onClick={() => void media.micOnly()}>
            {s.micOnly}
          </button>
        )}
        {problem.device !== 'camera' && (
          <button type="button" className="btn small" onClick={() => void media.cameraOnly()}>
            {s.cameraOnly}
          </button>
        )}
        <button type="button" className="btn small ghost" onClick={() => void media.retry()}>
          {t.common.retry}
        </button>
      </div>
    </div>
  );
}
