import { useState, type FormEvent } from 'react';
import { StudioError, type RelaySettings } from '../../../common/ipc-contract.js';
import { RELAY_SETTINGS_ERRORS } from '../../../common/relay-settings.js';
import { bridge } from '../bridge.js';
import { useI18n } from '../i18n/i18n.js';
import type { Strings } from '../i18n/strings.js';
import { useErrorText } from '../errors/error-text.js';

interface Props {
  settings: RelaySettings;
  onConnected: (s: RelaySettings) => void;
  onCancel?: () => void;
}

/** Relay address + studio key; used full-page at first start and in the Settings dialog. */
export function ConnectForm({ settings, onConnected, onCancel }: Props) {
  const { t } = useI18n();
  const say = useErrorText();
  const [relayUrl, setRelayUrl] = useState(settings.relayUrl);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; said: string } | null>(null);
  // The saved key is kept only for the address it was entered for (the core enforces it; this says it up front).
  const sameRelay = origin(relayUrl.trim()) === origin(settings.relayUrl);
  const keepsKey = settings.hasKey && sameRelay;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = key.trim();
      onConnected(await bridge.invoke('settings.connect', { relayUrl: relayUrl.trim(), ...(trimmed ? { studioKey: trimmed } : {}) }));
    } catch (err) {
      setError({ code: err instanceof StudioError ? err.code : 'internal', said: say(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card connect-card" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t.connect.title}</h1>
      <p className="lead">{t.connect.lead}</p>

      <label className="field">
        <span className="field-label">{t.connect.relayUrl}</span>
        <input data-testid="relay-url-input" type="url" value={relayUrl} onChange={(e) => setRelayUrl(e.target.value)} autoComplete="url" spellCheck={false} required />
        <span className="field-hint">{t.connect.relayUrlHint}</span>
      </label>

      <label className="field">
        <span className="field-label">{t.connect.studioKey}</span>
        <input
          data-testid="studio-key-input"
          type="password"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          placeholder={keepsKey ? t.connect.studioKeyKeep : settings.hasKey ? t.connect.studioKeyNewRelay : ''}
          autoComplete="off"
          spellCheck={false}
        />
        <span className="field-hint key-storage">
          <LockIcon /> {t.connect.storage[settings.keyStorage]}
        </span>
      </label>

      {error && (
        <div className="form-error" role="alert" data-testid="connect-error">
          {connectText(error, t.connect, settings.hasKey, relayUrl) ?? (
            <>
              {error.said}
              {error.code === 'relay_unreachable' && <span className="form-error-hint">{t.connect.unreachableHint}</span>}
            </>
          )}
        </div>
      )}

      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn ghost" onClick={onCancel}>
            {t.common.cancel}
          </button>
        )}
        <button type="submit" className="btn primary" data-testid="connect-button" disabled={busy || !relayUrl.trim()}>
          {busy ? t.connect.connecting : t.connect.connect}
        </button>
      </div>
    </form>
  );
}

/** The form's own words for the refusals it can name; null for the rest (said by errors/error-text.ts). */
function connectText(error: { code: string }, words: Strings['connect'], hadKey: boolean, relayUrl: string): string | null {
  switch (error.code) {
    case 'unauthorized':
      return words.keyWrong;
    case RELAY_SETTINGS_ERRORS.keyNeeded:
      return hadKey ? words.keyForNewRelay : words.keyNeeded;
    case RELAY_SETTINGS_ERRORS.notHttps:
      return words.httpsRequired;
    case 'bad_request':
      // The address or the key failed the request's schema; a short key is a wrong key.
      return origin(relayUrl.trim()) === null || relayUrl.includes('@') ? words.badAddress : words.keyWrong;
    default:
      return null;
  }
}

function origin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function LockIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.2">
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}
