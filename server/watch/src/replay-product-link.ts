import { Id } from '../../../common/commerce/catalog.js';
import { stageAtReplaySec, type ReadyReplay, type ReplayChapter } from '../../../common/replay/replay-view.js';
import type { ProductCard } from '../../../common/stage.js';

/**
 * A clip page's Buy lands on the watch link with `?product=<id>` (docs/clips.md). In the replay
 * that means: the product's chapter (the first moment it was shown) and its card as the host showed
 * it then, to open its checkout over. Null when the parameter is missing, malformed, or names a
 * product this replay never showed.
 */
export function productFromLink(search: string, replay: Pick<ReadyReplay, 'chapters' | 'cues' | 'spans'>): { chapter: ReplayChapter; card: ProductCard } | null {
  const id = Id.safeParse(new URLSearchParams(search).get('product'));
  if (!id.success) return null;
  // The product's own chapter is the moment its card went up; a segment naming it may start before that.
  const chapter = replay.chapters.find((ch) => ch.kind === 'product' && ch.productId === id.data) ?? replay.chapters.find((ch) => ch.productId === id.data);
  if (!chapter) return null;
  const card = stageAtReplaySec(replay.cues, replay.spans, chapter.atSec).pinned.find((p) => p.productId === id.data);
  return card ? { chapter, card } : null;
}
