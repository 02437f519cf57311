import { randomBytes } from 'node:crypto';
import type { AccessPort, DivisionPort } from '../core/access/ports.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { checkPasswordPolicy, hashPassword } from './auth/password.ts';
import type { Transact } from './transaction.ts';

interface Ports {
  readonly access: AccessPort;
  readonly audit: AuditPort;
  readonly divisions: DivisionPort;
}

/**
 * The first administrator, on first start: never a fixed default. The password comes from the operator
 * (JIXIAO_ADMIN_PASSWORD) or is generated once, printed once, and must be changed at first sign-in.
 */
export async function ensureAdministrator(
  deps: { ports: Ports; transact: Transact<Ports> },
  options: { password?: string | undefined },
): Promise<
  Result<
    { created: false } | { created: true; username: string; generatedPassword: string | null },
    DomainError
  >
> {
  if ((await deps.ports.access.countUsers()) > 0) return ok({ created: false });
  const root = (await deps.ports.divisions.listAll()).find((d) => d.parentCode === null);
  if (!root)
    return err(
      domainError('NOT_FOUND', null, { zh: '缺少行政区划参考数据', en: 'division reference data missing' }),
    );
  const generated = options.password ? null : `Jx${randomBytes(12).toString('base64url')}9`;
  const password = options.password ?? generated!;
  const policy = checkPasswordPolicy(password);
  if (!policy.ok) return policy;
  const passwordHash = await hashPassword(password);
  await deps.transact(async (p) => {
    const user = await p.access.createUser({
      username: 'admin',
      displayName: '系统管理员',
      passwordHash,
      mofDivCode: root.code,
      organizationId: null,
      phone: null,
      email: null,
      roles: ['admin'],
      mustChangePassword: generated !== null,
    });
    await p.audit.append({
      actor: { userId: null, username: 'system', ip: null },
      action: 'user.create_first_admin',
      objectType: 'user',
      objectId: user.id,
      mofDivCode: root.code,
      before: null,
      after: { username: user.username, roles: user.roles },
    });
  });
  return ok({ created: true, username: 'admin', generatedPassword: generated });
}
