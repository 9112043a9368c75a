import type { ProductCard } from '../../../../common/stage.js';
import type { CommerceStore } from '../commerce-store.js';
import { c } from '../i18n-commerce.js';
import { NicknameField } from '../NicknameField.js';
import { Sheet } from '../Sheet.js';
import { ChatPanel } from './ChatPanel.js';
import type { ChatStore } from './chat-store.js';
import { tc } from './i18n-chat.js';

/**
 * The chat as a sheet: under the picture on a phone (the picture shrinks, nothing covers it, and the
 * keyboard pushes the sheet, not the video), beside it on a desktop. The host's pinned products
 * stay one tap from Buy at the top of the sheet.
 */
export function ChatSheet({ chat, commerce, nickname, pinned, onBuy, onClose }: { chat: ChatStore; commerce: CommerceStore; nickname: string | null; pinned: readonly ProductCard[]; onBuy: (card: ProductCard) => void; onClose: () => void }) {
  return (
    <Sheet title={tc.chat} onClose={onClose} testId="chat-sheet">
      {pinned.length > 0 && (
        <div className="chat-buy-strip" data-testid="chat-buy-strip">
          {pinned.map((p) => (
            <button key={p.productId} type="button" className="chat-buy" onClick={() => onBuy(p)} disabled={p.stock === 0}>
              <span className="chat-buy-name">{p.name}</span>
              <span className="chat-buy-cta">{p.stock === 0 ? c.optionSoldOut : c.buy}</span>
            </button>
          ))}
        </div>
      )}
      {nickname === null && <NicknameField commerce={commerce} compact />}
      <ChatPanel chat={chat} hasNickname={nickname !== null} onNeedNickname={() => undefined} />
    </Sheet>
  );
}
