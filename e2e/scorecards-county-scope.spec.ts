import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, signIn } from './browser.ts';
import { readTable, shotTop } from './helpers.ts';

const TEMPLATE = '市县财政高质量发展评价';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** From 综合评价总览, the latest 市县 league table (结果总表) of the year. */
async function openLeague(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/portraits/overview`);
  const card = page.locator('.jx-scorecard-card', { hasText: TEMPLATE });
  await expect
    .poll(() => card.getByRole('link', { name: /结果总表/ }).isVisible(), { timeout: 20_000 })
    .toBe(true);
  await card.getByRole('link', { name: /结果总表/ }).click();
  await page.waitForURL(/\/portraits\/overview\/runs\/[0-9a-f-]{36}/);
  await expect
    .poll(() => page.locator('tr.ant-table-row').first().isVisible(), { timeout: 20_000 })
    .toBe(true);
}

describe("journey: a county officer sees only their own county's scorecard results and portrait", () => {
  it("lists only 农安县 with its province-wide rank, opens its portrait, and gets 未找到 for 榆树市's", async () => {
    // What the province sees in the same run: every county, 榆树市's portrait among them.
    const sheng = await signIn(browser, 'sheng');
    await openLeague(sheng);
    const runPath = new URL(sheng.url()).pathname;
    const all = await readTable(sheng.locator('.ant-layout-content'));
    expect(all.length).toBeGreaterThan(50);
    const nonganForProvince = all.find((r) => r['名称'] === '农安县')!;
    await sheng.getByRole('link', { name: '榆树市', exact: true }).click();
    await expect.poll(() => sheng.getByText('逐项得分说明').isVisible(), { timeout: 20_000 }).toBe(true);
    const yushuPortrait = new URL(sheng.url()).pathname;
    await sheng.context().close();

    const page = await signIn(browser, 'nongan');
    // 综合评价总览: one county of the whole province in 本级范围
    await page.goto(`${baseUrl()}/portraits/overview`);
    const card = page.locator('.jx-scorecard-card', { hasText: TEMPLATE });
    await expect.poll(() => card.getByText('本级范围').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await card.innerText()).toMatch(new RegExp(`本级范围\\s*1\\s*/\\s*${all.length}`));
    await shotTop(page, 'county-scorecards-1-overview');

    // 结果总表: only 农安县, ranked among all the province's counties
    await openLeague(page);
    expect(new URL(page.url()).pathname).toBe(runPath);
    const mine = await readTable(page.locator('.ant-layout-content'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      名称: '农安县',
      代码: '220122',
      总分: nonganForProvince['总分'],
      等次: nonganForProvince['等次'],
      排名: nonganForProvince['排名'],
    });
    expect(
      await page
        .getByText(`只显示您管理范围内的评价对象；排名为其在全部 ${all.length} 个参评对象中的名次。`)
        .isVisible(),
    ).toBe(true);
    expect(await page.getByText('榆树市').count()).toBe(0);
    await shotTop(page, 'county-scorecards-2-own-county-only');

    // Its own portrait opens, explained.
    await page.getByRole('link', { name: '农安县', exact: true }).click();
    await expect.poll(() => page.getByText('逐项得分说明').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('heading', { name: '农安县' }).first().isVisible()).toBe(true);

    // Another county's portrait typed into the address bar: not found, nothing of it shown.
    await page.goto(`${baseUrl()}${yushuPortrait}`);
    await expect
      .poll(() => page.getByText('未找到该评价对象的评分结果，或它不在您的管理范围内。').isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(await page.getByText('榆树市').count()).toBe(0);
    expect(await page.getByText('逐项得分说明').count()).toBe(0);
    expect(await page.getByRole('button', { name: /重\s*试/ }).count()).toBe(0);
    const status = await page.evaluate(async (path) => {
      const r = await fetch(`/api/v1/scoring${path.replace('/portraits/scoring', '')}`);
      return [r.status, (await r.json()).code];
    }, yushuPortrait);
    expect(status).toEqual([404, 'NOT_FOUND']);
    await shotTop(page, 'county-scorecards-3-other-portrait-not-found');

    // 评分数据: only its own row to fill in
    await page.goto(`${baseUrl()}/portraits/scoring/inputs`);
    await expect.poll(() => page.getByText(/共 1 个评价对象/).isVisible(), { timeout: 20_000 }).toBe(true);
    const inputs = await readTable(page.locator('.ant-layout-content'));
    expect(inputs.map((r) => r['名称'])).toEqual(['农安县']);
    await page.context().close();
  });
});
