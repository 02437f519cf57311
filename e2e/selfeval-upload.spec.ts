import { resolve } from 'node:path';
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

describe('journey: a department user uploads a self-evaluation table and sees a flagged anomaly', () => {
  it('shows the formula scores beside the printed ones and flags the low execution and the score outside its band', async () => {
    const page = await signIn(browser, 'jiaoyu');
    await page.goto(`${baseUrl()}/selfeval/check`);
    const file = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'selfeval', 'low-execution.xlsx');
    await page.locator('input[type=file]').first().setInputFiles(file);
    await expect.poll(() => page.getByText('发现 3 个问题').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(
      await page
        .getByText(/预算执行率 82\.00%.*低于 90\.00%/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByText(/自评得分 18 超出该区间，公式得分按 16 计/)
        .first()
        .isVisible(),
    ).toBe(true);
    // the printed score is never overwritten: 18 printed, 16 by formula, side by side
    const row = await page.locator('tr', { hasText: '明显提升' }).first().innerText();
    expect(row).toContain('18.00');
    expect(row).toContain('16.00');
    await shot(page, 'selfeval-1-anomalies-flagged');
    await page.context().close();
  });
});
