import { ErrorBody } from '../../contracts/common.ts';
import {
  ScorecardContext,
  ScorecardContextQuery,
  ScorecardExportBody,
  ScorecardWhatIfBody,
  SelfEvalContext,
  SelfEvalContextQuery,
  SelfEvalExportBody,
  SelfEvalWhatIfBody,
  WhatIfResult,
} from '../../contracts/whatif.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';
import { sendDownload } from '../uploads.ts';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 情景模拟 (what-if): a scorecard or a year's self-evaluations scored as published and as edited, compared
 * side by side. Nothing is stored; POST because the scenario (an edited tree, bands, rules) travels in the
 * body. Permission `scenarios.run`; the division scope is checked by the service.
 */
export function whatIfRoutes(app: Api, services: Services): void {
  const whatif = services.whatif;

  app.get(
    '/api/v1/whatif/scorecards/context',
    {
      config: { permission: 'scenarios.run' },
      schema: {
        tags: ['whatif'],
        summary: '情景模拟准备：基准版本的指标树、现行等次方案与结果应用规则、最近评分运行、可选草稿',
        querystring: ScorecardContextQuery,
        response: { 200: ScorecardContext, ...errors },
      },
    },
    async (request, reply) => {
      const r = await whatif.scorecardContext(request.actor!, request.query);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/whatif/scorecards',
    {
      config: { permission: 'scenarios.run' },
      schema: {
        tags: ['whatif'],
        summary: '综合评价情景模拟：调整权重、阈值、等次或结果应用规则后，与现行结果逐一对比（不保存）',
        body: ScorecardWhatIfBody,
        response: { 200: WhatIfResult, ...errors },
      },
    },
    async (request, reply) => {
      const r = await whatif.scorecard(request.actor!, request.body);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/whatif/scorecards/export',
    {
      config: { permission: 'scenarios.run' },
      schema: {
        tags: ['whatif'],
        summary: '导出综合评价情景模拟对比表（Excel，筛选后的全部行）',
        body: ScorecardExportBody,
        response: errors,
      },
    },
    async (request, reply) => {
      const r = await whatif.scorecardExport(request.actor!, request.body);
      return r.ok ? sendDownload(reply, { ...r.value, contentType: XLSX }) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/whatif/self-evaluations/context',
    {
      config: { permission: 'scenarios.run' },
      schema: {
        tags: ['whatif'],
        summary: '自评结果情景模拟准备：自评表数量、各区划现行等次方案、结果应用规则',
        querystring: SelfEvalContextQuery,
        response: { 200: SelfEvalContext, ...errors },
      },
    },
    async (request, reply) => {
      const r = await whatif.selfEvaluationContext(request.actor!, request.query);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/whatif/self-evaluations',
    {
      config: { permission: 'scenarios.run' },
      schema: {
        tags: ['whatif'],
        summary:
          '项目自评结果情景模拟：调整等次方案或压减比例后，全部项目重新评定等次并测算下年预算调整（不保存）',
        body: SelfEvalWhatIfBody,
        response: { 200: WhatIfResult, ...errors },
      },
    },
    async (request, reply) => {
      const r = await whatif.selfEvaluations(request.actor!, request.body);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/whatif/self-evaluations/export',
    {
      config: { permission: 'scenarios.run' },
      schema: {
        tags: ['whatif'],
        summary: '导出项目自评结果情景模拟对比表（Excel，筛选后的全部行，最多10万行）',
        body: SelfEvalExportBody,
        response: errors,
      },
    },
    async (request, reply) => {
      const r = await whatif.selfEvaluationsExport(request.actor!, request.body);
      return r.ok ? sendDownload(reply, { ...r.value, contentType: XLSX }) : fail(reply, r.error);
    },
  );
}
