import { z } from 'zod';
import { ErrorBody, Uuid } from '../../contracts/common.ts';
import {
  CreatedTemplate,
  CreateTemplateBody,
  CreateVersionBody,
  Preview,
  PreviewBody,
  PublishBody,
  Published,
  SaveDraftBody,
  SavedDraft,
  Template,
  TemplateListQuery,
  TemplateVersion,
  TemplateView,
  UpdateTemplateBody,
  ValidateBody,
  Validation,
  VersionView,
} from '../../contracts/templates.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';

const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/** 指标模板: templates, yearly versions, drafting, validation, publishing and preview scoring. */
export function templateRoutes(app: Api, services: Services): void {
  app.get(
    '/api/v1/templates',
    {
      config: { permission: 'templates.read', readCache: true },
      schema: {
        tags: ['templates'],
        summary: '可用的指标模板（本级及上级发布）',
        querystring: TemplateListQuery,
        response: { 200: z.array(TemplateView), ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.list(request.actor!, defined(request.query));
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/templates',
    {
      config: { permission: 'templates.write' },
      schema: {
        tags: ['templates'],
        summary: '新建模板（首个草稿为空白，或复制/派生自某一版本）',
        body: CreateTemplateBody,
        response: { 201: CreatedTemplate, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.create(request.actor!, defined(request.body));
      return r.ok ? reply.code(201).send(wire(r.value)) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/templates/:id',
    {
      config: { permission: 'templates.read', readCache: true },
      schema: {
        tags: ['templates'],
        summary: '模板详情及各年度版本',
        params: IdParams,
        response: { 200: TemplateView, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.get(request.actor!, request.params.id);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.patch(
    '/api/v1/templates/:id',
    {
      config: { permission: 'templates.write' },
      schema: {
        tags: ['templates'],
        summary: '修改模板名称、说明或状态',
        params: IdParams,
        body: UpdateTemplateBody,
        response: { 200: Template, ...errors },
      },
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const r = await services.templates.update(request.actor!, request.params.id, version, defined(patch));
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/templates/:id/versions',
    {
      config: { permission: 'templates.write' },
      schema: {
        tags: ['templates'],
        summary: '新建版本草稿（空白，或复制某一版本，可跨年度）',
        params: IdParams,
        body: CreateVersionBody,
        response: { 201: TemplateVersion, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.createVersion(
        request.actor!,
        request.params.id,
        defined(request.body),
      );
      return r.ok ? reply.code(201).send(wire(r.value)) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/templates/preview',
    {
      config: { permission: 'templates.read' },
      schema: {
        tags: ['templates'],
        summary: '试算：按样例数据计算得分、等次和计分说明（不保存）',
        body: PreviewBody,
        response: { 200: Preview, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await services.templates.preview(request.actor!, {
        definition: b.definition,
        samples: b.samples.map((s) =>
          s.label ? { label: s.label, inputs: s.inputs } : { inputs: s.inputs },
        ),
        fiscalYear: b.fiscalYear,
        ...(b.division ? { division: b.division } : {}),
        ...(b.versionId ? { versionId: b.versionId } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/template-versions/:id',
    {
      config: { permission: 'templates.read', readCache: true },
      schema: {
        tags: ['templates'],
        summary: '版本详情：指标树、问题清单、上级版本',
        params: IdParams,
        response: { 200: VersionView, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.getVersion(request.actor!, request.params.id);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.put(
    '/api/v1/template-versions/:id',
    {
      config: { permission: 'templates.write' },
      schema: {
        tags: ['templates'],
        summary: '保存草稿的指标树（已发布版本不能修改）',
        params: IdParams,
        body: SaveDraftBody,
        response: { 200: SavedDraft, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await services.templates.saveDraft(request.actor!, request.params.id, {
        version: b.version,
        definition: b.definition,
        ...(b.changeNote !== undefined ? { changeNote: b.changeNote } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.delete(
    '/api/v1/template-versions/:id',
    {
      config: { permission: 'templates.write' },
      schema: {
        tags: ['templates'],
        summary: '删除草稿',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.deleteDraft(request.actor!, request.params.id);
      return r.ok ? reply.code(204).send(null) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/template-versions/:id/validate',
    {
      config: { permission: 'templates.read' },
      schema: {
        tags: ['templates'],
        summary: '校验指标树，一次列出全部问题',
        params: IdParams,
        body: ValidateBody,
        response: { 200: Validation, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.validate(request.actor!, request.params.id, request.body.definition);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/template-versions/:id/publish',
    {
      config: { permission: 'templates.publish' },
      schema: {
        tags: ['templates'],
        summary: '发布版本（同年度原已发布版本自动停用）',
        params: IdParams,
        body: PublishBody,
        response: { 200: Published, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.templates.publish(request.actor!, request.params.id, request.body.version);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );
}
