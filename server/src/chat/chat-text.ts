import type { ChatLink } from '../../../common/protocol/chat.js';

export type TextVerdict =
  | { ok: true; text: string; links: ChatLink[] }
  | { ok: false; reason: 'empty' | 'too_long' | 'banned_word' | 'blocked_link'; detail?: string };

/** Normalises a message's text and judges it (banned words, links). */
export interface ChatText {
  check(raw: string): TextVerdict;
}
