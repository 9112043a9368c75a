/** Chat text safety: one entry point for the relay, studio and watch page. */
export { checkChatMessage, compileChatFilter, type ChatCheck, type ChatFilterConfig, type ChatFilterInput, type ChatLink, type ChatRefusal } from './chat-filter.js';
export { normalizeChatText, countGraphemes, type NormalizedChatText, type ChatTextProblem } from './normalize.js';
export { CHAT_MAX_GRAPHEMES, CHAT_MAX_LINES } from './limits.js';
export { KOREAN_STARTER_WORDS, KOREAN_ALLOWED_WORDS } from './words-ko.js';
export { ENGLISH_STARTER_WORDS } from './words-en.js';
export { SHORTENER_DOMAINS } from './shorteners.js';
