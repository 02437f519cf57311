/**
 * The checker's report as the web page shows it (contracts/selfeval.ts `CheckReport`): every 三级指标 row in
 * table order with the printed and the formula score side by side, how target and actual were read, the
 * qualitative band, the row's reason; the funds row; totals, grade and scheme; findings with their names in
 * both languages. Dropped (不适用) rows stay in place, marked.
 */
import type { GradeScheme } from '../../core/scoring/grades.ts';
import { findingCatalogue } from '../../core/selfeval/findings.ts';
import { parseValue } from '../../core/selfeval/parse-value.ts';
import type {
  FindingCode,
  IndicatorKind,
  ParsedValue,
  QualitativeLevel,
  SelfEvalReport,
  SelfEvalTable,
} from '../../core/selfeval/types.ts';

export interface ParsedValueView {
  raw: string;
  comparison: ParsedValue['comparison'];
  value: number | null;
  unit: string | null;
  text?: string;
  status: ParsedValue['status'];
}

export interface CheckedIndicatorView {
  index: number;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind | null;
  target: ParsedValueView;
  actual: ParsedValueView;
  converted?: { value: number; unit: string };
  weight: number;
  printedScore: number | null;
  formulaScore: number | null;
  level?: QualitativeLevel;
  band?: [number, number];
  reason?: string;
  notApplicable: boolean;
}

export interface CheckFindingView {
  code: FindingCode;
  scope: 'budget' | 'indicator' | 'table';
  row?: string;
  indicatorIndex?: number;
  message: string;
  title: { zh: string; en: string };
}

export interface CheckReportView {
  header: {
    title: string | null;
    projectName: string | null;
    department: string | null;
    implementingUnit: string | null;
    unit: '元' | '万元' | null;
    goals: { expected: string; actual: string } | null;
    printedGrade: string | null;
  };
  budget: {
    initial: number | null;
    planned: number;
    executed: number;
    rate: number;
    weight: number;
    printedScore: number | null;
    formulaScore: number;
  };
  indicators: CheckedIndicatorView[];
  weightSum: number;
  formulaTotal: number;
  printedTotal: number | null;
  printedScoreSum: number | null;
  grade: { code: string; label: string; labelEn: string; color: string };
  gradeScheme: { code: string; name: string; nameEn: string };
  minExecutionRate: number;
  findings: CheckFindingView[];
}

function valueView(v: ParsedValue): ParsedValueView {
  return {
    raw: v.raw,
    comparison: v.comparison,
    value: v.value,
    unit: v.unit,
    ...(v.text !== undefined ? { text: v.text } : {}),
    status: v.status,
  };
}

export function toReportView(
  table: SelfEvalTable,
  report: SelfEvalReport,
  scheme: GradeScheme,
  minExecutionRate: number,
): CheckReportView {
  const checks = new Map(report.indicators.map((c) => [c.index, c]));
  const indicators = table.indicators.map((row, index): CheckedIndicatorView => {
    const c = checks.get(index);
    const reason = row.reason?.trim() ? { reason: row.reason } : {};
    if (!c) {
      return {
        index,
        level1: row.level1,
        level2: row.level2,
        name: row.name,
        kind: null,
        target: valueView(parseValue(row.target)),
        actual: valueView(parseValue(row.actual)),
        weight: row.weight,
        printedScore: row.score ?? null,
        formulaScore: null,
        ...reason,
        notApplicable: true,
      };
    }
    return {
      index,
      level1: c.level1,
      level2: c.level2,
      name: c.name,
      kind: c.kind,
      target: valueView(c.target),
      actual: valueView(c.actual),
      ...(c.converted ? { converted: { ...c.converted } } : {}),
      weight: c.weight,
      printedScore: c.printedScore,
      formulaScore: c.formulaScore,
      ...(c.level ? { level: c.level } : {}),
      ...(c.band ? { band: [c.band[0], c.band[1]] as [number, number] } : {}),
      ...reason,
      notApplicable: false,
    };
  });
  return {
    header: {
      title: table.title ?? null,
      projectName: table.projectName ?? null,
      department: table.department ?? null,
      implementingUnit: table.implementingUnit ?? null,
      unit: table.unit ?? null,
      goals: table.goals ? { expected: table.goals.expected, actual: table.goals.actual } : null,
      printedGrade: table.printedGrade ?? null,
    },
    budget: {
      initial: table.budget.initial ?? null,
      planned: table.budget.planned,
      executed: table.budget.executed,
      rate: report.budget.rate,
      weight: report.budget.weight,
      printedScore: report.budget.printedScore,
      formulaScore: report.budget.formulaScore,
    },
    indicators,
    weightSum: report.weightSum,
    formulaTotal: report.formulaTotal,
    printedTotal: report.printedTotal,
    printedScoreSum: report.printedScoreSum,
    grade: {
      code: report.grade.code,
      label: report.grade.label,
      labelEn: report.grade.labelEn,
      color: report.grade.color,
    },
    gradeScheme: { code: scheme.code, name: scheme.name, nameEn: scheme.nameEn },
    minExecutionRate,
    findings: report.findings.map((f) => ({
      code: f.code,
      scope: f.scope,
      ...(f.row !== undefined ? { row: f.row } : {}),
      ...(f.indicatorIndex !== undefined ? { indicatorIndex: f.indicatorIndex } : {}),
      message: f.message,
      title: { ...findingCatalogue[f.code] },
    })),
  };
}
