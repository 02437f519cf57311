/**
 * 结果应用导出: exactly the filtered rows of a run's consequences — subject, grade, rank, action, base,
 * proposed and confirmed amounts (万元), status, referral, and the rule and inputs that produced each amount.
 */
import ExcelJS from 'exceljs';
import type { ConsequenceRecord, ConsequenceStatus } from '../../core/consequences/ports.ts';
import { ACTION_LABELS } from '../../core/consequences/rules.ts';

type Lang = 'zh' | 'en';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

const STATUS: Record<ConsequenceStatus, { zh: string; en: string }> = {
  proposed: { zh: '待确认', en: 'Proposed' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  rejected: { zh: '不予采纳', en: 'Rejected' },
};

const wan = (fen: number | null) => (fen === null ? null : Math.round(fen / 100) / 10_000);

export async function writeConsequencesWorkbook(
  rows: readonly ConsequenceRecord[],
  meta: {
    readonly title: string;
    readonly filters: string;
    readonly day: string;
    readonly bands: readonly { code: string; label: string; labelEn: string }[];
  },
  lang: Lang,
): Promise<Uint8Array> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet(en ? 'Consequences' : '结果应用', { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = en
    ? [
        'No.',
        'Code',
        'Subject',
        'Grade',
        'Rank',
        'Action',
        'Base (10k yuan)',
        'Proposed change (10k yuan)',
        'Confirmed change (10k yuan)',
        'Status',
        'Accountability referral',
        'Rule and inputs',
        'Note',
      ]
    : [
        '序号',
        '代码',
        '评价对象',
        '等次',
        '排名',
        '处理方式',
        '基数（万元）',
        '建议调整（万元）',
        '确认调整（万元）',
        '状态',
        '移交问责',
        '规则与依据',
        '备注',
      ];
  ws.columns = [6, 14, 26, 8, 8, 16, 14, 16, 16, 10, 10, 70, 24].map((width) => ({ width }));
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
  const bands = new Map(meta.bands.map((b) => [b.code, b]));
  rows.forEach((r, i) => {
    const band = r.grade ? bands.get(r.grade) : undefined;
    const explanation = (r.explanation ?? {}) as { zh?: string; en?: string };
    const row = ws.addRow([
      i + 1,
      r.subjectRefCode ?? '',
      r.subjectName ?? '',
      band ? (en ? band.labelEn : band.label) : (r.grade ?? ''),
      r.rank,
      ACTION_LABELS[r.action][lang],
      wan(r.baseAmountFen),
      wan(r.proposedFen),
      wan(r.confirmedFen),
      STATUS[r.status][lang],
      r.accountabilityReferral ? (en ? 'Yes' : '是') : '',
      (en ? explanation.en : explanation.zh) ?? '',
      r.note ?? '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    for (const c of [7, 8, 9]) {
      row.getCell(c).numFmt = '#,##0.00';
      row.getCell(c).alignment = { horizontal: 'right', vertical: 'top' };
    }
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
