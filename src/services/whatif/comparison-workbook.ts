/**
 * 情景模拟导出: the comparison as officials file it — sheet 1 the subjects side by side (基准 | 情景 | 变动:
 * total, grade, rank, amount in 万元), changed cells highlighted; sheet 2 the summary (moves, money by
 * grade, the grade → grade matrix); sheet 3 what the scenario changed (grade bands, rules).
 */
import ExcelJS from 'exceljs';
import { fenToWanYuan } from '../../core/kernel/money.ts';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import type { WhatIfRowView, WhatIfView } from './views.ts';

type Lang = 'zh' | 'en';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const GRADE_ARGB: Record<string, string> = {
  green: 'FFD9F7BE',
  blue: 'FFD6E4FF',
  gold: 'FFFFF1B8',
  orange: 'FFFFE7BA',
  red: 'FFFFCCC7',
};
const UP_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF389E0D' }, bold: true };
const DOWN_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FFCF1322' }, bold: true };
const CHANGED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } };

const r2 = (x: number) => Math.round(x * 100) / 100;
const wan = (fen: number | null) => (fen === null ? null : r2(fenToWanYuan(fen)));

function headerRow(ws: ExcelJS.Worksheet, values: readonly string[]) {
  const row = ws.addRow([...values]);
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
  });
  return row;
}

function titleRows(ws: ExcelJS.Worksheet, title: string, info: string, width: number) {
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 14 };
  ws.mergeCells(t.number, 1, t.number, width);
  const i = ws.addRow([info]);
  i.font = { italic: true, color: { argb: 'FF666666' } };
  ws.mergeCells(i.number, 1, i.number, width);
}

export async function writeComparisonWorkbook(
  view: Omit<WhatIfView, 'rows' | 'timings'>,
  rows: readonly WhatIfRowView[],
  meta: { readonly day: string; readonly filter: string; readonly lang: Lang },
): Promise<Uint8Array> {
  const en = meta.lang === 'en';
  const L = (zh: string, eng: string) => (en ? eng : zh);
  const grades = new Map(view.grades.map((g) => [g.code, g]));
  const gradeText = (code: string) =>
    code === 'incomplete'
      ? L('数据不全', 'Incomplete')
      : ((en ? grades.get(code)?.labelEn : grades.get(code)?.label) ?? code);
  const gradeFill = (code: string): ExcelJS.Fill | undefined => {
    const argb = GRADE_ARGB[grades.get(code)?.color ?? ''];
    return argb ? { type: 'pattern', pattern: 'solid', fgColor: { argb } } : undefined;
  };
  const isScorecard = view.kind === 'scorecard';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';

  // ---- sheet 1: side by side
  const ws = wb.addWorksheet(L('对比明细', 'Comparison'), {
    views: [{ state: 'frozen', ySplit: 4, xSplit: 3 }],
  });
  const group = [
    L('序号', 'No.'),
    isScorecard ? L('代码', 'Code') : L('项目代码', 'Project code'),
    isScorecard ? L('评价对象', 'Subject') : L('项目名称', 'Project'),
    L('所属区划', 'Division'),
    ...(isScorecard ? [] : [L('主管部门', 'Department')]),
  ];
  const lead = group.length;
  const sideCols = [
    L('总分', 'Total'),
    L('等次', 'Grade'),
    L('排名', 'Rank'),
    L('预算调整（万元）', 'Budget change (10k yuan)'),
  ];
  const deltaCols = [
    L('总分变动', 'Total Δ'),
    L('等次变动（档）', 'Grade Δ (steps)'),
    L('名次变动', 'Rank Δ'),
    L('金额变动（万元）', 'Amount Δ (10k yuan)'),
  ];
  const width = lead + sideCols.length * 2 + deltaCols.length;
  ws.columns = Array.from({ length: width }, (_, i) => ({
    width: i === 0 ? 6 : i === 1 ? 16 : i === 2 ? 30 : i < lead ? 14 : 12,
  }));
  titleRows(
    ws,
    en ? view.titleEn : view.title,
    en
      ? `Baseline: ${view.baseline.labelEn}; scenario: ${view.scenario.labelEn}; rows: ${meta.filter}, ${rows.length}; exported ${meta.day}`
      : `基准：${view.baseline.label}；情景：${view.scenario.label}；${meta.filter === 'all' ? '全部对象' : '仅有变化的对象'}，共 ${rows.length} 行；导出日期 ${meta.day}`,
    width,
  );
  // two header rows: the groups (基准 / 情景 / 变动) over their columns
  const groups = ws.addRow([
    ...group.map(() => ''),
    L('基准（现行）', 'Baseline'),
    '',
    '',
    '',
    L('情景（调整后）', 'Scenario'),
    '',
    '',
    '',
    L('变动', 'Change'),
    '',
    '',
    '',
  ]);
  for (let k = 0; k < 3; k++) {
    const from = lead + 1 + k * 4;
    ws.mergeCells(groups.number, from, groups.number, from + 3);
  }
  groups.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center' };
  });
  headerRow(ws, [...group, ...sideCols, ...sideCols, ...deltaCols]);
  rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      r.code ?? '',
      r.name,
      r.divisionName,
      ...(isScorecard ? [] : [r.department ?? '']),
      r2(r.baseline.total),
      gradeText(r.baseline.grade),
      r.baseline.rank,
      wan(r.baseline.amountFen),
      r2(r.scenario.total),
      gradeText(r.scenario.grade),
      r.scenario.rank,
      wan(r.scenario.amountFen),
      r2(r.delta.total),
      r.delta.gradeSteps,
      r.delta.rank,
      wan(r.delta.amountFen),
    ]);
    for (let k = 0; k < 3; k++) {
      const c0 = lead + 1 + k * 4;
      row.getCell(c0).numFmt = '0.00';
      row.getCell(c0 + 2).numFmt = k === 2 ? '+0;-0;0' : '0';
      row.getCell(c0 + 3).numFmt = k === 2 ? '+#,##0.00;-#,##0.00;0.00' : '#,##0.00';
      row.getCell(c0 + 1).alignment = { horizontal: 'center' };
    }
    row.getCell(lead + 9).numFmt = '+0.00;-0.00;0.00';
    row.getCell(lead + 10).numFmt = '+0;-0;0';
    const bf = gradeFill(r.baseline.grade);
    const sf = gradeFill(r.scenario.grade);
    if (bf) row.getCell(lead + 2).fill = bf;
    if (sf) row.getCell(lead + 6).fill = sf;
    const mark = (col: number, changed: boolean, delta: number) => {
      if (!changed) return;
      const cell = row.getCell(col);
      cell.fill = CHANGED_FILL;
      cell.font = delta > 0 ? UP_FONT : DOWN_FONT;
    };
    mark(lead + 9, r.changed.total, r.delta.total);
    mark(lead + 10, r.changed.grade, r.delta.gradeSteps);
    mark(lead + 11, r.changed.rank, r.delta.rank);
    mark(lead + 12, r.changed.amount, r.delta.amountFen);
  });
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: width } };

  // ---- sheet 2: summary
  const sum = wb.addWorksheet(L('汇总', 'Summary'));
  sum.columns = [{ width: 28 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 16 }];
  titleRows(sum, en ? view.titleEn : view.title, `${L('导出日期', 'Exported')} ${meta.day}`, 6);
  const s = view.summary;
  const facts: [string, number | string | null][] = [
    [L('评价对象数', 'Subjects'), s.subjects],
    [L('等次上升', 'Moved up a grade'), s.gradeUp],
    [L('等次下降', 'Moved down a grade'), s.gradeDown],
    [L('等次不变', 'Same grade'), s.gradeSame],
    [L('名次上升', 'Rose in rank'), s.rankUp],
    [L('名次下降', 'Fell in rank'), s.rankDown],
    [L('最大上升名次', 'Largest rise'), s.maxRankRise],
    [L('最大下降名次', 'Largest fall'), s.maxRankFall],
    [L('总分平均变动', 'Mean total change'), s.meanTotalDelta === null ? null : r2(s.meanTotalDelta)],
    [L('预算调整金额有变化的对象', 'Subjects whose amount changed'), s.amountChanged],
    [L('基准预算调整合计（万元）', 'Baseline total (10k yuan)'), wan(s.baselineFen)],
    [L('情景预算调整合计（万元）', 'Scenario total (10k yuan)'), wan(s.scenarioFen)],
    [L('变动（万元）', 'Change (10k yuan)'), wan(s.scenarioFen - s.baselineFen)],
  ];
  for (const [k, v] of facts) {
    const row = sum.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    if (typeof v === 'number' && !Number.isInteger(v)) row.getCell(2).numFmt = '#,##0.00';
  }
  sum.addRow([]);
  headerRow(sum, [
    L('等次', 'Grade'),
    L('基准对象数', 'Baseline count'),
    L('情景对象数', 'Scenario count'),
    L('基准金额（万元）', 'Baseline (10k yuan)'),
    L('情景金额（万元）', 'Scenario (10k yuan)'),
    L('变动（万元）', 'Change (10k yuan)'),
  ]);
  for (const g of s.byGrade) {
    const row = sum.addRow([
      gradeText(g.code),
      g.baselineCount,
      g.scenarioCount,
      wan(g.baselineFen),
      wan(g.scenarioFen),
      wan(g.scenarioFen - g.baselineFen),
    ]);
    for (const c of [4, 5, 6]) row.getCell(c).numFmt = '#,##0.00';
    const f = gradeFill(g.code);
    if (f) row.getCell(1).fill = f;
  }
  sum.addRow([]);
  const codes = s.transitions.codes;
  headerRow(sum, [L('基准等次 \\ 情景等次', 'Baseline \\ scenario'), ...codes.map(gradeText)]);
  codes.forEach((from, a) => {
    const row = sum.addRow([gradeText(from), ...s.transitions.counts[a]!]);
    codes.forEach((_to, b) => {
      if (a !== b && (s.transitions.counts[a]![b] ?? 0) > 0) row.getCell(b + 2).fill = CHANGED_FILL;
    });
  });
  if (s.byDivision.length > 0) {
    sum.addRow([]);
    headerRow(sum, [
      L('区划', 'Division'),
      L('项目数', 'Projects'),
      L('等次上升/下降', 'Up / down'),
      L('基准金额（万元）', 'Baseline (10k yuan)'),
      L('情景金额（万元）', 'Scenario (10k yuan)'),
      L('变动（万元）', 'Change (10k yuan)'),
    ]);
    for (const d of s.byDivision) {
      const row = sum.addRow([
        d.name,
        d.subjects,
        `${d.gradeUp} / ${d.gradeDown}`,
        wan(d.baselineFen),
        wan(d.scenarioFen),
        wan(d.scenarioFen - d.baselineFen),
      ]);
      for (const c of [4, 5, 6]) row.getCell(c).numFmt = '#,##0.00';
    }
  }

  // ---- sheet 3: what the scenario changed
  const set = wb.addWorksheet(L('情景设置', 'Scenario settings'));
  set.columns = [{ width: 24 }, { width: 40 }, { width: 40 }];
  titleRows(set, L('基准与情景的设置', 'Settings of the two sides'), '', 3);
  headerRow(set, ['', L('基准', 'Baseline'), L('情景', 'Scenario')]);
  set.addRow([
    isScorecard ? L('模板版本', 'Template version') : L('评定依据', 'Basis'),
    en ? view.baseline.labelEn : view.baseline.label,
    en ? view.scenario.labelEn : view.scenario.label,
  ]);
  const bands = (sc: GradeScheme | null) =>
    sc
      ? sc.bands.map((b) => `${en ? b.labelEn : b.label} ≥ ${b.min}`).join(en ? ', ' : '，')
      : L('各区划现行方案', "each division's own scheme");
  set.addRow([L('等次方案', 'Grade bands'), bands(view.baseline.scheme), bands(view.scenario.scheme)]);
  const rules = (side: WhatIfView['baseline']) =>
    side.rules
      ? side.rules.rules
          .map(
            (r) =>
              `${en ? (r.labelEn ?? r.label) : r.label}${r.ratio !== undefined ? `（${r2(r.ratio * 100)}%）` : ''}`,
          )
          .join('\n')
      : L('未设置', 'none');
  const rr = set.addRow([L('结果应用规则', 'Consequence rules'), rules(view.baseline), rules(view.scenario)]);
  rr.alignment = { wrapText: true, vertical: 'top' };
  set.addRow([
    L('适用预算年度', 'Budget year'),
    `${view.baseline.targetFiscalYear}`,
    `${view.scenario.targetFiscalYear}`,
  ]);
  for (const w of view.warnings) set.addRow([L('提示', 'Note'), en ? w.messageEn : w.message]);

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
