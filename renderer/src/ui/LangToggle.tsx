import { useI18n } from '../i18n/i18n.js';

/** Both language names stay visible, so a seller finds their own whichever is active. */
export function LangToggle() {
  const { lang, toggle } = useI18n();
  return (
    <div className="lang-toggle" role="group" aria-label="Language / 언어">
      <button type="button" aria-pressed={lang === 'ko'} onClick={() => lang !== 'ko' && toggle()} lang="ko">
        한국어
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => lang !== 'en' && toggle()} lang="en">
        English
      </button>
    </div>
  );
}
