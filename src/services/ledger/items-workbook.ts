/**
 * 整改台账导出: exactly the filtered rows of the ledger (序号, 整改事项, 责任单位, 区划, 来源, 通报/线索,
 * 整改要求, 整改期限, 状态, 逾期, 报送, 审核) with a title, the filters in words and the export date.
 */
import ExcelJS from 'exceljs';
import type { ItemRecord } from '../../core/ledger/ports.ts';
import type { ItemStatus } from '../../core/ledger/types.ts';

type Lang = 'zh' | 'en';

export interface ItemRow extends ItemRecord {
  readonly ownerDivisionName: string;
  readonly issuerDivisionName: string;
  readonly overdue: boolean;
  readonly sourceLabel: { readonly zh: string; readonly en: string };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFCCC7' } };

export const STATUS_LABELS: Record<ItemStatus, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'Open' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已通过', en: 'Accepted' },
  closed: { zh: '已销号', en: 'Closed' },
};

const stamp = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export async function writeItemsWorkbook(
  rows: readonly ItemRow[],
  meta: { readonly title: string; readonly filters: string; readonly day: string },
  lang: Lang,
): Promise<Uint8Array> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet(en ? 'Ledger' : '整改台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = en
    ? [
        'No.',
        'Item',
        'Responsible organization',
        'Division',
        'Source',
        'Notice / clue',
        'Requirement',
        'Deadline',
        'Status',
        'Overdue',
        'Submitted at',
        'Rectification reported',
        'Review opinion',
        'Escalated at',
        'Issued by',
      ]
    : [
        '序号',
        '整改事项',
        '整改责任单位',
        '区划',
        '问题来源',
        '通报／线索',
        '整改要求',
        '整改期限',
        '状态',
        '是否逾期',
        '报送时间',
        '整改情况',
        '审核意见',
        '升级督办时间',
        '下达单位',
      ];
  const widths = [6, 36, 22, 12, 12, 30, 50, 12, 10, 10, 17, 40, 30, 17, 12];
  ws.columns = widths.map((width) => ({ width }));
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
    const origin = r.noticeTitle
      ? `${r.noticeDocNo ? `${r.noticeDocNo} ` : ''}${r.noticeTitle}`
      : (r.sourceRef.document ?? '');
    const row = ws.addRow([
      i + 1,
      r.title,
      r.ownerOrgName,
      r.ownerDivisionName,
      r.sourceLabel[lang],
      origin,
      r.requirement,
      r.deadline,
      STATUS_LABELS[r.status][lang],
      r.overdue ? (en ? 'Yes' : '是') : en ? 'No' : '否',
      stamp(r.submittedAt),
      r.evidence ?? '',
      r.reviewNote ?? '',
      stamp(r.escalatedAt),
      r.issuerDivisionName,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    if (r.overdue) row.getCell(10).fill = OVERDUE_FILL;
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
