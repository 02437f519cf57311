/**
 * 自评表导出: the filtered list of stored self-evaluations (every matching row, no paging) as one .xlsx
 * sheet — 序号 first, header frozen, auto-filter on, scores with two decimals, the filter in a note line.
 */
import ExcelJS from 'exceljs';
import type { SelfEvaluationSummary } from '../../core/selfeval/ports.ts';

type Lang = 'zh' | 'en';

const STATUS_LABELS: Record<SelfEvaluationSummary['status'], { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已确认', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
};

interface Column {
  readonly zh: string;
  readonly en: string;
  readonly width: number;
  readonly score?: boolean;
  readonly value: (r: SelfEvaluationSummary, lang: Lang, divisionName: (code: string) => string) => unknown;
}

const COLUMNS: readonly Column[] = [
  { zh: '项目名称', en: 'Project', width: 40, value: (r) => r.projectName },
  { zh: '项目代码', en: 'Project code', width: 22, value: (r) => r.proCode ?? '' },
  { zh: '主管部门', en: 'Department', width: 28, value: (r) => r.departmentName ?? '' },
  {
    zh: '财政区划',
    en: 'Division',
    width: 16,
    value: (r, _l, name) => `${name(r.mofDivCode)}（${r.mofDivCode}）`,
  },
  { zh: '预算年度', en: 'Fiscal year', width: 10, value: (r) => r.fiscalYear },
  { zh: '自评总分', en: 'Printed total', width: 10, score: true, value: (r) => r.printedTotal },
  { zh: '公式总分', en: 'Formula total', width: 10, score: true, value: (r) => r.formulaTotal },
  { zh: '等次', en: 'Grade', width: 8, value: (r) => r.grade ?? '' },
  { zh: '核查问题数', en: 'Findings', width: 10, value: (r) => r.findingCount },
  { zh: '状态', en: 'Status', width: 10, value: (r, l) => STATUS_LABELS[r.status][l] },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

export async function writeSelfEvaluationsXlsx(
  items: readonly SelfEvaluationSummary[],
  options: { lang: Lang; divisionName: (code: string) => string; day: string; filter: string },
): Promise<Uint8Array> {
  const { lang } = options;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet(lang === 'en' ? 'Self-evaluations' : '自评表', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = [lang === 'en' ? 'No.' : '序号', ...COLUMNS.map((c) => c[lang])];
  ws.columns = [{ width: 6 }, ...COLUMNS.map((c) => ({ width: c.width }))];
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  items.forEach((item, i) => {
    const row = ws.addRow([i + 1, ...COLUMNS.map((c) => c.value(item, lang, options.divisionName))]);
    COLUMNS.forEach((c, k) => {
      if (c.score) row.getCell(k + 2).numFmt = '0.00';
    });
    row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const note = ws.addRow([]);
  note.getCell(1).value =
    lang === 'en'
      ? `${items.length} self-evaluations (${options.filter}), exported ${options.day}`
      : `共 ${items.length} 份（${options.filter}），导出日期 ${options.day}`;
  note.font = { italic: true, color: { argb: 'FF666666' } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
