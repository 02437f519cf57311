import type { Role } from './roles.ts';

export const ORGANIZATION_KINDS = [
  'finance_bureau', // 财政部门
  'finance_division', // 财政内设处室
  'budget_department', // 预算部门
  'budget_unit', // 预算单位
  'agency', // 第三方机构
  'congress_committee', // 人大预算工委
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, { zh: string; en: string }> = {
  finance_bureau: { zh: '财政部门', en: 'Finance bureau' },
  finance_division: { zh: '财政内设处室', en: 'Finance internal division' },
  budget_department: { zh: '预算部门', en: 'Budget department' },
  budget_unit: { zh: '预算单位', en: 'Budget unit' },
  agency: { zh: '第三方机构', en: 'Third-party agency' },
  congress_committee: { zh: '人大预算工委', en: "People's congress budget committee" },
  other: { zh: '其他', en: 'Other' },
};

/** What the services need of accounts, sessions and organizations; implemented by db/repositories. */

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly mofDivCode: string;
  readonly organizationId: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly status: 'active' | 'disabled';
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
  readonly mustChangePassword: boolean;
  readonly passwordChangedAt: Date | null;
  readonly lastLoginAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly roles: readonly Role[];
}

export interface SessionRecord {
  /** sha256 (hex) of the token; the token itself is never stored. */
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export interface OrganizationRecord {
  readonly id: string;
  readonly mofDivCode: string;
  readonly parentId: string | null;
  readonly kind: OrganizationKind;
  readonly code: string | null;
  readonly name: string;
  readonly shortName: string | null;
  readonly status: 'active' | 'inactive';
  readonly sortOrder: number;
  readonly version: number;
}

export interface UserListFilter {
  readonly divisionCodes: readonly string[];
  readonly organizationIds: readonly string[] | null;
  readonly q?: string;
  readonly role?: Role;
  readonly offset: number;
  readonly limit: number;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly mofDivCode: string;
  readonly organizationId: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly roles: readonly Role[];
  readonly mustChangePassword: boolean;
}

export interface UserPatch {
  readonly displayName?: string;
  readonly organizationId?: string | null;
  readonly mofDivCode?: string;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly status?: 'active' | 'disabled';
  readonly roles?: readonly Role[];
}

export interface NewOrganization {
  readonly mofDivCode: string;
  readonly parentId: string | null;
  readonly kind: OrganizationKind;
  readonly code: string | null;
  readonly name: string;
  readonly shortName: string | null;
  readonly sortOrder: number;
}

export type OrganizationPatch = Partial<Omit<NewOrganization, 'mofDivCode'>> & {
  readonly status?: 'active' | 'inactive';
};

export interface AccessPort {
  findUserByUsername(username: string): Promise<UserRecord | null>;
  getUser(id: string): Promise<UserRecord | null>;
  countUsers(): Promise<number>;
  listUsers(filter: UserListFilter): Promise<{ items: UserRecord[]; total: number }>;
  createUser(user: NewUser): Promise<UserRecord>;
  /** Applies a patch when the stored version is `expectedVersion`; null when it is not (stale write). */
  updateUser(id: string, expectedVersion: number, patch: UserPatch): Promise<UserRecord | null>;
  setPassword(userId: string, passwordHash: string, mustChange: boolean, at: Date): Promise<void>;
  recordLoginFailure(userId: string, lockedUntil: Date | null): Promise<number>;
  recordLoginSuccess(userId: string, at: Date): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, at: Date): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
  deleteExpiredSessions(now: Date, idleSince: Date): Promise<number>;

  /** Adds one failed attempt to `key` within a window starting at the first attempt; returns the count. */
  bumpThrottle(key: string, now: Date, windowMs: number): Promise<number>;
  throttleCount(key: string, now: Date, windowMs: number): Promise<number>;
  clearThrottle(key: string): Promise<void>;

  getOrganization(id: string): Promise<OrganizationRecord | null>;
  /** The organization and every organization below it (same division). */
  organizationTree(id: string): Promise<string[]>;
  listOrganizations(
    divisionCodes: readonly string[],
    organizationIds: readonly string[] | null,
  ): Promise<OrganizationRecord[]>;
  createOrganization(org: NewOrganization): Promise<OrganizationRecord>;
  updateOrganization(
    id: string,
    expectedVersion: number,
    patch: OrganizationPatch,
  ): Promise<OrganizationRecord | null>;
}

export interface DivisionRecord {
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly level: string;
  readonly parentCode: string | null;
  readonly codeKind: string;
  readonly path: string;
  readonly sortOrder: number;
}

export interface DivisionPort {
  get(code: string): Promise<DivisionRecord | null>;
  listAll(): Promise<DivisionRecord[]>;
  subtreeCodes(code: string): Promise<string[]>;
  ancestorCodes(code: string): Promise<string[]>;
}
