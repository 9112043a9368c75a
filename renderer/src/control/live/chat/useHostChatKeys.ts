import { useEffect, useRef } from 'react';
import { typingIn } from '../useHostKeys.js';

export interface HostChatKeys {
  focusReply: () => void;
  answerTop: () => void;
  clearCaption: () => void;
}

/** Physical keys, as the rest of the live view: R reply, A answer the top question (on screen), X take the caption down. */
const KEYS: Record<string, keyof HostChatKeys> = { KeyR: 'focusReply', KeyA: 'answerTop', KeyX: 'clearCaption' };

/** The chat's keys, under the live view's rules: not while typing, with modifiers, on repeat or with a dialog open. */
export function useHostChatKeys(handlers: HostChatKeys): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const name = KEYS[e.code];
      if (!name || e.repeat || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (document.querySelector('dialog[open], [role="dialog"]')) return;
      e.preventDefault();
      ref.current[name]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
