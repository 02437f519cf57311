import { ErrorBody } from '../../contracts/common.ts';
import {
  CatalogueItem,
  CatalogueQuery,
  CompareQuery,
  CompareView,
  PeersView,
  RunSubjectParams,
  ScoreAllBody,
  ScoreAllReport,
  ScoreAllStarted,
} from '../../contracts/scorecards.ts';
import { Uuid } from '../../contracts/common.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';
import { z } from 'zod';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** 综合评价与画像 across scorecards: score-all, the year's catalogue, side-by-side comparison, peers. */
export function scorecardRoutes(app: Api, services: Services): void {
  const cards = services.scorecards;

  app.post(
    '/api/v1/scorecards/score-all',
    {
      config: { permission: 'scoring.run' },
      schema: {
        tags: ['scorecards'],
        summary:
          '一键评分：本年度全部已发布评价模板，为全部市县、部门、处室、基金、资产和收入项目打分、定等次、排名',
        body: ScoreAllBody,
        response: { 200: ScoreAllReport, 202: ScoreAllStarted, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const input = { year: b.year, ...(b.division ? { division: b.division } : {}) };
      if (b.background) {
        const job = await cards.startScoreAll(request.actor!, input);
        if (!job.ok) return fail(reply, job.error);
        return reply.code(202).send({ jobId: job.value.id, kind: job.value.kind, status: job.value.status });
      }
      const r = await cards.scoreAll(request.actor!, input);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scorecards',
    {
      config: { permission: 'scoring.read', readCache: true },
      schema: {
        tags: ['scorecards'],
        summary: '本年度的评价模板及最近一次评分结果（在用户范围内）',
        querystring: CatalogueQuery,
        response: { 200: z.array(CatalogueItem), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await cards.catalogue(request.actor!, {
        year: q.year,
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scorecards/runs/:runId/compare',
    {
      config: { permission: 'scoring.read', readCache: true },
      schema: {
        tags: ['scorecards'],
        summary: '2至5个评价对象并排对比：每项指标的得分和评分数据',
        params: z.object({ runId: Uuid }),
        querystring: CompareQuery,
        response: { 200: CompareView, ...errors },
      },
    },
    async (request, reply) => {
      const r = await cards.compare(request.actor!, request.params.runId, request.query.subjects);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/scorecards/runs/:runId/subjects/:subjectId/peers',
    {
      config: { permission: 'scoring.read', readCache: true },
      schema: {
        tags: ['scorecards'],
        summary: '评价对象在同类中的位次，与同类平均和全省平均的比较',
        params: RunSubjectParams,
        response: { 200: PeersView, ...errors },
      },
    },
    async (request, reply) => {
      const r = await cards.peers(request.actor!, request.params.runId, request.params.subjectId);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );
}
