import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellNumber, cellText, combineTarget, readSelfEvalXlsx } from './read-selfeval-xlsx.ts';

async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const FUNDS = [
  ['', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['', '年度资金总额', 10, 10, 9, 10, 0.9, 9],
];
const HEADER = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];

describe('cellText', () => {
  it.each([
    [null, undefined, ''],
    [12, undefined, '12'],
    [0.1 + 0.2, undefined, '0.3'],
    [0.955, '0.00%', '95.5%'],
    ['≥95%', undefined, '≥95%'],
    [true, undefined, '是'],
    [{ richText: [{ text: '≥' }, { text: '95%' }] }, undefined, '≥95%'],
    [{ formula: 'A1/B1', result: 0.99 }, '0%', '99%'],
    [{ formula: 'SUM(A1:A3)', result: 98.9 }, undefined, '98.9'],
    [{ formula: 'A1/0', result: { error: '#DIV/0!' } }, undefined, '#DIV/0!'],
    [{ formula: 'A1' }, undefined, ''],
    [{ sharedFormula: 'A1', result: 7 }, undefined, '7'],
    [{ error: '#N/A' }, undefined, '#N/A'],
    [{ text: '链接', hyperlink: 'http://example.org' }, undefined, '链接'],
    [new Date('2023-12-31T00:00:00Z'), undefined, '2023-12-31'],
  ])('%j (format %s) reads as %j', (value, numFmt, text) => {
    expect(cellText(value as ExcelJS.CellValue, numFmt)).toBe(text);
  });
});

describe('cellNumber', () => {
  it.each([
    ['10', 10],
    [' 9.5 ', 9.5],
    ['1,234.56', 1234.56],
    ['１０', 10],
    ['10分', 10],
    ['', undefined],
    ['—', undefined],
    ['十分', undefined],
  ])('%j → %j', (text, n) => {
    expect(cellNumber(text)).toBe(n);
  });
});

describe('combineTarget', () => {
  it.each([
    ['≥', '95', '%', '≥95%'],
    ['正向', '６００', '套', '≥６００套'],
    ['反向指标', '0.16', '万元', '≤0.16万元'],
    ['═', '100', '％', '=100％'],
    ['≦', '11', '月', '≤11月'],
    ['定性', '有效改善', '', '有效改善'],
    ['', '43.2', '', '43.2'],
    ['≥', '≥95%', '%', '≥95%'],
    ['≥', '', '%', ''],
  ])('%j | %j | %j → %j', (nature, value, unit, target) => {
    expect(combineTarget(nature, value, unit)).toBe(target);
  });
});

describe('readSelfEvalXlsx', () => {
  it('finds the table on a later sheet, below extra rows', async () => {
    const content = await workbook({
      说明: [['填表说明：金额单位为万元']],
      自评表: [
        [],
        ['项目支出绩效自评表'],
        ['项目名称', '测试项目'],
        ...FUNDS,
        [],
        HEADER,
        ['产出指标', '数量指标', '甲', '≥10个', '10个', '90', '90'],
        ['总分', '', '', '', '', 100, 99, '优'],
      ],
    });
    const r = await readSelfEvalXlsx(content);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      title: '项目支出绩效自评表',
      projectName: '测试项目',
      budget: { initial: 10, planned: 10, executed: 9, weight: 10, score: 9 },
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          name: '甲',
          target: '≥10个',
          actual: '10个',
          weight: 90,
          score: 90,
        },
      ],
      total: 99,
      printedGrade: '优',
    });
  });

  it('carries 一级/二级指标 down over blank cells', async () => {
    const content = await workbook({
      s: [
        ...FUNDS,
        HEADER,
        ['产出指标', '数量指标', '甲', '≥10个', '10个', 30, 30],
        ['', '', '乙', '≥10个', '10个', 30, 30],
        ['', '质量指标', '丙', '≥10个', '10个', 10, 10],
        ['效益指标', '', '丁', '达到预期', '达到预期', 20, 18],
      ],
    });
    const r = await readSelfEvalXlsx(content);
    expect(r.ok && r.value.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['产出指标', '数量指标', '甲'],
      ['产出指标', '数量指标', '乙'],
      ['产出指标', '质量指标', '丙'],
      ['效益指标', '', '丁'],
    ]);
  });

  it.each([
    ['no indicator header', { s: [...FUNDS, ['序号', '名称']] }, '找不到含“一级指标”“三级指标”的指标表头'],
    [
      'no funds block',
      { s: [HEADER, ['产出指标', '数量指标', '甲', '≥1', '1', 90, 90]] },
      '找不到资金情况表头',
    ],
    [
      'no actual column',
      { s: [...FUNDS, ['一级指标', '二级指标', '三级指标', '年度指标值', '分值']] },
      '实际完成值',
    ],
    ['no indicator rows', { s: [...FUNDS, HEADER, ['总分', '', '', '', '', 100, 90]] }, '没有指标行'],
  ])('refuses a workbook with %s', async (_what, sheets, message) => {
    const r = await readSelfEvalXlsx(await workbook(sheets));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('FILE_UNREADABLE');
    expect(r.error.message).toContain(message);
  });

  it('refuses bytes that are not a workbook', async () => {
    const r = await readSelfEvalXlsx(new TextEncoder().encode('not a zip'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('无法打开');
  });
});
