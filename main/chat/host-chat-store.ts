import { HostChatSettings } from '../../common/protocol/chat.js';
import { parseInput, parseStored } from '../catalog/store-util.js';
import type { StudioDb } from '../store/studio-db.js';

const KEY = 'hostChat';

/** Starters a Korean seller edits: shipping, sizes, payment; no notice until the seller writes one. */
export const DEFAULT_HOST_CHAT: HostChatSettings = {
  quickReplies: ['주문 후 1~2일 안에 출고돼요. 제주·도서산간은 하루 더 걸려요.', '사이즈는 상품 카드의 "자세히"에서 실측을 확인해 주세요.', '무통장 입금은 주문 완료 화면의 계좌로 보내 주세요.'],
  notice: null,
};

/** Quick replies and the repeating notice, one checked JSON value in the studio's settings table. */
export class HostChatStore {
  constructor(private readonly db: StudioDb) {}

  get(): HostChatSettings {
    const raw = this.db.getSetting(KEY);
    if (raw === null) return DEFAULT_HOST_CHAT;
    let value: unknown = null;
    try {
      value = JSON.parse(raw);
    } catch {
      /* corrupted: parseStored says so */
    }
    return parseStored(HostChatSettings, value, 'chat settings');
  }

  save(input: unknown): HostChatSettings {
    const settings = parseInput(HostChatSettings, input);
    this.db.setSetting(KEY, JSON.stringify(settings));
    return settings;
  }
}
