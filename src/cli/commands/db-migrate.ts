import { compose } from '../../compose.ts';
import { loadConfig } from '../../config.ts';
import type { CliIo } from '../io.ts';

const USAGE = '用法 / usage: jixiao db migrate\n  执行数据库迁移 / apply database migrations\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (args.length > 0) {
    io.stderr.write(`未知参数 / unknown argument: ${args.join(' ')}\n${USAGE}`);
    return 2;
  }
  const app = await compose(loadConfig(io.env));
  try {
    io.stdout.write(`数据库 / database: ${app.dbKind} (${app.dbLocation})\n`);
    const report = await app.maintenance.migrate();
    io.stdout.write(
      report.applied === 0
        ? `数据库已是最新，共 ${report.total} 个迁移 / database up to date (${report.total} migrations)\n`
        : `已执行 ${report.applied} 个迁移，共 ${report.total} 个 / applied ${report.applied} of ${report.total} migrations\n`,
    );
    return 0;
  } catch (e) {
    io.stderr.write(`迁移失败 / migration failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await app.close();
  }
}
