import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ErrorBody, Uuid } from '../../contracts/common.ts';
import {
  Attachment,
  DivisionQuery,
  Portrait,
  ResultExportQuery,
  ResultPage,
  ResultQuery,
  RunDetail,
  RunListQuery,
  RunPage,
  SaveInputsBody,
  ScoringVersion,
  StartedJob,
  StartedRun,
  StartRunBody,
  SubjectInputs,
  SubjectList,
  TemplateDownloadQuery,
  VersionListQuery,
} from '../../contracts/scoring.ts';
import { domainError } from '../../core/kernel/errors.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';
import { readUpload, noUpload, sendDownload } from '../uploads.ts';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VersionParams = z.object({ versionId: Uuid });
const SubjectParams = z.object({ versionId: Uuid, subjectId: Uuid });
const RunParams = z.object({ runId: Uuid });
const RunSubjectParams = z.object({ runId: Uuid, subjectId: Uuid });

function sendFile(reply: FastifyReply, file: { body: Uint8Array; filename: string }, contentType = XLSX) {
  return sendDownload(reply, { ...file, contentType });
}

/** 评分运行: versions to score, subjects and inputs (form, Excel), runs, results and portraits. */
export function scoringRoutes(app: Api, services: Services): void {
  const scoring = services.scoring;

  app.get(
    '/api/v1/scoring/versions',
    {
      config: { permission: 'scoring.read', readCache: true },
      schema: {
        tags: ['scoring'],
        summary: '可用于评分的模板版本',
        querystring: VersionListQuery,
        response: { 200: z.array(ScoringVersion), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await scoring.listVersions(request.actor!, {
        ...(q.year ? { year: q.year } : {}),
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scoring/versions/:versionId/subjects',
    {
      config: { permission: 'scoring.read' },
      schema: {
        tags: ['scoring'],
        summary: '评价对象及数据填报进度',
        params: VersionParams,
        querystring: DivisionQuery,
        response: { 200: SubjectList, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await scoring.listSubjects(
        request.actor!,
        request.params.versionId,
        q.division ? { division: q.division } : {},
      );
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scoring/versions/:versionId/subjects/:subjectId/inputs',
    {
      config: { permission: 'scoring.read' },
      schema: {
        tags: ['scoring'],
        summary: '评价对象的评分数据（含来源与佐证）',
        params: SubjectParams,
        response: { 200: SubjectInputs, ...errors },
      },
    },
    async (request, reply) => {
      const r = await scoring.getSubjectInputs(
        request.actor!,
        request.params.versionId,
        request.params.subjectId,
      );
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.put(
    '/api/v1/scoring/versions/:versionId/subjects/:subjectId/inputs',
    {
      config: { permission: 'scoring.input' },
      schema: {
        tags: ['scoring'],
        summary: '保存评价对象的评分数据（每项带读取时的版本号）',
        params: SubjectParams,
        body: SaveInputsBody,
        response: { 200: SubjectInputs, ...errors },
      },
    },
    async (request, reply) => {
      const r = await scoring.saveSubjectInputs(
        request.actor!,
        request.params.versionId,
        request.params.subjectId,
        request.body.entries.map((e) =>
          'remove' in e
            ? { key: e.key, remove: true as const, version: e.version }
            : {
                key: e.key,
                value: e.value,
                source: e.source,
                evidenceNote: e.evidenceNote,
                attachmentId: e.attachmentId,
                version: e.version,
              },
        ),
      );
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/scoring/subjects/:subjectId/evidence',
    {
      config: { permission: 'scoring.input' },
      schema: {
        tags: ['scoring'],
        summary: '上传佐证材料（multipart/form-data，字段 file）',
        consumes: ['multipart/form-data'],
        params: z.object({ subjectId: Uuid }),
        response: { 201: Attachment, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request);
      if (!file) return fail(reply, noUpload());
      const r = await scoring.uploadEvidence(request.actor!, request.params.subjectId, file);
      if (!r.ok) return fail(reply, r.error);
      const a = r.value;
      return reply.code(201).send(
        wire({
          id: a.id,
          fileName: a.fileName,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
          createdAt: a.createdAt,
        }),
      );
    },
  );

  app.get(
    '/api/v1/scoring/attachments/:id',
    {
      config: { permission: 'scoring.read' },
      schema: {
        tags: ['scoring'],
        summary: '下载佐证材料',
        params: z.object({ id: Uuid }),
        response: errors,
      },
    },
    async (request, reply) => {
      const r = await scoring.getAttachment(request.actor!, request.params.id);
      if (!r.ok) return fail(reply, r.error);
      reply.header('x-content-type-options', 'nosniff');
      return sendFile(
        reply,
        { body: r.value.content, filename: r.value.fileName },
        r.value.contentType || 'application/octet-stream',
      );
    },
  );

  app.get(
    '/api/v1/scoring/versions/:versionId/input-template',
    {
      config: { permission: 'scoring.read' },
      schema: {
        tags: ['scoring'],
        summary: '下载评分数据填报模板（Excel，已填入现有数据）',
        params: VersionParams,
        querystring: TemplateDownloadQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await scoring.inputTemplate(request.actor!, request.params.versionId, {
        ...(q.division ? { division: q.division } : {}),
        ...(q.lang ? { lang: q.lang } : {}),
      });
      return r.ok ? sendFile(reply, r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/scoring/versions/:versionId/imports',
    {
      config: { permission: 'scoring.input' },
      schema: {
        tags: ['scoring'],
        summary: '导入填好的评分数据模板（后台任务；字段 file、keepGoodRows、division）',
        consumes: ['multipart/form-data'],
        params: VersionParams,
        response: { 202: StartedJob, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request);
      if (!file) return fail(reply, noUpload());
      const division = file.fields['division'];
      if (division !== undefined && !/^\d{6}$/.test(division)) {
        return fail(
          reply,
          domainError(
            'VALIDATION_FAILED',
            { field: 'division' },
            { zh: '区划代码应为6位数字', en: 'bad division' },
          ),
        );
      }
      const lang = file.fields['lang'];
      const r = await scoring.startImport(request.actor!, request.params.versionId, {
        ...(division ? { division } : {}),
        keepGoodRows: file.fields['keepGoodRows'] === 'true',
        fileName: file.fileName,
        contentType: file.contentType,
        content: file.content,
        ...(lang === 'en' || lang === 'zh' ? { lang } : {}),
      });
      if (!r.ok) return fail(reply, r.error);
      return reply.code(202).send({ jobId: r.value.id, kind: r.value.kind, status: r.value.status });
    },
  );

  app.get(
    '/api/v1/scoring/runs',
    {
      config: { permission: 'scoring.read' },
      schema: {
        tags: ['scoring'],
        summary: '评分批次列表',
        querystring: RunListQuery,
        response: { 200: RunPage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await scoring.listRuns(request.actor!, {
        page: q.page,
        pageSize: q.pageSize,
        ...(q.year ? { year: q.year } : {}),
        ...(q.templateId ? { templateId: q.templateId } : {}),
        ...(q.versionId ? { versionId: q.versionId } : {}),
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? { ...wire(r.value), page: q.page, pageSize: q.pageSize } : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/scoring/runs',
    {
      config: { permission: 'scoring.run' },
      schema: {
        tags: ['scoring'],
        summary: '发起评分（后台任务）',
        body: StartRunBody,
        response: { 202: StartedRun, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await scoring.startRun(request.actor!, {
        versionId: b.versionId,
        ...(b.division ? { division: b.division } : {}),
        ...(b.name !== undefined ? { name: b.name } : {}),
      });
      if (!r.ok) return fail(reply, r.error);
      return reply.code(202).send({ run: wire(r.value.run), jobId: r.value.job.id });
    },
  );

  app.get(
    '/api/v1/scoring/runs/:runId',
    {
      config: { permission: 'scoring.read' },
      schema: {
        tags: ['scoring'],
        summary: '评分批次详情（等次分布、数据不全的对象）',
        params: RunParams,
        response: { 200: RunDetail, ...errors },
      },
    },
    async (request, reply) => {
      const r = await scoring.getRun(request.actor!, request.params.runId);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scoring/runs/:runId/results',
    {
      config: { permission: 'scoring.read', readCache: true },
      schema: {
        tags: ['scoring'],
        summary: '评分结果排名表（服务端分页排序）',
        params: RunParams,
        querystring: ResultQuery,
        response: { 200: ResultPage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await scoring.queryResults(request.actor!, request.params.runId, {
        page: q.page,
        pageSize: q.pageSize,
        ...(q.sort ? { sort: q.sort } : {}),
        ...(q.order ? { order: q.order } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.grade ? { grade: q.grade } : {}),
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? { ...r.value, page: q.page, pageSize: q.pageSize } : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scoring/runs/:runId/results/export',
    {
      config: { permission: 'scoring.read' },
      schema: {
        tags: ['scoring'],
        summary: '导出评分结果（与筛选条件一致的全部行）',
        params: RunParams,
        querystring: ResultExportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await scoring.exportResults(request.actor!, request.params.runId, {
        ...(q.sort ? { sort: q.sort } : {}),
        ...(q.order ? { order: q.order } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.grade ? { grade: q.grade } : {}),
        ...(q.division ? { division: q.division } : {}),
        ...(q.lang ? { lang: q.lang } : {}),
      });
      return r.ok ? sendFile(reply, r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scoring/runs/:runId/subjects/:subjectId',
    {
      config: { permission: 'scoring.read', readCache: true },
      schema: {
        tags: ['scoring'],
        summary: '评价对象画像：得分、排名、雷达、逐项说明与历史',
        params: RunSubjectParams,
        response: { 200: Portrait, ...errors },
      },
    },
    async (request, reply) => {
      const r = await scoring.portrait(request.actor!, request.params.runId, request.params.subjectId);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );
}
