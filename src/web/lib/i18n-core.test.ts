import { describe, expect, it } from 'vitest';
import { defineMessages, interpolate, parseLang, pick, translate, type Messages } from './i18n-core.ts';
import { messages } from './messages.ts';

describe('translate', () => {
  const m = defineMessages({
    zh: { hello: '您好，{name}', only: '仅中文', empty: '个' },
    en: { hello: 'Hello, {name}', only: 'Chinese only', empty: '' },
  });

  it('looks up the language and fills placeholders', () => {
    expect(translate(m, 'zh', 'hello', { name: '王' })).toBe('您好，王');
    expect(translate(m, 'en', 'hello', { name: 'Wang' })).toBe('Hello, Wang');
  });

  it('falls back to Chinese, then to the key, when a translation is missing at runtime', () => {
    const partial = { zh: { a: '甲' }, en: {} } as unknown as Messages<'a' | 'b'>;
    expect(translate(partial, 'en', 'a')).toBe('甲');
    expect(translate(partial, 'en', 'b')).toBe('b');
  });

  it('keeps an empty translation (a measure word has none in English)', () => {
    expect(translate(m, 'en', 'empty')).toBe('');
    expect(translate(m, 'zh', 'empty')).toBe('个');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('共 {total} 条，第 {page} 页', { total: 3 })).toBe('共 3 条，第 {page} 页');
  });
});

describe('the shared dictionary', () => {
  it('has every key in English, none blank', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    for (const [key, text] of Object.entries(messages.en)) expect(text, key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const key of Object.keys(messages.zh) as (keyof typeof messages.zh)[]) {
      expect(names(messages.en[key]), key).toEqual(names(messages.zh[key]));
    }
  });
});

describe('languages', () => {
  it.each([
    [null, 'zh'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['zh', 'zh'],
    ['fr', 'zh'],
    ['', 'zh'],
  ] as const)('stored %s → %s', (stored, lang) => {
    expect(parseLang(stored)).toBe(lang);
  });

  it('picks from a pair, falling back to Chinese', () => {
    expect(pick('en', { zh: '省财政厅', en: 'Provincial finance department' })).toBe(
      'Provincial finance department',
    );
    expect(pick('en', { zh: '省财政厅', en: null })).toBe('省财政厅');
    expect(pick('zh', { zh: '省财政厅', en: 'x' })).toBe('省财政厅');
  });
});
