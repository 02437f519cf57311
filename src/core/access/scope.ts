import { domainError, err, ok, type DomainError, type Result } from '../kernel/index.ts';
import { ORGANIZATION_BOUND_ROLES, permissionsOf, type Permission, type Role } from './roles.ts';

/**
 * Who is acting and where they may act. Every read and write is scoped on the server: a user sees their
 * own division and what lies below it (the province sees everything; 长春市 its districts and counties;
 * 农安县 only itself); organization-bound roles (budget departments and units, agencies, experts) see only
 * their own organization and the organizations below it.
 */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** The user's own division (财政区划). */
  readonly divisionCode: string;
  readonly organizationId: string | null;
  /** The user's division and every division below it. */
  readonly divisionCodes: readonly string[];
  /** null: every organization in the divisions; otherwise only these (own and child organizations). */
  readonly organizationIds: readonly string[] | null;
  readonly permissions: ReadonlySet<Permission>;
  /** Client address, for the audit log. */
  readonly ip: string | null;
}

export function makeActor(input: {
  userId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  divisionCode: string;
  organizationId: string | null;
  divisionCodes: readonly string[];
  /** The user's organization and those below it; used when a role is organization-bound. */
  organizationTree: readonly string[];
  ip: string | null;
}): Actor {
  const bound = input.roles.length > 0 && input.roles.every((r) => ORGANIZATION_BOUND_ROLES.includes(r));
  return {
    userId: input.userId,
    username: input.username,
    displayName: input.displayName,
    roles: input.roles,
    divisionCode: input.divisionCode,
    organizationId: input.organizationId,
    divisionCodes: input.divisionCodes,
    organizationIds: bound ? input.organizationTree : null,
    permissions: permissionsOf(input.roles),
    ip: input.ip,
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function requirePermission(actor: Actor, permission: Permission): Result<true, DomainError> {
  return can(actor, permission)
    ? ok(true)
    : err(
        domainError(
          'FORBIDDEN',
          { permission },
          { zh: `缺少权限 ${permission}`, en: `missing permission ${permission}` },
        ),
      );
}

export function inDivisionScope(actor: Actor, divisionCode: string): boolean {
  return actor.divisionCodes.includes(divisionCode);
}

export function inOrganizationScope(actor: Actor, organizationId: string | null): boolean {
  return (
    actor.organizationIds === null ||
    (organizationId !== null && actor.organizationIds.includes(organizationId))
  );
}

/** Checks a record's division (and organization, for organization-bound roles) against the actor's scope. */
export function requireInScope(
  actor: Actor,
  record: { mofDivCode: string; organizationId?: string | null },
): Result<true, DomainError> {
  if (!inDivisionScope(actor, record.mofDivCode)) {
    return err(domainError('OUT_OF_SCOPE', { mofDivCode: record.mofDivCode }));
  }
  if (record.organizationId !== undefined && !inOrganizationScope(actor, record.organizationId)) {
    return err(domainError('OUT_OF_SCOPE', { organizationId: record.organizationId }));
  }
  return ok(true);
}
