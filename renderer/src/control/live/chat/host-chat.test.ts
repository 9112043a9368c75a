import { describe, expect, it } from 'vitest';
import type { StaffChatEntry } from '../../../../../common/protocol/chat.js';
import { mentionedProduct, openQuestions } from './question-queue.js';

const entry = (id: string, over: Partial<StaffChatEntry> = {}): StaffChatEntry => ({ id, role: 'viewer', nickname: 'n', text: 't', links: [], question: true, at: 1, visibility: 'all', status: 'visible', viewerId: 'v'.repeat(20), answered: false, heldFor: null, ...over });

describe('host chat', () => {
  it('queues open questions in arrival order, without answered, held or deleted ones or plain messages', () => {
    const q = openQuestions([entry('a'), entry('b', { answered: true }), entry('c', { status: 'held' }), entry('d', { question: false }), entry('e', { status: 'deleted' }), entry('f')]);
    expect(q.map((e) => e.id)).toEqual(['a', 'f']);
  });

  it('finds the product a question names, preferring the longest name, ignoring case and spaces', () => {
    const products = [{ name: '캐시미어 코트' }, { name: '코트' }, { name: 'Wool Scarf' }];
    expect(mentionedProduct('캐시미어코트 M 사이즈 있나요?', products)?.name).toBe('캐시미어 코트');
    expect(mentionedProduct('코트 색상 뭐 있어요', products)?.name).toBe('코트');
    expect(mentionedProduct('wool scarf 세탁은요?', products)?.name).toBe('Wool Scarf');
    expect(mentionedProduct('배송 언제 와요?', products)).toBeNull();
  });
});
