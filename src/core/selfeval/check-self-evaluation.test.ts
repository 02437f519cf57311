import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOF_FOUR_TIER } from '../scoring/grades.ts';
import { checkSelfEvaluation } from './check-self-evaluation.ts';
import type { FindingCode, SelfEvalIndicatorRow, SelfEvalReport, SelfEvalTable } from './types.ts';

function aRow(overrides: Partial<SelfEvalIndicatorRow> = {}): SelfEvalIndicatorRow {
  return {
    level1: '产出指标',
    level2: '数量指标',
    name: '测试指标',
    target: '≥100个',
    actual: '100个',
    weight: 90,
    score: 90,
    ...overrides,
  };
}

/** A row with no printed score. */
function bareRow(overrides: Partial<SelfEvalIndicatorRow> = {}): SelfEvalIndicatorRow {
  const { score: _printed, ...row } = aRow(overrides);
  return row;
}

/** A table of one row (weight 90) plus execution (weight 10, fully executed): weights add up to 100. */
function aTable(overrides: Partial<SelfEvalTable> = {}): SelfEvalTable {
  return {
    budget: { planned: 100, executed: 100, weight: 10, score: 10 },
    indicators: [aRow()],
    ...overrides,
  };
}

/** A table of just this row (no printed score unless given) and the execution row making up 100. */
function oneRow(row: Partial<SelfEvalIndicatorRow>): SelfEvalReport {
  const r = 'score' in row ? aRow(row) : bareRow(row);
  return checkSelfEvaluation(
    aTable({ indicators: [r], budget: { planned: 100, executed: 100, weight: 100 - r.weight } }),
  );
}

const codes = (report: SelfEvalReport, scope?: string) =>
  report.findings.filter((f) => scope === undefined || f.scope === scope).map((f) => f.code);

describe('checkSelfEvaluation — one row', () => {
  it.each([
    // target, actual, weight, printed score, kind, formula score, finding codes of the row
    ['≥300人次', '290人次', 10, 10, 'positive', 9.67, ['SCORE_ABOVE_FORMULA']],
    ['≥300人次', '290人次', 10, 9.67, 'positive', 9.67, []],
    ['≥300人次', '290人次', 10, 9.66, 'positive', 9.67, []],
    ['≥95%', '100%', 10, 10, 'positive', 10, []],
    ['≥95%', '0%', 10, 0, 'positive', 0, []],
    ['不低于90%', '88%', 10, 9.78, 'positive', 9.78, []],
    ['≤1,500元', '1,650元', 10, 10, 'reverse', 9.09, ['SCORE_ABOVE_FORMULA']],
    ['≤10月', '12月', 15, 12.5, 'reverse', 12.5, []],
    ['≤48小时', '36小时', 10, 10, 'reverse', 10, []],
    ['≤0', '2', 10, 0, 'reverse', 0, []],
    ['=100%', '98%', 10, 9.8, 'equality', 9.8, []],
    ['100%', '100%', 5, 5, 'equality', 5, []],
    ['43.2', '43.2', 10, 10, 'equality', 10, []],
    ['=0', '0', 5, 5, 'equality', 5, []],
    ['0起', '1起', 5, 5, 'equality', 0, ['SCORE_ABOVE_FORMULA']],
    ['≥2万人', '21,500人', 10, 10, 'positive', 10, []],
    ['≥2000元', '0.18万元', 15, 14, 'positive', 13.5, ['SCORE_ABOVE_FORMULA']],
    ['≤0.16万元', '1,650元', 10, 9.7, 'reverse', 9.7, []],
    ['≥1.2公里', '950米', 10, 7.92, 'positive', 7.92, []],
    ['≥95%', '≥96%', 10, 10, 'positive', 10, ['ACTUAL_PRINTED_WITH_SYMBOL']],
    ['≧ 1,200 米', '≥1,260 米', 10, 10, 'positive', 10, ['ACTUAL_PRINTED_WITH_SYMBOL']],
    ['≥95%', '达标', 10, 10, 'positive', null, ['VALUE_UNPARSEABLE']],
    ['≥95%', '', 10, 9, 'positive', null, ['VALUE_UNPARSEABLE']],
    ['≥95%', '', 10, 12, 'positive', null, ['VALUE_UNPARSEABLE', 'SCORE_ABOVE_FORMULA']],
    ['≥95%', '#DIV/0!', 10, 10, 'positive', null, ['VALUE_UNPARSEABLE']],
    ['', '95%', 10, 10, 'equality', null, ['VALUE_UNPARSEABLE']],
    ['#REF!', '95%', 10, 10, 'equality', null, ['VALUE_UNPARSEABLE']],
    ['达到预期', '达到预期', 10, 9, 'qualitative', 9, []],
    ['达到预期', '达到预期', 10, 12, 'qualitative', 10, ['SCORE_OUTSIDE_QUALITATIVE_BAND']],
    ['有效提升', '部分提升', 15, 13, 'qualitative', 12, ['SCORE_OUTSIDE_QUALITATIVE_BAND']],
    ['有效提升', '部分提升', 15, 10, 'qualitative', 10, []],
    ['有效提升', '部分提升', 15, 12, 'qualitative', 12, []],
    ['有效提升', '部分提升', 15, undefined, 'qualitative', 9, []],
    ['有效', '无效', 10, 7, 'qualitative', 6, ['SCORE_OUTSIDE_QUALITATIVE_BAND']],
    ['无重大安全事故', '无', 10, 10, 'qualitative', 10, []],
    ['无重大安全事故', '发生1起', 10, 10, 'qualitative', 6, ['SCORE_OUTSIDE_QUALITATIVE_BAND']],
    ['达到预期', '见附件', 10, 9, 'qualitative', null, ['VALUE_UNPARSEABLE']],
    ['显著提升', '100%', 10, 9, 'qualitative', null, ['VALUE_UNPARSEABLE']],
  ] as const)(
    'target %j, actual %j, weight %d, printed %j → %s %j %j',
    (target, actual, weight, score, kind, formula, rowCodes) => {
      const report = oneRow(
        score === undefined ? { target, actual, weight } : { target, actual, weight, score },
      );
      const row = report.indicators[0]!;
      expect(row.kind).toBe(kind);
      expect(row.formulaScore).toBe(formula);
      expect(codes(report, 'indicator')).toEqual(rowCodes);
    },
  );

  it('gives a qualitative row its band in points', () => {
    const row = oneRow({ target: '有效提升', actual: '部分提升', weight: 15, score: 10 }).indicators[0]!;
    expect(row.level).toBe('partial');
    expect(row.band).toEqual([9, 12]);
  });

  it('reports the conversion of the actual into the target unit', () => {
    const row = oneRow({ target: '≥2万人', actual: '21,500人', weight: 10 }).indicators[0]!;
    expect(row.converted).toEqual({ value: 2.15, unit: '万人' });
    expect(row.actual).toMatchObject({ value: 21500, unit: '人' });
  });

  it('names the row and says the numbers', () => {
    const report = oneRow({ name: '培训人次', target: '≥300人次', actual: '290人次', weight: 10, score: 10 });
    expect(report.findings[0]).toMatchObject({
      code: 'SCORE_ABOVE_FORMULA',
      row: '培训人次',
      indicatorIndex: 0,
    });
    expect(report.findings[0]!.message).toContain('10');
    expect(report.findings[0]!.message).toContain('9.67');
    expect(report.findings[0]!.message).toContain('290/300×10');
  });

  it('mentions the deviation reason of a judged deduction', () => {
    const report = oneRow({
      target: '≥10期',
      actual: '10期',
      weight: 15,
      score: 13,
      reason: '部分培训班参训人数未达计划',
    });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.code).toBe('SCORE_BELOW_FORMULA');
    expect(report.findings[0]!.message).toContain('部分培训班参训人数未达计划');
    const silent = oneRow({ target: '≥10期', actual: '10期', weight: 15, score: 13 });
    expect(silent.findings[0]!.message).toContain('未填写偏差原因');
  });

  it('never changes a printed score', () => {
    const table = aTable({ indicators: [aRow({ target: '≥300', actual: '290', weight: 90, score: 90 })] });
    const report = checkSelfEvaluation(table);
    expect(report.indicators[0]!.printedScore).toBe(90);
    expect(table.indicators[0]!.score).toBe(90);
  });
});

describe('checkSelfEvaluation — execution', () => {
  it.each([
    // planned, executed, weight, printed, rate, formula, codes
    [100, 95, 10, 9.5, 0.95, 9.5, []],
    [100, 95, 10, 10, 0.95, 9.5, ['SCORE_ABOVE_FORMULA']],
    [200, 164, 10, 8.2, 0.82, 8.2, ['EXECUTION_RATE_LOW']],
    [100, 105, 10, 10, 1.05, 10, []],
    [100, 89.99, 10, 9, 0.8999, 9, ['EXECUTION_RATE_LOW']],
    [100, 90, 10, 9, 0.9, 9, []],
    [0, 0, 10, 0, 0, 0, ['EXECUTION_RATE_LOW']],
    [1250000, 1200000, 10, 9.6, 0.96, 9.6, []],
  ] as const)(
    'budget %d, executed %d, weight %d, printed %d → rate %d, formula %d, %j',
    (planned, executed, weight, score, rate, formula, expected) => {
      const report = checkSelfEvaluation(
        aTable({
          budget: { planned, executed, weight, score },
          indicators: [aRow({ weight: 100 - weight, score: 100 - weight })],
        }),
      );
      expect(report.budget.rate).toBeCloseTo(rate, 10);
      expect(report.budget.formulaScore).toBe(formula);
      expect(codes(report, 'budget')).toEqual(expected);
      for (const f of report.findings.filter((x) => x.scope === 'budget')) expect(f.row).toBe('预算执行率');
    },
  );

  it('takes the minimum execution rate from the options', () => {
    const table = aTable({ budget: { planned: 100, executed: 82, weight: 10, score: 8.2 } });
    expect(codes(checkSelfEvaluation(table), 'budget')).toEqual(['EXECUTION_RATE_LOW']);
    expect(codes(checkSelfEvaluation(table, { minExecutionRate: 0.8 }), 'budget')).toEqual([]);
  });
});

describe('checkSelfEvaluation — the table', () => {
  it.each([
    [[50, 30, 10], 10, []],
    [[40, 30, 20], 10, []],
    [[50, 30, 10], 5, ['WEIGHTS_NOT_100']],
    [[50, 30, 15], 10, ['WEIGHTS_NOT_100']],
    [[33.33, 33.33, 23.34], 10, []],
  ] as const)('weights %j + %d → %j', (weights, execution, expected) => {
    const table = aTable({
      budget: { planned: 1, executed: 1, weight: execution },
      indicators: weights.map((w, i) =>
        aRow({ name: `指标${i}`, level1: ['产出指标', '效益指标', '满意度指标'][i]!, weight: w, score: w }),
      ),
    });
    expect(codes(checkSelfEvaluation(table), 'table')).toEqual(expected);
  });

  it('says the sum by first-level indicator', () => {
    const table = aTable({
      budget: { planned: 1, executed: 1, weight: 5 },
      indicators: [
        aRow({ level1: '产出指标', weight: 50 }),
        aRow({ level1: '效益指标', weight: 30 }),
        aRow({ level1: '满意度指标', weight: 10 }),
      ],
    });
    const f = checkSelfEvaluation(table).findings.find((x) => x.code === 'WEIGHTS_NOT_100')!;
    expect(f.message).toBe(
      '各项分值合计 95（产出指标 50 + 效益指标 30 + 满意度指标 10 + 预算执行率 5），应为 100',
    );
  });

  it.each([
    [100, []],
    [100.01, []],
    [99, ['TOTAL_MISMATCH']],
    [101, ['TOTAL_MISMATCH']],
  ] as const)('printed total %d against rows summing to 100 → %j', (total, expected) => {
    expect(codes(checkSelfEvaluation(aTable({ total })), 'table')).toEqual(expected);
  });

  it('does not compare a total with rows that print no score', () => {
    const { score: _printed, ...bare } = aRow();
    const table: SelfEvalTable = {
      budget: { planned: 1, executed: 1, weight: 10 },
      indicators: [bare],
      total: 90,
    };
    expect(codes(checkSelfEvaluation(table), 'table')).toEqual([]);
  });

  it('drops rows that do not apply and re-scales the formula total to 100', () => {
    const table = aTable({
      budget: { planned: 100, executed: 100, weight: 10, score: 10 },
      indicators: [
        aRow({ name: 'A', target: '≥100', actual: '50', weight: 40, score: 20 }),
        bareRow({ name: 'B', target: '不适用', actual: '不适用', weight: 20 }),
        bareRow({ name: 'C', target: '不涉及', actual: '', weight: 10 }),
        aRow({ name: 'D', target: '达到预期', actual: '达到预期', weight: 20, score: 20 }),
      ],
      total: 71.43,
    });
    const report = checkSelfEvaluation(table);
    expect(report.notApplicable.map((n) => n.name)).toEqual(['B', 'C']);
    expect(report.indicators.map((r) => r.name)).toEqual(['A', 'D']);
    // (10 + 20 + 20) × 100 / 70
    expect(report.formulaTotal).toBe(71.43);
    expect(report.weightSum).toBe(100);
    expect(report.findings).toEqual([]);
  });

  it('keeps a row whose target applies but whose actual says 不适用, and flags it', () => {
    const report = oneRow({ target: '≥95%', actual: '不适用', weight: 10, score: 10 });
    expect(report.notApplicable).toEqual([]);
    expect(codes(report, 'indicator')).toEqual(['VALUE_UNPARSEABLE']);
  });

  it('sums the formula scores, counting unreadable rows as 0', () => {
    const table = aTable({
      budget: { planned: 100, executed: 95, weight: 10, score: 9.5 },
      indicators: [
        aRow({ target: '≥300', actual: '290', weight: 50, score: 50 }),
        aRow({ target: '≥95%', actual: '见附件', weight: 40, score: 40 }),
      ],
    });
    const report = checkSelfEvaluation(table);
    expect(report.formulaTotal).toBe(9.5 + 48.33);
    expect(report.grade.label).toBe('差');
  });

  it.each([
    [95, '优', '优'],
    [85, '良', '良'],
    [75, '中', '中'],
    [65, '低', '中'],
    [55, '差', '差'],
  ] as const)('grades a formula total of %d as %s (Jilin) and %s (MoF)', (total, jilin, mof) => {
    const table = aTable({
      budget: { planned: 1, executed: 1, weight: 10, score: 10 },
      indicators: [aRow({ target: '≥90', actual: String(total - 10), weight: 90 })],
    });
    expect(checkSelfEvaluation(table).grade.label).toBe(jilin);
    expect(checkSelfEvaluation(table, { gradeScheme: MOF_FOUR_TIER }).grade.label).toBe(mof);
  });

  it('lists the findings: execution first, then rows in order, then the table', () => {
    const table = aTable({
      budget: { planned: 100, executed: 80, weight: 5, score: 5 },
      indicators: [
        aRow({ name: 'A', target: '≥10', actual: '5', weight: 50, score: 50 }),
        aRow({ name: 'B', actual: '≥100个', weight: 40, score: 40 }),
      ],
      total: 10,
    });
    expect(checkSelfEvaluation(table).findings.map((f) => [f.code, f.row ?? null])).toEqual([
      ['SCORE_ABOVE_FORMULA', '预算执行率'],
      ['EXECUTION_RATE_LOW', '预算执行率'],
      ['SCORE_ABOVE_FORMULA', 'A'],
      ['ACTUAL_PRINTED_WITH_SYMBOL', 'B'],
      ['WEIGHTS_NOT_100', null],
      ['TOTAL_MISMATCH', null],
    ]);
  });
});

describe('checkSelfEvaluation — properties', () => {
  const ALLOWED: readonly FindingCode[] = [
    'SCORE_ABOVE_FORMULA',
    'SCORE_BELOW_FORMULA',
    'SCORE_OUTSIDE_QUALITATIVE_BAND',
    'WEIGHTS_NOT_100',
    'TOTAL_MISMATCH',
    'EXECUTION_RATE_LOW',
    'VALUE_UNPARSEABLE',
    'ACTUAL_PRINTED_WITH_SYMBOL',
  ];
  const printed = fc.constantFrom(
    '≥95%',
    '≤300万元',
    '=1',
    '43.2',
    '100%',
    '≥266米',
    '0',
    '达到预期',
    '无重大安全事故',
    '部分达成',
    '无',
    '未达成',
    '',
    '不适用',
    '#VALUE!',
    '1,650元',
    '0.16万元',
    '≧ 1,200 米',
    '═100％',
    '12月底前',
    '显著提升',
    '较好',
    '差',
  );
  const value = fc.oneof(
    printed,
    fc.string({ maxLength: 12 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
  );
  const weight = fc.double({ min: 0, max: 100, noNaN: true });
  const score = fc.option(fc.double({ min: -50, max: 150, noNaN: true }), { nil: undefined });
  const row = fc
    .record({ target: value, actual: value, weight, score })
    .map(({ score: s, ...r }): SelfEvalIndicatorRow => ({
      level1: '产出指标',
      level2: '数量指标',
      name: 'x',
      ...r,
      ...(s !== undefined ? { score: s } : {}),
    }));
  const table = fc.record({
    planned: fc.double({ min: 0, max: 1e9, noNaN: true }),
    executed: fc.double({ min: 0, max: 1e9, noNaN: true }),
    weight,
    rows: fc.array(row, { maxLength: 8 }),
  });

  it('never scores a row above its weight or below 0, and only uses the listed codes', () => {
    fc.assert(
      fc.property(table, ({ planned, executed, weight: w, rows }) => {
        const report = checkSelfEvaluation({ budget: { planned, executed, weight: w }, indicators: rows });
        expect(report.budget.formulaScore).toBeGreaterThanOrEqual(0);
        expect(report.budget.formulaScore).toBeLessThanOrEqual(round2(w) + 0.005);
        for (const r of report.indicators) {
          if (r.formulaScore === null) {
            expect(
              report.findings.some((f) => f.indicatorIndex === r.index && f.code === 'VALUE_UNPARSEABLE'),
            ).toBe(true);
            continue;
          }
          expect(r.formulaScore).toBeGreaterThanOrEqual(0);
          expect(r.formulaScore).toBeLessThanOrEqual(round2(r.weight) + 0.005);
        }
        for (const f of report.findings) expect(ALLOWED).toContain(f.code);
        expect(Number.isFinite(report.formulaTotal)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("never lowers a positive row's formula score when its actual rises", () => {
    const unitPair = fc.constantFrom(
      ['个', '个'],
      ['%', '%'],
      ['万元', '元'],
      ['元', '万元'],
      ['公里', '米'],
      ['', ''],
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        unitPair,
        (a100, b1, b2, w, [tu, au]) => {
          const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
          const scoreOf = (b: number) =>
            oneRow({ target: `≥${a100 / 100}${tu}`, actual: `${b / 100}${au}`, weight: w }).indicators[0]!
              .formulaScore!;
          expect(scoreOf(lo)).toBeLessThanOrEqual(scoreOf(hi));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const round2 = (x: number) => Math.round(x * 100) / 100;
