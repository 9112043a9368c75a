import { useEffect, useRef } from 'react';

/** What each key does in the live view; a missing handler leaves its key alone. */
export interface HostKeyHandlers {
  fireNext?: () => void;
  fireNumber?: (n: number) => void;
  clearCards?: () => void;
  closeCoupon?: () => void;
  closeQuiz?: () => void;
  closePoll?: () => void;
  nextSegment?: () => void;
  prevSegment?: () => void;
  goLive?: () => void;
  endShow?: () => void;
}

/** Physical keys (KeyboardEvent.code), so they work the same with a Korean or any other layout. */
const KEYS: Record<string, keyof HostKeyHandlers> = {
  Space: 'fireNext',
  KeyC: 'clearCards',
  KeyK: 'closeCoupon',
  KeyQ: 'closeQuiz',
  KeyV: 'closePoll',
  KeyN: 'nextSegment',
  KeyP: 'prevSegment',
  KeyG: 'goLive',
  KeyE: 'endShow',
};

export function typingIn(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(type);
}

/**
 * The host's keyboard. Keys are ignored while typing in a field, with Ctrl/⌘/Alt held, on key
 * repeat (holding Space fires one cue, not thirty), while a dialog is open, and while the live
 * view is hidden behind another page. Space is taken from a focused button on purpose: after a
 * click, Space must still mean "next cue", never "press that button again" (Enter still does).
 */
export function useHostKeys(handlers: HostKeyHandlers, active: boolean): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || typingIn(e.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1];
      const h = ref.current;
      if (digit && h.fireNumber && !e.shiftKey) {
        e.preventDefault();
        if (!e.repeat) h.fireNumber(Number(digit));
        return;
      }
      const name = KEYS[e.code];
      const fn = name ? h[name] : undefined;
      if (!fn || e.shiftKey) return;
      e.preventDefault();
      if (!e.repeat) (fn as () => void)();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
