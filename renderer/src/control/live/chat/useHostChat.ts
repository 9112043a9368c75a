import { useCallback, useEffect, useState } from 'react';
import type { ChatAction, ChatSettings, ChatState, StaffChatEntry } from '../../../../../common/protocol/chat.js';
import { bridge } from '../../../bridge.js';
import { useErrorText } from '../../../errors/error-text.js';

export interface HostChat {
  entries: StaffChatEntry[];
  state: ChatState | null;
  settings: ChatSettings | null;
  hearts: number;
  error: string | null;
  post: (text: string) => Promise<boolean>;
  act: (action: ChatAction) => Promise<void>;
  setSettings: (s: ChatSettings) => Promise<void>;
}

const KEEP = 300;

/** A show's chat for the host: one read, then every relay.chat / relay.chatState event. */
export function useHostChat(showId: string): HostChat {
  const [entries, setEntries] = useState<StaffChatEntry[]>([]);
  const [state, setState] = useState<ChatState | null>(null);
  const [settings, setSettingsState] = useState<ChatSettings | null>(null);
  const [hearts, setHearts] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const say = useErrorText();

  useEffect(() => {
    let alive = true;
    void bridge.invoke('chat.view', { showId }).then(
      (v) => {
        if (!alive) return;
        setEntries(v.entries);
        setState(v.state);
        setSettingsState(v.settings);
        setHearts(v.hearts);
      },
      (e: unknown) => alive && setError(say(e)),
    );
    const offEntry = bridge.on('relay.chat', (p) => {
      if (p.showId !== showId) return;
      setEntries((cur) => {
        const i = cur.findIndex((e) => e.id === p.entry.id);
        if (i >= 0) return cur.map((e, j) => (j === i ? p.entry : e));
        return [...cur, p.entry].slice(-KEEP);
      });
    });
    const offState = bridge.on('relay.chatState', (p) => {
      if (p.showId !== showId) return;
      setState(p.state);
      setSettingsState(p.settings);
    });
    return () => {
      alive = false;
      offEntry();
      offState();
    };
  }, [showId, say]);

  const post = useCallback(
    (text: string) =>
      bridge.invoke('chat.post', { showId, text }).then(
        () => (setError(null), true),
        (e: unknown) => (setError(say(e)), false),
      ),
    [showId, say],
  );
  const act = useCallback(
    (action: ChatAction) =>
      bridge.invoke('chat.act', { showId, action }).then(
        () => setError(null),
        (e: unknown) => setError(say(e)),
      ),
    [showId, say],
  );
  const setSettings = useCallback(
    (s: ChatSettings) =>
      bridge.invoke('chat.settings', { showId, settings: s }).then(
        (saved) => (setSettingsState(saved), setError(null)),
        (e: unknown) => setError(say(e)),
      ),
    [showId, say],
  );
  return { entries, state, settings, hearts, error, post, act, setSettings };
}
