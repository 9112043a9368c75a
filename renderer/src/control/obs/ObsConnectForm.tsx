import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { ObsView } from './useObs.js';

/** Address, port and password once; the password is kept like the studio key. */
export function ObsConnectForm({ obs }: { obs: ObsView }) {
  const { t } = useI18n();
  const o = t.obs;
  const [host, setHost] = useState('127.0.0.1');
  const [port, setPort] = useState('4455');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!obs.settings) return;
    setHost(obs.settings.host);
    setPort(String(obs.settings.port));
  }, [obs.settings]);
  const submit = async () => {
    setBusy(true);
    await obs.connect(host.trim(), Number(port), password);
    setBusy(false);
    setPassword('');
  };
  return (
    <form
      className="obs-connect"
      data-testid="obs-connect-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{o.connect.title}</h3>
      <p className="muted small">{o.connect.lead}</p>
      <div className="obs-connect-row">
        <label className="field">
          <span className="field-label">{o.connect.host}</span>
          <input data-testid="obs-host" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" />
        </label>
        <label className="field obs-port">
          <span className="field-label">{o.connect.port}</span>
          <input data-testid="obs-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} />
        </label>
      </div>
      <label className="field">
        <span className="field-label">{o.connect.password}</span>
        <input data-testid="obs-password" type="password" value={password} placeholder={obs.settings?.hasPassword ? o.connect.passwordKeep : ''} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
      </label>
      {obs.settings && <p className="muted small">{o.connect.storage[obs.settings.passwordStorage]}</p>}
      <button type="submit" className="btn primary" data-testid="obs-connect-button" disabled={busy || !host.trim() || !port}>
        {busy ? o.connect.connecting : o.connect.connect}
      </button>
    </form>
  );
}
