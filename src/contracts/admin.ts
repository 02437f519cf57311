import { z } from 'zod';
import { ROLES } from '../core/access/roles.ts';
import { ORGANIZATION_KINDS } from '../core/access/ports.ts';
import { DivisionCode, pageOf, Uuid } from './common.ts';

/** 系统管理: users, organizations, the audit log and background jobs. */

export const RoleEnum = z.enum(ROLES);
export const OrganizationKindEnum = z.enum(ORGANIZATION_KINDS);

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  mofDivCode: z.string(),
  organizationId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(RoleEnum),
  failedAttempts: z.number().int(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserPage = pageOf(User);

export const UserListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().max(64).optional(),
  role: RoleEnum.optional(),
  division: DivisionCode.optional(),
});

const username = z
  .string()
  .trim()
  .min(2, '用户名至少2个字符')
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');

export const CreateUserBody = z.object({
  username,
  displayName: z.string().trim().min(1, '请输入姓名').max(100),
  mofDivCode: DivisionCode,
  organizationId: Uuid.nullable().default(null),
  phone: z.string().trim().max(32).nullable().default(null),
  email: z.email('邮箱格式不正确').nullable().default(null),
  roles: z.array(RoleEnum).min(1, '至少选择一个角色'),
  password: z.string().min(1).max(200).optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const CreatedUser = z.object({ user: User, initialPassword: z.string().nullable() });

export const UpdateUserBody = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(100).optional(),
  mofDivCode: DivisionCode.optional(),
  organizationId: Uuid.nullable().optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  email: z.email('邮箱格式不正确').nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  roles: z.array(RoleEnum).min(1, '至少选择一个角色').optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const Organization = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  parentId: z.string().nullable(),
  kind: OrganizationKindEnum,
  code: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type Organization = z.infer<typeof Organization>;

export const CreateOrganizationBody = z.object({
  mofDivCode: DivisionCode,
  parentId: Uuid.nullable().default(null),
  kind: OrganizationKindEnum,
  code: z.string().trim().max(64).nullable().default(null),
  name: z.string().trim().min(1, '请输入单位名称').max(200),
  shortName: z.string().trim().max(100).nullable().default(null),
  sortOrder: z.number().int().default(0),
});

export const UpdateOrganizationBody = z.object({
  version: z.number().int().min(1),
  parentId: Uuid.nullable().optional(),
  kind: OrganizationKindEnum.optional(),
  code: z.string().trim().max(64).nullable().optional(),
  name: z.string().trim().min(1).max(200).optional(),
  shortName: z.string().trim().max(100).nullable().optional(),
  sortOrder: z.number().int().optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  mofDivCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditPage = pageOf(AuditEvent);

export const AuditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  division: DivisionCode.optional(),
  username: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  objectId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

/** The audit log's hash chain: how many events were checked and the first one that does not hold. */
export const AuditVerification = z.object({
  checked: z.number().int(),
  intact: z.boolean(),
  firstBroken: z.object({ id: z.number().int(), reason: z.enum(['hash', 'link']) }).nullable(),
  verifiedAt: z.string(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number().int(),
  total: z.number().int().nullable(),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.unknown(),
  mofDivCode: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Job = z.infer<typeof Job>;
