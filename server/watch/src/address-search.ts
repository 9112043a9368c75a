/**
 * Address search (주소 찾기) behind one interface, like payments (docs/payments.md): the real Korean
 * postcode services (Daum/Kakao 우편번호, 행정안전부 도로명주소 API) need the internet and a key or
 * their script, so the page ships this interface and a clearly marked offline TEST adapter with a
 * handful of real-looking addresses. docs/checkout.md says how a real adapter plugs in.
 */
export interface FoundAddress {
  postcode: string;
  /** 도로명 주소 as the buyer will see it on the label. */
  road: string;
  /** 지번 주소, shown small to help recognise the place. */
  jibun: string;
}

export interface AddressSearchProvider {
  /** True for the offline test adapter: the page says so on screen. */
  readonly isTest: boolean;
  search(query: string, signal?: AbortSignal): Promise<FoundAddress[]>;
}

const SAMPLES: readonly FoundAddress[] = [
  { postcode: '06236', road: '서울특별시 강남구 테헤란로 427', jibun: '서울특별시 강남구 삼성동 159-9' },
  { postcode: '04524', road: '서울특별시 중구 세종대로 110', jibun: '서울특별시 중구 태평로1가 31' },
  { postcode: '48058', road: '부산광역시 해운대구 해운대해변로 264', jibun: '부산광역시 해운대구 우동 1411-1' },
  { postcode: '63309', road: '제주특별자치도 제주시 연동 312-1', jibun: '제주특별자치도 제주시 연동 312-1' },
  { postcode: '63535', road: '제주특별자치도 서귀포시 중문관광로 72번길 75', jibun: '제주특별자치도 서귀포시 색달동 2812-4' },
  { postcode: '40240', road: '경상북도 울릉군 울릉읍 도동길 1', jibun: '경상북도 울릉군 울릉읍 도동리 1' },
  { postcode: '61475', road: '광주광역시 동구 문화전당로 38', jibun: '광주광역시 동구 광산동 13' },
];

/** TEST adapter: searches the samples above by any word of the road or lot address, or the postcode. */
export const testAddressSearch: AddressSearchProvider = {
  isTest: true,
  search(query) {
    const words = query.trim().split(/\s+/).filter(Boolean);
    if (!words.length) return Promise.resolve([]);
    return Promise.resolve(SAMPLES.filter((a) => words.every((w) => a.road.includes(w) || a.jibun.includes(w) || a.postcode === w)));
  },
};
