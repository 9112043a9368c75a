import { z } from 'zod';

/**
 * The show's chat (docs/chat.md). Viewers send on their watch socket; the host (studio key) and
 * moderators use HTTP. Everything a viewer receives is plain text: clients render it as text, never
 * as markup, and only links the relay marked clickable become links.
 */

/** Characters a viewer may type; the relay counts after normalising (docs/chat.md). */
export const CHAT_TEXT_MAX = 200;
/** The recent messages a joining viewer gets. */
export const CHAT_HISTORY = 50;
/** What a sender may put on the wire before the relay refuses to look at it. */
const RAW_TEXT_MAX = 2000;

export const ChatRole = z.enum(['viewer', 'host', 'moderator']);
export type ChatRole = z.infer<typeof ChatRole>;

/** A clickable stretch of a message (UTF-16 offsets into `text`): the seller's own or allow-listed domains only. */
export const ChatLink = z.object({ start: z.number().int().min(0), end: z.number().int().min(0), href: z.string().max(2048) });
export type ChatLink = z.infer<typeof ChatLink>;

export const ChatMessage = z.object({
  id: z.string().min(1).max(32),
  role: ChatRole,
  /** The viewer's nickname; empty for the host and moderators (clients show their role's label). */
  nickname: z.string().max(40),
  text: z.string().max(RAW_TEXT_MAX),
  links: z.array(ChatLink).max(10),
  question: z.boolean(),
  /** Relay clock, ms. */
  at: z.number(),
  /**
   * 'all' for everyone. Only the sender sees 'pending' (held for review) and 'self' (the relay hid it from
   * everyone else); they never reach other viewers.
   */
  visibility: z.enum(['all', 'pending', 'self']),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatState = z.object({
  pinned: ChatMessage.nullable(),
  /** Viewers wait this long between their messages (0 = off). Host and moderators never wait. */
  slowModeSec: z.number().int().min(0).max(300),
  /** Only the host and moderators may post. */
  frozen: z.boolean(),
  /** A question the host is answering on air, shown over the video. */
  caption: z.object({ messageId: z.string(), nickname: z.string(), text: z.string() }).nullable(),
});
export type ChatState = z.infer<typeof ChatState>;

/** Viewer → relay, on the watch socket (added to ViewerToRelay). */
export const ChatSend = z.object({
  type: z.literal('chat'),
  /** The client's own id for this send, echoed in the ack. */
  ref: z.string().min(1).max(32),
  text: z.string().max(RAW_TEXT_MAX),
  question: z.boolean().optional(),
});
export const HeartSend = z.object({ type: z.literal('heart'), count: z.number().int().min(1).max(10).optional() });

/** Why a message was not posted; the sender is told, nobody else sees it. */
export const ChatRefusal = z.enum(['nickname_required', 'unknown_viewer', 'frozen', 'slow_mode', 'rate_limited', 'timed_out', 'banned', 'empty', 'too_long', 'banned_word', 'blocked_link', 'show_not_live']);
export type ChatRefusal = z.infer<typeof ChatRefusal>;

/** Relay → viewer (added to RelayToViewer). */
export const CHAT_TO_VIEWER = [
  /** Messages in the order the relay took them; on join, the recent history and the state. */
  z.object({ type: z.literal('chatHistory'), messages: z.array(ChatMessage).max(CHAT_HISTORY), state: ChatState }),
  z.object({ type: z.literal('chat'), message: ChatMessage }),
  z.object({
    type: z.literal('chatAck'),
    ref: z.string().max(32),
    /** The posted message's id, or why it was refused (with when the sender may try again, if that helps). */
    id: z.string().max(32).nullable(),
    refusal: ChatRefusal.nullable(),
    retryAfterMs: z.number().int().min(0).nullable(),
  }),
  z.object({ type: z.literal('chatRemoved'), ids: z.array(z.string().max(32)).max(500) }),
  z.object({ type: z.literal('chatState'), state: ChatState }),
  /** Hearts since the last such message (aggregated: a flood is one small message every half second). */
  z.object({ type: z.literal('hearts'), count: z.number().int().min(1) }),
] as const;

/** What the host and moderators see of a message: also what the viewers do not. */
export const StaffChatEntry = ChatMessage.extend({
  status: z.enum(['visible', 'held', 'hidden', 'deleted', 'rejected']),
  /** The device that sent it (null for the host and moderators): moderation acts on it. */
  viewerId: z.string().nullable(),
  answered: z.boolean(),
  /** Why it was held (a new device from a banned network, hold-all mode); null otherwise. */
  heldFor: z.string().max(80).nullable(),
});
export type StaffChatEntry = z.infer<typeof StaffChatEntry>;

export const ChatSettings = z.object({
  slowModeSec: z.number().int().min(0).max(300),
  frozen: z.boolean(),
  /** Every viewer message waits in the review queue until a moderator approves it. */
  holdAll: z.boolean(),
});
export type ChatSettings = z.infer<typeof ChatSettings>;

const MessageRef = z.object({ messageId: z.string().min(1).max(32) });
const ViewerRef = z.object({ viewerId: z.string().min(16).max(64) });
/** One moderation action (host or moderator); every one is logged with who did it. */
export const ChatAction = z.discriminatedUnion('action', [
  MessageRef.extend({ action: z.literal('delete') }),
  MessageRef.extend({ action: z.literal('pin') }),
  z.object({ action: z.literal('unpin') }),
  MessageRef.extend({ action: z.literal('approve') }),
  MessageRef.extend({ action: z.literal('reject') }),
  /** Marks a question answered; `caption` also shows it over the video while the host answers. */
  MessageRef.extend({ action: z.literal('answer'), caption: z.boolean().optional() }),
  z.object({ action: z.literal('clearCaption') }),
  /** 10 s to 24 h, in this show. */
  ViewerRef.extend({ action: z.literal('timeout'), seconds: z.number().int().min(10).max(86_400) }),
  /** Every show of this seller, until lifted; bound to the device id the relay issued. */
  ViewerRef.extend({ action: z.literal('ban') }),
  /** The viewer's messages reach only the viewer (they are not told). */
  ViewerRef.extend({ action: z.literal('hide') }),
  ViewerRef.extend({ action: z.literal('lift') }),
]);
export type ChatAction = z.infer<typeof ChatAction>;

export const ModerationEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  viewerId: z.string().nullable(),
  messageId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type ModerationEntry = z.infer<typeof ModerationEntry>;

/** The host's (or a moderator's) own message. */
export const StaffChatPost = z.object({ text: z.string().min(1).max(RAW_TEXT_MAX) });
export const StaffChatView = z.object({ entries: z.array(StaffChatEntry), settings: ChatSettings, state: ChatState, hearts: z.number().int().min(0) });
export type StaffChatView = z.infer<typeof StaffChatView>;

export const RelayToViewerChat = z.discriminatedUnion('type', [...CHAT_TO_VIEWER]);
export type RelayToViewerChat = z.infer<typeof RelayToViewerChat>;

export const CreateModeratorLink = z.object({ label: z.string().trim().min(1).max(40) }).strict();
export const ModeratorLink = z.object({
  id: z.string(),
  showId: z.string(),
  label: z.string(),
  /** The moderator page; it carries the token, so share it like a key. */
  url: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ModeratorLink = z.infer<typeof ModeratorLink>;
/** What a moderator page loads: the staff view plus which show it is. */
export const ModeratorChatView = StaffChatView.extend({ showTitle: z.string(), showStatus: z.string(), label: z.string() });
export type ModeratorChatView = z.infer<typeof ModeratorChatView>;

/**
 * The host's own chat helpers, kept in the studio: quick replies (Alt+1…9 inserts one while typing)
 * and an optional notice the studio posts every N minutes while live.
 */
export const HostChatSettings = z.object({
  quickReplies: z.array(z.string().trim().min(1).max(CHAT_TEXT_MAX)).max(9),
  notice: z.object({ text: z.string().trim().min(1).max(CHAT_TEXT_MAX), everyMin: z.number().int().min(1).max(60) }).nullable(),
});
export type HostChatSettings = z.infer<typeof HostChatSettings>;

const Domain = z.string().trim().toLowerCase().min(3).max(253).regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, 'a domain such as shop.example.co.kr');
const Word = z.string().trim().min(1).max(40);
/**
 * The seller's word and link lists (relay-wide; the host and moderators edit them). The show's
 * product links count as the seller's own domains without being listed.
 */
export const ChatLists = z.object({
  ownDomains: z.array(Domain).max(20),
  allowDomains: z.array(Domain).max(50),
  customWords: z.array(Word).max(500),
  allowWords: z.array(Word).max(500),
  /** The Korean and English starter lists (docs/chat-safety.md) on top of the seller's own words. */
  starterLists: z.boolean(),
});
export type ChatLists = z.infer<typeof ChatLists>;
export const DEFAULT_CHAT_LISTS: ChatLists = { ownDomains: [], allowDomains: [], customWords: [], allowWords: [], starterLists: true };
