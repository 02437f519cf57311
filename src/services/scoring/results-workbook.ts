/**
 * 评分结果导出: exactly the filtered rows of a run's league table (序号, code, name, 总分, 等次, 排名, the
 * first-level scores) with a title, the filters in words and the export date.
 */
import ExcelJS from 'exceljs';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import type { ResultRow } from '../../core/scoring/ports.ts';
import { INCOMPLETE_GRADE } from '../../core/scoring/score-subjects.ts';

type Lang = 'zh' | 'en';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const GRADE_ARGB: Record<string, string> = {
  green: 'FFD9F7BE',
  blue: 'FFD6E4FF',
  gold: 'FFFFF1B8',
  orange: 'FFFFE7BA',
  red: 'FFFFCCC7',
};

export interface ResultsWorkbookMeta {
  readonly title: string;
  readonly filters: string;
  readonly day: string;
  readonly scheme: GradeScheme;
  readonly firstLevel: readonly { code: string; name: string; nameEn: string | null; weight: number }[];
  readonly codeHeader: { zh: string; en: string };
  readonly missingLabel: (key: string) => string;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export async function writeResultsWorkbook(
  rows: readonly ResultRow[],
  meta: ResultsWorkbookMeta,
  lang: Lang,
): Promise<Uint8Array> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet(en ? 'Results' : '评分结果', { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = [
    en ? 'No.' : '序号',
    meta.codeHeader[lang],
    en ? 'Name' : '名称',
    en ? 'Total' : '总分',
    en ? 'Grade' : '等次',
    en ? 'Rank' : '排名',
    ...meta.firstLevel.map(
      (f) => `${en ? (f.nameEn ?? f.name) : f.name}（${f.weight}${en ? ' pts' : '分'}）`,
    ),
    en ? 'Missing inputs' : '缺少的数据',
  ];
  ws.columns = headers.map((_, i) => ({
    width: i === 0 ? 6 : i === 1 ? 14 : i === 2 ? 26 : i === headers.length - 1 ? 40 : 12,
  }));
  const title = ws.addRow([meta.title]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, headers.length);
  const info = ws.addRow([
    `${meta.filters}${meta.filters ? (en ? '; ' : '；') : ''}${en ? `${rows.length} rows, exported ${meta.day}` : `共 ${rows.length} 行，导出日期 ${meta.day}`}`,
  ]);
  info.font = { italic: true, color: { argb: 'FF666666' } };
  ws.mergeCells(2, 1, 2, headers.length);
  const head = ws.addRow(headers);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  rows.forEach((r, i) => {
    const band = meta.scheme.bands.find((b) => b.code === r.grade);
    const incomplete = r.grade === INCOMPLETE_GRADE;
    const row = ws.addRow([
      i + 1,
      r.subjectRefCode,
      r.subjectName,
      r2(r.total),
      incomplete ? (en ? 'Incomplete' : '数据不全') : band ? (en ? band.labelEn : band.label) : r.grade,
      r.rank,
      ...meta.firstLevel.map((f) => r2(r.nodePoints[f.code] ?? 0)),
      (r.missing ?? []).map(meta.missingLabel).join(en ? '; ' : '；'),
    ]);
    for (let c = 4; c <= 6 + meta.firstLevel.length; c++) {
      const cell = row.getCell(c);
      if (c !== 5) cell.numFmt = c === 6 ? '0' : '0.00';
      cell.alignment = { horizontal: c === 5 ? 'center' : 'right' };
    }
    const fill = band ? GRADE_ARGB[band.color] : undefined;
    if (fill) row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
