import { useCallback, useEffect, useRef, useState } from 'react';
import type { ObsActionResult, ObsScenes, ObsSettings, ObsStatus, ObsStreamHealth } from '../../../../common/obs.js';
import type { StudioError } from '../../../../common/ipc-contract.js';
import { bridge } from '../../bridge.js';
import { useErrorText } from '../../errors/error-text.js';

export interface ObsActionFailure {
  label: string;
  results: ObsActionResult[];
}

/** OBS as the renderer sees it: connection, scenes with thumbnails, stream health, failed run-down actions. */
export function useObs(enabled: boolean) {
  const [status, setStatus] = useState<ObsStatus | null>(null);
  const [settings, setSettings] = useState<ObsSettings | null>(null);
  const [scenes, setScenes] = useState<ObsScenes | null>(null);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const [health, setHealth] = useState<ObsStreamHealth | null>(null);
  const [failure, setFailure] = useState<ObsActionFailure | null>(null);
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const say = useErrorText();

  useEffect(() => {
    if (!enabled) return;
    const offs = [
      bridge.on('obs.status', setStatus),
      bridge.on('obs.scenes', setScenes),
      bridge.on('obs.thumbnail', (t) => setThumbs((m) => ({ ...m, [t.sceneName]: t.dataUrl }))),
      bridge.on('obs.health', setHealth),
      bridge.on('obs.actionFailed', setFailure),
    ];
    void bridge.invoke('obs.settings.get', {}).then(setSettings, () => undefined);
    void bridge.invoke('obs.status', {}).then(setStatus, () => undefined);
    return () => offs.forEach((off) => off());
  }, [enabled]);

  const connected = status?.state === 'connected';
  // Entered once: when the panel opens on a saved OBS that is not connected, connect with the saved password.
  const autoTried = useRef(false);
  useEffect(() => {
    if (!enabled || autoTried.current || !settings?.saved || status?.state !== 'disconnected') return;
    autoTried.current = true;
    void bridge.invoke('obs.connect', { host: settings.host, port: settings.port }).then(setStatus, () => undefined);
  }, [enabled, settings, status?.state]);
  // Thumbnails only for the scenes on screen, only while connected and shown (bounded in the core too).
  const sceneKey = scenes?.scenes.slice(0, 12).join('\u0000') ?? '';
  useEffect(() => {
    if (!enabled || !connected || !sceneKey) return;
    void bridge.invoke('obs.thumbnails.watch', { sceneNames: sceneKey.split('\u0000') }).catch(() => undefined);
    return () => void bridge.invoke('obs.thumbnails.watch', { sceneNames: [] }).catch(() => undefined);
  }, [enabled, connected, sceneKey]);
  useEffect(() => {
    if (enabled && connected) void bridge.invoke('obs.scenes', {}).then(setScenes, () => undefined);
  }, [enabled, connected]);

  const run = useCallback(async <T>(p: Promise<T>): Promise<T | null> => {
    try {
      const v = await p;
      setError(null);
      return v;
    } catch (e) {
      setError({ code: (e as StudioError).code ?? 'internal', text: say(e) });
      return null;
    }
  }, [say]);

  return {
    status,
    settings,
    scenes,
    thumbs,
    health,
    failure,
    error,
    dismissFailure: () => setFailure(null),
    connect: async (host: string, port: number, password: string) => {
      const s = await run(bridge.invoke('obs.connect', { host, port, ...(password ? { password } : {}) }));
      if (s) {
        setStatus(s);
        setSettings(await bridge.invoke('obs.settings.get', {}));
      }
    },
    disconnect: () => run(bridge.invoke('obs.disconnect', {})).then((s) => s && setStatus(s)),
    switchScene: (sceneName: string) => run(bridge.invoke('obs.switchScene', { sceneName })).then((s) => s && setScenes(s)),
  };
}
export type ObsView = ReturnType<typeof useObs>;
