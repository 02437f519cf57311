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

describe("journey: run a scoring, open a county's portrait and drill into an indicator", () => {
  it('scores every county, ranks them, and explains one indicator of 农安县', async () => {
    const page = await signIn(browser, 'sheng');
    await page.goto(`${baseUrl()}/portraits/scoring`);
    await page.getByRole('button', { name: '发起评分' }).first().click();
    await page.locator('.ant-modal .ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '市县财政高质量发展评价' }).first().click();
    await page.getByRole('button', { name: '开始评分' }).click();
    await expect.poll(() => page.getByText('评分完成').isVisible(), { timeout: 60_000 }).toBe(true);
    await shot(page, 'scoring-1-run-finished');

    await page.getByRole('button', { name: '查看结果' }).last().click();
    await expect
      .poll(() => page.getByText('农安县', { exact: true }).first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    await shot(page, 'scoring-2-league-table');

    await page.getByText('农安县', { exact: true }).first().click();
    await expect.poll(() => page.getByText('逐项得分说明').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByText('一级指标得分率（与参评对象平均比较）').isVisible()).toBe(true);
    await shot(page, 'scoring-3-portrait');

    // Drill into one indicator: its inputs, the rule and the computation.
    const row = page.locator('tr', { hasText: '直达资金支出进度' }).first();
    await row.locator('.ant-table-row-expand-icon').first().click();
    await expect
      .poll(() =>
        page
          .getByText(/实际完成值/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const computation = await page.locator('tr', { hasText: '直达资金支出进度' }).first().innerText();
    expect(computation).toMatch(/得分|得满分/);
    await shot(page, 'scoring-4-indicator-explained');
    await page.context().close();
  });
});
