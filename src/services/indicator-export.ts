/**
 * 指标库导出: the filtered indicator list as an .xlsx sheet in the office's usual layout (序号 first, frozen
 * header, filters on), with the budget integrated management system's field names (kpi_lv1, kpi_lv2,
 * kpi_content, kpi_evalstd, kpi_val …) in a second header row so the sheet maps onto imports.
 */
import ExcelJS from 'exceljs';
import {
  FUND_CLASS_LABELS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_SCOPE_LABELS,
  INDICATOR_STATUS_LABELS,
  VALUE_BASIS_LABELS,
  type LibraryIndicator,
} from '../core/indicators/library.ts';

type Lang = 'zh' | 'en';

interface Column {
  readonly zh: string;
  readonly en: string;
  readonly field: string;
  readonly width: number;
  readonly value: (i: LibraryIndicator, lang: Lang, divisionName: (code: string) => string) => string;
}

const label = (l: { zh: string; en: string } | undefined, lang: Lang) => (l ? l[lang] : '');

const COLUMNS: readonly Column[] = [
  { zh: '指标编码', en: 'Code', field: 'kpi_code', width: 14, value: (i) => i.code },
  { zh: '一级指标', en: 'Level 1', field: 'kpi_lv1', width: 12, value: (i) => i.level1 },
  { zh: '二级指标', en: 'Level 2', field: 'kpi_lv2', width: 16, value: (i) => i.level2 },
  { zh: '三级指标（指标名称）', en: 'Indicator', field: 'kpi_content', width: 30, value: (i) => i.name },
  {
    zh: '共性/个性',
    en: 'Scope',
    field: 'kpi_scope',
    width: 10,
    value: (i, l) => label(INDICATOR_SCOPE_LABELS[i.scope], l),
  },
  {
    zh: '指标性质',
    en: 'Direction',
    field: 'kpi_direction',
    width: 12,
    value: (i, l) => label(INDICATOR_DIRECTION_LABELS[i.direction], l),
  },
  {
    zh: '参考指标值',
    en: 'Reference value',
    field: 'kpi_val',
    width: 12,
    value: (i) => i.referenceValue ?? '',
  },
  { zh: '度量单位', en: 'Unit', field: 'kpi_unit', width: 10, value: (i) => i.unit ?? '' },
  {
    zh: '指标值确定依据',
    en: 'Value basis',
    field: 'kpi_basis',
    width: 14,
    value: (i, l) => (i.valueBasis ? label(VALUE_BASIS_LABELS[i.valueBasis], l) : ''),
  },
  {
    zh: '评(扣)分标准',
    en: 'Scoring standard',
    field: 'kpi_evalstd',
    width: 40,
    value: (i) => i.evaluationStandard ?? '',
  },
  {
    zh: '资金类别',
    en: 'Fund class',
    field: 'fund_class',
    width: 16,
    value: (i, l) => (i.fundClass ? label(FUND_CLASS_LABELS[i.fundClass], l) : ''),
  },
  {
    zh: '支出功能分类',
    en: 'Function class',
    field: 'exp_func_code',
    width: 12,
    value: (i) => i.functionClassCode ?? '',
  },
  { zh: '生效日期', en: 'Valid from', field: 'start_date', width: 12, value: (i) => i.validFrom ?? '' },
  { zh: '失效日期', en: 'Valid to', field: 'end_date', width: 12, value: (i) => i.validTo ?? '' },
  {
    zh: '状态',
    en: 'Status',
    field: 'status',
    width: 8,
    value: (i, l) => label(INDICATOR_STATUS_LABELS[i.status], l),
  },
  {
    zh: '发布区划',
    en: 'Owner division',
    field: 'mof_div_code',
    width: 14,
    value: (i, _l, name) => `${name(i.mofDivCode)}（${i.mofDivCode}）`,
  },
  { zh: '说明', en: 'Description', field: 'remark', width: 30, value: (i) => i.description ?? '' },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const FIELD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };

export async function writeIndicatorsXlsx(
  items: readonly LibraryIndicator[],
  options: { lang: Lang; divisionName: (code: string) => string; day: string },
): Promise<Uint8Array> {
  const { lang } = options;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet(lang === 'en' ? 'Indicator library' : '指标库', {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const headers = [lang === 'en' ? 'No.' : '序号', ...COLUMNS.map((c) => c[lang])];
  const fields = ['seq', ...COLUMNS.map((c) => c.field)];
  ws.columns = [{ width: 6 }, ...COLUMNS.map((c) => ({ width: c.width }))];
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  const fieldRow = ws.addRow(fields);
  fieldRow.font = { color: { argb: 'FF888888' }, size: 9 };
  fieldRow.eachCell((cell) => {
    cell.fill = FIELD_FILL;
  });
  items.forEach((item, i) => {
    const row = ws.addRow([i + 1, ...COLUMNS.map((c) => c.value(item, lang, options.divisionName))]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const note = ws.addRow([]);
  note.getCell(1).value =
    lang === 'en'
      ? `${items.length} indicators, exported ${options.day}`
      : `共 ${items.length} 条，导出日期 ${options.day}`;
  note.font = { italic: true, color: { argb: 'FF666666' } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
