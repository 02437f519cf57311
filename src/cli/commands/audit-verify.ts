import { compose } from '../../compose.ts';
import { loadConfig } from '../../config.ts';
import type { CliIo } from '../io.ts';

const USAGE =
  '用法 / usage: jixiao audit verify\n  校验审计日志哈希链，报告第一处断链 / verify the audit hash chain and report the first broken link\n';

/** Exit 0 when the chain holds, 1 at the first broken link, 2 on bad usage. */
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
    const v = await app.services.audit.verify();
    if (v.firstBroken === null) {
      io.stdout.write(
        `审计日志完整：已校验 ${v.checked} 条，哈希链无断裂 / audit chain intact: ${v.checked} events checked\n`,
      );
      return 0;
    }
    const why =
      v.firstBroken.reason === 'hash'
        ? '记录内容与其哈希不符（记录被改动）/ the event does not match its hash (it was altered)'
        : '与前一条记录的链接断开（记录被删除或插入）/ the link to the previous event is broken (events removed or inserted)';
    io.stdout.write(
      `审计日志第 ${v.firstBroken.id} 号记录处断链：${why}\n已校验完好的记录 / intact before it: ${v.checked}\n`,
    );
    return 1;
  } finally {
    await app.close();
  }
}
