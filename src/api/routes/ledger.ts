import { z } from 'zod';
import { ErrorBody, Uuid } from '../../contracts/common.ts';
import {
  CreateClueBody,
  IssueNoticeBody,
  LedgerFile,
  LedgerItemDetail,
  LedgerItemExportQuery,
  LedgerItemPage,
  LedgerItemQuery,
  NoticeDetail,
  NoticeListQuery,
  NoticePage,
  NoticeProposal,
  NoticeProposalQuery,
  OwnerOption,
  ReviewItemBody,
  SubmitItemBody,
} from '../../contracts/ledger.ts';
import type { Services } from '../../services/index.ts';
import type { ItemQuery } from '../../services/ledger-service.ts';
import { wire } from '../presenters/wire.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';
import { noUpload, readUpload, sendDownload } from '../uploads.ts';

const errors = {
  400: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  422: ErrorBody,
};
const IdParams = z.object({ id: Uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Filters = Omit<z.output<typeof LedgerItemQuery>, 'page' | 'pageSize'>;
function itemFilters(q: Filters): Omit<ItemQuery, 'page' | 'pageSize'> {
  return {
    ...(q.sort ? { sort: q.sort } : {}),
    ...(q.order ? { order: q.order } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.owner ? { owner: q.owner } : {}),
    ...(q.division ? { division: q.division } : {}),
    ...(q.deadlineFrom ? { deadlineFrom: q.deadlineFrom } : {}),
    ...(q.deadlineTo ? { deadlineTo: q.deadlineTo } : {}),
    ...(q.noticeId ? { noticeId: q.noticeId } : {}),
    ...(q.role ? { role: q.role } : {}),
  };
}

const fileView = (f: {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}) =>
  wire({
    id: f.id,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    createdAt: f.createdAt,
  });

/** 整改台账: notices from scoring runs, problem clues, the ledger of items, evidence and review. */
export function ledgerRoutes(app: Api, services: Services): void {
  const ledger = services.ledger;

  app.get(
    '/api/v1/ledger/runs/:id/notice-proposal',
    {
      config: { permission: 'ledger.issue' },
      schema: {
        tags: ['ledger'],
        summary: '拟通报对象及整改事项（按失分最多的指标提出，可编辑后下达）',
        params: IdParams,
        querystring: NoticeProposalQuery,
        response: { 200: NoticeProposal, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await ledger.proposeNotice(request.actor!, request.params.id, {
        ...(q.grades ? { grades: q.grades } : {}),
        ...(q.bottomN !== undefined ? { bottomN: q.bottomN } : {}),
        ...(q.subjectIds ? { subjectIds: q.subjectIds } : {}),
        ...(q.itemsPerSubject !== undefined ? { itemsPerSubject: q.itemsPerSubject } : {}),
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/ledger/notices',
    {
      config: { permission: 'ledger.issue' },
      schema: {
        tags: ['ledger'],
        summary: '下达通报（整改事项进入台账）',
        body: IssueNoticeBody,
        response: { 201: NoticeDetail, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await ledger.issueNotice(request.actor!, {
        runId: b.runId,
        title: b.title,
        docNo: b.docNo,
        body: b.body,
        deadline: b.deadline,
        subjects: b.subjects.map((s) => ({
          subjectId: s.subjectId,
          items: s.items.map((i) => ({
            title: i.title,
            requirement: i.requirement,
            deadline: i.deadline ?? null,
            indicatorCode: i.indicatorCode ?? null,
          })),
        })),
      });
      return r.ok ? reply.code(201).send(wire(r.value)) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/ledger/notices',
    {
      config: { permission: 'ledger.read', readCache: true },
      schema: {
        tags: ['ledger'],
        summary: '通报列表',
        querystring: NoticeListQuery,
        response: { 200: NoticePage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await ledger.listNotices(request.actor!, {
        page: q.page,
        pageSize: q.pageSize,
        ...(q.year ? { year: q.year } : {}),
        ...(q.runId ? { runId: q.runId } : {}),
        ...(q.q ? { q: q.q } : {}),
      });
      return r.ok ? { ...wire(r.value), page: q.page, pageSize: q.pageSize } : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/ledger/notices/:id',
    {
      config: { permission: 'ledger.read', readCache: true },
      schema: {
        tags: ['ledger'],
        summary: '通报详情（含整改事项）',
        params: IdParams,
        response: { 200: NoticeDetail, ...errors },
      },
    },
    async (request, reply) => {
      const r = await ledger.getNotice(request.actor!, request.params.id);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/ledger/items',
    {
      config: { permission: 'ledger.read', readCache: true },
      schema: {
        tags: ['ledger'],
        summary: '整改台账（服务端分页；状态、逾期、来源、责任单位、区划、整改期限筛选）',
        querystring: LedgerItemQuery,
        response: { 200: LedgerItemPage, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await ledger.listItems(request.actor!, {
        page: q.page,
        pageSize: q.pageSize,
        ...itemFilters(q),
      });
      return r.ok ? { ...wire(r.value), page: q.page, pageSize: q.pageSize } : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/ledger/items/export',
    {
      config: { permission: 'ledger.read' },
      schema: {
        tags: ['ledger'],
        summary: '导出整改台账（与筛选条件一致的全部行）',
        querystring: LedgerItemExportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await ledger.exportItems(request.actor!, {
        ...itemFilters(q),
        ...(q.lang ? { lang: q.lang } : {}),
      });
      return r.ok
        ? sendDownload(reply, { body: r.value.body, filename: r.value.filename, contentType: XLSX })
        : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/ledger/items/:id',
    {
      config: { permission: 'ledger.read', readCache: true },
      schema: {
        tags: ['ledger'],
        summary: '整改事项详情（办理过程、佐证材料、可执行的操作）',
        params: IdParams,
        response: { 200: LedgerItemDetail, ...errors },
      },
    },
    async (request, reply) => {
      const r = await ledger.getItem(request.actor!, request.params.id);
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/ledger/items/:id/evidence',
    {
      config: { permission: 'ledger.submit' },
      schema: {
        tags: ['ledger'],
        summary: '上传整改佐证材料（multipart/form-data，字段 file）',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: LedgerFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request);
      if (!file) return fail(reply, noUpload());
      const r = await ledger.uploadEvidence(request.actor!, request.params.id, file);
      return r.ok ? reply.code(201).send(fileView(r.value)) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/ledger/items/:id/submit',
    {
      config: { permission: 'ledger.submit' },
      schema: {
        tags: ['ledger'],
        summary: '报送整改情况（责任单位）',
        params: IdParams,
        body: SubmitItemBody,
        response: { 200: LedgerItemDetail, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await ledger.submit(request.actor!, request.params.id, {
        version: b.version,
        evidence: b.evidence,
        attachmentIds: b.attachmentIds,
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/ledger/items/:id/review',
    {
      config: { permission: 'ledger.review' },
      schema: {
        tags: ['ledger'],
        summary: '审核整改情况：通过或退回（下达单位）',
        params: IdParams,
        body: ReviewItemBody,
        response: { 200: LedgerItemDetail, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await ledger.review(request.actor!, request.params.id, {
        version: b.version,
        decision: b.decision,
        opinion: b.opinion,
      });
      return r.ok ? wire(r.value) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/ledger/files/:id',
    {
      config: { permission: 'ledger.read' },
      schema: {
        tags: ['ledger'],
        summary: '下载佐证材料或线索来源文件',
        params: IdParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const r = await ledger.getFile(request.actor!, request.params.id);
      if (!r.ok) return fail(reply, r.error);
      reply.header('x-content-type-options', 'nosniff');
      return sendDownload(reply, {
        body: r.value.content,
        filename: r.value.fileName,
        contentType: r.value.contentType || 'application/octet-stream',
      });
    },
  );

  app.post(
    '/api/v1/ledger/clues',
    {
      config: { permission: 'ledger.issue' },
      schema: {
        tags: ['ledger'],
        summary: '录入问题线索（财会监督、审计、巡视巡察等）并下达整改',
        body: CreateClueBody,
        response: { 201: LedgerItemDetail, ...errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await ledger.createClue(request.actor!, {
        source: b.source,
        title: b.title,
        description: b.description,
        sourceDocument: b.sourceDocument,
        severity: b.severity,
        amountFen: b.amountFen,
        fiscalYear: b.fiscalYear,
        ownerOrgId: b.ownerOrgId,
        requirement: b.requirement,
        deadline: b.deadline,
      });
      return r.ok ? reply.code(201).send(wire(r.value)) : fail(reply, r.error);
    },
  );

  app.post(
    '/api/v1/ledger/clues/:id/document',
    {
      config: { permission: 'ledger.issue' },
      schema: {
        tags: ['ledger'],
        summary: '上传问题线索的来源文件（multipart/form-data，字段 file）',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: LedgerFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request);
      if (!file) return fail(reply, noUpload());
      const r = await ledger.uploadClueDocument(request.actor!, request.params.id, file);
      return r.ok ? reply.code(201).send(fileView(r.value)) : fail(reply, r.error);
    },
  );

  app.get(
    '/api/v1/ledger/owners',
    {
      config: { permission: 'ledger.issue' },
      schema: {
        tags: ['ledger'],
        summary: '可作为整改责任单位的单位（财政部门、预算部门、处室）',
        querystring: z.object({
          division: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: { 200: z.array(OwnerOption), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await ledger.ownerOptions(request.actor!, q.division ? { division: q.division } : {});
      return r.ok ? r.value : fail(reply, r.error);
    },
  );
}
