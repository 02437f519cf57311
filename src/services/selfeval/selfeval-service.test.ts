import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkSelfEvaluationFile, exportCheckedWorkbook, toReportJson } from './selfeval-service.ts';

const encode = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));

const TABLE = {
  title: '测试自评表',
  unit: '万元',
  budget: { planned: 100, executed: 95, weight: 10, score: 9.5 },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '甲',
      target: '≥300人次',
      actual: '290人次',
      weight: 50,
      score: 50,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '乙',
      target: '达到预期',
      actual: '达到预期',
      weight: 40,
      score: 36,
    },
  ],
  total: 95.5,
};

describe('checkSelfEvaluationFile', () => {
  it('checks a JSON table', async () => {
    const r = await checkSelfEvaluationFile(encode(TABLE), 'table.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.report.formulaTotal).toBe(9.5 + 48.33 + 36);
    expect(r.value.report.findings.map((f) => f.code)).toEqual(['SCORE_ABOVE_FORMULA']);
  });

  it('accepts a byte-order mark, null scores and numbers as targets', async () => {
    const t = {
      ...TABLE,
      indicators: [{ ...TABLE.indicators[0], target: 300, actual: 300, score: null }, TABLE.indicators[1]],
    };
    const r = await checkSelfEvaluationFile(encode(`\uFEFF${JSON.stringify(t)}`), 'T.JSON');
    expect(r.ok && r.value.table.indicators[0]).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '甲',
      target: '300',
      actual: '300',
      weight: 50,
    });
  });

  it.each([
    [{ ...TABLE, budget: { planned: 100, weight: 10 } }, 'budget.executed 缺少必填字段'],
    [{ ...TABLE, indicators: [{ ...TABLE.indicators[0], weight: '50分' }] }, 'indicators[0].weight 应为数字'],
    [{ ...TABLE, indicators: [] }, 'indicators 至少需要 1 项'],
    [{ ...TABLE, unit: '千元' }, 'unit 只能是 "元" 或 "万元"'],
    [[1, 2, 3], '（根） 应为对象'],
  ])('refuses a bad shape, naming the field (%#)', async (data, message) => {
    const r = await checkSelfEvaluationFile(encode(data), 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.message).toContain(message);
    expect(r.error.messageEn).toContain('malformed');
  });

  it.each([
    ['{"budget": ', 'x.json', '不是有效的 JSON'],
    ['a,b', 'x.csv', '请提供 .json 或 .xlsx'],
    ['', 'x.xls', '.xls'],
    ['', 'noextension', '不支持的文件类型'],
  ])('refuses %j as %s', async (content, name, message) => {
    const r = await checkSelfEvaluationFile(encode(content), name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
  });

  it('presents the report in the wire shape', async () => {
    const r = await checkSelfEvaluationFile(encode(TABLE), 'table.json');
    if (!r.ok) throw new Error('expected ok');
    const json = toReportJson(r.value.report);
    expect(json.budget).toEqual({ rate: 0.95, formulaScore: 9.5, printedScore: 9.5 });
    expect(json.indicators[0]).toEqual({
      name: '甲',
      kind: 'positive',
      target: { raw: '≥300人次', comparison: '>=', value: 300, unit: '人次' },
      actual: { raw: '290人次', comparison: '=', value: 290, unit: '人次' },
      formulaScore: 48.33,
      printedScore: 50,
    });
    expect(json.indicators[1]).toMatchObject({ kind: 'qualitative', band: [32, 40], formulaScore: 36 });
    expect(json).toMatchObject({ formulaTotal: 93.83, printedTotal: 95.5, grade: '优' });
    expect(json.findings).toEqual([
      { code: 'SCORE_ABOVE_FORMULA', row: '甲', message: expect.stringContaining('48.33') },
    ]);
    expect('notApplicable' in json).toBe(false);
  });
});

describe('exportCheckedWorkbook', () => {
  it('writes the rows with 公式得分 and 核查意见, highlights rows with findings, and lists the findings', async () => {
    const r = await checkSelfEvaluationFile(encode(TABLE), 'table.json');
    if (!r.ok) throw new Error('expected ok');
    const bytes = await exportCheckedWorkbook(r.value.table, r.value.report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('自评表')!;
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
      ),
    );
    const head = rows.findIndex((row) => row[0] === '一级指标');
    expect(rows[head]!.slice(8)).toEqual(['公式得分', '核查意见']);
    expect(rows[head + 1]!.slice(2, 9)).toEqual(['甲', '≥300人次', '290人次', '50', '50', '', '48.33']);
    expect(rows[head + 1]![9]).toContain('SCORE_ABOVE_FORMULA');
    const fill = (n: number) =>
      (ws.getRow(n).getCell(3).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill(head + 2)).toBe('FFFFE0B2');
    expect(fill(head + 3)).toBeUndefined();

    const findings = wb.getWorksheet('核查结果')!;
    expect(findings.getRow(1).values).toEqual([undefined, '序号', '代码', '指标', '核查意见']);
    expect(findings.getRow(2).getCell(2).value).toBe('SCORE_ABOVE_FORMULA');
    expect(findings.getRow(2).getCell(3).value).toBe('甲');
  });
});
