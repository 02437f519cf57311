/**
 * The project self-evaluation table (项目支出绩效自评表) as printed, and the checker's report on it
 * (DOMAIN.md §2). The table keeps every printed value as printed — targets and actuals are strings, scores
 * are the printed numbers — because the checker never overwrites a printed score: it computes the formula
 * score beside it and reports the difference.
 */
import type { GradeBand } from '../scoring/grades.ts';

/** The unit of the funds block, said in the title or header, e.g. （单位：万元）. */
export type MoneyUnit = '元' | '万元';

/** The 年度资金总额 row of the funds block. Amounts are in the table's `unit`, as printed. */
export interface SelfEvalBudget {
  /** 年初预算数 */
  readonly initial?: number;
  /** 全年预算数 */
  readonly planned: number;
  /** 全年执行数 */
  readonly executed: number;
  /** 分值 of 预算执行率 */
  readonly weight: number;
  /** 得分 as printed */
  readonly score?: number;
}

/** One 三级指标 row. `target` and `actual` are the printed strings (年度指标值, 实际完成值). */
export interface SelfEvalIndicatorRow {
  /** 一级指标 (产出指标 / 效益指标 / 满意度指标) */
  readonly level1: string;
  /** 二级指标 (数量指标, 质量指标 …) */
  readonly level2: string;
  /** 三级指标 */
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  /** 分值 */
  readonly weight: number;
  /** 得分 as printed */
  readonly score?: number;
  /** 偏差原因分析及改进措施 */
  readonly reason?: string;
}

export interface SelfEvalTable {
  readonly title?: string;
  readonly unit?: MoneyUnit;
  /** 项目名称, 主管部门, 实施单位 (read from workbooks; optional in JSON). */
  readonly projectName?: string;
  readonly department?: string;
  readonly implementingUnit?: string;
  /** 年度总体目标: 预期目标 | 实际完成情况 */
  readonly goals?: { readonly expected: string; readonly actual: string };
  readonly budget: SelfEvalBudget;
  readonly indicators: readonly SelfEvalIndicatorRow[];
  /** 总分 as printed */
  readonly total?: number;
  /** The grade printed beside the total, if any. */
  readonly printedGrade?: string;
}

/** `>=` from ≥ ≧ ＞= > 不低于 以上 …; `<=` from ≤ ≦ ＜= < 不超过 以内 …; `=` from = ＝ ═ or no symbol. */
export type Comparison = '>=' | '<=' | '=' | 'qualitative';

/**
 * How a printed value was read:
 * `number` a quantity (comparison, value, unit); `qualitative` words (有效, 达到预期 …); `blank` nothing
 * printed; `not_applicable` 不适用 / 不涉及; `unparseable` something that is none of these.
 */
export type ValueStatus = 'number' | 'qualitative' | 'blank' | 'not_applicable' | 'unparseable';

export interface ParsedValue {
  /** The printed text, untouched. */
  readonly raw: string;
  readonly comparison: Comparison | null;
  readonly value: number | null;
  readonly unit: string | null;
  /** Qualitative words, or the label/remark printed around a number (e.g. 合格率, （含）). */
  readonly text?: string;
  readonly status: ValueStatus;
  /** True when the comparison was printed (a symbol or a word such as 不低于), not implied. */
  readonly comparisonPrinted: boolean;
}

export type IndicatorKind = 'positive' | 'reverse' | 'equality' | 'qualitative';

/** 达成 / 部分达成 / 未达成 (DOMAIN.md §2). */
export type QualitativeLevel = 'achieved' | 'partial' | 'not_achieved';

export type FindingCode =
  | 'SCORE_ABOVE_FORMULA'
  | 'SCORE_BELOW_FORMULA'
  | 'SCORE_OUTSIDE_QUALITATIVE_BAND'
  | 'WEIGHTS_NOT_100'
  | 'TOTAL_MISMATCH'
  | 'EXECUTION_RATE_LOW'
  | 'VALUE_UNPARSEABLE'
  | 'ACTUAL_PRINTED_WITH_SYMBOL';

/** The execution row is named 预算执行率 in findings. */
export const EXECUTION_ROW_NAME = '预算执行率';

export interface Finding {
  readonly code: FindingCode;
  /** `budget` the 预算执行率 row, `indicator` one 三级指标 row, `table` the table as a whole. */
  readonly scope: 'budget' | 'indicator' | 'table';
  /** The row's name (三级指标, or 预算执行率); absent for table-wide findings. */
  readonly row?: string;
  /** Position of the row in `table.indicators` when `scope` is `indicator`. */
  readonly indicatorIndex?: number;
  /** Chinese message with the numbers. */
  readonly message: string;
}

export interface BudgetCheck {
  /** 全年执行数 / 全年预算数 as a fraction (0.95 for 95%), unrounded. */
  readonly rate: number;
  readonly weight: number;
  /** rate × weight, capped at the weight, rounded to 2 decimals. */
  readonly formulaScore: number;
  readonly printedScore: number | null;
}

export interface IndicatorCheck {
  /** Position of the row in `table.indicators`. */
  readonly index: number;
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly kind: IndicatorKind;
  readonly target: ParsedValue;
  /** The actual as printed (before any unit conversion). */
  readonly actual: ParsedValue;
  /** The actual converted to the target's unit, when the units differ by a known scale (万元 vs 元 …). */
  readonly converted?: { readonly value: number; readonly unit: string };
  readonly weight: number;
  /** Rounded to 2 decimals; null when the target or actual cannot be read. */
  readonly formulaScore: number | null;
  /** Qualitative rows: the level judged from the actual against the target, and its band in points. */
  readonly level?: QualitativeLevel;
  readonly band?: readonly [number, number];
  readonly printedScore: number | null;
}

/** A row dropped because its target and actual say the indicator does not apply (不适用 / 不涉及). */
export interface NotApplicableRow {
  readonly index: number;
  readonly name: string;
  readonly weight: number;
}

export interface SelfEvalReport {
  readonly budget: BudgetCheck;
  readonly indicators: readonly IndicatorCheck[];
  readonly notApplicable: readonly NotApplicableRow[];
  /** Σ indicator weights (dropped rows included) + the execution weight. */
  readonly weightSum: number;
  /** Σ row formula scores + execution formula score, re-scaled to 100 when rows were dropped. */
  readonly formulaTotal: number;
  readonly printedTotal: number | null;
  /** Σ printed row scores + printed execution score; null when nothing was printed. */
  readonly printedScoreSum: number | null;
  readonly grade: GradeBand;
  readonly gradeSchemeCode: string;
  readonly findings: readonly Finding[];
}
