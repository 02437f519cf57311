import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, signIn } from './browser.ts';
import { num, readTable, shotTop, type Row } from './helpers.ts';

const TEMPLATE = '市县财政高质量发展评价';
/** The province's grade scheme (吉林五档): lower bounds, inclusive. */
const BANDS: [string, number][] = [
  ['优', 90],
  ['良', 80],
  ['中', 70],
  ['低', 60],
  ['差', 0],
];
const gradeOf = (total: number) => BANDS.find(([, min]) => total >= min)![0];

const NEW_VALUE = 60;
const GOOD_FILE = '农安县直达资金支出进度（更正）.xlsx';

let browser: Browser;
let page: Page;
let dir: string;
// carried from one step of the journey to the next
let subjects = 0;
let target = 0;
let weight = 0;
let nonganExcelRow = 0;
let league: Row[] = [];
let runId = '';

beforeAll(async () => {
  browser = await launch();
  page = await signIn(browser, 'sheng');
  dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-xlsx-'));
});
afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens 导入Excel, hands the file to the dropzone and waits for the import job's report. */
async function importFile(file: string, outcome: RegExp): Promise<void> {
  await page.getByRole('button', { name: /导入Excel/ }).click();
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await expect.poll(() => page.getByText(outcome).first().isVisible(), { timeout: 30_000 }).toBe(true);
}

describe('journey: a provincial officer imports the inputs, scores every county, traces a number and follows up', () => {
  it('downloads the Excel input template, fills it with exceljs and imports it: a bad cell is refused with its row, the corrected file is written', async () => {
    await page.goto(`${baseUrl()}/portraits/scoring/inputs`);
    const summary = page.getByText(/共 \d+ 个评价对象，\d+ 个已填齐/);
    await expect.poll(() => summary.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(
      await page
        .getByText(new RegExp(`${TEMPLATE} · \\d{4}年度第\\d+版`))
        .first()
        .isVisible(),
    ).toBe(true);
    subjects = Number(/共 (\d+) 个评价对象/.exec(await summary.innerText())![1]);
    expect(subjects).toBeGreaterThan(50);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('下载填报模板').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${TEMPLATE}评分数据填报模板.*\\.xlsx$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.getWorksheet('评分数据')!;
    const keys = ws.getRow(1);
    expect(String(keys.getCell(1).value)).toMatch(/^jixiao:scoring-inputs:/);
    const column = (key: string) => {
      for (let c = 1; c <= ws.columnCount; c++) if (keys.getCell(c).value === key) return c;
      throw new Error(`no column ${key}`);
    };
    const rowOf = (code: string) => {
      for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === code) return r;
      throw new Error(`no row ${code}`);
    };
    // one row per subject under the three header rows, every value pre-filled
    expect(ws.rowCount - 3).toBe(subjects);
    const actual = column('B4.actual');
    nonganExcelRow = rowOf('220122');
    const yushuRow = rowOf('220182');
    expect(ws.getRow(nonganExcelRow).getCell(3).value).toBe('农安县');
    // 直达资金支出进度（6分）: the weight from the header, the target from its own column
    weight = Number(/（(\d+(?:\.\d+)?)分）/.exec(String(ws.getRow(2).getCell(actual).value))![1]);
    target = Number(ws.getRow(nonganExcelRow).getCell(column('B4.target')).value);
    expect(Number(ws.getRow(nonganExcelRow).getCell(actual).value)).not.toBe(NEW_VALUE);
    expect(target).toBeGreaterThan(NEW_VALUE);

    // First a file with a word where 榆树市's revenue growth belongs: refused as a whole, the row named.
    ws.getRow(nonganExcelRow).getCell(actual).value = NEW_VALUE;
    ws.getRow(yushuRow).getCell(column('A1.actual')).value = '很多';
    const bad = join(dir, '评分数据（有误）.xlsx');
    await wb.xlsx.writeFile(bad);
    await importFile(bad, /导入未执行：1 行有错误，未导入任何数据/);
    const card = page.locator('.ant-card', { hasText: '导入评分数据' }).first();
    expect(await card.getByText('错误明细（共 1 行有错误）').isVisible()).toBe(true);
    const errors = await readTable(card);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ 行号: String(yushuRow), 代码: '220182', 名称: '榆树市' });
    expect(errors[0]!['数据项']).toContain('一般公共预算收入增幅');
    expect(errors[0]!['问题']).toContain('“很多”不是数字');
    await shotTop(page, 'scorecards-01-import-refused');
    await card.getByRole('button', { name: /关\s*闭/ }).click();

    // The corrected file: only the one changed value is written (so the refused file wrote nothing).
    ws.getRow(yushuRow).getCell(column('A1.actual')).value = null;
    const good = join(dir, GOOD_FILE);
    await wb.xlsx.writeFile(good);
    await importFile(good, /导入完成：1 个评价对象的 1 项数据已更新。/);
    expect(await page.getByText(/错误明细/).count()).toBe(0);
    await shotTop(page, 'scorecards-02-import-written');
  });

  it('scores every scorecard in one go and the province table grades and ranks every county', async () => {
    await page.goto(`${baseUrl()}/portraits/overview`);
    await page.getByRole('button', { name: /一键评分/ }).click();
    const modal = page.locator('.ant-modal');
    await expect
      .poll(() => modal.getByText(/对吉林省\d{4}年度的全部评价模板一键评分？/).isVisible())
      .toBe(true);
    await modal.getByRole('button', { name: /开始评分/ }).click();
    const report = page.locator('.ant-alert', { hasText: '一键评分完成' });
    await expect.poll(() => report.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await report.innerText()).toMatch(/一键评分完成：\d+个评价模板，\d+个评价对象/);
    const counties = (await readTable(report)).find((r) => r['评价模板'] === TEMPLATE);
    expect(counties).toMatchObject({ 评价对象: String(subjects), 参与排名: String(subjects) });
    await shotTop(page, 'scorecards-03-scored-all');

    await report.getByRole('link', { name: TEMPLATE }).click();
    await page.waitForURL(/\/portraits\/overview\/runs\/[0-9a-f-]{36}/);
    runId = /runs\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const table = page.locator('.ant-card', { has: page.locator('.ant-table-tbody') }).last();
    await expect.poll(async () => (await readTable(table)).length, { timeout: 20_000 }).toBe(subjects);
    league = await readTable(table);
    // ranked by total (equal totals share a rank), every county graded by the band its total falls in
    league.forEach((r, i) => {
      const previous = league[i - 1];
      if (!previous) expect(r['排名']).toBe('1');
      else if (r['总分'] !== previous['总分']) {
        expect(num(r['总分'])).toBeLessThan(num(previous['总分']));
        expect(num(r['排名'])).toBe(i + 1);
      } else expect(num(r['排名'])).toBeGreaterThanOrEqual(num(previous['排名']));
      expect(r['等次']).toBe(gradeOf(num(r['总分'])));
    });
    const distribution = await page.locator('.ant-card', { hasText: '等次分布' }).first().innerText();
    for (const [grade] of BANDS) {
      const n = league.filter((r) => r['等次'] === grade).length;
      expect(distribution).toMatch(new RegExp(`${grade}\\s*${n}(\\D|$)`));
    }
    const nongan = league.find((r) => r['名称'] === '农安县')!;
    expect(nongan).toMatchObject({ 代码: '220122', 所属市州: '长春市' });
    expect(['低', '差']).toContain(league.find((r) => r['名称'] === '榆树市')!['等次']);
    await shotTop(page, 'scorecards-04-league-table');
  });

  it("opens 农安县's portrait and traces 直达资金支出进度 to the imported value, its source and evidence", async () => {
    const nongan = league.find((r) => r['名称'] === '农安县')!;
    await page.getByRole('link', { name: '农安县', exact: true }).click();
    await expect.poll(() => page.getByText('逐项得分说明').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(page.url()).toContain(`/portraits/scoring/runs/${runId}/subjects/`);
    const cards = page.locator('.ant-card').filter({ has: page.locator('.ant-statistic') });
    expect(await cards.filter({ hasText: '总分' }).first().innerText()).toContain(nongan['总分']!);
    expect(await cards.filter({ hasText: '等次' }).first().innerText()).toContain(nongan['等次']!);
    expect(await cards.filter({ hasText: '排名' }).first().innerText()).toMatch(
      new RegExp(`${nongan['排名']}\\s*共 ${subjects} 个对象参与排名`),
    );
    await shotTop(page, 'scorecards-05-portrait');

    // The leaf: the imported 60% against its target, the points computed from it, and where it came from.
    const points = ((NEW_VALUE / target) * weight).toFixed(2);
    const leaf = page.locator('tr.ant-table-row', { hasText: '直达资金支出进度' }).first();
    expect(await leaf.innerText()).toContain(points);
    await leaf.locator('.ant-table-row-expand-icon').click();
    const detail = page.locator('tr.ant-table-expanded-row', { hasText: '评分所用数值' }).first();
    await expect.poll(() => detail.isVisible()).toBe(true);
    const text = await detail.innerText();
    expect(text).toContain(`实际完成值 ${NEW_VALUE} 未达年度指标值 ${target}`);
    expect(text).toContain(`= ${points}`);
    expect(text).toMatch(/失分原因\s*低于年度指标值/);
    const inputs = await readTable(detail);
    expect(inputs.find((r) => r['数据项'] === '实际完成值')).toMatchObject({
      评分所用数值: `${NEW_VALUE}%`,
      来源: 'Excel导入',
    });
    const evidence = inputs.find((r) => r['数据项'] === '实际完成值')!['佐证'];
    expect(evidence).toContain(`Excel导入：${GOOD_FILE}（第${nonganExcelRow}行）`);
    expect(inputs.find((r) => r['数据项'] === '年度指标值')).toMatchObject({ 评分所用数值: `${target}%` });
    await shotTop(page, 'scorecards-06-leaf-traced-to-import');
  });

  it('issues a notice to the low-graded counties and follows one item through submission and acceptance', async () => {
    await page.goto(`${baseUrl()}/ledger/notices/new`);
    await page.locator('.ant-form-item', { hasText: '评分批次' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: TEMPLATE }).first().click();
    await expect.poll(() => page.url()).toContain(`run=${runId}`);
    const proposed = page.getByText(/拟通报 \d+ 个对象/);
    await expect.poll(() => proposed.isVisible(), { timeout: 20_000 }).toBe(true);

    const proposedNames = async () =>
      (await page.locator('.ant-card-head-title').allInnerTexts())
        .filter((t) => t.includes('（总分'))
        .map((t) => t.slice(0, t.indexOf('（总分')))
        .sort();

    // 按等次: 低 and 差 are proposed, every such county and nothing else
    expect(await page.locator('.ant-checkbox-wrapper-checked').allInnerTexts()).toEqual(['低', '差']);
    const low = league.filter((r) => r['等次'] === '低' || r['等次'] === '差').map((r) => r['名称']);
    expect(await proposed.innerText()).toBe(`拟通报 ${low.length} 个对象`);
    expect(await proposedNames()).toEqual([...low].sort());

    // 按排名末位: the last 3 of the table; then back to the low grades for the notice
    await page.getByText('按排名末位').click();
    await expect.poll(() => proposed.innerText()).toBe('拟通报 3 个对象');
    expect(await proposedNames()).toEqual(
      league
        .slice(-3)
        .map((r) => r['名称'])
        .sort(),
    );
    await page.getByText('按等次', { exact: true }).click();
    await expect.poll(() => proposed.innerText()).toBe(`拟通报 ${low.length} 个对象`);
    expect(await proposedNames()).toEqual([...low].sort());
    const yushuCard = page.locator('.ant-card-small', { hasText: '榆树市（总分' });
    expect(await yushuCard.getByText('责任单位：榆树市财政局').isVisible()).toBe(true);
    const yushuItems = await yushuCard.getByLabel('整改要求').count();
    expect(yushuItems).toBeGreaterThan(0);
    const title = await page.locator('.ant-form-item', { hasText: '通报标题' }).locator('input').inputValue();
    expect(title).toContain(TEMPLATE);
    const deadline = await page
      .locator('.ant-form-item', { hasText: '整改期限' })
      .locator('input')
      .first()
      .inputValue();
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const docNo = '吉财绩〔2026〕8号';
    await page.getByPlaceholder('如：吉财绩〔2026〕1号').fill(docNo);
    await shotTop(page, 'scorecards-07-notice-proposed');

    await page.getByRole('button', { name: /下达通报/ }).click();
    const issued = page.getByText(/通报已下达，\d+ 项整改事项已进入台账/);
    await expect.poll(() => issued.isVisible(), { timeout: 20_000 }).toBe(true);
    const items = Number(/(\d+) 项/.exec(await issued.innerText())![1]);
    expect(items).toBeGreaterThanOrEqual(low.length);
    await page.waitForURL(/\/ledger\/notices\/[0-9a-f-]{36}/);
    const noticePath = new URL(page.url()).pathname;
    await expect
      .poll(() => page.getByText(`已通过 0／${items} 项，逾期 0 项`).isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await page.getByText(docNo).first().isVisible()).toBe(true);
    await shotTop(page, 'scorecards-08-notice-issued');

    // The ledger: 榆树市's items, each with its owner, deadline and status.
    await page.goto(`${baseUrl()}/ledger/items`);
    const search = page.getByPlaceholder('事项、要求或责任单位');
    await search.fill('榆树市');
    await search.press('Enter');
    const list = page.locator('.ant-layout-content');
    await expect.poll(async () => (await readTable(list)).length, { timeout: 20_000 }).toBe(yushuItems);
    for (const r of await readTable(list)) {
      expect(r['责任单位']).toContain('榆树市财政局');
      expect(r['来源']).toContain(docNo);
      expect(r['整改期限']).toBe(deadline);
      expect(r['状态']).toBe('待整改');
    }
    await shotTop(page, 'scorecards-09-ledger-items');

    const first = list.locator('tr.ant-table-row').first().getByRole('link').first();
    const itemTitle = await first.innerText();
    await first.click();
    await page.waitForURL(/\/ledger\/items\/[0-9a-f-]{36}/);
    const itemPath = new URL(page.url()).pathname;
    const info = page.locator('.ant-card', { hasText: '事项信息' });
    await expect.poll(() => info.isVisible(), { timeout: 20_000 }).toBe(true);
    const facts = await info.innerText();
    expect(facts).toContain('榆树市财政局（榆树市）');
    expect(facts).toMatch(new RegExp(`整改期限\\s*${deadline}`));
    expect(facts).toContain(docNo);
    expect(facts).toMatch(/失分指标\s*.+：得 [\d.]+／[\d.]+ 分，失 [\d.]+ 分/);
    expect(await page.getByText('待整改', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText('等待责任单位报送整改情况。').isVisible()).toBe(true);
    await shotTop(page, 'scorecards-10-item-open');

    // 榆树市财政局 reports what it did: the item waits for review.
    const yushu = await signIn(browser, 'yushu');
    await yushu.goto(`${baseUrl()}${itemPath}`);
    const evidence = yushu.getByPlaceholder('说明整改措施、完成情况和成效，必要时附上佐证材料');
    await expect.poll(() => evidence.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await yushu.getByText(itemTitle).first().isVisible()).toBe(true);
    await evidence.fill('已制定整改方案，压实责任，12月末相关指标已达到要求。');
    await yushu.getByRole('button', { name: /报\s*送/ }).click();
    await expect
      .poll(() => yushu.getByText('已报送整改情况，等待下达单位审核').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => yushu.getByText('待审核', { exact: true }).first().isVisible()).toBe(true);
    await shotTop(yushu, 'scorecards-11-item-submitted-by-county');
    await yushu.context().close();

    // The province reviews it and accepts: 已通过, and the notice counts it.
    await page.reload();
    const review = page.locator('.ant-card', { hasText: '审核整改情况' });
    await expect.poll(() => review.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await review.innerText()).toContain('12月末相关指标已达到要求');
    await review.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => page.getByText('已审核通过').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByText('已通过', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText('整改已通过审核。').isVisible()).toBe(true);
    const process = await page.locator('.ant-card', { hasText: '办理过程' }).innerText();
    expect(process).toMatch(/下达整改\s*省财政厅绩效管理处/);
    expect(process).toMatch(/报送整改情况\s*榆树市财政局[\s\S]*12月末相关指标已达到要求/);
    expect(process).toMatch(/审核通过\s*省财政厅绩效管理处/);
    await shotTop(page, 'scorecards-12-item-accepted');

    await page.goto(`${baseUrl()}${noticePath}`);
    await expect
      .poll(() => page.getByText(`已通过 1／${items} 项，逾期 0 项`).isVisible(), { timeout: 20_000 })
      .toBe(true);
  });
});
