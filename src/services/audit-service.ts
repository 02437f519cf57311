import { inDivisionScope, requirePermission, type Actor } from '../core/access/scope.ts';
import type { AuditPort, AuditVerification } from '../core/audit/ports.ts';
import type { DivisionPort } from '../core/access/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';

/** Reading the audit log within one's scope (an auditor filters by person, object and time), and verifying
 * its hash chain. */
export function makeAuditService(deps: { ports: { audit: AuditPort; divisions: DivisionPort } }) {
  const { audit, divisions } = deps.ports;
  return {
    async list(
      actor: Actor,
      q: {
        division?: string;
        username?: string;
        objectType?: string;
        objectId?: string;
        action?: string;
        from?: Date;
        to?: Date;
        page: number;
        pageSize: number;
      },
    ) {
      const allowed = requirePermission(actor, 'audit.read');
      if (!allowed.ok) return allowed;
      let codes: readonly string[] = actor.divisionCodes;
      if (q.division) {
        if (!inDivisionScope(actor, q.division))
          return err(domainError('OUT_OF_SCOPE', { division: q.division }));
        codes = await divisions.subtreeCodes(q.division);
      }
      const page = await audit.list({
        divisionCodes: codes,
        ...(q.username ? { username: q.username } : {}),
        ...(q.objectType ? { objectType: q.objectType } : {}),
        ...(q.objectId ? { objectId: q.objectId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      return ok(page);
    },

    verify(): Promise<AuditVerification> {
      return audit.verify();
    },

    /** The hash-chain check for an auditor: how many events hold, and the first broken link if any. */
    async verifyChain(actor: Actor): Promise<Result<AuditVerification, DomainError>> {
      const allowed = requirePermission(actor, 'audit.read');
      if (!allowed.ok) return allowed;
      return ok(await audit.verify());
    },
  };
}

export type AuditService = ReturnType<typeof makeAuditService>;

export type { Result, DomainError };
