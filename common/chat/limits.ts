/** Chat text limits, declared once: the relay, studio and watch page all count the same way. */

/** Longest chat message, in grapheme clusters (what a person sees as one character: 한, 👍🏽, é). */
export const CHAT_MAX_GRAPHEMES = 200;

/** A chat message is at most this many lines; further line breaks become spaces. */
export const CHAT_MAX_LINES = 3;

/**
 * Raw input longer than this (UTF-16 units) is refused as too long before any other work, so a
 * 10 KB paste costs the relay nothing. Generous: 200 emoji ZWJ sequences with skin tones fit.
 */
export const CHAT_MAX_RAW_UNITS = 2000;

/** Combining marks kept after one base character (Zalgo floods are cut here). */
export const CHAT_MAX_MARKS_PER_BASE = 3;
