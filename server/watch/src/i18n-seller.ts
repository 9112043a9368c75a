/** 판매자 정보 on the watch page, Korean and English, in the same pattern as i18n.ts. */
import { lang } from './i18n.js';

const ko = {
  link: '판매자 정보',
  title: '판매자 정보',
  empty: '판매자 정보가 등록되지 않았습니다',
  emptyHint: '주문 전에 판매자에게 사업자 정보와 반품 안내를 확인해 주세요.',
  failed: '판매자 정보를 불러오지 못했어요. 잠시 후 다시 열어 주세요.',
  loading: '불러오는 중…',
  businessName: '상호',
  representative: '대표자',
  businessNumber: '사업자등록번호',
  mailOrderNumber: '통신판매업 신고번호',
  mailOrderExempt: '신고 면제 (소규모 통신판매업자)',
  address: '사업장 주소',
  phone: '고객센터',
  email: '이메일',
  returns: '반품·교환 안내',
  period: (days: number) => `상품을 받은 날부터 ${days}일 이내에 반품·교환을 신청할 수 있어요.`,
  fee: (oneWay: string, both: string) => `단순 변심 반품 배송비 ${oneWay} (교환은 왕복 ${both})`,
  returnAddress: '반품 주소',
  privacy: '개인정보 보호책임자',
  seller: '판매자',
  contactLine: (phone: string, email: string) => `고객센터 ${phone} · ${email}`,
};

const en: typeof ko = {
  link: 'Seller info',
  title: 'Seller information',
  empty: 'The seller has not registered their business details.',
  emptyHint: 'Before ordering, ask the seller for their business details and return terms.',
  failed: 'Could not load the seller information. Please open it again in a moment.',
  loading: 'Loading…',
  businessName: 'Business name',
  representative: 'Representative',
  businessNumber: 'Business registration no.',
  mailOrderNumber: 'Mail-order registration no.',
  mailOrderExempt: 'Exempt (small-volume seller)',
  address: 'Business address',
  phone: 'Customer service',
  email: 'E-mail',
  returns: 'Returns and exchanges',
  period: (days) => `You can ask for a return or exchange within ${days} days of receiving the item.`,
  fee: (oneWay, both) => `Return shipping for a change of mind: ${oneWay} (exchanges: ${both} both ways)`,
  returnAddress: 'Return address',
  privacy: 'Privacy officer',
  seller: 'Seller',
  contactLine: (phone, email) => `Customer service ${phone} · ${email}`,
};

export const sl = lang === 'ko' ? ko : en;
