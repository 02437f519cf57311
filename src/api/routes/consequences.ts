import { z } from 'zod';
import { ErrorBody, Uuid } from '../../contracts/common.ts';
import {
  ConsequenceExportQuery,
  ConsequencePage,
  ConsequenceQuery,
  type ConsequenceRow,
  DecideBody,
  DecideResult,
  ProposeResult,
  ResetRulesQuery,
  RulesQuery,
  RulesView,
  SaveRulesBody,
} from '../../contracts/consequences.ts';
import type { ConsequenceRecord } from '../../core/consequences/ports.ts';
import type { Services } from '../../services/index.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';
import { sendDownload } from '../uploads.ts';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const RunParams = z.object({ runId: Uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Filters = Omit<z.output<typeof ConsequenceQuery>, 'page' | 'pageSize'>;
const filters = (q: Filters) => ({
  ...(q.sort ? { sort: q.sort } : {}),
  ...(q.order ? { order: q.order } : {}),
  ...(q.q ? { q: q.q } : {}),
  ...(q.status ? { status: q.status } : {}),
  ...(q.action ? { action: q.action } : {}),
});

/** A stored row as the wire shows it (the explanation is the core's, stored as JSON). */
const present = (x: ConsequenceRecord) =>
  wire({ ...x, explanation: x.explanation as ConsequenceRow['explanation'] });

/** 结果应用: rules by division and year, proposals of a run, confirmation, export. */
export function consequenceRoutes(app: Api, services: Services): void {
  const consequences = services.consequences;

  app.get(
    '/api/v1/consequences/rules',
    {
      config: { permission: 'consequences.read' },
      schema: {
        tags: ['consequences'],
        summary: '结果应用规则（区划、年度；本级或继承上级）',
        querystring: RulesQuery,
        response: { 200: RulesView, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await consequences.getRules(request.actor!, {
        year: q.year,
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.put(
    '/api/v1/consequences/rules',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['consequences'],
        summary: '保存本级结果应用规则（带读取时的版本号）',
        body: SaveRulesBody,
        response: { 200: RulesView, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await consequences.saveRules(request.actor!, {
        year: b.year,
        rules: b.rules,
        version: b.version,
        ...(b.division ? { division: b.division } : {}),
        ...(b.note !== undefined ? { note: b.note } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.delete(
    '/api/v1/consequences/rules',
    {
      config: { permission: 'settings.write' },
      schema: {
        tags: ['consequences'],
        summary: '删除本级规则，恢复继承上级规则',
        querystring: ResetRulesQuery,
        response: { 200: RulesView, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await consequences.resetRules(request.actor!, {
        year: q.year,
        version: q.version,
        ...(q.division ? { division: q.division } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/consequences/runs/:runId/proposals',
    {
      config: { permission: 'consequences.confirm' },
      schema: {
        tags: ['consequences'],
        summary: '按现行规则生成（重算）评分批次的结果应用建议；已确认或不予采纳的保持不变',
        params: RunParams,
        response: { 200: ProposeResult, ...errors },
      },
    },
    async (request, reply) => {
      const r = await consequences.propose(request.actor!, request.params.runId);
      return r.ok ? r.value : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/consequences/runs/:runId',
    {
      config: { permission: 'consequences.read' },
      schema: {
        tags: ['consequences'],
        summary: '评分批次的结果应用建议与确认情况（服务端分页）',
        params: RunParams,
        querystring: ConsequenceQuery,
        response: { 200: ConsequencePage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await consequences.listForRun(request.actor!, request.params.runId, {
        page: q.page,
        pageSize: q.pageSize,
        ...filters(q),
      });
      return r.ok
        ? { ...wire(r.value), items: r.value.items.map(present), page: q.page, pageSize: q.pageSize }
        : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/consequences/runs/:runId/export',
    {
      config: { permission: 'consequences.read' },
      schema: {
        tags: ['consequences'],
        summary: '导出结果应用表（与筛选条件一致的全部行）',
        params: RunParams,
        querystring: ConsequenceExportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await consequences.exportForRun(request.actor!, request.params.runId, {
        ...filters(q),
        ...(q.lang ? { lang: q.lang } : {}),
      });
      return r.ok
        ? sendDownload(reply, { body: r.value.body, filename: r.value.filename, contentType: XLSX })
        : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/consequences/decisions',
    {
      config: { permission: 'consequences.confirm' },
      schema: {
        tags: ['consequences'],
        summary: '确认或不予采纳结果应用建议（逐行或批量，全部成功或全部不变）',
        body: DecideBody,
        response: { 200: DecideResult, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await consequences.decide(request.actor!, {
        action: b.action,
        decisions: b.decisions.map((d) => ({
          id: d.id,
          version: d.version,
          ...(d.confirmedFen !== undefined ? { confirmedFen: d.confirmedFen } : {}),
        })),
        ...(b.note !== undefined ? { note: b.note } : {}),
      });
      return r.ok ? { decided: r.value.decided.map(present) } : fail(reply, r.error);
    },
  );
}
