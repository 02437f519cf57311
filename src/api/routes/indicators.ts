import { z } from 'zod';
import { ErrorBody, Uuid } from '../../contracts/common.ts';
import {
  CreateIndicatorBody,
  Indicator,
  IndicatorExportQuery,
  IndicatorListQuery,
  IndicatorPage,
  RetireIndicatorBody,
  UpdateIndicatorBody,
  type IndicatorFilterQuery,
} from '../../contracts/indicators.ts';
import type { IndicatorQuery } from '../../services/indicator-service.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';

const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Drops absent filters (exactOptionalPropertyTypes: no `undefined` values). */
function filters(q: IndicatorFilterQuery): IndicatorQuery {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as IndicatorQuery;
}

/** 指标库: list (paged, filtered, sorted), export to Excel, create, edit, retire. */
export function indicatorRoutes(app: Api, services: Services): void {
  app.get(
    '/api/v1/indicators',
    {
      config: { permission: 'indicators.read', readCache: true },
      schema: {
        tags: ['indicators'],
        summary: '指标库列表',
        querystring: IndicatorListQuery,
        response: { 200: IndicatorPage, ...errors },
      },
    },
    async (request, reply) => {
      const { page, pageSize, ...q } = request.query;
      const r = await services.indicators.list(request.actor!, { ...filters(q), page, pageSize });
      if (!r.ok) return fail(reply, r.error);
      const divisionNames: Record<string, string> = {};
      for (const code of new Set(r.value.items.map((i) => i.mofDivCode))) {
        divisionNames[code] = (await services.divisions.get(code))?.name ?? code;
      }
      return { ...wire(r.value), page, pageSize, divisionNames };
    },
  );

  app.get(
    '/api/v1/indicators/export',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: '导出指标库（Excel，与列表筛选条件一致）',
        querystring: IndicatorExportQuery,
        response: { 200: z.any().describe('.xlsx'), ...errors },
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      const r = await services.indicators.exportXlsx(request.actor!, { ...filters(q), lang });
      if (!r.ok) return fail(reply, r.error);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="indicators.xlsx"; filename*=UTF-8''${encodeURIComponent(r.value.filename)}`,
        )
        .header('x-total-count', String(r.value.rows))
        .send(Buffer.from(r.value.body));
    },
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      config: { permission: 'indicators.read', readCache: true },
      schema: {
        tags: ['indicators'],
        summary: '指标详情',
        params: IdParams,
        response: { 200: Indicator, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.indicators.get(request.actor!, request.params.id);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/indicators',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['indicators'],
        summary: '新增指标',
        body: CreateIndicatorBody,
        response: { 201: Indicator, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await services.indicators.create(request.actor!, {
        code: b.code,
        name: b.name,
        level1: b.level1,
        level2: b.level2,
        scope: b.scope,
        direction: b.direction,
        unit: b.unit ?? null,
        valueBasis: b.valueBasis ?? null,
        referenceValue: b.referenceValue ?? null,
        functionClassCode: b.functionClassCode ?? null,
        fundClass: b.fundClass ?? null,
        evaluationStandard: b.evaluationStandard ?? null,
        description: b.description ?? null,
        validFrom: b.validFrom ?? null,
        validTo: b.validTo ?? null,
        ...(b.mofDivCode ? { mofDivCode: b.mofDivCode } : {}),
        ...(b.status ? { status: b.status } : {}),
      });
      return r.ok ? reply.code(201).send(wire(r.value)) : fail(reply, r.error);
    },
  );

  app.patch(
    '/api/v1/indicators/:id',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['indicators'],
        summary: '修改指标（须带读取时的 version）',
        params: IdParams,
        body: UpdateIndicatorBody,
        response: { 200: Indicator, ...errors },
      },
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const r = await services.indicators.update(request.actor!, request.params.id, version, clean);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/indicators/:id/retire',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['indicators'],
        summary: '停用指标',
        params: IdParams,
        body: RetireIndicatorBody,
        response: { 200: Indicator, ...errors },
      },
    },
    async (request, reply) => {
      const r = await services.indicators.retire(request.actor!, request.params.id, request.body.version);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );
}
