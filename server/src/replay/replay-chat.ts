import { REPLAY_CHAT_MAX, replaySecOf, type ReplayChat } from '../../../common/replay/replay-view.js';
import type { ReplayTimeline } from '../../../common/replay/timeline.js';
import { publicOf, type ChatStore } from '../chat/chat-store.js';

/**
 * The chat beside the replay (docs/replay.md): what everyone saw live, each message at the replay
 * second of its relay time, placed like an unstamped cue (before the recording began: 0; after its
 * end: left out). Moderation after the fact counts: a message deleted later is not replayed.
 */
export function replayChat(chat: ChatStore, timeline: ReplayTimeline, showId: string): ReplayChat {
  const lines: ReplayChat['lines'] = [];
  for (const m of chat.visible(showId, REPLAY_CHAT_MAX)) {
    const atSec = replaySecOf(timeline, m.at);
    if (atSec !== null) lines.push({ atSec, message: publicOf(m) });
  }
  return { lines };
}
