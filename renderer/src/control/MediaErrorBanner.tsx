import type { RelayStatus } from '../../../common/ipc-contract.js';
import type { LiveState } from '../../../common/live-state.js';
import { codeText, errorText } from '../errors/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import type { PublishError } from '../live/publisher.js';

/** Media-engine trouble and publish errors, in the seller's words, with what to do next. */
export function MediaErrorBanner({ error, state, relayStatus }: { error: PublishError | null; state: LiveState; relayStatus: RelayStatus | null }) {
  const { t, lang } = useI18n();
  const lines: string[] = [];
  const engine = relayStatus?.reachable ? relayStatus.mediaEngine : null;
  if (engine === 'down') lines.push(t.banner.mediaDown);
  if (engine === 'starting') lines.push(t.banner.mediaStarting);
  if (error) {
    const said = error.cause === undefined ? codeText(error.code, error.message, t, lang) : errorText(error.cause, t, lang);
    if (error.code === 'media_failed') lines.push(t.banner.mediaFailed);
    else if (error.code === 'end_failed') lines.push(`${t.banner.endFailed} ${said}`);
    else if (state.kind === 'reconnecting') lines.push(`${t.banner.stillTrying} ${said}`);
    else if (error.code === 'media_unavailable') lines.push(said);
    else lines.push(`${t.banner.publishFailed} ${said}`);
  }
  if (!lines.length) return null;
  const severe = engine === 'down' || state.kind === 'failed' || error?.code === 'end_failed';
  return (
    <div className={`banner ${severe ? 'banner-error' : 'banner-warn'}`} role="alert" data-testid="media-error">
      <div>
        {lines.map((l) => (
          <p key={l}>{l}</p>
        ))}
      </div>
    </div>
  );
}
