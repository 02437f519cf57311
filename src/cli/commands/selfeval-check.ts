/**
 * jixiao selfeval check FILE [--json] [--export OUT.xlsx] [--grades jilin-5|mof-4] [--min-execution-rate 0.9]
 *
 * Checks a 项目支出绩效自评表 (.json or .xlsx): the formula score beside every printed score, and the
 * findings. Exit 0 when the file was read (with or without findings); 2 when it cannot be read or the
 * command line is wrong.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from '../io.ts';
import { parseArgs } from 'node:util';
import type { DomainError } from '../../core/kernel/index.ts';
import { PRESET_GRADE_SCHEMES, type GradeScheme } from '../../core/scoring/grades.ts';
import { DEFAULT_MIN_EXECUTION_RATE } from '../../core/selfeval/check-self-evaluation.ts';
import { fmt, fmtPercent } from '../../core/selfeval/findings.ts';
import {
  EXECUTION_ROW_NAME,
  type IndicatorKind,
  type SelfEvalReport,
  type SelfEvalTable,
} from '../../core/selfeval/types.ts';
import {
  checkSelfEvaluationFile,
  exportCheckedWorkbook,
  toReportJson,
} from '../../services/selfeval/selfeval-service.ts';

const USAGE = `用法 / usage:
  jixiao selfeval check FILE [--json] [--export OUT.xlsx] [--grades jilin-5|mof-4] [--min-execution-rate 0.9]

  FILE                       自评表，.json 或 .xlsx / the self-evaluation table, .json or .xlsx
  --json                     以 JSON 输出核查结果 / print the report as one JSON object
  --export OUT.xlsx          导出带“公式得分”“核查意见”的工作簿 / write the checked workbook
  --grades CODE              等次方案 / grade scheme: jilin-5 (默认 default) | mof-4
  --min-execution-rate R     预算执行率下限 / minimum execution rate (默认 default 0.9)
`;

class UsageError extends Error {}

type Io = Pick<CliIo, 'stdout' | 'stderr'>;

interface Args {
  readonly file: string;
  readonly json: boolean;
  readonly exportPath?: string;
  readonly scheme: GradeScheme;
  readonly minExecutionRate: number;
}

function parseCommandLine(args: string[]): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        export: { type: 'string' },
        grades: { type: 'string', default: 'jilin-5' },
        'min-execution-rate': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`参数有误 / bad arguments: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? '缺少要核查的文件 / missing FILE'
        : `只能核查一个文件 / exactly one FILE expected, got: ${positionals.join(' ')}`,
    );
  }
  const scheme = PRESET_GRADE_SCHEMES.find((s) => s.code === values.grades);
  if (!scheme) {
    const codes = PRESET_GRADE_SCHEMES.map((s) => s.code).join(' | ');
    throw new UsageError(
      `未知的等次方案 / unknown grade scheme: ${values.grades}（可选 / one of: ${codes}）`,
    );
  }
  let minExecutionRate = DEFAULT_MIN_EXECUTION_RATE;
  const rateText = values['min-execution-rate'];
  if (rateText !== undefined) {
    const pct = rateText.trim().endsWith('%');
    const x = Number(pct ? rateText.trim().slice(0, -1) : rateText) / (pct ? 100 : 1);
    if (rateText.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
      throw new UsageError(
        `--min-execution-rate 应为 0 到 1 之间的小数（如 0.9） / must be a fraction between 0 and 1 (e.g. 0.9), got: ${rateText}`,
      );
    }
    minExecutionRate = x;
  }
  return {
    file: positionals[0]!,
    json: values.json,
    ...(values.export !== undefined ? { exportPath: values.export } : {}),
    scheme,
    minExecutionRate,
  };
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

const pad = (s: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};

/** Aligned columns; `numeric` columns are right-aligned. */
export function formatColumns(rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => pad(cell, widths[c]!, numeric[c] ?? false))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const KIND_ZH: Record<IndicatorKind, string> = {
  positive: '正向',
  reverse: '反向',
  equality: '等于',
  qualitative: '定性',
};
const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : fmt(x));

function formatReport(table: SelfEvalTable, report: SelfEvalReport, scheme: GradeScheme): string {
  const lines: string[] = [];
  lines.push(table.title ?? '项目支出绩效自评表');
  const meta = [
    table.projectName ? `项目名称：${table.projectName}` : '',
    table.implementingUnit ? `实施单位：${table.implementingUnit}` : '',
    table.unit ? `金额单位：${table.unit}` : '',
  ].filter((s) => s !== '');
  if (meta.length > 0) lines.push(meta.join('  '));
  lines.push('');

  const b = table.budget;
  const rows: string[][] = [['指标', '类型', '年度指标值', '实际完成值', '分值', '自评得分', '公式得分']];
  rows.push([
    EXECUTION_ROW_NAME,
    '执行率',
    `预算 ${fmt(b.planned)}`,
    `执行 ${fmt(b.executed)}（${fmtPercent(report.budget.rate)}）`,
    fmt(b.weight),
    score(report.budget.printedScore),
    fmt(report.budget.formulaScore),
  ]);
  for (const c of report.indicators) {
    const formula = c.formulaScore === null ? '无法计算' : fmt(c.formulaScore);
    rows.push([
      c.name,
      KIND_ZH[c.kind],
      c.target.raw,
      c.actual.raw,
      fmt(c.weight),
      score(c.printedScore),
      c.band ? `${formula} [${fmt(c.band[0])}–${fmt(c.band[1])}]` : formula,
    ]);
  }
  for (const n of report.notApplicable) rows.push([n.name, '不适用', '', '', fmt(n.weight), '', '剔除']);
  lines.push(formatColumns(rows, [false, false, false, false, true, true, true]));
  lines.push('');

  if (report.findings.length === 0) {
    lines.push('核查意见：未发现问题');
  } else {
    lines.push(`核查意见（${report.findings.length} 条）：`);
    report.findings.forEach((f, i) => {
      lines.push(`  ${i + 1}. [${f.code}] ${f.row !== undefined ? `${f.row}：` : ''}${f.message}`);
    });
  }
  lines.push('');
  if (report.notApplicable.length > 0) {
    lines.push(`不适用指标已剔除，公式总分按适用分值折算为百分制。`);
  }
  lines.push(
    `总分：自评 ${score(report.printedTotal)}  公式 ${fmt(report.formulaTotal)}  ` +
      `等次 ${report.grade.label}（${scheme.name}）${table.printedGrade ? `  表内等次 ${table.printedGrade}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function failure(io: Io, e: DomainError): number {
  io.stderr.write(`${e.message}\n${e.messageEn}\n`);
  return 2;
}

export async function run(args: string[], io: Io): Promise<number> {
  let parsed: Args | 'help';
  try {
    parsed = parseCommandLine(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }

  let content: Uint8Array;
  try {
    content = await readFile(parsed.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const zh = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : '文件无法读取';
    io.stderr.write(`${zh}：${parsed.file}\ncannot read ${parsed.file}${code ? ` (${code})` : ''}\n`);
    return 2;
  }

  const checked = await checkSelfEvaluationFile(content, parsed.file, {
    gradeScheme: parsed.scheme,
    minExecutionRate: parsed.minExecutionRate,
  });
  if (!checked.ok) return failure(io, checked.error);
  const { table, report } = checked.value;

  if (parsed.exportPath !== undefined) {
    try {
      await writeFile(parsed.exportPath, await exportCheckedWorkbook(table, report));
    } catch (e) {
      io.stderr.write(
        `无法写入导出文件：${parsed.exportPath}\ncannot write ${parsed.exportPath}: ${e instanceof Error ? e.message : String(e)}\n`,
      );
      return 2;
    }
  }

  if (parsed.json) {
    io.stdout.write(`${JSON.stringify(toReportJson(report), null, 2)}\n`);
  } else {
    io.stdout.write(formatReport(table, report, parsed.scheme));
    if (parsed.exportPath !== undefined) io.stdout.write(`已导出 / exported: ${parsed.exportPath}\n`);
  }
  return 0;
}
