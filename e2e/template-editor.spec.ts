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

describe('journey: a provincial officer changes a weight in the template editor and sees the validation', () => {
  it('copies the published version into a draft, raises a weight, and the mismatch is listed and marked', async () => {
    const page = await signIn(browser, 'sheng');
    await page.goto(`${baseUrl()}/templates`);
    await page.getByText('部门预算管理工作评价').first().click();
    await page.getByRole('button', { name: '复制为新版本' }).first().click();
    await page.getByRole('button', { name: '创建草稿' }).click();
    await expect
      .poll(() => page.getByText('未发现问题，可以发布').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await shot(page, 'template-1-draft-without-problems');

    await page.getByText('政府采购预算执行率', { exact: true }).first().click();
    const weight = page.locator('.ant-form-item:has(label[title="分值"]) input').first();
    await weight.fill('6');
    await expect.poll(() => page.getByText('发现 1 处问题').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => page.getByText('采购管理：下级指标分值之和为 12，与本级分值 10 不一致').first().isVisible())
      .toBe(true);
    await shot(page, 'template-2-weight-mismatch-listed');

    // Setting it back clears the problem.
    await weight.fill('4');
    await expect
      .poll(() => page.getByText('未发现问题，可以发布').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.context().close();
  });
});
