/**
 * Every self-evaluation fixture (test/fixtures/selfeval/, JSON and xlsx made by make-fixtures.ts), checked
 * end to end through the service: the exact formula score of every row and the exact set of finding codes
 * per row.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SelfEvalReport } from '../src/core/selfeval/types.ts';
import { checkSelfEvaluationFile } from '../src/services/selfeval/selfeval-service.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'selfeval');

interface Expected {
  /** What the fixture is there to show. */
  readonly shows: string;
  readonly unit?: string;
  readonly execution: { readonly rate: number; readonly formula: number; readonly codes: readonly string[] };
  /** name → [formula score, finding codes of that row] */
  readonly rows: Readonly<Record<string, readonly [number | null, readonly string[]]>>;
  readonly notApplicable?: readonly string[];
  readonly tableCodes: readonly string[];
  readonly formulaTotal: number;
  readonly printedTotal: number | null;
  readonly grade: string;
}

const FIXTURES: Readonly<Record<string, Expected>> = {
  'clean.json': {
    shows: 'a clean table that follows the formulas: no findings, 优',
    unit: '万元',
    execution: { rate: 0.96, formula: 9.6, codes: [] },
    rows: {
      新建村级道路长度: [15, []],
      受益农户数: [9.58, []],
      工程验收合格率: [10, []],
      完工时间: [5, []],
      每公里建设成本: [10, []],
      群众出行条件: [14, []],
      工程设计使用年限: [15, []],
      受益群众满意度: [10, []],
    },
    tableCodes: [],
    formulaTotal: 98.18,
    printedTotal: 98.18,
    grade: '优',
  },
  'weights-95.json': {
    shows: 'weights 50/30/10 + 5 = 95 (a 元 table)',
    unit: '元',
    execution: { rate: 0.92, formula: 4.6, codes: [] },
    rows: {
      补助养老服务站点数: [25, []],
      服务达标率: [25, []],
      老年人生活质量: [28, []],
      服务对象满意度: [10, []],
    },
    tableCodes: ['WEIGHTS_NOT_100'],
    formulaTotal: 92.6,
    printedTotal: 92.6,
    grade: '优',
  },
  'judged-deductions.json': {
    shows: 'judged deductions (with and without a deviation reason) and a qualitative score above its band',
    unit: '万元',
    execution: { rate: 0.98, formula: 9.8, codes: [] },
    rows: {
      举办培训班期数: [15, ['SCORE_BELOW_FORMULA']],
      培训考核通过率: [15, []],
      按期完成率: [10, ['SCORE_BELOW_FORMULA']],
      培训成本: [10, []],
      从业人员技能水平: [12, ['SCORE_OUTSIDE_QUALITATIVE_BAND']],
      长效培训机制: [15, []],
      参训人员满意度: [9.78, []],
    },
    tableCodes: [],
    formulaTotal: 96.58,
    printedTotal: 94.58,
    grade: '优',
  },
  'messy-values.json': {
    shows:
      'full-width and box-drawing symbols, symbols in actuals, 万人 vs 人, a reverse cost exceeded, ' +
      'unreadable actuals, a negative-statement target, a 不适用 row dropped and the total re-scaled',
    execution: { rate: 1, formula: 10, codes: [] },
    rows: {
      维修道路长度: [10, ['ACTUAL_PRINTED_WITH_SYMBOL']],
      覆盖人口: [10, []],
      验收合格率: [10, []],
      维修响应时间: [10, ['ACTUAL_PRINTED_WITH_SYMBOL']],
      单位维修成本: [8.89, ['SCORE_ABOVE_FORMULA']],
      安全事故: [9, []],
      道路通行效率: [null, ['VALUE_UNPARSEABLE']],
      沿线群众满意度: [null, ['VALUE_UNPARSEABLE']],
    },
    notApplicable: ['施工扬尘污染'],
    tableCodes: [],
    // (10 + 10 + 10 + 10 + 10 + 8.89 + 9) × 100 / 90
    formulaTotal: 75.43,
    printedTotal: 96.67,
    grade: '中',
  },
  'clean-wanyuan.xlsx': {
    shows:
      'a clean 万元 workbook, weights 40/30/20 + 10, formula cells, numbers stored as text, spaced labels, ' +
      'blank rows inside merged groups, 万株 vs 株',
    unit: '万元',
    execution: { rate: 0.99, formula: 9.9, codes: [] },
    rows: {
      新增绿化面积: [10, []],
      栽植苗木数量: [10, []],
      苗木成活率: [10, []],
      完工及时率: [5, []],
      亩均建设成本: [5, []],
      区域生态环境: [14, []],
      安全生产: [15, []],
      周边群众满意度: [20, []],
    },
    tableCodes: [],
    formulaTotal: 98.9,
    printedTotal: 98.9,
    grade: '优',
  },
  'rounded-yuan.xlsx': {
    shows: 'a 元 workbook whose printed scores are rounded to integers (9.67 → 10), a reverse cost exceeded',
    unit: '元',
    execution: { rate: 0.96, formula: 9.6, codes: ['SCORE_ABOVE_FORMULA'] },
    rows: {
      培训人次: [9.67, ['SCORE_ABOVE_FORMULA']],
      发放补贴户数: [10, []],
      培训合格率: [10, []],
      资金拨付及时率: [10, []],
      人均培训成本: [9.09, ['SCORE_ABOVE_FORMULA']],
      带动就业人数: [15, []],
      参训人员人均增收: [13.5, ['SCORE_ABOVE_FORMULA']],
      参训人员满意度: [10, []],
    },
    tableCodes: [],
    formulaTotal: 96.86,
    printedTotal: 99,
    grade: '优',
  },
  'low-execution.xlsx': {
    shows:
      'execution 82%, a qualitative score outside its band, a printed total that does not match its rows',
    unit: '万元',
    execution: { rate: 0.82, formula: 8.2, codes: ['EXECUTION_RATE_LOW'] },
    rows: {
      设备采购数量: [18, []],
      设备验收合格率: [15, []],
      采购完成时间: [12.5, []],
      基层诊疗服务能力: [16, ['SCORE_OUTSIDE_QUALITATIVE_BAND']],
      设备使用年限: [10, []],
      患者满意度: [10, []],
    },
    tableCodes: ['TOTAL_MISMATCH'],
    formulaTotal: 89.7,
    printedTotal: 95,
    grade: '良',
  },
  'split-target.xlsx': {
    shows:
      'the split 指标性质 | 指标值 | 度量单位 layout with full-width and box-drawing symbols, symbols in actuals, ' +
      'an error formula cell as an actual, a 元 actual against a 万元 target',
    unit: '万元',
    execution: { rate: 0.95, formula: 9.5, codes: [] },
    rows: {
      改造校舍面积: [15, ['ACTUAL_PRINTED_WITH_SYMBOL']],
      购置课桌椅: [9.67, []],
      工程质量合格率: [10, []],
      项目完成时限: [5, ['ACTUAL_PRINTED_WITH_SYMBOL']],
      生均改造成本: [9.7, []],
      办学条件: [13, []],
      校舍使用年限: [null, ['VALUE_UNPARSEABLE']],
      师生满意度: [10, ['ACTUAL_PRINTED_WITH_SYMBOL']],
    },
    tableCodes: [],
    formulaTotal: 81.87,
    printedTotal: 96.87,
    grade: '良',
  },
};

async function check(file: string): Promise<{ report: SelfEvalReport; unit: string | undefined }> {
  const r = await checkSelfEvaluationFile(await readFile(join(DIR, file)), file);
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return { report: r.value.report, unit: r.value.table.unit };
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe.each(Object.entries(FIXTURES))('fixture %s', (file, expected) => {
  it(`shows ${expected.shows}`, async () => {
    const { report, unit } = await check(file);
    expect(unit).toBe(expected.unit);

    expect(report.budget.rate).toBeCloseTo(expected.execution.rate, 10);
    expect(report.budget.formulaScore).toBe(expected.execution.formula);
    expect(sorted(report.findings.filter((f) => f.scope === 'budget').map((f) => f.code))).toEqual(
      sorted(expected.execution.codes),
    );

    const actualRows = Object.fromEntries(
      report.indicators.map((r) => [
        r.name,
        [
          r.formulaScore,
          sorted(report.findings.filter((f) => f.indicatorIndex === r.index).map((f) => f.code)),
        ],
      ]),
    );
    const expectedRows = Object.fromEntries(
      Object.entries(expected.rows).map(([name, [score, codes]]) => [name, [score, sorted(codes)]]),
    );
    expect(actualRows).toEqual(expectedRows);
    expect(report.notApplicable.map((n) => n.name)).toEqual(expected.notApplicable ?? []);
    expect(sorted(report.findings.filter((f) => f.scope === 'table').map((f) => f.code))).toEqual(
      sorted(expected.tableCodes),
    );
    expect(report.formulaTotal).toBe(expected.formulaTotal);
    expect(report.printedTotal).toBe(expected.printedTotal);
    expect(report.grade.label).toBe(expected.grade);
  });
});

describe('xlsx fixtures: the header block', () => {
  it('reads title, project, units and goals of the 万元 workbook', async () => {
    const r = await checkSelfEvaluationFile(
      await readFile(join(DIR, 'clean-wanyuan.xlsx')),
      'clean-wanyuan.xlsx',
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.table).toMatchObject({
      title: '项目支出绩效自评表（2023年度）',
      unit: '万元',
      projectName: '城区绿化提升工程',
      department: '长春市林业和园林局',
      implementingUnit: '长春市园林绿化中心',
      goals: { expected: expect.stringContaining('新增绿化面积50亩') },
      budget: { initial: 300, planned: 320, executed: 316.8, weight: 10, score: 9.9 },
      printedGrade: '优',
    });
  });

  it('recombines the split target columns', async () => {
    const r = await checkSelfEvaluationFile(
      await readFile(join(DIR, 'split-target.xlsx')),
      'split-target.xlsx',
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.table.indicators.map((i) => i.target)).toEqual([
      '≥5,000平方米',
      '≥６００套',
      '=100％',
      '≤11月',
      '≤0.16万元',
      '有效改善',
      '≥20年',
      '≥90%',
    ]);
    expect(r.value.table.indicators[6]!.actual).toBe('#DIV/0!');
  });

  it('refuses a workbook that is not a self-evaluation table', async () => {
    const r = await checkSelfEvaluationFile(
      await readFile(join(DIR, 'not-a-table.xlsx')),
      'not-a-table.xlsx',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FILE_UNREADABLE');
  });
});
