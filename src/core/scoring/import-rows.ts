/**
 * Checks the rows of an input workbook (评分数据导入) before anything is written: every row and every cell,
 * with every problem listed against its row, so that the user fixes the file once. Pure: the service reads
 * the workbook into cells and looks the subjects up; this decides what each cell means.
 */
import type { EvaluationPlan } from './compile-template.ts';
import type { Text } from './explain.ts';
import { checkInputValue, parseLevel, shortLevelLabel, type InputMeta } from './inputs.ts';

export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly percentFormat?: boolean }
  | { readonly kind: 'text'; readonly text: string };

export interface ImportRow {
  /** The worksheet row number (1-based), as Excel shows it. */
  readonly rowNumber: number;
  readonly code: string;
  readonly name: string;
  readonly cells: ReadonlyMap<string, Cell>;
}

/** What a code in the file refers to. */
export type SubjectLookup =
  | { readonly status: 'ok'; readonly subjectId: string; readonly name: string }
  | { readonly status: 'out_of_scope'; readonly name: string }
  /** A subject the user may see, but of another division than the one imported into. */
  | { readonly status: 'other_division'; readonly name: string; readonly division: string }
  | { readonly status: 'unknown' };

export interface CellProblem {
  /** The input key, or null for a problem with the row itself. */
  readonly key: string | null;
  readonly message: Text;
}

export interface RowReport {
  readonly rowNumber: number;
  readonly code: string;
  readonly name: string;
  readonly problems: readonly CellProblem[];
}

export interface GoodRow {
  readonly rowNumber: number;
  readonly subjectId: string;
  /** Values that differ from what is stored (null = mark not applicable). */
  readonly changes: ReadonlyMap<string, number | null>;
}

export interface ImportCheck {
  readonly rows: number;
  readonly good: readonly GoodRow[];
  readonly bad: readonly RowReport[];
}

const NOT_APPLICABLE = new Set(['不适用', 'n/a', 'na', '无此项']);

/** Full-width digits and signs to ASCII, thousands separators and spaces removed. */
function normalizeNumberText(s: string): string {
  return s
    .replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/gu, '.')
    .replace(/[－—]/gu, '-')
    .replace(/[＋]/gu, '+')
    .replace(/％/gu, '%')
    .replace(/[,，\s]/gu, '');
}

/** Reads a number written as text: "95", "1,234.5", "９５％" (percent sign kept as written: 95). */
export function parseNumberText(s: string): number | null {
  const t = normalizeNumberText(s);
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))%?$/u.exec(t);
  if (!m) return null;
  const v = Number(m[1]);
  return Number.isFinite(v) ? v : null;
}

function same(a: number | null | undefined, b: number | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

export function checkImportRows(
  plan: EvaluationPlan,
  metas: readonly InputMeta[],
  rows: readonly ImportRow[],
  lookup: (code: string) => SubjectLookup,
  stored: (subjectId: string) => ReadonlyMap<string, number | null>,
): ImportCheck {
  const good: GoodRow[] = [];
  const bad: RowReport[] = [];
  const seen = new Map<string, number>();
  let counted = 0;

  for (const row of rows) {
    const filled = [...row.cells.values()].some((c) => c.kind !== 'empty');
    if (row.code === '' && !filled) continue;
    counted++;
    const problems: CellProblem[] = [];
    const report = (key: string | null, zh: string, en: string) =>
      problems.push({ key, message: { zh, en } });

    let subjectId: string | null = null;
    if (row.code === '') {
      report(null, '缺少区划/单位代码', 'the division or organization code is missing');
    } else {
      const found = lookup(row.code);
      if (found.status === 'unknown') {
        report(
          null,
          `代码“${row.code}”不是本模板的评价对象`,
          `code "${row.code}" is not a subject of this template`,
        );
      } else if (found.status === 'other_division') {
        report(
          null,
          `“${found.name}”（${row.code}）不属于${found.division}的评价对象，请在页面顶部切换到其所在区划后导入`,
          `"${found.name}" (${row.code}) is not a subject of ${found.division}; switch division to import it`,
        );
      } else if (found.status === 'out_of_scope') {
        report(
          null,
          `“${found.name}”（${row.code}）不在您的管理范围内，不能导入其数据`,
          `"${found.name}" (${row.code}) is outside your scope`,
        );
      } else {
        const first = seen.get(found.subjectId);
        if (first !== undefined) {
          report(
            null,
            `与第${first}行是同一评价对象，同一对象只能有一行`,
            `the same subject as row ${first}; one row per subject`,
          );
        } else {
          seen.set(found.subjectId, row.rowNumber);
          subjectId = found.subjectId;
        }
      }
    }

    // Values as written, then checked together (a score needs the level of its row).
    const current = subjectId ? stored(subjectId) : new Map<string, number | null>();
    const values = new Map<string, number | null>();
    for (const meta of metas) {
      const cell = row.cells.get(meta.key) ?? { kind: 'empty' as const };
      if (cell.kind === 'empty') continue;
      const v = readCell(meta, cell);
      if ('problem' in v) problems.push({ key: meta.key, message: v.problem });
      else values.set(meta.key, v.value);
    }
    const levelOf = (leafCode: string) => {
      const key = `${leafCode}.level`;
      return values.has(key) ? values.get(key) : current.get(key);
    };
    for (const [key, value] of values) {
      const meta = metas.find((m) => m.key === key)!;
      const problem = checkInputValue(plan, meta, value, levelOf);
      if (problem) problems.push({ key, message: problem });
    }

    if (problems.length > 0 || subjectId === null) {
      bad.push({ rowNumber: row.rowNumber, code: row.code, name: row.name, problems });
      continue;
    }
    const changes = new Map<string, number | null>();
    for (const [key, value] of values) if (!same(current.get(key), value)) changes.set(key, value);
    good.push({ rowNumber: row.rowNumber, subjectId, changes });
  }
  return { rows: counted, good, bad };
}

function readCell(meta: InputMeta, cell: Cell): { value: number | null } | { problem: Text } {
  if (cell.kind === 'text') {
    const text = cell.text.trim();
    if (NOT_APPLICABLE.has(text.toLowerCase())) {
      return meta.notApplicableAllowed || meta.optional
        ? { value: null }
        : {
            problem: {
              zh: meta.format === 'count' ? '减分项/加分项不能填“不适用”，未发生请填0' : '此项不能填“不适用”',
              en: 'this input cannot be "not applicable"',
            },
          };
    }
    if (meta.format === 'level') {
      const level = parseLevel(text, meta.levels ?? []);
      return level === null ? { problem: levelProblem(meta) } : { value: level };
    }
    const v = parseNumberText(text);
    return v === null
      ? {
          problem: {
            zh: `“${text}”不是数字${meta.notApplicableAllowed ? '（不适用请填“不适用”）' : ''}`,
            en: `"${text}" is not a number`,
          },
        }
      : { value: v };
  }
  if (cell.kind === 'number') {
    if (meta.format === 'level') return { problem: levelProblem(meta) };
    // A cell formatted as a percentage holds 0.95 for 95%; the templates write percentages as 95.
    return { value: cell.percentFormat ? Math.round(cell.value * 100 * 1e9) / 1e9 : cell.value };
  }
  return { value: null };
}

function levelProblem(meta: InputMeta): Text {
  const labels = (meta.levels ?? []).map(shortLevelLabel);
  return {
    zh: `评价等级请从下拉列表选择：${labels.join('、')}`,
    en: `choose the level from the list: ${(meta.levels ?? []).map((l) => l.labelEn ?? l.label).join(', ')}`,
  };
}
