import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, shot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe("journey: a county user cannot open another county's page or data", () => {
  it('sees only 农安县, is turned back from 榆树市 in the address bar, and the API refuses it', async () => {
    const page = await signIn(browser, 'nongan');
    await expect.poll(() => page.getByText('农安县').first().isVisible()).toBe(true);
    await shot(page, 'county-1-own-dashboard');

    // Typing another county into the address bar does not show its figures.
    await page.goto(`${baseUrl()}/?division=220182&year=2026`);
    await page.waitForTimeout(1500);
    expect(await page.getByText('榆树市').count()).toBe(0);
    await shot(page, 'county-2-other-county-refused');

    // The division tree of another county and its dashboard data are refused by the server.
    const refused = await page.evaluate(async () => {
      const a = await fetch('/api/v1/dashboard?division=220182&year=2026');
      const b = await fetch('/api/v1/divisions/tree?root=220100');
      return [a.status, (await a.json()).code, b.status];
    });
    expect(refused).toEqual([403, 'OUT_OF_SCOPE', 403]);
    await page.context().close();
  });
});
