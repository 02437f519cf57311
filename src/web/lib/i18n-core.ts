/**
 * The pure half of the i18n layer (no React, no DOM): languages, typed dictionaries, lookup with fallbacks
 * and `{name}` interpolation. `i18n.tsx` wires it to React, antd's locale and dayjs.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';
export const LANG_STORAGE_KEY = 'jixiao.lang';

/** A dictionary in both languages; the English half must have exactly the Chinese half's keys. */
export interface Messages<K extends string> {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/**
 * Declares a dictionary. Chinese is the source of truth; leaving out an English key is a type error:
 * `defineMessages({ zh: { title: '项目库' }, en: { title: 'Project library' } })`.
 */
export function defineMessages<const Z extends Record<string, string>>(messages: {
  zh: Z;
  en: { readonly [K in keyof Z]: string };
}): Messages<Extract<keyof Z, string>> {
  return messages as Messages<Extract<keyof Z, string>>;
}

export type Params = Readonly<Record<string, string | number>>;

/** Replaces `{name}` with params.name; unknown placeholders stay visible so they are noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/**
 * Looks a key up in the requested language, then in Chinese, then shows the key itself (a missing
 * translation must never blank a label).
 */
export function translate<K extends string>(
  messages: Messages<K>,
  lang: Lang,
  key: K,
  params?: Params,
): string {
  const own = lookup(messages[lang], key);
  const text = own ?? lookup(messages.zh, key) ?? key;
  return interpolate(text, params);
}

function lookup(dict: Readonly<Record<string, string>>, key: string): string | undefined {
  // An empty string is a real translation (a Chinese measure word has none in English).
  return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : undefined;
}

/** Reads a stored language; anything unknown (null, 'fr', garbage) becomes Chinese. */
export function parseLang(stored: string | null | undefined): Lang {
  if (!stored) return DEFAULT_LANG;
  const s = stored.trim().toLowerCase();
  if (s === 'en' || s.startsWith('en-')) return 'en';
  return DEFAULT_LANG;
}

/** Picks the text of a `{ zh, en }` pair (role labels, server titles …), falling back to Chinese. */
export function pick(lang: Lang, text: { readonly zh: string; readonly en?: string | null }): string {
  return lang === 'en' && text.en ? text.en : text.zh;
}

/**
 * The language the API client uses for error messages outside React; the provider keeps it in step with
 * the language switch.
 */
let current: Lang = DEFAULT_LANG;
export const currentLang = (): Lang => current;
export function setCurrentLang(lang: Lang): void {
  current = lang;
}
