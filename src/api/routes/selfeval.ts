import { z } from 'zod';
import { ErrorBody, Uuid } from '../../contracts/common.ts';
import {
  CheckQuery,
  CheckResult,
  DepartmentOption,
  ProjectOption,
  ProjectOptionQuery,
  SavedSelfEvaluation,
  SaveSelfEvaluationFields,
  SelfEvaluationDetail,
  SelfEvaluationListQuery,
  SelfEvaluationPage,
} from '../../contracts/selfeval.ts';
import { domainError } from '../../core/kernel/errors.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';
import { noUpload, readUpload, sendDownload } from '../uploads.ts';

const IdParams = z.object({ id: Uuid });
const errors = {
  400: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  422: ErrorBody,
};
const file = z.any().describe('file');

type ListQuery = z.output<typeof SelfEvaluationListQuery>;

const where = (q: { division?: string | undefined; year?: number | undefined }) => ({
  ...(q.division ? { division: q.division } : {}),
  ...(q.year !== undefined ? { year: q.year } : {}),
});

function listQuery(q: ListQuery) {
  return {
    sort: q.sort,
    order: q.order,
    ...(q.division ? { division: q.division } : {}),
    ...(q.year !== undefined ? { year: q.year } : {}),
    ...(q.department ? { department: q.department } : {}),
    ...(q.grade ? { grades: q.grade } : {}),
    ...(q.findings !== undefined ? { findings: q.findings === '1' } : {}),
    ...(q.q ? { q: q.q } : {}),
  };
}

/** 绩效评价 › 自评表核查: check an uploaded table, save it for a project, read the stored ones. */
export function selfEvalRoutes(app: Api, services: Services): void {
  const selfeval = services.selfeval;

  app.post(
    '/api/v1/selfeval/check',
    {
      config: { permission: 'selfeval.check' },
      schema: {
        tags: ['selfeval'],
        summary: '上传自评表并核查（multipart/form-data，字段 file：.xlsx 或 .json，≤ 20 MB）',
        consumes: ['multipart/form-data'],
        querystring: CheckQuery,
        response: { 200: CheckResult, ...errors },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      if (!upload) return fail(reply, noUpload());
      const r = await selfeval.check(request.actor!, upload, where(request.query));
      return r.ok ? r.value : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/selfeval/check/workbook',
    {
      config: { permission: 'selfeval.check' },
      schema: {
        tags: ['selfeval'],
        summary: '下载核查后的自评表（含公式得分和核查意见；multipart/form-data，字段 file）',
        consumes: ['multipart/form-data'],
        querystring: CheckQuery,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      if (!upload) return fail(reply, noUpload());
      const r = await selfeval.checkedWorkbook(request.actor!, upload, where(request.query));
      return r.ok ? sendDownload(reply, r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/selfeval/projects',
    {
      config: { permission: 'selfeval.check' },
      schema: {
        tags: ['selfeval'],
        summary: '可保存自评表的项目（按名称或代码查找）',
        querystring: ProjectOptionQuery,
        response: { 200: z.array(ProjectOption), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await selfeval.projects(request.actor!, {
        ...(q.q ? { q: q.q } : {}),
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? r.value.map(({ agencyId: _a, ...p }) => p) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/selfeval/departments',
    {
      config: { permission: 'selfeval.read', readCache: true },
      schema: {
        tags: ['selfeval'],
        summary: '主管部门（自评表筛选用）',
        querystring: ProjectOptionQuery.pick({ division: true }),
        response: { 200: z.array(DepartmentOption), ...errors },
      },
    },
    async (request, reply) => {
      const r = await selfeval.departments(request.actor!, request.query.division);
      return r.ok ? r.value : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/selfeval',
    {
      config: { permission: 'selfeval.read', readCache: true },
      schema: {
        tags: ['selfeval'],
        summary: '项目自评表列表（分页、排序、筛选）',
        querystring: SelfEvaluationListQuery,
        response: { 200: SelfEvaluationPage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await selfeval.list(request.actor!, {
        ...listQuery(q),
        page: q.page,
        pageSize: q.pageSize,
      });
      return r.ok
        ? { items: wire(r.value.items), total: r.value.total, page: q.page, pageSize: q.pageSize }
        : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/selfeval/export',
    {
      config: { permission: 'selfeval.read' },
      schema: {
        tags: ['selfeval'],
        summary: '导出Excel：与列表相同筛选条件的全部自评表',
        querystring: SelfEvaluationListQuery,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await selfeval.exportList(request.actor!, listQuery(q), q.lang ?? 'zh');
      return r.ok ? sendDownload(reply, r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/selfeval',
    {
      config: { permission: 'selfeval.check' },
      schema: {
        tags: ['selfeval'],
        summary:
          '保存为项目自评表（multipart/form-data：先 projectId、fiscalYear，替换已有自评表时带 version，最后 file）',
        consumes: ['multipart/form-data'],
        response: { 200: SavedSelfEvaluation, 201: SavedSelfEvaluation, ...errors },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      if (!upload) return fail(reply, noUpload());
      const fields = SaveSelfEvaluationFields.safeParse(upload.fields);
      if (!fields.success) {
        const paths = fields.error.issues.map((i) => i.path.join('.')).join('、');
        return fail(
          reply,
          domainError(
            'VALIDATION_FAILED',
            { fields: paths },
            {
              zh: `请选择项目并填写预算年度（${paths}）`,
              en: `choose a project and a fiscal year (${paths})`,
            },
          ),
        );
      }
      const f = fields.data;
      const r = await selfeval.save(request.actor!, upload, {
        projectId: f.projectId,
        fiscalYear: f.fiscalYear,
        ...(f.version !== undefined ? { version: f.version } : {}),
      });
      if (!r.ok) return fail(reply, r.error);
      return reply.code(r.value.replaced ? 200 : 201).send(wire(r.value));
    },
  );

  app.get(
    '/api/v1/selfeval/:id',
    {
      config: { permission: 'selfeval.read', readCache: true },
      schema: {
        tags: ['selfeval'],
        summary: '自评表详情及核查结果',
        params: IdParams,
        response: { 200: SelfEvaluationDetail, ...errors },
      },
    },
    async (request, reply) => {
      const r = await selfeval.get(request.actor!, request.params.id);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/selfeval/:id/workbook',
    {
      config: { permission: 'selfeval.read' },
      schema: {
        tags: ['selfeval'],
        summary: '下载核查后的自评表（Excel）',
        params: IdParams,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const r = await selfeval.workbook(request.actor!, request.params.id);
      return r.ok ? sendDownload(reply, r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/selfeval/:id/source',
    {
      config: { permission: 'selfeval.read' },
      schema: {
        tags: ['selfeval'],
        summary: '下载上传的原始文件',
        params: IdParams,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const r = await selfeval.source(request.actor!, request.params.id);
      return r.ok ? sendDownload(reply, r.value) : fail(reply, r.error);
    },
  );
}
