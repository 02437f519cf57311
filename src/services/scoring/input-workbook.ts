/**
 * The Excel input template of a template version (评分数据填报模板) and its reader.
 *
 * Sheet 评分数据: row 1 is a hidden key row (A1 names the template version, then `#`, `code`, `name` and
 * one input key per column); rows 2–3 are the two-row header (序号 | 区划/单位代码 | 名称 | the leaf's name
 * over its inputs, and below it each input's label with its unit); one row per subject from row 4 with
 * the current values filled in. Qualitative levels carry a drop-down (达成/部分达成/未达成), scores and
 * counts a range check. Sheet 填报说明 lists every input with its rule in words.
 *
 * The reader finds the columns by the hidden keys, never by position, so users may hide, widen or reorder
 * nothing-breaking columns, and the header text may be edited freely.
 */
import ExcelJS from 'exceljs';
import { domainError, err, ok, type DomainError, type Result } from '../../core/kernel/index.ts';
import type { EvaluationPlan } from '../../core/scoring/compile-template.ts';
import type { Cell, ImportRow } from '../../core/scoring/import-rows.ts';
import { ruleInWords, shortLevelLabel, type InputMeta } from '../../core/scoring/inputs.ts';
import type { SubjectRecord } from '../../core/scoring/ports.ts';

type Lang = 'zh' | 'en';

export const KEY_ROW_MARK = 'jixiao:scoring-inputs';
const DATA_SHEET = '评分数据';
const FIRST_DATA_ROW = 4;
const FIXED = 3;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export interface InputWorkbookMeta {
  readonly versionId: string;
  readonly templateName: string;
  readonly fiscalYear: number;
  readonly versionNo: number;
  readonly divisionName: string;
  readonly day: string;
  readonly subjectKind: 'division' | 'organization';
}

const f2 = (x: number) => String(Math.round(x * 100) / 100);

function inputHeader(meta: InputMeta, lang: Lang): string {
  const label = lang === 'en' ? meta.labelEn : meta.label;
  return meta.unit ? `${label}（${meta.unit}）` : label;
}

export async function writeInputWorkbook(
  plan: EvaluationPlan,
  metas: readonly InputMeta[],
  subjects: readonly SubjectRecord[],
  values: (subjectId: string, key: string) => number | null | undefined,
  meta: InputWorkbookMeta,
  lang: Lang = 'zh',
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = new Date(`${meta.day}T00:00:00Z`);
  const ws = wb.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: FIXED, ySplit: FIRST_DATA_ROW - 1 }],
  });
  const codeHeader =
    meta.subjectKind === 'division'
      ? lang === 'en'
        ? 'Division code'
        : '区划代码'
      : lang === 'en'
        ? 'Organization code'
        : '单位代码';
  ws.columns = [{ width: 6 }, { width: 14 }, { width: 24 }, ...metas.map(() => ({ width: 16 }))];

  const keyRow = ws.getRow(1);
  keyRow.getCell(1).value = `${KEY_ROW_MARK}:${meta.versionId}`;
  keyRow.getCell(2).value = 'code';
  keyRow.getCell(3).value = 'name';
  metas.forEach((m, i) => {
    keyRow.getCell(FIXED + 1 + i).value = m.key;
  });
  keyRow.hidden = true;

  const h1 = ws.getRow(2);
  const h2 = ws.getRow(3);
  const fixedHeaders = [lang === 'en' ? 'No.' : '序号', codeHeader, lang === 'en' ? 'Name' : '名称'];
  fixedHeaders.forEach((text, i) => {
    h1.getCell(i + 1).value = text;
    ws.mergeCells(2, i + 1, 3, i + 1);
  });
  // Leaf names over their inputs (merged when a leaf has several).
  let col = FIXED + 1;
  let k = 0;
  while (k < metas.length) {
    const leaf = metas[k]!.leafCode;
    let span = 1;
    while (k + span < metas.length && metas[k + span]!.leafCode === leaf) span++;
    const node = plan.nodes[plan.byCode.get(leaf)!]!;
    h1.getCell(col).value =
      `${lang === 'en' ? (node.nameEn ?? node.name) : node.name}（${f2(node.weight)}${lang === 'en' ? ' pts' : '分'}）`;
    if (span > 1) ws.mergeCells(2, col, 2, col + span - 1);
    for (let j = 0; j < span; j++) h2.getCell(col + j).value = inputHeader(metas[k + j]!, lang);
    col += span;
    k += span;
  }
  for (const row of [h1, h2]) {
    row.height = 36;
    for (let c = 1; c <= FIXED + metas.length; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  }

  subjects.forEach((s, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = s.refCode;
    row.getCell(3).value = s.name;
    metas.forEach((m, j) => {
      const cell = row.getCell(FIXED + 1 + j);
      const v = values(s.id, m.key);
      if (v === null) cell.value = lang === 'en' ? 'N/A' : '不适用';
      else if (v !== undefined) {
        cell.value = m.format === 'level' ? shortLevelLabel(m.levels![v] ?? m.levels![0]!) : v;
      }
      cell.fill = INPUT_FILL;
      cell.border = THIN;
      const validation = validationFor(plan, m);
      if (validation) cell.dataValidation = validation;
    });
    for (let c = 1; c <= FIXED; c++) row.getCell(c).border = THIN;
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: FIXED + metas.length } };

  writeGuide(wb, plan, metas, meta, lang);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function validationFor(plan: EvaluationPlan, m: InputMeta): ExcelJS.DataValidation | null {
  if (m.format === 'level') {
    const list = (m.levels ?? []).map(shortLevelLabel).join(',');
    return {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '评价等级',
      error: `请从下拉列表选择：${(m.levels ?? []).map(shortLevelLabel).join('、')}`,
    };
  }
  if (m.format === 'score') {
    const w = plan.nodes[plan.byCode.get(m.leafCode)!]!.weight;
    return {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, w],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '评价得分',
      error: `评价得分应在0至${f2(w)}分之间，并落在所选等级的区间内`,
    };
  }
  if (m.format === 'count') {
    return {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '次数',
      error: '请填写不小于0的数字；未发生请填0',
    };
  }
  return null;
}

function writeGuide(
  wb: ExcelJS.Workbook,
  plan: EvaluationPlan,
  metas: readonly InputMeta[],
  meta: InputWorkbookMeta,
  lang: Lang,
): void {
  const en = lang === 'en';
  const ws = wb.addWorksheet(en ? 'Instructions' : '填报说明');
  ws.columns = [
    { width: 6 },
    { width: 14 },
    { width: 30 },
    { width: 16 },
    { width: 16 },
    { width: 8 },
    { width: 8 },
    { width: 60 },
    { width: 40 },
  ];
  const title = ws.addRow([
    en
      ? `${meta.templateName} — input template (${meta.fiscalYear}, version ${meta.versionNo})`
      : `${meta.templateName}评分数据填报模板（${meta.fiscalYear}年度 第${meta.versionNo}版）`,
  ]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, 9);
  const lines = en
    ? [
        `Division: ${meta.divisionName}; generated ${meta.day}.`,
        'Fill in the yellow cells of the sheet 评分数据, one row per subject; keep the codes in column B.',
        'An empty cell leaves the stored value unchanged. Write "N/A" when an indicator does not apply to the subject: it is dropped and the total re-scaled.',
        'Deductions and bonuses: write 0 when nothing happened. Qualitative levels: choose from the list.',
        'Upload the file under 评分数据 → 导入Excel. Every row is checked first; nothing is written while a row has errors unless you choose to keep the good rows.',
      ]
    : [
        `填报区划：${meta.divisionName}；生成日期：${meta.day}。`,
        '请在“评分数据”表的黄色单元格中填写，每个评价对象一行；B列代码用于识别评价对象，请勿修改。',
        '单元格留空表示不修改已有数值；某项指标对该对象不适用时填“不适用”，该指标剔除后总分按满分折算。',
        '减分项、加分项未发生请填0；定性指标的评价等级请从下拉列表选择（达成/部分达成/未达成），评价得分须在所选等级的区间内。',
        '填好后在“评分数据”页面点击“导入Excel”上传。系统先逐行逐格校验，有错误的行会列出原因；除非选择“仅导入无误的行”，否则有任何错误时不写入任何数据。',
      ];
  for (const line of lines) {
    const r = ws.addRow([line]);
    ws.mergeCells(r.number, 1, r.number, 9);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 30;
  }
  ws.addRow([]);
  const head = ws.addRow(
    en
      ? ['No.', 'Code', 'Indicator', 'Input', 'Unit', 'Weight', 'Optional', 'Rule', 'Scoring standard']
      : ['序号', '指标编码', '指标', '填报项', '单位', '分值', '可空', '评分规则', '评(扣)分标准'],
  );
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  metas.forEach((m, i) => {
    const node = plan.nodes[plan.byCode.get(m.leafCode)!]!;
    const rule = ruleInWords(node);
    const standard = node.source.type === 'leaf' ? (node.source.standard ?? '') : '';
    const r = ws.addRow([
      i + 1,
      m.leafCode,
      node.path,
      en ? m.labelEn : m.label,
      m.unit ?? '',
      node.weight,
      m.optional ? (en ? 'yes' : '是') : m.format === 'count' ? (en ? 'as 0' : '空=0') : '',
      en ? rule.en : rule.zh,
      standard,
    ]);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.eachCell((cell) => {
      cell.border = THIN;
    });
  });
}

export interface ParsedInputWorkbook {
  readonly versionId: string;
  /** Input keys found in the key row (in column order). */
  readonly keys: readonly string[];
  readonly rows: readonly ImportRow[];
}

const unreadable = (zh: string, en: string, details?: unknown): DomainError =>
  domainError('FILE_UNREADABLE', details, { zh, en });

function cellOf(cell: ExcelJS.Cell): Cell {
  let v: unknown = cell.value;
  if (v && typeof v === 'object') {
    if ('result' in v) v = (v as { result: unknown }).result;
    else if ('richText' in v)
      v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    else if ('text' in v) v = (v as { text: unknown }).text;
  }
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') {
    return cell.numFmt && cell.numFmt.includes('%')
      ? { kind: 'number', value: v, percentFormat: true }
      : { kind: 'number', value: v };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  if (v instanceof Date) return { kind: 'text', text: v.toISOString().slice(0, 10) };
  const text = String(v).trim();
  return text === '' ? { kind: 'empty' } : { kind: 'text', text };
}

const textOf = (cell: ExcelJS.Cell): string => {
  const c = cellOf(cell);
  return c.kind === 'text' ? c.text : c.kind === 'number' ? String(c.value) : '';
};

/** Reads a filled-in input template; the key row says which version and which input each column holds. */
export async function readInputWorkbook(
  content: Uint8Array,
): Promise<Result<ParsedInputWorkbook, DomainError>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return err(
      unreadable('不是有效的Excel（.xlsx）文件', 'not a valid Excel (.xlsx) file', { reason: 'not_xlsx' }),
    );
  }
  for (const ws of wb.worksheets) {
    const mark = textOf(ws.getRow(1).getCell(1));
    if (!mark.startsWith(`${KEY_ROW_MARK}:`)) continue;
    const versionId = mark.slice(KEY_ROW_MARK.length + 1);
    const keyRow = ws.getRow(1);
    const columns: { col: number; key: string }[] = [];
    let codeCol = 0;
    let nameCol = 0;
    for (let c = 2; c <= Math.max(keyRow.cellCount, ws.columnCount); c++) {
      const key = textOf(keyRow.getCell(c));
      if (key === 'code') codeCol = c;
      else if (key === 'name') nameCol = c;
      else if (key !== '' && key !== '#') columns.push({ col: c, key });
    }
    if (codeCol === 0) {
      return err(unreadable('模板的隐藏标识行缺少代码列', 'the key row has no code column'));
    }
    const rows: ImportRow[] = [];
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells = new Map<string, Cell>();
      for (const { col, key } of columns) cells.set(key, cellOf(row.getCell(col)));
      rows.push({
        rowNumber: r,
        code: textOf(row.getCell(codeCol)),
        name: nameCol ? textOf(row.getCell(nameCol)) : '',
        cells,
      });
    }
    return ok({ versionId, keys: columns.map((c) => c.key), rows });
  }
  return err(
    unreadable(
      '找不到评分数据表：请使用本系统下载的填报模板（首行隐藏标识不可删除）',
      'no input sheet found: use the template downloaded from the system (keep its hidden first row)',
      { reason: 'no_key_row' },
    ),
  );
}
