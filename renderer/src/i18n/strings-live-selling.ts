/** Live stock, 라이브 특가 and 재입고 알림 in the host view (docs/live-selling.md), both languages. */
export const liveSellingEn = {
  title: 'Live stock & specials',
  stock: (n: number) => (n === 0 ? 'sold out' : `${n} in stock`),
  addTen: '+10',
  setTo: 'Set stock to',
  apply: 'Apply',
  waiting: (n: number) => `${n} waiting for restock`,
  conflict: (seen: number, now: number) => `Stock changed while you typed (you saw ${seen}, now ${now}). Nothing was overwritten: check and apply again.`,
  failed: (m: string) => `Could not change: ${m}`,
  specialPrice: 'Special price',
  minutes: 'Minutes',
  start: 'Start special',
  end: 'End now',
  running: (left: string) => `Special on · ${left} left`,
  restocked: (n: number) => (n > 0 ? `Restocked · ${n} waiting viewers told` : 'Restocked'),
};

export const liveSellingKo: typeof liveSellingEn = {
  title: '실시간 재고 · 라이브 특가',
  stock: (n: number) => (n === 0 ? '품절' : `재고 ${n}개`),
  addTen: '+10',
  setTo: '재고 수정',
  apply: '적용',
  waiting: (n: number) => `${n}명 재입고 알림 대기`,
  conflict: (seen: number, now: number) => `입력하는 사이 재고가 바뀌었습니다(보신 값 ${seen}개, 현재 ${now}개). 덮어쓰지 않았으니 확인 후 다시 적용하세요.`,
  failed: (m: string) => `변경하지 못했습니다: ${m}`,
  specialPrice: '특가',
  minutes: '분',
  start: '라이브 특가 시작',
  end: '지금 종료',
  running: (left: string) => `특가 진행 중 · ${left} 남음`,
  restocked: (n: number) => (n > 0 ? `재입고 완료 · 대기 시청자 ${n}명에게 알림` : '재입고 완료'),
};
