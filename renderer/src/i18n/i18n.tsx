import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type Lang, type Strings } from './strings.js';

const LANG_KEY = 'lc.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'ko' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

interface I18n {
  lang: Lang;
  t: Strings;
  toggle: () => void;
  /** Date and time in the seller's language, short. */
  formatDate: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = dictionaries[lang].appName;
  }, [lang]);
  const toggle = useCallback(() => {
    setLang((l) => {
      const next = l === 'ko' ? 'en' : 'ko';
      localStorage.setItem(LANG_KEY, next);
      return next;
    });
  }, []);
  const value = useMemo<I18n>(() => {
    const fmt = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
    return { lang, t: dictionaries[lang], toggle, formatDate: (iso) => fmt.format(new Date(iso)) };
  }, [lang, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
