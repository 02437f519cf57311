/** Shared pieces of the browser journeys: Chromium, signing in, screenshots kept as test artifacts. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const ARTIFACTS = resolve(import.meta.dirname, '..', 'test-results', 'e2e');
export const PASSWORD = 'Jixiao2026';

export const baseUrl = (): string => inject('e2eBaseUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function signIn(browser: Browser, username: string, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel(/用户名|User name|Username/i).fill(username);
  await page
    .getByLabel(/密码|Password/i)
    .first()
    .fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
