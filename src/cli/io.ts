import type { Writable } from 'node:stream';

/** What a command gets from the process: its output streams and environment (tests pass their own). */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
}
