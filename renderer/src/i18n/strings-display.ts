/** The host's choice of what viewers see over the video (docs/phone-layout.md), both languages. */
export const displayEn = {
  title: "On viewers' screens",
  hint: 'Fewer overlays leave more of the picture. Changes reach viewers at once, also during the show.',
  purchases: 'Purchase notices',
  purchasesHint: 'the "… just bought" notices, over the video and in the chat',
  stock: 'Stock counters',
  stockHint: '"5 left" on product cards and coupons (Sold out always shows)',
  results: 'Quiz and poll results',
  resultsHint: 'poll tallies and quiz results (a winner still sees their prize)',
  couponBanner: 'Coupon drop banner',
  couponBannerHint: 'off: a coupon drop waits as a small button viewers tap to open',
  saving: 'Saving…',
  failed: 'Could not change it:',
};

export const displayKo: typeof displayEn = {
  title: '시청자 화면에 표시',
  hint: '표시를 줄이면 영상이 더 많이 보입니다. 방송 중에도 바꾸면 시청자 화면에 바로 반영됩니다.',
  purchases: '구매 알림',
  purchasesHint: '영상 위와 채팅의 "○○님이 구매했어요" 알림',
  stock: '남은 수량',
  stockHint: '상품 카드와 쿠폰의 "5개 남음" (품절은 항상 표시)',
  results: '퀴즈·투표 결과',
  resultsHint: '투표 집계와 퀴즈 결과 (당첨자에게는 당첨 안내가 보입니다)',
  couponBanner: '쿠폰 배너',
  couponBannerHint: '끄면 쿠폰이 작은 버튼으로만 나타나고, 시청자가 눌러서 엽니다',
  saving: '저장 중…',
  failed: '바꾸지 못했습니다:',
};
