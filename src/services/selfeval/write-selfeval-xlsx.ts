/**
 * Writes a checked self-evaluation table back as .xlsx: the table's rows in the printed layout (funds
 * block, 年度总体目标, indicator block, 总分) with two added columns — 公式得分 beside every printed 得分, and
 * 核查意见 with the findings of that row — rows with findings filled in colour, plus a sheet 核查结果
 * listing every finding. Printed values are written as printed; nothing is overwritten.
 */
import ExcelJS from 'exceljs';
import { round } from '../../core/kernel/index.ts';
import { fmtPercent } from '../../core/selfeval/findings.ts';
import type { Finding, SelfEvalReport, SelfEvalTable } from '../../core/selfeval/types.ts';

const FINDING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0B2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const ADDED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2F0D9' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Columns of the indicator block; the funds block shares the sheet's 10 columns. */
const COLUMNS = 10;
const WIDTHS = [12, 14, 24, 16, 16, 8, 10, 28, 10, 48];

const messages = (fs: readonly Finding[]) => fs.map((f) => `[${f.code}] ${f.message}`).join('\n');

function styleRow(
  row: ExcelJS.Row,
  options: { header?: boolean; finding?: boolean; from?: number } = {},
): void {
  for (let c = 1; c <= COLUMNS; c++) {
    const cell = row.getCell(c);
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (options.header) {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    } else if (options.finding) {
      cell.fill = FINDING_FILL;
    }
  }
}

/** Marks the added columns (公式得分, 核查意见) of a header row. */
function markAdded(row: ExcelJS.Row, cols: readonly number[]): void {
  for (const c of cols) row.getCell(c).fill = ADDED_FILL;
}

/** The checked table as an .xlsx workbook. */
export async function exportCheckedWorkbook(
  table: SelfEvalTable,
  report: SelfEvalReport,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('自评表');
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const title = ws.addRow([table.title ?? '项目支出绩效自评表']);
  ws.mergeCells(title.number, 1, title.number, COLUMNS);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center' };
  const header: [string, string | undefined][] = [
    ['项目名称', table.projectName],
    ['主管部门', table.department],
    ['实施单位', table.implementingUnit],
  ];
  for (const [label, value] of header) {
    if (value === undefined) continue;
    const r = ws.addRow([label, value]);
    ws.mergeCells(r.number, 2, r.number, COLUMNS);
    styleRow(r);
  }

  // funds block
  const unit = table.unit ?? '万元';
  const fundsHead = ws.addRow([
    `项目资金（${unit}）`,
    '',
    '年初预算数',
    '全年预算数',
    '全年执行数',
    '分值',
    '执行率',
    '得分',
    '公式得分',
    '核查意见',
  ]);
  styleRow(fundsHead, { header: true });
  markAdded(fundsHead, [9, 10]);
  const budgetFindings = report.findings.filter((f) => f.scope === 'budget');
  const b = table.budget;
  const funds = ws.addRow([
    '年度资金总额',
    '',
    b.initial ?? null,
    b.planned,
    b.executed,
    b.weight,
    fmtPercent(report.budget.rate),
    b.score ?? null,
    report.budget.formulaScore,
    messages(budgetFindings),
  ]);
  ws.mergeCells(funds.number, 1, funds.number, 2);
  styleRow(funds, { finding: budgetFindings.length > 0 });

  if (table.goals) {
    const g = ws.addRow(['年度总体目标', '预期目标', '', '', '', '实际完成情况']);
    styleRow(g, { header: true });
    const v = ws.addRow(['', table.goals.expected, '', '', '', table.goals.actual]);
    ws.mergeCells(g.number, 2, g.number, 5);
    ws.mergeCells(g.number, 6, g.number, COLUMNS);
    ws.mergeCells(v.number, 2, v.number, 5);
    ws.mergeCells(v.number, 6, v.number, COLUMNS);
    styleRow(v);
  }

  // indicator block
  const head = ws.addRow([
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
    '公式得分',
    '核查意见',
  ]);
  styleRow(head, { header: true });
  markAdded(head, [9, 10]);
  const checks = new Map(report.indicators.map((c) => [c.index, c]));
  const dropped = new Set(report.notApplicable.map((n) => n.index));
  table.indicators.forEach((row, i) => {
    const fs = report.findings.filter((f) => f.scope === 'indicator' && f.indicatorIndex === i);
    const check = checks.get(i);
    const formula = dropped.has(i) ? '不适用' : (check?.formulaScore ?? '无法计算');
    const r = ws.addRow([
      row.level1,
      row.level2,
      row.name,
      row.target,
      row.actual,
      row.weight,
      row.score ?? null,
      row.reason ?? '',
      formula,
      messages(fs),
    ]);
    styleRow(r, { finding: fs.length > 0 });
  });

  const tableFindings = report.findings.filter((f) => f.scope === 'table');
  const totalRow = ws.addRow([
    '总分',
    '',
    '',
    '',
    '',
    round(report.weightSum, 2),
    table.total ?? null,
    table.printedGrade ?? '',
    report.formulaTotal,
    messages(tableFindings),
  ]);
  ws.mergeCells(totalRow.number, 1, totalRow.number, 5);
  styleRow(totalRow, { finding: tableFindings.length > 0 });
  totalRow.font = { bold: true };
  const gradeRow = ws.addRow(['等次（按公式总分）', '', '', '', '', '', '', '', report.grade.label, '']);
  ws.mergeCells(gradeRow.number, 1, gradeRow.number, 8);
  styleRow(gradeRow);

  // findings sheet
  const fsheet = wb.addWorksheet('核查结果');
  [6, 32, 20, 90].forEach((w, i) => (fsheet.getColumn(i + 1).width = w));
  const fhead = fsheet.addRow(['序号', '代码', '指标', '核查意见']);
  fhead.font = { bold: true };
  report.findings.forEach((f, i) => {
    fsheet.addRow([i + 1, f.code, f.row ?? '（全表）', f.message]).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  });
  if (report.findings.length === 0) fsheet.addRow(['', '', '', '未发现问题']);
  fsheet.addRow([]);
  fsheet.addRow(['', '公式总分', '', report.formulaTotal]);
  fsheet.addRow(['', '自评总分', '', table.total ?? '未填写']);
  fsheet.addRow(['', '等次（按公式总分）', '', report.grade.label]);
  fsheet.addRow(['', '预算执行率', '', fmtPercent(report.budget.rate)]);
  if (report.notApplicable.length > 0) {
    fsheet.addRow(['', '不适用指标（已剔除并折算）', '', report.notApplicable.map((n) => n.name).join('、')]);
  }

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
