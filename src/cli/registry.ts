import type { CliIo } from './io.ts';

export type { CliIo };

/** A command module: `run` returns the exit code (0 ok, 1 failure found, 2 bad usage or unreadable input). */
export interface CommandModule {
  run(args: string[], io: CliIo): Promise<number>;
}

export interface Command {
  readonly words: readonly string[];
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
}

/** Every command, loaded lazily so that `jixiao --help` starts fast. */
export const commands: readonly Command[] = [
  {
    words: ['selfeval', 'check'],
    summary:
      'selfeval check FILE [--json] [--export OUT.xlsx] [--grades jilin-5|mof-4] [--min-execution-rate 0.9]\n                             核查项目支出绩效自评表 / check a self-evaluation table',
    load: () => import('./commands/selfeval-check.ts'),
  },
  {
    words: ['audit', 'verify'],
    summary: 'audit verify               校验审计日志哈希链 / verify the audit log hash chain',
    load: () => import('./commands/audit-verify.ts'),
  },
  {
    words: ['db', 'migrate'],
    summary: 'db migrate                 执行数据库迁移 / apply database migrations',
    load: () => import('./commands/db-migrate.ts'),
  },
  {
    words: ['db', 'seed'],
    summary: 'db seed --reference        载入参考数据 / load reference data',
    load: () => import('./commands/db-seed.ts'),
  },
  {
    words: ['seed', 'demo'],
    summary:
      'seed demo [--scale N] [--year-from 2025 --year-to 2026] [--reset]\n                             生成演示省份数据 / seed the deterministic demo province',
    load: () => import('./commands/seed-demo.ts'),
  },
];

export function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | null {
  for (const command of commands) {
    if (command.words.every((w, i) => argv[i] === w)) {
      return { command, rest: argv.slice(command.words.length) };
    }
  }
  return null;
}

export function usage(argv: readonly string[]): string {
  const lines = commands.map((c) => `  jixiao ${c.summary}`);
  const head =
    argv.length > 0 && argv[0] !== '--help' && argv[0] !== 'help'
      ? `未知命令 / unknown command: ${argv.join(' ')}\n\n`
      : '';
  return `${head}用法 / usage:\n${lines.join('\n')}\n`;
}
