/**
 * Korean starter list: the seller edits it in the show's chat settings (custom words are added,
 * allow-words remove false positives). Each entry is matched as Hangul syllables, tolerating
 * spacing, inserted digits/symbols/Latin, jamo tricks and repeats (see banned-words.ts).
 *
 * Sources: assembled by hand from the commonly filtered forms documented in Korean community
 * filter lists (e.g. the public "korean-bad-words" / "badwords-ko" lists on GitHub) and Korean
 * moderation guides; kept short on purpose, favouring words that are almost never innocent in a
 * shopping chat. Initial-consonant abbreviations (ㅅㅂ) are listed only where the abbreviation
 * itself is the insult.
 */
export const KOREAN_STARTER_WORDS: readonly string[] = [
  // 시발 family (spelled, tense, aspirated and clipped)
  '시발', '씨발', '시바', '씨바', '씨팔', '시팔', '씹', '씨빨', '시벌', '씨벌', '쉬발', '쓰발', 'ㅅㅂ', 'ㅆㅂ', 'ㅅㅍ', 'ㅆㅍ',
  // 병신 family
  '병신', '븅신', '빙신', '병쉰', 'ㅂㅅ', 'ㅄ',
  // 좆 / 존나
  '좆', '좆같', '존나', '졸라', 'ㅈㄴ', 'ㅈ같',
  // 개새끼 family (새끼 alone also means "cub" and is not listed)
  '개새끼', '개새기', '개세끼', '개색기', '개색히', '개새', 'ㄱㅅㄲ', '씹새끼', '썅', '쌍년', '썅년',
  // 미친 + noun (미친 alone is praise in "미친 가성비" and is not listed)
  '미친놈', '미친년', '미친새끼', '미친것', 'ㅁㅊ',
  // other insults and family insults
  '지랄', 'ㅈㄹ', '닥쳐', '꺼져', '엿먹어', '니애미', '느금마', '니미럴', '애미뒤진', '엠창', '또라이', '쓰레기같은년', '걸레년',
  // hate terms
  '한남충', '김치녀', '틀딱', '급식충', '맘충', '장애새끼',
];

/**
 * Innocent words that contain a listed word; matched the same tolerant way and masked first.
 * 시발점/시발역 (starting point/station), 수박씨 발라 (peel watermelon seeds), 다시 발송 (resend),
 * 시바견 (Shiba dog), 씹어 (chew), 꺼져가는 (dying out), 닥쳐오는 (approaching).
 */
export const KOREAN_ALLOWED_WORDS: readonly string[] = [
  '시발점', '시발역', '시발택시', '시발자동차', '시발차', '시발탄',
  '씨발라', '씨발려', '씨발린', '수박씨', '씨방', '다시발', '하시발', '오시발', '씹어', '씹는', '씹고', '씹기', '씹으', '씹히', '곱씹', '시바견', '시바이누',
  '졸라맨', '닥쳐오', '꺼져가',
];
