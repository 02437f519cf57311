/**
 * The self-evaluation table checker (项目支出绩效自评表核查): table in, report out. For every row it reads
 * the printed target and actual, computes the official formula score (DOMAIN.md §2, via
 * core/scoring/rules.ts) beside the printed score, and lists what is wrong. It never changes a printed score.
 */
import { clamp, round, sameScore, SCORE_TOLERANCE } from '../kernel/index.ts';
import { gradeFor, JILIN_FIVE_TIER, type GradeScheme } from '../scoring/grades.ts';
import {
  equalityPoints,
  executionPoints,
  executionRate,
  positivePoints,
  reverseRatioPoints,
} from '../scoring/rules.ts';
import {
  budgetScoreFinding,
  executionLowFinding,
  fmt,
  outsideBandFinding,
  scoreAboveWeightFinding,
  scoreDifferenceFinding,
  symbolInActualFinding,
  totalFinding,
  unparseableFinding,
  unreadableValue,
  weightsFinding,
} from './findings.ts';
import { judgeQualitative, qualitativeBand } from './judge-qualitative.ts';
import { convertToUnit, parseValue } from './parse-value.ts';
import {
  EXECUTION_ROW_NAME,
  type BudgetCheck,
  type Finding,
  type IndicatorCheck,
  type IndicatorKind,
  type NotApplicableRow,
  type ParsedValue,
  type SelfEvalIndicatorRow,
  type SelfEvalReport,
  type SelfEvalTable,
} from './types.ts';

export const DEFAULT_MIN_EXECUTION_RATE = 0.9;

export interface CheckSelfEvaluationOptions {
  /** Default: Jilin five tiers (优/良/中/低/差). */
  readonly gradeScheme?: GradeScheme;
  /** Below this execution rate (a fraction), EXECUTION_RATE_LOW. Default 0.9. */
  readonly minExecutionRate?: number;
}

const KIND_LABELS: Readonly<Record<IndicatorKind, string>> = {
  positive: '正向指标',
  reverse: '反向指标',
  equality: '等于型指标',
  qualitative: '定性指标',
};

/** ≥ → positive, ≤ → reverse, = or a bare number → equality, words → qualitative. */
export function kindOf(target: ParsedValue, actual: ParsedValue): IndicatorKind {
  if (target.status === 'number') {
    return target.comparison === '>=' ? 'positive' : target.comparison === '<=' ? 'reverse' : 'equality';
  }
  if (target.status === 'qualitative') return 'qualitative';
  // The target cannot be read: name the kind after what the actual looks like.
  return actual.status === 'qualitative' ? 'qualitative' : 'equality';
}

function isNotApplicable(target: ParsedValue, actual: ParsedValue): boolean {
  const na = (v: ParsedValue) => v.status === 'not_applicable';
  const naOrBlank = (v: ParsedValue) => na(v) || v.status === 'blank';
  return (na(target) || na(actual)) && naOrBlank(target) && naOrBlank(actual);
}

interface RowOutcome {
  readonly check: IndicatorCheck;
  readonly findings: readonly Finding[];
}

function quantitativePoints(kind: IndicatorKind, b: number, a: number, w: number): number {
  switch (kind) {
    case 'positive':
      return positivePoints(b, a, w);
    case 'reverse':
      return reverseRatioPoints(b, a, w);
    default:
      return equalityPoints(b, a, w);
  }
}

/** "正向指标：实际 290 未达年度指标值 300，290/300×10" — how the formula score came about. */
function quantitativeBasis(kind: IndicatorKind, b: number, a: number, w: number, unit: string): string {
  const met = quantitativePoints(kind, b, a, w) >= w;
  const head = `${KIND_LABELS[kind]}，年度指标值 ${fmt(a)}${unit}，实际 ${fmt(b)}${unit}`;
  if (met) return `${head}，已达成，得满分 ${fmt(w)}`;
  if (kind === 'reverse')
    return a > 0 ? `${head}，按 ${fmt(a)}/${fmt(b)}×${fmt(w)} 计` : `${head}，超出即不得分`;
  if (kind === 'equality' && a <= 0) return `${head}，不等于目标不得分`;
  return `${head}，按 ${fmt(b)}/${fmt(a)}×${fmt(w)} 计`;
}

function checkIndicator(row: SelfEvalIndicatorRow, index: number): RowOutcome {
  const target = parseValue(row.target);
  const actual = parseValue(row.actual);
  const kind = kindOf(target, actual);
  const w = Math.max(0, row.weight);
  const printed = row.score ?? null;
  const ref = { name: row.name.trim() === '' ? `第${index + 1}项指标` : row.name.trim(), index };
  const findings: Finding[] = [];
  const base = {
    index,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    kind,
    target,
    actual,
    weight: row.weight,
    printedScore: printed,
  };

  if (actual.status === 'number' && actual.comparisonPrinted && actual.value !== null) {
    findings.push(symbolInActualFinding(ref, row.actual, actual.value, actual.unit));
  }

  const problems: string[] = [];
  if (target.status !== 'number' && target.status !== 'qualitative') {
    problems.push(unreadableValue('年度指标值', row.target, '无法识别'));
  }

  if (kind === 'qualitative') {
    const level = problems.length === 0 ? judgeQualitative(target, actual) : null;
    if (level === null) {
      if (problems.length === 0) problems.push(unreadableValue('实际完成值', row.actual, '无法判断达成程度'));
      else if (actual.status !== 'qualitative')
        problems.push(unreadableValue('实际完成值', row.actual, '无法识别'));
    } else {
      const [lo, hi] = qualitativeBand(level, w).map((x) => round(x, 2)) as [number, number];
      const band = [lo, hi] as const;
      let formulaScore = lo;
      if (printed !== null) {
        formulaScore = round(clamp(printed, lo, hi), 2);
        if (!sameScore(printed, formulaScore))
          findings.push(outsideBandFinding(ref, level, band, printed, formulaScore));
      }
      return { check: { ...base, formulaScore, level, band }, findings };
    }
  } else {
    if (actual.status !== 'number') {
      const why = actual.status === 'qualitative' ? `不是数值，无法按${KIND_LABELS[kind]}计算` : '无法识别';
      problems.push(unreadableValue('实际完成值', row.actual, why));
    } else if (target.status === 'number' && target.value !== null && actual.value !== null) {
      const a = target.value;
      const converted = convertToUnit(actual.value, actual.unit, target.unit);
      const b = converted ?? actual.value;
      const formulaScore = round(quantitativePoints(kind, b, a, w), 2);
      if (printed !== null && !sameScore(printed, formulaScore)) {
        const unit = target.unit ?? actual.unit ?? '';
        const basis = quantitativeBasis(kind, b, a, w, unit);
        findings.push(scoreDifferenceFinding(ref, printed, formulaScore, basis, row.reason));
      }
      const conv =
        converted !== null && target.unit !== null
          ? { converted: { value: converted, unit: target.unit } }
          : {};
      return { check: { ...base, ...conv, formulaScore }, findings };
    }
  }

  findings.push(unparseableFinding(ref, problems));
  if (printed !== null && printed > w + SCORE_TOLERANCE)
    findings.push(scoreAboveWeightFinding(ref, printed, w));
  return { check: { ...base, formulaScore: null }, findings };
}

function checkBudget(table: SelfEvalTable, minRate: number): { check: BudgetCheck; findings: Finding[] } {
  const { planned, executed, weight } = table.budget;
  const rate = executionRate(executed, planned);
  const w = Math.max(0, weight);
  const formulaScore = round(executionPoints(rate, w), 2);
  const printedScore = table.budget.score ?? null;
  const findings: Finding[] = [];
  if (printedScore !== null && !sameScore(printedScore, formulaScore)) {
    findings.push(budgetScoreFinding(printedScore, formulaScore, rate, w));
  }
  if (rate < minRate) findings.push(executionLowFinding(rate, minRate, executed, planned));
  return { check: { rate, weight, formulaScore, printedScore }, findings };
}

/** Σ weights by 一级指标 in order of appearance, then 预算执行率. */
function weightParts(table: SelfEvalTable): { name: string; weight: number }[] {
  const byLevel1 = new Map<string, number>();
  for (const r of table.indicators) {
    const key = r.level1.trim() === '' ? '未分类指标' : r.level1.trim();
    byLevel1.set(key, (byLevel1.get(key) ?? 0) + r.weight);
  }
  return [
    ...[...byLevel1].map(([name, weight]) => ({ name, weight })),
    { name: EXECUTION_ROW_NAME, weight: table.budget.weight },
  ];
}

/** Checks a printed self-evaluation table against the official formulas. Pure and total: never throws. */
export function checkSelfEvaluation(
  table: SelfEvalTable,
  options: CheckSelfEvaluationOptions = {},
): SelfEvalReport {
  const scheme = options.gradeScheme ?? JILIN_FIVE_TIER;
  const minRate = options.minExecutionRate ?? DEFAULT_MIN_EXECUTION_RATE;

  const budget = checkBudget(table, minRate);
  const indicators: IndicatorCheck[] = [];
  const notApplicable: NotApplicableRow[] = [];
  const rowFindings: Finding[] = [];
  table.indicators.forEach((row, index) => {
    if (isNotApplicable(parseValue(row.target), parseValue(row.actual))) {
      notApplicable.push({ index, name: row.name, weight: row.weight });
      return;
    }
    const outcome = checkIndicator(row, index);
    indicators.push(outcome.check);
    rowFindings.push(...outcome.findings);
  });

  const tableFindings: Finding[] = [];
  const parts = weightParts(table);
  const weightSum = round(
    parts.reduce((s, p) => s + p.weight, 0),
    6,
  );
  if (!sameScore(weightSum, 100)) tableFindings.push(weightsFinding(weightSum, parts));

  const applicableWeight = indicators.reduce((s, r) => s + r.weight, 0) + table.budget.weight;
  const rescale = (x: number) =>
    notApplicable.length > 0 && applicableWeight > 0 ? (x * 100) / applicableWeight : x;

  const printedScores = [...table.indicators.map((r) => r.score), table.budget.score].filter(
    (s): s is number => s !== undefined,
  );
  const printedScoreSum =
    printedScores.length > 0
      ? round(
          printedScores.reduce((s, x) => s + x, 0),
          6,
        )
      : null;
  const printedTotal = table.total ?? null;
  if (printedTotal !== null && printedScoreSum !== null) {
    const matches =
      sameScore(printedTotal, printedScoreSum) || sameScore(printedTotal, round(rescale(printedScoreSum), 2));
    if (!matches) tableFindings.push(totalFinding(printedTotal, printedScoreSum));
  }

  const formulaSum = indicators.reduce((s, r) => s + (r.formulaScore ?? 0), 0) + budget.check.formulaScore;
  const formulaTotal = round(rescale(formulaSum), 2);

  return {
    budget: budget.check,
    indicators,
    notApplicable,
    weightSum,
    formulaTotal,
    printedTotal,
    printedScoreSum,
    grade: gradeFor(scheme, formulaTotal),
    gradeSchemeCode: scheme.code,
    findings: [...budget.findings, ...rowFindings, ...tableFindings],
  };
}
