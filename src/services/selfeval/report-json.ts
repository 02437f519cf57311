/**
 * The wire form of a check report (the CLI's `--json` output, and the future web page's response):
 * {budget: {rate, formulaScore, printedScore}, indicators: [{name, kind, target, actual, formulaScore,
 *  band?, printedScore}], formulaTotal, printedTotal, grade, findings: [{code, row?, message}]}
 * plus `notApplicable` (names of dropped rows) only when some row was dropped.
 */
import { round } from '../../core/kernel/index.ts';
import type {
  Comparison,
  FindingCode,
  IndicatorKind,
  ParsedValue,
  SelfEvalReport,
} from '../../core/selfeval/types.ts';

export interface ParsedValueJson {
  raw: string;
  comparison: Comparison | null;
  value: number | null;
  unit: string | null;
  text?: string;
}

export interface IndicatorJson {
  name: string;
  kind: IndicatorKind;
  target: ParsedValueJson;
  actual: ParsedValueJson;
  /** The actual in the target's unit, when a known scale converted it (万元 vs 元 …). */
  converted?: { value: number; unit: string };
  formulaScore: number | null;
  band?: [number, number];
  printedScore: number | null;
}

export interface SelfEvalReportJson {
  budget: { rate: number; formulaScore: number; printedScore: number | null };
  indicators: IndicatorJson[];
  notApplicable?: string[];
  formulaTotal: number;
  printedTotal: number | null;
  grade: string;
  findings: { code: FindingCode; row?: string; message: string }[];
}

function parsedJson(v: ParsedValue): ParsedValueJson {
  return {
    raw: v.raw,
    comparison: v.comparison,
    value: v.value,
    unit: v.unit,
    ...(v.text !== undefined ? { text: v.text } : {}),
  };
}

export function toReportJson(report: SelfEvalReport): SelfEvalReportJson {
  return {
    budget: {
      rate: round(report.budget.rate, 4),
      formulaScore: report.budget.formulaScore,
      printedScore: report.budget.printedScore,
    },
    indicators: report.indicators.map((c) => ({
      name: c.name,
      kind: c.kind,
      target: parsedJson(c.target),
      actual: parsedJson(c.actual),
      ...(c.converted ? { converted: { ...c.converted } } : {}),
      formulaScore: c.formulaScore,
      ...(c.band ? { band: [c.band[0], c.band[1]] as [number, number] } : {}),
      printedScore: c.printedScore,
    })),
    ...(report.notApplicable.length > 0 ? { notApplicable: report.notApplicable.map((n) => n.name) } : {}),
    formulaTotal: report.formulaTotal,
    printedTotal: report.printedTotal,
    grade: report.grade.label,
    findings: report.findings.map((f) => ({
      code: f.code,
      ...(f.row !== undefined ? { row: f.row } : {}),
      message: f.message,
    })),
  };
}
