/** The live shelf (improvising without the run-down), both languages. */
export const shelfEn = {
  title: 'Shelf',
  hint: 'Type to find, ↑↓ to choose, Enter to show viewers. Press / to search.',
  search: 'Search products, coupons, quizzes, polls',
  empty: 'Nothing matches.',
  emptyCatalog: 'The catalog is empty: add products in Catalog.',
  kind: { product: 'Product', coupon: 'Coupon', quiz: 'Quiz', poll: 'Poll' },
  stock: (n: number) => (n === 0 ? 'sold out' : `${n} in stock`),
  recent: 'recent',
  show: 'Show',
  notLive: 'Go live (or rehearse) to show things from the shelf.',
};

export const shelfKo: typeof shelfEn = {
  title: '진열대',
  hint: '입력해서 찾고 ↑↓로 고른 뒤 Enter를 누르면 시청자에게 보입니다. /를 누르면 검색합니다.',
  search: '상품, 쿠폰, 퀴즈, 투표 검색',
  empty: '일치하는 항목이 없습니다.',
  emptyCatalog: '카탈로그가 비어 있습니다. 카탈로그에서 상품을 추가하세요.',
  kind: { product: '상품', coupon: '쿠폰', quiz: '퀴즈', poll: '투표' },
  stock: (n: number) => (n === 0 ? '품절' : `재고 ${n}개`),
  recent: '최근',
  show: '보이기',
  notLive: '방송(또는 리허설)을 시작하면 진열대에서 바로 보여 줄 수 있습니다.',
};
