import { z } from 'zod';
import { ITEM_SORTS } from '../core/ledger/ports.ts';
import {
  ITEM_STATUSES,
  MANUAL_SOURCE_TYPES,
  NOTICE_STATUSES,
  SEVERITIES,
  SOURCE_TYPES,
  STEP_EVENTS,
} from '../core/ledger/types.ts';
import { DivisionCode, FiscalYear, Uuid } from './common.ts';

/** 通报与整改台账: notices from scoring runs, problem clues, rectification items and their steps. */

const TextPair = z.object({ zh: z.string(), en: z.string() });
const Lang = z.enum(['zh', 'en']).optional();
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** A list parameter: repeated (`a=x&a=y`) or comma-separated (`a=x,y`). */
const listOf = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === '') return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(','));
    const out = parts.map((x) => x.trim()).filter((x) => x !== '');
    return out.length > 0 ? out : undefined;
  }, z.array(item).max(50).optional());

const flag = z.preprocess(
  (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined),
  z.boolean().optional(),
);
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const ItemStatusEnum = z.enum(ITEM_STATUSES);
export const SourceTypeEnum = z.enum(SOURCE_TYPES);

export const SourceRef = z.object({
  runId: z.string().optional(),
  runName: z.string().nullable().optional(),
  subjectId: z.string().optional(),
  subjectName: z.string().optional(),
  indicatorCode: z.string().optional(),
  indicatorName: z.string().optional(),
  indicatorPath: z.string().optional(),
  weight: z.number().optional(),
  points: z.number().optional(),
  lost: z.number().optional(),
  total: z.number().optional(),
  grade: z.string().optional(),
  rank: z.number().int().nullable().optional(),
  document: z.string().optional(),
  clueId: z.string().optional(),
});

export const LedgerItem = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  fiscalYear: z.number().int().nullable(),
  noticeId: z.string().nullable(),
  noticeTitle: z.string().nullable(),
  noticeDocNo: z.string().nullable(),
  clueId: z.string().nullable(),
  itemNo: z.number().int(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  ownerDivisionName: z.string(),
  issuerMofDivCode: z.string(),
  issuerDivisionName: z.string(),
  subjectId: z.string().nullable(),
  title: z.string(),
  requirement: z.string(),
  deadline: z.string(),
  status: ItemStatusEnum,
  overdue: z.boolean(),
  evidence: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  escalationLevel: z.number().int(),
  closedAt: z.string().nullable(),
  sourceType: SourceTypeEnum,
  sourceId: z.string().nullable(),
  sourceRef: SourceRef,
  sourceLabel: TextPair,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LedgerItem = z.infer<typeof LedgerItem>;

export const LedgerItemPage = z.object({
  items: z.array(LedgerItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type LedgerItemPage = z.infer<typeof LedgerItemPage>;

const itemFilters = {
  division: z.preprocess(blankToUndefined, DivisionCode.optional()),
  status: listOf(ItemStatusEnum),
  overdue: flag,
  source: listOf(SourceTypeEnum),
  owner: z.preprocess(blankToUndefined, Uuid.optional()),
  deadlineFrom: z.preprocess(blankToUndefined, IsoDay.optional()),
  deadlineTo: z.preprocess(blankToUndefined, IsoDay.optional()),
  noticeId: z.preprocess(blankToUndefined, Uuid.optional()),
  role: z.preprocess(blankToUndefined, z.enum(['owner', 'issuer']).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(ITEM_SORTS).optional()),
  order: z.preprocess(blankToUndefined, z.enum(['asc', 'desc']).optional()),
  q: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  /** The page's fiscal year; not a filter of items (they span years). */
  year: z.preprocess(blankToUndefined, FiscalYear.optional()),
};

export const LedgerItemQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  ...itemFilters,
});
export const LedgerItemExportQuery = z.object({ ...itemFilters, lang: Lang });

export const LedgerFile = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type LedgerFile = z.infer<typeof LedgerFile>;

export const LedgerStep = z.object({
  id: z.string(),
  event: z.enum(STEP_EVENTS),
  fromStatus: ItemStatusEnum.nullable(),
  toStatus: ItemStatusEnum,
  actorName: z.string().nullable(),
  opinion: z.string().nullable(),
  evidence: z.string().nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string() })),
  at: z.string(),
});
export type LedgerStep = z.infer<typeof LedgerStep>;

export const LedgerItemDetail = z.object({
  item: LedgerItem,
  steps: z.array(LedgerStep),
  files: z.array(LedgerFile),
  party: z.object({ isOwner: z.boolean(), isIssuer: z.boolean(), isSystem: z.boolean() }),
  actions: z.array(z.enum(['submit', 'accept', 'return', 'close'])),
  canUpload: z.boolean(),
  notice: z.object({ id: z.string(), title: z.string(), docNo: z.string().nullable() }).nullable(),
  clue: z
    .object({
      id: z.string(),
      source: z.string(),
      title: z.string().nullable(),
      description: z.string(),
      sourceDocument: z.string().nullable(),
      severity: z.enum(SEVERITIES),
      amountFen: z.number().int().nullable(),
      file: LedgerFile.nullable(),
    })
    .nullable(),
});
export type LedgerItemDetail = z.infer<typeof LedgerItemDetail>;

export const SubmitItemBody = z.object({
  version: z.number().int().min(1),
  evidence: z.string().trim().min(1, '请填写整改情况说明').max(5000, '整改情况说明不超过5000字'),
  attachmentIds: z.array(Uuid).max(50).default([]),
});
export type SubmitItemBody = z.infer<typeof SubmitItemBody>;

export const ReviewItemBody = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['accept', 'return']),
  opinion: z.string().trim().max(2000, '审核意见不超过2000字').default(''),
});
export type ReviewItemBody = z.infer<typeof ReviewItemBody>;

// ----- notices -----

export const Notice = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  divisionName: z.string(),
  fiscalYear: z.number().int().nullable(),
  title: z.string(),
  docNo: z.string().nullable(),
  body: z.string(),
  sourceRunId: z.string().nullable(),
  status: z.enum(NOTICE_STATUSES),
  issuerOrgName: z.string().nullable(),
  deadline: z.string().nullable(),
  issuedByName: z.string().nullable(),
  issuedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  itemCount: z.number().int(),
  acceptedCount: z.number().int(),
  overdueCount: z.number().int(),
  ownerCount: z.number().int(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticePage = z.object({
  items: z.array(Notice),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NoticePage = z.infer<typeof NoticePage>;

export const NoticeListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  year: z.preprocess(blankToUndefined, FiscalYear.optional()),
  runId: z.preprocess(blankToUndefined, Uuid.optional()),
  q: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  division: z.preprocess(blankToUndefined, DivisionCode.optional()),
});

export const NoticeDetail = z.object({
  notice: Notice,
  items: z.array(LedgerItem),
  scopeLimited: z.boolean(),
  run: z.object({ id: z.string(), name: z.string().nullable(), templateName: z.string() }).nullable(),
});
export type NoticeDetail = z.infer<typeof NoticeDetail>;

export const NoticeProposalQuery = z.object({
  grades: listOf(z.string().max(32)),
  bottomN: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional()),
  subjectIds: listOf(Uuid),
  itemsPerSubject: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(20).optional()),
});

export const NoticeProposal = z.object({
  run: z.object({
    id: z.string(),
    name: z.string().nullable(),
    fiscalYear: z.number().int(),
    mofDivCode: z.string(),
    divisionName: z.string(),
    templateName: z.string(),
    ranked: z.number().int(),
  }),
  defaults: z.object({
    grades: z.array(z.string()),
    bottomN: z.number().int().nullable(),
    itemsPerSubject: z.number().int(),
    deadlineDays: z.number().int(),
    deadline: z.string(),
  }),
  selection: z.object({ grades: z.array(z.string()), bottomN: z.number().int().nullable() }),
  bands: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string(), color: z.string() })),
  candidates: z.array(
    z.object({
      subjectId: z.string(),
      refCode: z.string(),
      name: z.string(),
      total: z.number(),
      grade: z.string(),
      rank: z.number().int().nullable(),
    }),
  ),
  subjects: z.array(
    z.object({
      subjectId: z.string(),
      refCode: z.string(),
      name: z.string(),
      mofDivCode: z.string(),
      kind: z.string(),
      total: z.number(),
      grade: z.string(),
      rank: z.number().int().nullable(),
      owner: z.object({ id: z.string(), name: z.string(), mofDivCode: z.string() }).nullable(),
      ownerProblem: z.string().nullable(),
      items: z.array(
        z.object({
          indicatorCode: z.string(),
          indicatorName: z.string(),
          indicatorPath: z.string(),
          weight: z.number(),
          points: z.number(),
          lost: z.number(),
          title: z.string(),
          titleEn: z.string(),
          requirement: z.string(),
          requirementEn: z.string(),
        }),
      ),
    }),
  ),
  title: z.string(),
  body: z.string(),
});
export type NoticeProposal = z.infer<typeof NoticeProposal>;

export const IssueNoticeBody = z.object({
  runId: Uuid,
  title: z.string().trim().min(1, '请填写通报标题').max(200, '标题不超过200字'),
  docNo: z.string().trim().max(100, '文号不超过100字').nullable().default(null),
  body: z.string().trim().max(5000, '通报正文不超过5000字').default(''),
  deadline: IsoDay,
  subjects: z
    .array(
      z.object({
        subjectId: Uuid,
        items: z
          .array(
            z.object({
              title: z.string().trim().min(1, '请填写整改事项').max(200, '整改事项不超过200字'),
              requirement: z.string().trim().min(1, '请填写整改要求').max(2000, '整改要求不超过2000字'),
              deadline: IsoDay.nullable().optional(),
              indicatorCode: z.string().max(64).nullable().optional(),
            }),
          )
          .min(1, '每个被通报对象至少一项整改事项')
          .max(50),
      }),
    )
    .min(1, '请至少选择一个被通报对象')
    .max(2000),
});
export type IssueNoticeBody = z.infer<typeof IssueNoticeBody>;

// ----- clues -----

export const CreateClueBody = z.object({
  source: z.enum(MANUAL_SOURCE_TYPES),
  title: z.string().trim().max(200, '标题不超过200字').default(''),
  description: z.string().trim().min(1, '请填写问题描述').max(5000, '问题描述不超过5000字'),
  sourceDocument: z.string().trim().min(1, '请填写来源文件').max(300, '来源文件不超过300字'),
  severity: z.enum(SEVERITIES).default('medium'),
  amountFen: z.number().int().min(0).nullable().default(null),
  fiscalYear: FiscalYear.nullable().default(null),
  ownerOrgId: Uuid,
  requirement: z.string().trim().min(1, '请填写整改要求').max(2000, '整改要求不超过2000字'),
  deadline: IsoDay,
});
export type CreateClueBody = z.infer<typeof CreateClueBody>;

export const OwnerOption = z.object({
  id: z.string(),
  name: z.string(),
  mofDivCode: z.string(),
  divisionName: z.string(),
  kind: z.string(),
});
export type OwnerOption = z.infer<typeof OwnerOption>;
