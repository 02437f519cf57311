/**
 * Reads a printed 项目支出绩效自评表 from an .xlsx workbook (DOMAIN.md §2). Blocks are found by their header
 * texts, never by row numbers: the title (…绩效自评表, （YYYY年度）), 项目名称 / 主管部门 / 实施单位, the funds
 * block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, row 年度资金总额), 年度总体目标, and the
 * indicator block (一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施,
 * or 年度指标值 split into 指标性质 | 指标值 | 度量单位) down to the 总分 row.
 *
 * Tolerated: extra blank rows, stray spaces and full-width characters in labels, numbers stored as text,
 * formula cells (their cached result), percent-formatted cells (0.95 → "95%"), and merged cells — the value
 * sits on the master cell only, and 一级/二级指标 are carried down over the rows they span.
 */
import ExcelJS from 'exceljs';
import { domainError, err, ok, type DomainError, type Result } from '../../core/kernel/index.ts';
import { normalizePrinted, numberText } from '../../core/selfeval/parse-value.ts';
import type {
  MoneyUnit,
  SelfEvalBudget,
  SelfEvalIndicatorRow,
  SelfEvalTable,
} from '../../core/selfeval/types.ts';

/** Cell texts by [row][column], 0-based; cells covered by a merge (not its master) are ''. */
type Grid = readonly (readonly string[])[];

function unreadable(zh: string, en: string, details?: unknown): DomainError {
  return domainError('FILE_UNREADABLE', details, { zh, en });
}

function formatDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The text a person sees in a cell; formula cells give their cached result. */
export function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    return numFmt !== undefined && numFmt.includes('%') ? `${numberText(value * 100)}%` : numberText(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? '' : cellText(result as ExcelJS.CellValue, numFmt);
  }
  if ('error' in value) return value.error;
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text, numFmt);
  return '';
}

function toGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: string[][] = [];
  const nCols = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const texts: string[] = [];
    for (let c = 1; c <= nCols; c++) {
      const cell = row.getCell(c);
      const covered = cell.isMerged && cell.master.address !== cell.address;
      texts.push(covered ? '' : cellText(cell.value, cell.numFmt).trim());
    }
    rows.push(texts);
  }
  return rows;
}

/** Label form: NFKC, no spaces, no trailing colon. */
function norm(s: string): string {
  return normalizePrinted(s).replace(/[:：]+$/, '');
}

/** A number printed in a cell: "10", " 9.5 ", "1,234.56", "10分", "１０". */
export function cellNumber(text: string): number | undefined {
  const s = normalizePrinted(text).replace(/分$/, '').replace(/,/g, '');
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : undefined;
}

function findRow(
  grid: Grid,
  test: (texts: readonly string[]) => boolean,
  from = 0,
  to = grid.length,
): number {
  for (let r = from; r < to; r++) if (test(grid[r]!.map(norm))) return r;
  return -1;
}

function findCol(texts: readonly string[], test: (t: string) => boolean): number {
  return texts.findIndex((t) => t !== '' && test(norm(t)));
}

const has = (texts: readonly string[], word: string) => texts.some((t) => t.includes(word));

const HEADER_LABELS = new Set(['项目名称', '主管部门', '实施单位']);

/** The value beside a label (项目名称 → the next non-empty cell to its right). */
function valueBeside(grid: Grid, label: string, before: number): string | undefined {
  for (let r = 0; r < before; r++) {
    const row = grid[r]!;
    const c = findCol(row, (t) => t === label);
    if (c < 0) continue;
    const v = row.slice(c + 1).find((t) => t !== '');
    return v === undefined || HEADER_LABELS.has(norm(v)) ? undefined : v;
  }
  return undefined;
}

function readUnit(grid: Grid, before: number): MoneyUnit | undefined {
  for (let r = 0; r < before; r++) {
    for (const t of grid[r]!) {
      const m = /单位[:：]?(万元|元)|[(（](万元|元)[)）]/.exec(normalizePrinted(t));
      if (m) return (m[1] ?? m[2]) as MoneyUnit;
    }
  }
  return undefined;
}

function readTitle(grid: Grid, before: number): string | undefined {
  const r = findRow(grid, (ts) => has(ts, '自评表'), 0, before);
  if (r < 0) return undefined;
  const title = grid[r]!.find((t) => norm(t).includes('自评表'))!.trim();
  if (/\d{4}年/.test(title)) return title;
  // （2023年度） is often printed in its own row under the title
  for (let k = r + 1; k <= r + 2 && k < before; k++) {
    const year = grid[k]!.find((t) => /^[(（]?\d{4}年度?[)）]?$/.test(norm(t)));
    if (year) return `${title}${year.trim()}`;
  }
  return title;
}

interface FundsColumns {
  initial: number;
  planned: number;
  executed: number;
  weight: number;
  score: number;
}

function readBudget(grid: Grid, before: number): Result<SelfEvalBudget, DomainError> {
  const h = findRow(
    grid,
    (ts) => ts.some((t) => /全年预算|调整后预算/.test(t)) && ts.some((t) => t.includes('执行数')),
    0,
    before,
  );
  if (h < 0) {
    return err(
      unreadable(
        '不是项目支出绩效自评表：找不到资金情况表头（全年预算数 | 全年执行数）',
        'not a self-evaluation table: the funds header (全年预算数 | 全年执行数) is missing',
      ),
    );
  }
  const head = grid[h]!;
  const cols: FundsColumns = {
    initial: findCol(head, (t) => t.includes('年初预算')),
    planned: findCol(head, (t) => /全年预算|调整后预算/.test(t)),
    executed: findCol(head, (t) => t.includes('执行数')),
    weight: findCol(head, (t) => t === '分值' || t === '权重'),
    score: findCol(head, (t) => t === '得分' || t === '自评得分'),
  };
  let r = findRow(grid, (ts) => has(ts, '资金总额'), h + 1, before);
  if (r < 0) r = findRow(grid, (ts) => cellNumber(ts[cols.planned] ?? '') !== undefined, h + 1, before);
  if (r < 0) {
    return err(unreadable('找不到“年度资金总额”行', 'the 年度资金总额 row of the funds block is missing'));
  }
  const row = grid[r]!;
  const num = (c: number) => (c < 0 ? undefined : cellNumber(row[c] ?? ''));
  const initial = num(cols.initial);
  const score = num(cols.score);
  return ok({
    ...(initial !== undefined ? { initial } : {}),
    planned: num(cols.planned) ?? 0,
    executed: num(cols.executed) ?? 0,
    weight: num(cols.weight) ?? 0,
    ...(score !== undefined ? { score } : {}),
  });
}

function readGoals(grid: Grid, before: number): SelfEvalTable['goals'] {
  const h = findRow(grid, (ts) => has(ts, '预期目标') && has(ts, '实际完成情况'), 0, before);
  if (h < 0) return undefined;
  const expectedCol = findCol(grid[h]!, (t) => t.includes('预期目标'));
  const actualCol = findCol(grid[h]!, (t) => t.includes('实际完成情况'));
  const r = findRow(grid, (ts) => ts.some((t) => t !== '' && !t.includes('年度总体目标')), h + 1, before);
  if (r < 0) return undefined;
  const row = grid[r]!;
  const expected = row[expectedCol] ?? '';
  const actual = row[actualCol] ?? '';
  return expected === '' && actual === '' ? undefined : { expected, actual };
}

interface IndicatorColumns {
  level1: number;
  level2: number;
  name: number;
  target: number;
  nature: number;
  value: number;
  unit: number;
  actual: number;
  weight: number;
  score: number;
  reason: number;
}

const SUB_HEADERS = /^(指标性质|指标值|度量单位|计量单位|指标方向|运算符号)$/;

/** Columns of the indicator header (one row, or two when 年度指标值 is split into 指标性质 | 指标值 | 度量单位). */
function indicatorColumns(grid: Grid, h: number): { cols: IndicatorColumns; dataStart: number } {
  const top = grid[h]!;
  const sub = grid[h + 1];
  const twoRows = sub !== undefined && sub.some((t) => SUB_HEADERS.test(norm(t)));
  const width = Math.max(top.length, sub?.length ?? 0);
  const label = (c: number, row: readonly string[] | undefined) => norm(row?.[c] ?? '');
  const find = (test: (t: string) => boolean) => {
    for (const row of twoRows ? [sub, top] : [top]) {
      for (let c = 0; c < width; c++) {
        const t = label(c, row);
        if (t !== '' && test(t)) return c;
      }
    }
    return -1;
  };
  return {
    cols: {
      level1: find((t) => t.includes('一级指标')),
      level2: find((t) => t.includes('二级指标')),
      name: find((t) => t.includes('三级指标') || t === '指标名称' || t === '指标内容'),
      target: find((t) => /年度指标值|年度目标值|预期指标值|目标值/.test(t)),
      nature: find((t) => t === '指标性质' || t === '指标方向' || t === '运算符号'),
      value: find((t) => t === '指标值'),
      unit: find((t) => t === '度量单位' || t === '计量单位'),
      actual: find((t) => /实际完成值|实际值|完成值|全年实际/.test(t)),
      weight: find((t) => t === '分值' || t === '权重' || t.startsWith('分值')),
      score: find((t) => t === '得分' || t === '自评得分' || (t.includes('得分') && !t.includes('分值'))),
      reason: find((t) => t.includes('偏差原因') || t.includes('原因分析')),
    },
    dataStart: h + (twoRows ? 2 : 1),
  };
}

/** 指标性质 | 指标值 | 度量单位 → one target string ("≥" "95" "%" → "≥95%"; "定性" "好" → "好"). */
export function combineTarget(nature: string, value: string, unit: string): string {
  const n = normalizePrinted(nature);
  const v = value.trim();
  if (v === '') return '';
  if (/^[≥≤=]/.test(normalizePrinted(v))) return `${v}${unit !== '' && !v.endsWith(unit) ? unit : ''}`;
  const symbol = /^(≥|正向|大于等于|不低于)/.test(n)
    ? '≥'
    : /^(≤|反向|小于等于|不高于|不超过)/.test(n)
      ? '≤'
      : /^(=|等于)/.test(n)
        ? '='
        : '';
  if (/定性/.test(n)) return v;
  return `${symbol}${v}${unit !== '' && !v.endsWith(unit) ? unit : ''}`;
}

const TOTAL_ROW = /^(总分|合计|总计)/;
const GRADE_WORD = /^(?:等[次级](?:为)?)?(优秀?|良好?|中等?|低|差)$/;

function readIndicators(
  grid: Grid,
  h: number,
): Result<{ indicators: SelfEvalIndicatorRow[]; total?: number; printedGrade?: string }, DomainError> {
  const { cols, dataStart } = indicatorColumns(grid, h);
  const missing = [
    cols.name < 0 ? '三级指标' : null,
    cols.target < 0 && cols.value < 0 ? '年度指标值' : null,
    cols.actual < 0 ? '实际完成值' : null,
    cols.weight < 0 ? '分值' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    return err(
      unreadable(
        `指标表头缺少列：${missing.join('、')}`,
        `the indicator header lacks the column(s) ${missing.join(', ')}`,
        { missing },
      ),
    );
  }
  const split = cols.value >= 0;
  const at = (row: readonly string[], c: number) => (c < 0 ? '' : (row[c] ?? ''));

  const indicators: SelfEvalIndicatorRow[] = [];
  let level1 = '';
  let level2 = '';
  let total: number | undefined;
  let printedGrade: string | undefined;
  for (let r = dataStart; r < grid.length; r++) {
    const row = grid[r]!;
    if (row.some((t) => TOTAL_ROW.test(norm(t)))) {
      const atScore = cellNumber(at(row, cols.score));
      const numbers = row
        .map((t, c) => (c === cols.weight ? undefined : cellNumber(t)))
        .filter((x) => x !== undefined);
      total = atScore ?? numbers.at(-1);
      const grade = row.map((t) => GRADE_WORD.exec(norm(t).replace(/[:：]/g, ''))).find((m) => m !== null);
      if (grade) printedGrade = grade[1]!;
      break;
    }
    const l1 = at(row, cols.level1);
    const l2 = at(row, cols.level2);
    if (l1 !== '' && l1 !== level1) {
      level1 = l1;
      level2 = '';
    }
    if (l2 !== '') level2 = l2;
    const name = at(row, cols.name);
    const target = split
      ? combineTarget(at(row, cols.nature), at(row, cols.value), at(row, cols.unit))
      : at(row, cols.target);
    const actual = at(row, cols.actual);
    const weightText = at(row, cols.weight);
    if (name === '' && target === '' && actual === '' && weightText === '') continue;
    const score = cellNumber(at(row, cols.score));
    const reason = at(row, cols.reason);
    indicators.push({
      level1,
      level2,
      name,
      target,
      actual,
      weight: cellNumber(weightText) ?? 0,
      ...(score !== undefined ? { score } : {}),
      ...(reason !== '' ? { reason } : {}),
    });
  }
  if (indicators.length === 0) {
    return err(unreadable('指标表中没有指标行', 'the indicator block has no rows'));
  }
  return ok({
    indicators,
    ...(total !== undefined ? { total } : {}),
    ...(printedGrade !== undefined ? { printedGrade } : {}),
  });
}

function isIndicatorHeader(ts: readonly string[]): boolean {
  return has(ts, '一级指标') && (has(ts, '三级指标') || has(ts, '年度指标值') || has(ts, '指标名称'));
}

function readSheet(grid: Grid): Result<SelfEvalTable, DomainError> {
  const h = findRow(grid, isIndicatorHeader);
  const budget = readBudget(grid, h);
  if (!budget.ok) return budget;
  const block = readIndicators(grid, h);
  if (!block.ok) return block;
  const fields = {
    title: readTitle(grid, h),
    unit: readUnit(grid, h),
    projectName: valueBeside(grid, '项目名称', h),
    department: valueBeside(grid, '主管部门', h),
    implementingUnit: valueBeside(grid, '实施单位', h),
    goals: readGoals(grid, h),
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as {
    [K in keyof typeof fields]: Exclude<(typeof fields)[K], undefined>;
  };
  return ok({ ...present, budget: budget.value, ...block.value });
}

/** Reads the first worksheet that holds a self-evaluation table. */
export async function readSelfEvalXlsx(content: Uint8Array): Promise<Result<SelfEvalTable, DomainError>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(content.buffer, content.byteOffset, content.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (e) {
    return err(
      unreadable('无法打开该 xlsx 文件', 'the file is not a readable .xlsx workbook', {
        cause: e instanceof Error ? e.message : String(e),
      }),
    );
  }
  let firstProblem: DomainError | null = null;
  for (const ws of wb.worksheets) {
    const grid = toGrid(ws);
    if (findRow(grid, isIndicatorHeader) < 0) continue;
    const table = readSheet(grid);
    if (table.ok) return table;
    firstProblem ??= table.error;
  }
  return err(
    firstProblem ??
      unreadable(
        '不是项目支出绩效自评表：找不到含“一级指标”“三级指标”的指标表头',
        'not a self-evaluation table: no sheet has an indicator header (一级指标 … 三级指标)',
      ),
  );
}
