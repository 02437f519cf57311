import { findCommand, usage } from './registry.ts';

const argv = process.argv.slice(2);
const found = findCommand(argv);
if (!found) {
  process.stderr.write(usage(argv));
  process.exitCode = argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' ? 0 : 2;
} else {
  const mod = await found.command.load();
  process.exitCode = await mod.run(found.rest, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}
