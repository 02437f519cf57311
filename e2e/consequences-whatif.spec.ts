import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, launch, signIn } from './browser.ts';
import { num, readCells, readTable, shotTop } from './helpers.ts';

const TEMPLATE = '市县财政高质量发展评价';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await signIn(browser, 'sheng');
});
afterAll(async () => {
  await browser.close();
});

/** Every row of the consequences table with the text of its expanded part (rules applied, explanation). */
async function rowsWithBasis(table: Locator): Promise<{ cells: Record<string, string>; basis: string }[]> {
  const icons = table.locator('tr.ant-table-row .ant-table-row-expand-icon-collapsed');
  for (let n = await icons.count(); n > 0; n--) await icons.first().click();
  const rows = await readTable(table);
  const basis = await table.evaluate((root) => {
    const main = root.querySelector('.ant-table');
    return [...root.querySelectorAll('tr.ant-table-row')]
      .filter((tr) => tr.closest('.ant-table') === main)
      .map((tr) => {
        const next = tr.nextElementSibling;
        return next?.classList.contains('ant-table-expanded-row') ? (next as HTMLElement).innerText : '';
      });
  });
  return rows.map((cells, i) => ({ cells, basis: basis[i] ?? '' }));
}

/**
 * Every amount is explained by its rule and inputs: "… → 增加 5% × 基数转移支付 18,863.00万元 = +943.15万元";
 * the ratio times the base gives the amount, the base and the amounts are the row's own.
 */
function expectExplained(r: { cells: Record<string, string>; basis: string }): number {
  const proposed = num(r.cells['建议调整（万元）']);
  expect(r.cells['规则与依据']).not.toBe('—');
  expect(r.cells['规则与依据']!.length).toBeGreaterThan(5);
  const terms = [
    ...r.basis.matchAll(/(增加|压减) ([\d.]+)% × 基数(\S+?) ([\d,]+\.\d\d)万元 = ([+−-][\d,]+\.\d\d)万元/g),
  ];
  if (proposed === 0) {
    expect(terms).toHaveLength(0);
    expect(r.basis).toMatch(/没有适用的规则|不调整|优先保障|按需安排/);
    return 0;
  }
  expect(terms.length).toBeGreaterThan(0);
  expect(r.basis).toMatch(/规则“.+”：/);
  let sum = 0;
  for (const [, verb, ratio, , base, amount] of terms) {
    const a = num(amount);
    expect(num(base)).toBe(num(r.cells['基数（万元）']));
    // amounts are exact in fen; the page shows 万元 to two decimals
    expect(Math.abs(Math.abs(a) - (Number(ratio) / 100) * num(base))).toBeLessThanOrEqual(0.011);
    expect(Math.sign(a)).toBe(verb === '增加' ? 1 : -1);
    sum += a;
  }
  expect(Math.abs(sum - proposed)).toBeLessThanOrEqual(0.011 * terms.length);
  // the applied rule is listed with its action, ratio, base and amount
  expect(r.basis).toMatch(/规则\s*处理方式\s*比例\s*基数（万元）\s*调整（万元）/);
  expect(r.basis).toContain(r.cells['处理方式']!.split('\n')[0]!);
  return proposed;
}

describe('journey: a provincial officer sees the budget consequences of a run and tries a what-if before publishing', () => {
  it('proposes the consequences of the latest county run: every amount shows its rule, ratio and base', async () => {
    await page.goto(`${baseUrl()}/results/consequences`);
    await page.locator('.ant-card .ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: TEMPLATE }).first().click();
    await expect.poll(() => page.url()).toMatch(/run=[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText(/用于\d{4}年度预算/).isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole('button', { name: /按现行规则(生成|重算)建议/ }).click();
    const proposedMsg = page.getByText(/已生成 \d+ 条建议/);
    await expect.poll(() => proposedMsg.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(Number(/已生成 (\d+) 条建议/.exec(await proposedMsg.innerText())![1])).toBeGreaterThan(50);
    const pending = page.locator('.ant-card', { hasText: '待确认' }).first();
    await expect.poll(async () => (await pending.innerText()).replace(/\s/g, '')).toMatch(/待确认(\d+)\/\1/);
    await shotTop(page, 'consequences-1-proposed');

    // The top of the table (by rank): the rewards with their rule, the rest with why nothing changes.
    const table = page.locator('.ant-table-wrapper').first();
    await expect.poll(async () => (await readTable(table)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const top = await rowsWithBasis(table);
    expect(top.length).toBe(20);
    for (const r of top) {
      expect(r.cells['状态']).toBe('待确认');
      expectExplained(r);
    }
    // 市县排名前10%: the first N by rank are rewarded, no one after them
    const rewards = top.filter((r) => num(r.cells['建议调整（万元）']) > 0);
    expect(rewards.length).toBeGreaterThan(0);
    const topN = Number(/位列前(\d+)名（前10%）/.exec(rewards[0]!.basis)![1]);
    expect(rewards.map((r) => num(r.cells['排名']))).toEqual(
      Array.from({ length: Math.min(topN, 20) }, (_, i) => i + 1),
    );
    expect(rewards.every((r) => r.cells['处理方式']!.startsWith('奖励'))).toBe(true);
    await shotTop(page, 'consequences-2-reward-explained');

    // Only the cuts: each a share of the county's transfer payments, by its grade.
    await page.getByLabel('处理方式').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '压减预算' })
      .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toContain('action=cut');
    await expect
      .poll(
        async () => {
          const rows = await readTable(table);
          return rows.length > 0 && rows.every((r) => r['处理方式']?.startsWith('压减预算'));
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const cuts = await rowsWithBasis(table);
    expect(cuts.length).toBeGreaterThan(0);
    for (const r of cuts) {
      expect(expectExplained(r)).toBeLessThan(0);
      expect(r.cells['等次']).toBe('差');
      expect(r.basis).toContain('市县评价为差，扣减下年转移支付10%');
    }
    await shotTop(page, 'consequences-3-cuts-explained');
  });

  it('raises a grade band and a weight in a scenario: the subjects that change grade or rank are listed, nothing is published', async () => {
    await page.goto(`${baseUrl()}/portraits/whatif`);
    await expect
      .poll(() => page.getByText(/最近一次评分：.+，\d+个评价对象/).isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(
      await page
        .getByText(new RegExp(`${TEMPLATE} · \\d{4}年度第\\d+版`))
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await page.getByText('尚未调整任何设置').isVisible()).toBe(true);

    // 1. 良 from 80 up to 85: whoever scored 80–85 falls to 中, no rank moves.
    await page.getByRole('tab', { name: '等次划分' }).click();
    const good = page.getByLabel('良 下限（含）');
    expect(num(await good.inputValue())).toBe(80);
    await good.fill('85');
    await good.press('Tab');
    await expect.poll(() => page.getByText('已调整：').isVisible()).toBe(true);
    expect(await page.locator('.ant-tag', { hasText: '等次划分' }).count()).toBe(1);
    const result = await simulate(/情景：\d{4}年度第\d+版（模板不变）/);
    const down = num(stat(result.stats, '等次下降'));
    expect(num(stat(result.stats, '等次上升'))).toBe(0);
    expect(down).toBeGreaterThan(0);
    expect(stat(result.stats, '名次上升 / 下降')).toMatch(/^0 \/ 0/);
    expect(result.matrix.find((r) => r[0] === '良')![3]).toBe(String(down));
    await shotTop(page, 'whatif-1-band-raised');
    const fallen = await filterRows('等次变化', down);
    for (const r of fallen.map(sides)) {
      expect(r.baseline.grade).toBe('良');
      expect(r.scenario.grade).toBe('中');
      expect(num(r.baseline.total)).toBeGreaterThanOrEqual(80);
      expect(num(r.baseline.total)).toBeLessThan(85);
      expect(r.scenario.total).toBe(r.baseline.total);
      expect(r.scenario.rank).toBe(r.baseline.rank);
    }
    await shotTop(page, 'whatif-2-fallen-listed');

    // 2. Back to the bands in force; 直达资金支出进度 weighs 12 instead of 6 (its siblings give way).
    await page.getByRole('button', { name: /恢复为现行设置/ }).click();
    await expect.poll(() => page.getByText('尚未调整任何设置').isVisible()).toBe(true);
    await page.getByRole('tab', { name: '权重与阈值' }).click();
    const weight = page.getByLabel('直达资金支出进度 分值');
    const sibling = page.getByLabel('一般公共预算支出执行率 分值');
    const siblingBefore = num(await sibling.inputValue());
    await weight.fill('12');
    await weight.press('Tab');
    await expect.poll(async () => num(await sibling.inputValue())).toBeLessThan(siblingBefore);
    expect(num(await page.getByLabel('财政运行质量 分值').inputValue())).toBe(40);
    const weighed = await simulate(/情景：编辑后的模板（未保存）/);
    const [up, fall] = stat(weighed.stats, '名次上升 / 下降')
      .split('/')
      .map((s) => num(s.trim()));
    expect(up).toBeGreaterThan(0);
    expect(fall).toBeGreaterThan(0);
    await shotTop(page, 'whatif-3-weight-raised');
    const moved = await filterRows('名次变化', up! + fall!);
    for (const r of moved.map(sides)) {
      expect(r.scenario.rank).not.toBe(r.baseline.rank);
    }
    expect(moved.map(sides).some((r) => r.scenario.total !== r.baseline.total)).toBe(true);
    await shotTop(page, 'whatif-4-rank-moves-listed');

    // Nothing was saved: the run the scenarios started from still has its grades (the matrix's rows).
    await page.goto(`${baseUrl()}/portraits/overview`);
    const card = page.locator('.jx-scorecard-card', { hasText: TEMPLATE });
    await expect.poll(() => card.getByText('本级范围').isVisible(), { timeout: 20_000 }).toBe(true);
    const counts = (await card.innerText()).replace(/\s+/g, ' ');
    for (const row of result.matrix) {
      const n = row.slice(1).reduce((sum, c) => sum + num(c), 0);
      expect(counts).toContain(`${row[0]} ${n} `);
    }
  });
});

/**
 * Runs the simulation and, once the answer names the expected scenario (基准：… → 情景：…), reads its
 * figures: the statistic cards and the transition matrix.
 */
async function simulate(scenario: RegExp): Promise<{ stats: string; matrix: string[][] }> {
  await page.getByRole('button', { name: /运行模拟/ }).click();
  await expect.poll(() => page.getByText(scenario).isVisible(), { timeout: 30_000 }).toBe(true);
  await expect
    .poll(() => page.locator('.ant-btn-loading', { hasText: '运行模拟' }).count(), { timeout: 30_000 })
    .toBe(0);
  const matrixCard = page.locator('.ant-card', { hasText: '等次变化矩阵（基准 → 情景）' });
  const stats = await page
    .locator('.ant-row', { has: page.locator('.ant-statistic-title', { hasText: '等次下降' }) })
    .last()
    .innerText();
  return { stats, matrix: await readCells(matrixCard) };
}

/**
 * A row of the side-by-side table: 序号, 评价对象, then 基准 and 情景 each as 总分 / 等次 / 排名 (/ 预算调整
 * when reward and penalty rules apply), then the changes.
 */
function sides(cells: string[]) {
  const width = cells.length === 14 ? 4 : 3;
  const side = (at: number) => ({ total: cells[at]!, grade: cells[at + 1]!, rank: cells[at + 2]! });
  return { name: cells[1]!, baseline: side(2), scenario: side(2 + width) };
}

/** The value under a statistic's title in the results' cards. */
function stat(text: string, title: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const i = lines.indexOf(title);
  if (i < 0) throw new Error(`no statistic ${title} in ${text}`);
  return lines[i + 1]!;
}

/** Filters the side-by-side table and reads its rows (all on one page), checking the count. */
async function filterRows(filter: string, expected: number): Promise<string[][]> {
  const card = page.locator('.ant-card', { hasText: '逐一对比' });
  await card.getByLabel('全部对象').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: filter }).click();
  await expect.poll(() => card.getByText(`共 ${expected} 条`).isVisible(), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => card.locator('.ant-spin-spinning').count()).toBe(0);
  const rows = await readCells(card);
  expect(rows.length).toBe(Math.min(expected, 20));
  return rows;
}
