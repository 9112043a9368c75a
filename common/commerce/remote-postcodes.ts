/**
 * Korean 5-digit postcodes (국가기초구역번호, since 2015) that couriers charge extra to reach:
 * Jeju (제주) and the islands and remote places (도서산간). One data table, used by the shipping
 * formula in shipping.ts on the relay (authoritative) and on the watch page (the quote shown).
 *
 * Sources: Jeju-do is 63000–63644 (우정사업본부 zone table). The 도서산간 ranges are the list
 * Korean couriers and shop platforms publish for "도서산간 추가배송비" (CJ대한통운's list as
 * reproduced by shop builders and in namu.wiki "도서산간지역" §3); couriers differ slightly, so a
 * seller whose courier uses another list changes this table (docs/checkout.md). Jeju's own
 * off-shore islands (추자도, 우도) count as islands, not Jeju: the courier adds the ferry.
 */
export type RemoteZone = 'mainland' | 'jeju' | 'island';

type Range = readonly [from: number, to: number, where: string];

/** Off-shore places inside Jeju-do: island rate, checked before the Jeju range. */
const JEJU_ISLANDS: readonly Range[] = [
  [63000, 63001, '제주 추자면'],
  [63365, 63365, '제주 우도면'],
];

export const JEJU: Range = [63000, 63644, '제주특별자치도'];

export const ISLANDS: readonly Range[] = [
  [22386, 22388, '인천 중구 (섬)'],
  [23004, 23010, '인천 옹진군'],
  [23100, 23116, '인천 옹진군'],
  [23124, 23136, '인천 옹진군'],
  [32133, 32133, '충남 태안군 (섬)'],
  [33411, 33411, '충남 보령시 (섬)'],
  [40200, 40240, '경북 울릉군'],
  [46768, 46771, '부산 강서구 (섬)'],
  [52570, 52571, '경남 사천시 (섬)'],
  [53031, 53033, '경남 통영시 (섬)'],
  [53089, 53104, '경남 통영시 (섬)'],
  [54000, 54000, '전북 군산시 (섬)'],
  [56347, 56349, '전북 부안군 (섬)'],
  [57068, 57069, '전남 영광군 (섬)'],
  [58760, 58762, '전남 목포시 (섬)'],
  [58800, 58810, '전남 신안군'],
  [58816, 58818, '전남 신안군'],
  [58826, 58826, '전남 신안군'],
  [58828, 58866, '전남 신안군'],
  [58953, 58958, '전남 진도군 (섬)'],
  [59102, 59103, '전남 완도군 (섬)'],
  [59106, 59106, '전남 완도군 (섬)'],
  [59127, 59127, '전남 완도군 (섬)'],
  [59137, 59166, '전남 완도군 (섬)'],
  [59421, 59421, '전남 고흥군 (섬)'],
  [59531, 59531, '전남 여수시 (섬)'],
  [59551, 59551, '전남 여수시 (섬)'],
  [59563, 59563, '전남 여수시 (섬)'],
  [59568, 59568, '전남 여수시 (섬)'],
  [59650, 59650, '전남 여수시 (섬)'],
  [59766, 59766, '전남 여수시 (섬)'],
  [59781, 59790, '전남 여수시 (섬)'],
  ...JEJU_ISLANDS,
];

const inRange = (n: number, [from, to]: Range) => n >= from && n <= to;

/** Only a 5-digit Korean postcode is placed; anything else (old 6-digit, foreign) counts as mainland. */
export function remoteZoneOf(postcode: string): RemoteZone {
  const digits = postcode.replace(/[\s-]/g, '');
  if (!/^[0-9]{5}$/.test(digits)) return 'mainland';
  const n = Number(digits);
  if (ISLANDS.some((r) => inRange(n, r))) return 'island';
  if (inRange(n, JEJU)) return 'jeju';
  return 'mainland';
}
