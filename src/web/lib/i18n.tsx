import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  LANG_STORAGE_KEY,
  parseLang,
  pick,
  setCurrentLang,
  translate,
  type Lang,
  type Messages,
  type Params,
} from './i18n-core.ts';
import { messages, type MessageKey } from './messages.ts';

/**
 * Language for the whole app: Chinese by default, English on request, remembered in localStorage. One
 * switch moves our dictionaries, antd's locale (zh_CN / en_US), dayjs's locale and <html lang> together.
 */
interface I18nState {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nState | null>(null);

function readStoredLang(): Lang {
  try {
    return parseLang(window.localStorage.getItem(LANG_STORAGE_KEY));
  } catch {
    return parseLang(null);
  }
}

function applyLang(lang: Lang): void {
  setCurrentLang(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children, theme }: { children: ReactNode; theme?: ThemeConfig }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang();
    applyLang(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    applyLang(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);

  useEffect(() => {
    document.title = translate(messages, lang, 'app.name');
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} {...(theme ? { theme } : {})}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useLang(): I18nState {
  const state = useContext(I18nContext);
  if (!state) throw new Error('useLang must be used inside <I18nProvider>');
  return state;
}

export type Translate<K extends string> = (key: K, params?: Params) => string;

/** The shell's shared words: `const t = useT(); t('menu.home')`. */
export function useT(): Translate<MessageKey> {
  return useMessages(messages);
}

/**
 * A feature's own dictionary (declared with `defineMessages` in the feature's messages.ts):
 * `const t = useMessages(dashboardMessages); t('title')`.
 */
export function useMessages<K extends string>(dict: Messages<K>): Translate<K> {
  const { lang } = useLang();
  return useCallback((key: K, params?: Params) => translate(dict, lang, key, params), [dict, lang]);
}

/** Picks from a `{ zh, en }` pair, e.g. ROLE_LABELS[role] or a task's title/titleEn from the server. */
export function usePick(): (text: { readonly zh: string; readonly en?: string | null }) => string {
  const { lang } = useLang();
  return useCallback((text) => pick(lang, text), [lang]);
}
