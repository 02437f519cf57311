import { err, type DomainError, type Result } from '../core/kernel/index.ts';

/** Runs `fn` in one database transaction with ports bound to it (compose.ts provides the implementation). */
export type Transact<P> = <T>(fn: (ports: P) => Promise<T>) => Promise<T>;

class Rollback extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
  }
}

/**
 * One write, one transaction: when `fn` returns an error result, everything it wrote is rolled back and the
 * error is returned; nothing is ever half written.
 */
export async function inTransaction<P, T>(
  transact: Transact<P>,
  fn: (ports: P) => Promise<Result<T, DomainError>>,
): Promise<Result<T, DomainError>> {
  try {
    return await transact(async (ports) => {
      const r = await fn(ports);
      if (!r.ok) throw new Rollback(r.error);
      return r;
    });
  } catch (e) {
    if (e instanceof Rollback) return err(e.error);
    throw e;
  }
}
