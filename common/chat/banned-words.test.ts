import { describe, expect, it } from 'vitest';
import { compileWordFilter } from './banned-words.js';
import { normalizeChatText } from './normalize.js';

const filter = compileWordFilter({ customWords: ['짝퉁', 'scam', 'a'], allowWords: ['미친놈 떡볶이', 'Dickens'] });
const check = (raw: string) => {
  const n = normalizeChatText(raw);
  if (!n.ok) throw new Error(n.problem.kind);
  return filter.check(n.text, n.matching);
};

describe('Korean banned words', () => {
  it.each([
    ['시발', '시발'], ['시 발', '시발'], ['시1발', '시발'], ['시.발', '시발'], ['시_발!!', '시발'], ['시a발', '시발'],
    ['ㅅㅂ', 'ㅅㅂ'], ['ㅅ ㅂ', 'ㅅㅂ'], ['ㅆㅂ 뭐야', 'ㅆㅂ'], ['ㅅㅣㅂㅏㄹ', '시발'], ['\u1109\u1175\u1107\u1161\u11AF', '시발'],
    ['시이이발', '시발'], ['시시시발', '시발'], ['씨~~~발', '씨발'], ['씨\u200B발', '씨발'], ['ㅅ\u200Bㅂ', 'ㅅㅂ'],
    ['병 신 같네', '병신'], ['개새끼야', '개새끼'], ['씹새끼', '씹새끼'], ['미친놈아', '미친놈'], ['닥쳐', '닥쳐'], ['ㅄ', 'ㅄ'],
    ['너 진짜 시발 짜증나', '시발'],
  ])('blocks %j (entry %j)', (raw, entry) => {
    expect(check(raw)).toMatchObject({ matched: true, entry });
  });

  it.each([
    '시발점이 어디예요?', '시발역에서 만나요', '수박씨발라먹기', '수박씨 발라 먹어요', '18세 이상 구매 가능', '18년 동안 장사했어요', '180cm 18사이즈',
    '미친 듯이 좋아요', '미친 가성비', '다시 발송해 주세요', '다시발송해주세요', '배송 시 발생하는 비용', '곳보다 좋아요', '시바견 귀여워',
    '껌 씹어도 되나요', '곱씹어 보니', '강아지 새끼 귀엽다', '꺼져가는 불빛', '닥쳐오는 겨울', '사이즈 문의 드려요', 'ㅋㅋㅋㅋ ㅎㅎ ㅠㅠ',
  ])('does not block %j', (raw) => {
    expect(check(raw)).toEqual({ matched: false });
  });

  it('seller custom words match the same tolerant way, and the allow-list masks them', () => {
    expect(check('이거 짝 퉁 아니죠?')).toEqual({ matched: true, list: 'custom', entry: '짝퉁' });
    expect(check('미친놈 떡볶이 맛있어요')).toEqual({ matched: false });
  });
});

describe('English banned words (obscenity + custom)', () => {
  it.each([['fuck you', 'fuck'], ['FUCK', 'fuck'], ['fück', 'fuck'], ['ｆｕｃｋ', 'fuck'], ['sh1t', 'shit'], ['5h17', 'shit'], ['this is a scam', 'scam'], ['tlqkf', 'tlqkf'], ['ssibal', 'ssibal']])(
    'blocks %j',
    (raw, entry) => expect(check(raw)).toMatchObject({ matched: true, entry }),
  );

  it.each(['Scunthorpe', 'assassin', 'class', 'scampi are tasty', 'Dickens novel', '좋아요 a 상품', 't171354471307 주문했어요', '송장 T1713 맞나요'])('does not block %j', (raw) => {
    expect(check(raw)).toEqual({ matched: false });
  });

  it('rejects custom entries it cannot match sensibly', () => {
    expect(filter.rejected).toEqual([{ word: 'a', why: 'too_short' }]);
    expect(compileWordFilter({ customWords: ['[x]?'] }).rejected).toEqual([{ word: '[x]?', why: 'unsupported_characters' }]);
  });

  it('starter lists can be switched off', () => {
    const own = compileWordFilter({ starterLists: false, customWords: ['짝퉁'] });
    const n = normalizeChatText('시발 fuck 짝퉁');
    if (!n.ok) throw new Error();
    expect(own.check('시발 fuck', '시발 fuck')).toEqual({ matched: false });
    expect(own.check(n.text, n.matching)).toMatchObject({ matched: true, entry: '짝퉁' });
  });
});
