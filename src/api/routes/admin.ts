import { z } from 'zod';
import {
  AuditPage,
  AuditQuery,
  AuditVerification,
  CreatedUser,
  CreateOrganizationBody,
  CreateUserBody,
  Job,
  Organization,
  UpdateOrganizationBody,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
} from '../../contracts/admin.ts';
import { DivisionCode, ErrorBody, Uuid } from '../../contracts/common.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';

const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** 系统管理: users, organizations, the audit log, background jobs. */
export function adminRoutes(app: Api, services: Services): void {
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags: ['admin'],
        summary: '用户列表',
        querystring: UserListQuery,
        response: { 200: UserPage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await services.users.list(request.actor!, {
        page: q.page,
        pageSize: q.pageSize,
        ...(q.q ? { q: q.q } : {}),
        ...(q.role ? { role: q.role } : {}),
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? { ...wire(r.value), page: q.page, pageSize: q.pageSize } : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.read' },
      schema: { tags: ['admin'], summary: '用户详情', params: IdParams, response: { 200: User, ...errors } },
    },
    async (request, reply) => {
      const r = await services.users.get(request.actor!, request.params.id);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'users.write' },
      schema: {
        tags: ['admin'],
        summary: '新增用户',
        body: CreateUserBody,
        response: { 201: CreatedUser, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await services.users.create(request.actor!, {
        username: b.username,
        displayName: b.displayName,
        mofDivCode: b.mofDivCode,
        organizationId: b.organizationId,
        phone: b.phone,
        email: b.email,
        roles: b.roles,
        ...(b.password ? { password: b.password } : {}),
      });
      return r.ok ? reply.code(201).send(wire(r.value)) : fail(reply, r.error);
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.write' },
      schema: {
        tags: ['admin'],
        summary: '修改用户',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...errors },
      },
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const r = await services.users.update(request.actor!, request.params.id, version, clean);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { permission: 'users.write' },
      schema: {
        tags: ['admin'],
        summary: '重置密码',
        params: IdParams,
        response: { 200: z.object({ password: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.users.resetPassword(request.actor!, request.params.id);
      return r.ok ? r.value : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/organizations',
    {
      config: { permission: 'organizations.read' },
      schema: {
        tags: ['admin'],
        summary: '单位列表',
        querystring: z.object({ division: DivisionCode.optional() }),
        response: { 200: z.array(Organization), ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.users.listOrganizations(request.actor!, request.query.division);
      return r.ok ? r.value : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/organizations',
    {
      config: { permission: 'organizations.write' },
      schema: {
        tags: ['admin'],
        summary: '新增单位',
        body: CreateOrganizationBody,
        response: { 201: Organization, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.users.createOrganization(request.actor!, request.body);
      return r.ok ? reply.code(201).send(r.value) : fail(reply, r.error);
    },
  );

  app.patch(
    '/api/v1/organizations/:id',
    {
      config: { permission: 'organizations.write' },
      schema: {
        tags: ['admin'],
        summary: '修改单位',
        params: IdParams,
        body: UpdateOrganizationBody,
        response: { 200: Organization, ...errors },
      },
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const r = await services.users.updateOrganization(request.actor!, request.params.id, version, clean);
      return r.ok ? r.value : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: '审计日志',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await services.audit.list(request.actor!, {
        page: q.page,
        pageSize: q.pageSize,
        ...(q.division ? { division: q.division } : {}),
        ...(q.username ? { username: q.username } : {}),
        ...(q.objectType ? { objectType: q.objectType } : {}),
        ...(q.objectId ? { objectId: q.objectId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      });
      if (!r.ok) return fail(reply, r.error);
      return {
        items: r.value.items.map(({ prevHash: _p, ...e }) => wire(e)),
        total: r.value.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: '校验审计日志哈希链',
        response: { 200: AuditVerification, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.audit.verifyChain(request.actor!);
      if (!r.ok) return fail(reply, r.error);
      return {
        checked: r.value.checked,
        intact: r.value.firstBroken === null,
        firstBroken: r.value.firstBroken,
        verifiedAt: new Date().toISOString(),
      };
    },
  );

  app.get(
    '/api/v1/jobs',
    {
      config: { permission: 'jobs.read' },
      schema: { tags: ['jobs'], summary: '我的后台任务', response: { 200: z.array(Job) } },
    },
    async (request) => (await services.jobs.listMine(request.actor!)).map(jobView),
  );

  app.get(
    '/api/v1/jobs/:id',
    {
      config: { permission: 'jobs.read' },
      schema: { tags: ['jobs'], summary: '任务进度', params: IdParams, response: { 200: Job, ...errors } },
    },
    async (request, reply) => {
      const r = await services.jobs.get(request.actor!, request.params.id);
      return r.ok ? jobView(r.value) : fail(reply, r.error);
    },
  );
}

function jobView(j: {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number | null;
  message: string | null;
  result: unknown;
  error: unknown;
  mofDivCode: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
}) {
  return wire({
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    total: j.total,
    message: j.message,
    result: j.result,
    error: j.error,
    mofDivCode: j.mofDivCode,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    createdAt: j.createdAt,
  });
}
