import { CHAT_TEXT_MAX } from '../protocol/chat.js';

/** Chat text limits: the relay, studio and watch page all count the same way. */

/** Longest chat message, in grapheme clusters (what a person sees as one character: 한, 👍🏽, é); the protocol's limit. */
export const CHAT_MAX_GRAPHEMES = CHAT_TEXT_MAX;

/**
 * A chat message is at most this many lines; further line breaks become spaces. One, as the chat
 * protocol decided (docs/chat.md: a chat line is one line in the phone overlay); the code allows more.
 */
export const CHAT_MAX_LINES = 1;

/** Clickable links per message (the protocol's ChatMessage.links holds at most 10); further ones stay text. */
export const CHAT_MAX_CLICKABLE_LINKS = 10;

/**
 * Raw input longer than this (UTF-16 units) is refused as too long before any other work, so a
 * 10 KB paste costs the relay nothing. Generous: 200 emoji ZWJ sequences with skin tones fit.
 */
export const CHAT_MAX_RAW_UNITS = 2000;

/** Combining marks kept after one base character (Zalgo floods are cut here). */
export const CHAT_MAX_MARKS_PER_BASE = 3;
