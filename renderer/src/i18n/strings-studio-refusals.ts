import type { RefusalArgs } from '../../../common/refusals.js';
import type { studioRefusals } from '../../../common/refusals/studio.js';

/**
 * The studio core's refusals outside the catalog (common/refusals/studio.ts) in the seller's words.
 * One entry per declared reason, typed by its arguments, so a new reason does not build until both
 * languages say it. `handoffRefusedByRelay` gets the relay's code already said (strings-errors.ts).
 */
type Reason = keyof typeof studioRefusals;
type Said = { [R in Exclude<Reason, 'handoffRefusedByRelay'>]: (a: RefusalArgs<R>) => string };
export type StudioRefusalStrings = Said & { handoffRefusedByRelay: (codeLine: string) => string };

type Target = { name: string | null; id: string };
const kindEn = { product: 'product', coupon: 'coupon', quiz: 'quiz', poll: 'poll' } as const;
const namesEn = (kind: keyof typeof kindEn, ts: Target[]) => ts.map((t) => (t.name === null ? `a deleted ${kindEn[kind]}` : `“${t.name}”`)).join(', ');

export const studioRefusalsEn: StudioRefusalStrings = {
  rundownGone: () => 'This run-down was already deleted (perhaps in another window).',
  segmentIdRepeated: () => 'Two segments of the run-down are the same segment. Remove one of them and save again.',
  cueIdRepeated: (a) => `Two cues are the same cue (in “${a.otherSegment}”${a.otherSegment === a.segment ? '' : ` and “${a.segment}”`}). Remove one of them and save again.`,
  cueTargetGone: (a) => `This cue uses ${kindEn[a.kind]} ${namesEn(a.kind, a.targets)}, no longer in the catalog. Edit the cue in the run-down, or add it to the catalog again.`,
  cueNotSendable: () => 'This cue cannot be sent as it is. Check what it shows in the catalog and in the run-down.',
  handoffCatalogInvalid: () => 'The show’s products could not be handed to the relay. Check the products, coupons and payment settings, then try again.',
  handoffRefusedByRelay: (codeLine) => `The relay did not take the show’s products and payment settings. ${codeLine}`,
  noPaymentMethod: () => 'Turn on at least one way to pay (bank transfer, cash on delivery or card).',
  clipNotReady: () => 'This clip is not cut yet (or was deleted).',
  clipNoThumbnail: () => 'This clip has no thumbnail yet.',
  clipThumbnailTooLarge: () => 'This clip’s thumbnail is too large to show.',
  relayAddressInvalid: () => 'This is not a relay address. Enter it as https://… .',
  relayAddressHasCredentials: () => 'A relay address must not contain a user name or password.',
  relayNotHttps: (a) => `Use https:// for a relay on another machine (${a.host}); http:// is only for a relay on this computer.`,
  studioKeyNeeded: (a) => (a.otherRelay ? `Enter the studio key for ${a.origin}. The saved key belongs to another relay and is not sent elsewhere.` : 'Enter the studio key the relay printed when it first started.'),
};

const kindKo = { product: '상품', coupon: '쿠폰', quiz: '퀴즈', poll: '투표' } as const;
const namesKo = (kind: keyof typeof kindKo, ts: Target[]) => ts.map((t) => (t.name === null ? `삭제된 ${kindKo[kind]}` : `“${t.name}”`)).join(', ');

export const studioRefusalsKo: StudioRefusalStrings = {
  rundownGone: () => '이 진행표는 이미 삭제되었습니다(다른 창에서 삭제했을 수 있어요).',
  segmentIdRepeated: () => '진행표에 같은 구간이 두 번 들어 있습니다. 하나를 삭제하고 다시 저장하세요.',
  cueIdRepeated: (a) => `같은 큐가 두 번 들어 있습니다(“${a.otherSegment}”${a.otherSegment === a.segment ? '' : `, “${a.segment}”`}). 하나를 삭제하고 다시 저장하세요.`,
  cueTargetGone: (a) => `이 큐가 쓰는 ${kindKo[a.kind]} ${namesKo(a.kind, a.targets)}이(가) 목록에 없습니다. 진행표에서 큐를 고치거나 목록에 다시 추가하세요.`,
  cueNotSendable: () => '이 큐는 지금 내용으로 보낼 수 없습니다. 목록과 진행표에서 큐가 보여 주는 내용을 확인하세요.',
  handoffCatalogInvalid: () => '방송의 상품 정보를 릴레이 서버에 넘기지 못했습니다. 상품, 쿠폰, 결제 설정을 확인한 뒤 다시 시도하세요.',
  handoffRefusedByRelay: (codeLine) => `릴레이 서버가 이 방송의 상품·결제 설정을 받지 않았습니다. ${codeLine}`,
  noPaymentMethod: () => '결제 수단을 하나 이상 켜세요(계좌이체, 착불, 카드).',
  clipNotReady: () => '이 클립은 아직 잘리지 않았거나 삭제되었습니다.',
  clipNoThumbnail: () => '이 클립에는 아직 미리보기 이미지가 없습니다.',
  clipThumbnailTooLarge: () => '이 클립의 미리보기 이미지가 너무 커서 보여 줄 수 없습니다.',
  relayAddressInvalid: () => '릴레이 서버 주소가 아닙니다. https://… 형식으로 입력하세요.',
  relayAddressHasCredentials: () => '릴레이 서버 주소에 사용자 이름이나 비밀번호를 넣을 수 없습니다.',
  relayNotHttps: (a) => `다른 컴퓨터의 릴레이 서버(${a.host})에는 https://를 사용하세요. http://는 이 컴퓨터의 릴레이 서버에만 쓸 수 있습니다.`,
  studioKeyNeeded: (a) => (a.otherRelay ? `${a.origin}의 스튜디오 키를 입력하세요. 저장된 키는 다른 릴레이 서버의 키라서 보내지 않습니다.` : '릴레이 서버가 처음 시작할 때 보여 준 스튜디오 키를 입력하세요.'),
};
