import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, shot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('journey: the English switch', () => {
  it('changes the page language and keeps it after a reload', async () => {
    const page = await signIn(browser, 'sheng');
    await expect.poll(() => page.getByText('项目数').first().isVisible()).toBe(true);
    await shot(page, 'language-1-chinese-dashboard');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByText('Projects').first().isVisible()).toBe(true);
    expect(await page.getByText('项目数').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);
    await page.reload();
    await expect.poll(() => page.getByText('Projects').first().isVisible()).toBe(true);
    await shot(page, 'language-2-english-dashboard');
    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => page.getByText('项目数').first().isVisible()).toBe(true);
    await page.context().close();
  });
});
