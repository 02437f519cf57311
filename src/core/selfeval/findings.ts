/**
 * The checker's findings: stable codes (SCREAMING_SNAKE, never renamed once shipped) and the Chinese
 * messages, with the numbers, that say what is wrong with a printed table. Findings are not errors: the
 * table was read; these are the things a reviewer should look at.
 */
import { round } from '../kernel/index.ts';
import { QUALITATIVE_LEVEL_LABELS } from './judge-qualitative.ts';
import { EXECUTION_ROW_NAME, type Finding, type FindingCode, type QualitativeLevel } from './types.ts';

export const findingCatalogue = {
  SCORE_ABOVE_FORMULA: { zh: '自评得分高于公式得分', en: 'Printed score above the formula score' },
  SCORE_BELOW_FORMULA: { zh: '自评得分低于公式得分', en: 'Printed score below the formula score' },
  SCORE_OUTSIDE_QUALITATIVE_BAND: {
    zh: '定性指标得分超出所属档次区间',
    en: 'Qualitative score outside the band of its level',
  },
  WEIGHTS_NOT_100: { zh: '分值合计不等于100', en: 'Weights do not add up to 100' },
  TOTAL_MISMATCH: {
    zh: '总分与各项得分之和不符',
    en: 'Printed total differs from the sum of printed scores',
  },
  EXECUTION_RATE_LOW: { zh: '预算执行率偏低', en: 'Budget execution rate below the minimum' },
  VALUE_UNPARSEABLE: { zh: '指标值无法识别', en: 'Target or actual value cannot be read' },
  ACTUAL_PRINTED_WITH_SYMBOL: {
    zh: '实际完成值带有比较符号',
    en: 'Actual value printed with a comparison symbol',
  },
} as const satisfies Record<FindingCode, { zh: string; en: string }>;

/** "9.67", "10", "0.5": two decimals at most, no trailing zeros. */
export const fmt = (x: number): string => String(round(x, 2));
/** "95.00%" for 0.95. */
export const fmtPercent = (rate: number): string => `${round(rate * 100, 2).toFixed(2)}%`;
const quote = (s: string): string => `“${s.trim()}”`;

interface RowRef {
  readonly name: string;
  readonly index: number;
}

function indicatorFinding(code: FindingCode, row: RowRef, message: string): Finding {
  return { code, scope: 'indicator', row: row.name, indicatorIndex: row.index, message };
}

function budgetFinding(code: FindingCode, message: string): Finding {
  return { code, scope: 'budget', row: EXECUTION_ROW_NAME, message };
}

/** Printed vs formula on a quantitative row: ABOVE or BELOW. `basis` explains the formula. */
export function scoreDifferenceFinding(
  row: RowRef,
  printed: number,
  formula: number,
  basis: string,
  reason?: string,
): Finding {
  if (printed > formula) {
    return indicatorFinding(
      'SCORE_ABOVE_FORMULA',
      row,
      `自评得分 ${fmt(printed)} 高于公式得分 ${fmt(formula)}（${basis}）`,
    );
  }
  const why = reason && reason.trim() !== '' ? `；偏差原因：${quote(reason)}` : '；未填写偏差原因';
  return indicatorFinding(
    'SCORE_BELOW_FORMULA',
    row,
    `自评得分 ${fmt(printed)} 低于公式得分 ${fmt(formula)}（${basis}）${why}`,
  );
}

/** A printed score above the weight on a row whose formula score cannot be computed. */
export function scoreAboveWeightFinding(row: RowRef, printed: number, weight: number): Finding {
  return indicatorFinding(
    'SCORE_ABOVE_FORMULA',
    row,
    `自评得分 ${fmt(printed)} 高于分值 ${fmt(weight)}，任何指标得分不得超过其分值`,
  );
}

export function budgetScoreFinding(printed: number, formula: number, rate: number, weight: number): Finding {
  const basis = `执行率 ${fmtPercent(rate)} × 分值 ${fmt(weight)}${rate > 1 ? '，以分值为上限' : ''}`;
  return printed > formula
    ? budgetFinding(
        'SCORE_ABOVE_FORMULA',
        `自评得分 ${fmt(printed)} 高于公式得分 ${fmt(formula)}（${basis}）`,
      )
    : budgetFinding(
        'SCORE_BELOW_FORMULA',
        `自评得分 ${fmt(printed)} 低于公式得分 ${fmt(formula)}（${basis}）`,
      );
}

export function outsideBandFinding(
  row: RowRef,
  level: QualitativeLevel,
  band: readonly [number, number],
  printed: number,
  formula: number,
): Finding {
  return indicatorFinding(
    'SCORE_OUTSIDE_QUALITATIVE_BAND',
    row,
    `定性指标按实际完成情况判定为“${QUALITATIVE_LEVEL_LABELS[level]}”，得分应在 ${fmt(band[0])}–${fmt(band[1])} 之间，` +
      `自评得分 ${fmt(printed)} 超出该区间，公式得分按 ${fmt(formula)} 计`,
  );
}

export function weightsFinding(sum: number, parts: readonly { name: string; weight: number }[]): Finding {
  const detail = parts.map((p) => `${p.name} ${fmt(p.weight)}`).join(' + ');
  return {
    code: 'WEIGHTS_NOT_100',
    scope: 'table',
    message: `各项分值合计 ${fmt(sum)}（${detail}），应为 100`,
  };
}

export function totalFinding(printedTotal: number, printedSum: number): Finding {
  return {
    code: 'TOTAL_MISMATCH',
    scope: 'table',
    message: `自评总分 ${fmt(printedTotal)} 与各项自评得分之和 ${fmt(printedSum)} 不符（相差 ${fmt(printedTotal - printedSum)}）`,
  };
}

export function executionLowFinding(
  rate: number,
  minimum: number,
  executed: number,
  planned: number,
): Finding {
  return budgetFinding(
    'EXECUTION_RATE_LOW',
    `预算执行率 ${fmtPercent(rate)}（全年执行数 ${fmt(executed)} / 全年预算数 ${fmt(planned)}）低于 ${fmtPercent(minimum)}，应说明原因`,
  );
}

/** What could not be read, e.g. [['年度指标值', '见附件', '无法识别']]. */
export function unparseableFinding(row: RowRef, problems: readonly string[]): Finding {
  return indicatorFinding('VALUE_UNPARSEABLE', row, `${problems.join('；')}，本行不计公式得分`);
}

export function unreadableValue(field: '年度指标值' | '实际完成值', raw: string, why: string): string {
  return raw.trim() === '' ? `${field}为空` : `${field}${quote(raw)}${why}`;
}

export function symbolInActualFinding(row: RowRef, raw: string, value: number, unit: string | null): Finding {
  return indicatorFinding(
    'ACTUAL_PRINTED_WITH_SYMBOL',
    row,
    `实际完成值${quote(raw)}带有比较符号，应填写实际完成的数值；按 ${fmt(value)}${unit ?? ''} 计算`,
  );
}
