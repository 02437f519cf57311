import { compose, type DemoSeedReport } from '../../compose.ts';
import { loadConfig } from '../../config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../core/demo/demo-accounts.ts';
import { hashPassword } from '../../services/auth/password.ts';
import type { CliIo } from '../io.ts';

const USAGE =
  '用法 / usage: jixiao seed demo [--scale N] [--year-from 2025 --year-to 2026] [--reset]\n' +
  '  生成确定性的演示省份数据（组织机构、用户、资金、指标库、评分模板与数据、项目、自评表）/\n' +
  '  seed the deterministic demo province (organizations, users, funds, indicators, scorecards, projects,\n' +
  '  self-evaluation tables); two runs produce the same data\n' +
  '  --scale N       项目数量倍数（1 = 3,000个项目；可用小数，如 0.1）/ multiplies the projects (1 = 3,000)\n' +
  '  --year-from Y   起始年度（默认2025）/ first fiscal year (default 2025)\n' +
  '  --year-to Y     结束年度（默认2026）/ last fiscal year (default 2026)\n' +
  '  --reset         先删除全部业务数据（保留参考数据）/ delete all business data first (reference data stays)\n';

interface Args {
  readonly scale: number;
  readonly yearFrom: number;
  readonly yearTo: number;
  readonly reset: boolean;
}

function parseArgs(args: readonly string[]): Args | string {
  let scale = 1;
  let yearFrom = 2025;
  let yearTo = 2026;
  let reset = false;
  const number = (flag: string, value: string | undefined): number | string => {
    const n = Number(value);
    return value === undefined || value.trim() === '' || !Number.isFinite(n)
      ? `${flag} 需要一个数字 / ${flag} needs a number`
      : n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.includes('=') ? (a.split('=', 2) as [string, string]) : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--reset' && inline === undefined) reset = true;
    else if (flag === '--scale' || flag === '--year-from' || flag === '--year-to') {
      const n = number(flag, value());
      if (typeof n === 'string') return n;
      if (flag === '--scale') scale = n;
      else if (flag === '--year-from') yearFrom = n;
      else yearTo = n;
    } else return `未知参数 / unknown argument: ${a}`;
  }
  if (!(scale >= 0.01 && scale <= 1000)) return '--scale 应在 0.01 至 1000 之间 / --scale must be 0.01–1000';
  if (!Number.isInteger(yearFrom) || !Number.isInteger(yearTo) || yearFrom > yearTo || yearTo - yearFrom > 4)
    return '年度范围无效（起始不晚于结束，最多5年）/ the years must be a range of at most 5 years';
  if (yearFrom < 2000 || yearTo > 2100) return '年度应在2000至2100之间 / years must be 2000–2100';
  return { scale, yearFrom, yearTo, reset };
}

const fmtInt = (n: number) => n.toLocaleString('en-US');
/** Pads to a width in terminal columns (CJK and full-width characters take two). */
const padColumns = (s: string, width: number) =>
  s + ' '.repeat(Math.max(0, width - [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0)));
const fmtSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function summary(r: DemoSeedReport): string {
  const lines: string[] = ['', '各表行数 / rows per table:'];
  const width = Math.max(...Object.keys(r.counts).map((k) => k.length));
  for (const [table, n] of Object.entries(r.counts))
    lines.push(`  ${table.padEnd(width)}  ${fmtInt(n).padStart(9)}`);
  lines.push('', '各步骤用时 / time per step:');
  for (const s of r.steps) lines.push(`  ${padColumns(s.label, 60)} ${fmtSeconds(s.ms).padStart(8)}`);
  lines.push('', '评分模板等次分布（吉林五档）/ scorecard grade spread:');
  for (const s of r.scorecards) {
    const g = ['优', '良', '中', '低', '差'].map((l) => `${l} ${s.grades[l] ?? 0}`).join('  ');
    lines.push(`  ${s.fiscalYear} ${s.template}（${s.subjects}个对象）: ${g}`);
  }
  const sampled =
    r.selfEvaluations < r.selfEvaluationCandidates
      ? `（在库项目×年度共 ${fmtInt(r.selfEvaluationCandidates)} 个，抽样生成 ${fmtInt(r.selfEvaluations)} 张 / a sample of ${fmtInt(r.selfEvaluations)} of ${fmtInt(r.selfEvaluationCandidates)} project-years）`
      : '（每个在库项目每年一张 / one per in-library project and year）';
  const sg = ['优', '良', '中', '低', '差']
    .map((l) => `${l} ${fmtInt(r.selfEvaluationGrades[l] ?? 0)}`)
    .join('  ');
  lines.push(
    '',
    `自评表 / self-evaluation tables: ${fmtInt(r.selfEvaluations)}${sampled}`,
    `  按公式总分等次 / by formula total: ${sg}`,
  );
  lines.push(
    '',
    `演示数据已生成 / demo data seeded: scale ${r.scale}, ${r.yearFrom}–${r.yearTo}, ${fmtSeconds(r.ms)}`,
    '',
    `演示账号（密码均为 ${DEMO_PASSWORD}）/ demo accounts (password ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map(
      (a) => `  ${a.username.padEnd(11)} ${a.role.padEnd(18)} ${a.divisionCode}  ${a.description}`,
    ),
    '',
  );
  return lines.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`${parsed}\n${USAGE}`);
    return 2;
  }
  const app = await compose(loadConfig(io.env));
  try {
    io.stdout.write(`数据库 / database: ${app.dbKind} (${app.dbLocation})\n`);
    const m = await app.maintenance.migrate();
    if (m.applied > 0) io.stdout.write(`数据库迁移 / migrations applied: ${m.applied}\n`);
    if (!parsed.reset && !(await app.maintenance.isEmpty())) {
      io.stderr.write(
        (await app.maintenance.hasDemoData())
          ? '演示数据已存在，未重复生成。如需重新生成，请加 --reset（删除全部业务数据，保留参考数据）。\n' +
              'Demo data already exist; nothing was changed. Add --reset to delete the business data and seed again.\n'
          : '数据库中已有组织机构或用户（业务数据），拒绝生成演示数据。如确需清空后生成，请加 --reset（删除全部业务数据，保留参考数据）。\n' +
              'The database already has organizations or users; refusing to add demo data. Add --reset to delete all business data first.\n',
      );
      return 2;
    }
    const t0 = performance.now();
    const report = await app.maintenance.seedDemo({
      scale: parsed.scale,
      yearFrom: parsed.yearFrom,
      yearTo: parsed.yearTo,
      reset: parsed.reset,
      hashPassword,
      onProgress: (e) =>
        io.stdout.write(`[${fmtSeconds(performance.now() - t0).padStart(7)}] ${e.message}\n`),
    });
    io.stdout.write(summary(report));
    return 0;
  } catch (e) {
    io.stderr.write(`生成失败 / seeding failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await app.close();
  }
}
