import { compose } from '../../compose.ts';
import { loadConfig } from '../../config.ts';
import type { CliIo } from '../io.ts';

const USAGE =
  '用法 / usage: jixiao db seed --reference\n' +
  '  --reference  载入参考数据（区划、支出功能分类、等次方案、默认参数、标准模板）/\n' +
  '               load reference data (divisions, function classes, grade schemes, default settings, templates)\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--reference');
  if (unknown.length > 0 || !args.includes('--reference')) {
    const head =
      unknown.length > 0
        ? `未知参数 / unknown argument: ${unknown.join(' ')}\n`
        : '请指定要载入的数据 / say what to load\n';
    io.stderr.write(head + USAGE);
    return 2;
  }
  const app = await compose(loadConfig(io.env));
  try {
    io.stdout.write(`数据库 / database: ${app.dbKind} (${app.dbLocation})\n`);
    const r = await app.maintenance.seedReference();
    io.stdout.write(
      [
        `行政区划 / divisions: ${r.divisions}`,
        `支出功能分类 / expenditure function classes: ${r.expenditureClasses}`,
        `等次方案 / grade schemes: ${r.gradeSchemes}`,
        `新增默认参数 / default settings added: ${r.settingsInserted}`,
        `指标模板 / templates: ${r.templates}（新增版本 / versions added: ${r.templateVersionsInserted}）`,
        '参考数据已载入 / reference data loaded',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    io.stderr.write(`载入失败 / seeding failed: ${e instanceof Error ? e.message : String(e)}\n`);
    io.stderr.write('如尚未迁移，请先运行 / if the database is not migrated yet, run: jixiao db migrate\n');
    return 1;
  } finally {
    await app.close();
  }
}
