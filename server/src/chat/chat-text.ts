import { CHAT_TEXT_MAX, type ChatLink } from '../../../common/protocol/chat.js';

export type TextVerdict =
  | { ok: true; text: string; links: ChatLink[] }
  | { ok: false; reason: 'empty' | 'too_long' | 'banned_word' | 'blocked_link'; detail?: string };

/** Normalises a message's text and judges it (banned words, links). */
export interface ChatText {
  check(raw: string): TextVerdict;
}

// Bidi controls, zero-width and other invisible format characters, C0/C1 controls (a line break is a space).
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The floor every message passes even without word or link lists: NFC, invisible and direction
 * characters removed, whitespace collapsed to single spaces, at most CHAT_TEXT_MAX characters
 * (grapheme clusters, so an emoji or a Hangul syllable counts once). No link is clickable.
 */
export const plainChatText: ChatText = {
  check(raw) {
    const text = raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
    if (text === '') return { ok: false, reason: 'empty' };
    let n = 0;
    for (const _ of segmenter.segment(text)) if (++n > CHAT_TEXT_MAX) return { ok: false, reason: 'too_long' };
    return { ok: true, text, links: [] };
  },
};
