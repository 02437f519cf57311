import { z } from 'zod';
import { CONSEQUENCE_SORTS, CONSEQUENCE_STATUSES } from '../core/consequences/ports.ts';
import { BASE_KINDS, CONSEQUENCE_ACTIONS } from '../core/consequences/rules.ts';
import { DivisionCode, FiscalYear, Uuid } from './common.ts';

/** 结果应用: rules by division and year, proposals per subject of a run, decisions. */

const Lang = z.enum(['zh', 'en']).optional();
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const listOf = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === '') return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(','));
    const out = parts.map((x) => x.trim()).filter((x) => x !== '');
    return out.length > 0 ? out : undefined;
  }, z.array(item).max(20).optional());

export const ConsequenceActionEnum = z.enum(CONSEQUENCE_ACTIONS);
export const ConsequenceStatusEnum = z.enum(CONSEQUENCE_STATUSES);

const RankCondition = z.object({ percent: z.number().optional(), count: z.number().int().optional() });

export const ConsequenceRule = z.object({
  id: z.string(),
  label: z.string(),
  labelEn: z.string().optional(),
  subjectKinds: z.array(z.string()).optional(),
  when: z.object({
    grades: z.array(z.string()).optional(),
    rankTop: RankCondition.optional(),
    rankBottom: RankCondition.optional(),
  }),
  action: ConsequenceActionEnum,
  ratio: z.number().optional(),
  base: z.enum(BASE_KINDS).optional(),
  accountability: z.boolean().optional(),
});
export type ConsequenceRule = z.infer<typeof ConsequenceRule>;

export const ConsequenceRuleSet = z.object({
  targetYearOffset: z.number().int(),
  rules: z.array(ConsequenceRule),
});
export type ConsequenceRuleSet = z.infer<typeof ConsequenceRuleSet>;

export const RulesQuery = z.object({
  division: z.preprocess(blankToUndefined, DivisionCode.optional()),
  year: FiscalYear,
});

export const RulesView = z.object({
  division: z.string(),
  divisionName: z.string(),
  fiscalYear: z.number().int(),
  ruleSet: ConsequenceRuleSet.nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() })),
  fromDivision: z.string().nullable(),
  fromDivisionName: z.string().nullable(),
  inherited: z.boolean(),
  locked: z.boolean(),
  version: z.number().int().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
  canReset: z.boolean(),
});
export type RulesView = z.infer<typeof RulesView>;

/** The rules are checked by the core (every problem listed); here only their outer shape. */
export const SaveRulesBody = z.object({
  division: DivisionCode.optional(),
  year: FiscalYear,
  version: z.number().int().min(1).nullable(),
  rules: z.unknown(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type SaveRulesBody = z.infer<typeof SaveRulesBody>;

export const ResetRulesQuery = z.object({
  division: z.preprocess(blankToUndefined, DivisionCode.optional()),
  year: FiscalYear,
  version: z.coerce.number().int().min(1),
});

const Text = z.object({ zh: z.string(), en: z.string() });

export const AppliedRule = z.object({
  ruleId: z.string(),
  label: z.string(),
  labelEn: z.string().nullable(),
  action: ConsequenceActionEnum,
  ratio: z.number().nullable(),
  baseKind: z.string(),
  baseFen: z.number().int().nullable(),
  amountFen: z.number().int(),
  accountability: z.boolean(),
  reason: Text,
});

export const ConsequenceRow = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  fiscalYear: z.number().int(),
  targetFiscalYear: z.number().int(),
  sourceId: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  subjectRefCode: z.string().nullable(),
  subjectKind: z.string().nullable(),
  issuerMofDivCode: z.string().nullable(),
  explanation: z
    .object({
      zh: z.string(),
      en: z.string(),
      baseKind: z.string().nullable(),
      applied: z.array(AppliedRule),
    })
    .nullable(),
  action: ConsequenceActionEnum,
  grade: z.string().nullable(),
  rank: z.number().int().nullable(),
  baseAmountFen: z.number().int(),
  proposedFen: z.number().int(),
  confirmedFen: z.number().int().nullable(),
  status: ConsequenceStatusEnum,
  accountabilityReferral: z.boolean(),
  note: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ConsequenceRow = z.infer<typeof ConsequenceRow>;

export const ConsequenceTotals = z.object({
  count: z.number().int(),
  proposedFen: z.number().int(),
  confirmedFen: z.number().int(),
  byStatus: z.object({
    proposed: z.number().int(),
    confirmed: z.number().int(),
    rejected: z.number().int(),
  }),
  referrals: z.number().int(),
});

export const ConsequencePage = z.object({
  run: z.object({
    id: z.string(),
    name: z.string().nullable(),
    fiscalYear: z.number().int(),
    targetFiscalYear: z.number().int(),
    mofDivCode: z.string(),
    divisionName: z.string(),
    templateName: z.string(),
    templateNameEn: z.string().nullable(),
    subjectKind: z.string(),
    status: z.string(),
  }),
  items: z.array(ConsequenceRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: ConsequenceTotals,
  canDecide: z.boolean(),
  bands: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string(), color: z.string() })),
});
export type ConsequencePage = z.infer<typeof ConsequencePage>;

const filters = {
  status: listOf(ConsequenceStatusEnum),
  action: listOf(ConsequenceActionEnum),
  sort: z.preprocess(blankToUndefined, z.enum(CONSEQUENCE_SORTS).optional()),
  order: z.preprocess(blankToUndefined, z.enum(['asc', 'desc']).optional()),
  q: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  division: z.preprocess(blankToUndefined, DivisionCode.optional()),
  year: z.preprocess(blankToUndefined, FiscalYear.optional()),
};
export const ConsequenceQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  ...filters,
});
export const ConsequenceExportQuery = z.object({ ...filters, lang: Lang });

export const ProposeResult = z.object({
  written: z.number().int(),
  kept: z.number().int(),
  totals: ConsequenceTotals,
});

export const DecideBody = z.object({
  action: z.enum(['confirm', 'reject']),
  decisions: z
    .array(
      z.object({
        id: Uuid,
        version: z.number().int().min(1),
        confirmedFen: z.number().int('金额应为整数（分）').nullable().optional(),
      }),
    )
    .min(1, '请选择要处理的记录')
    .max(5000),
  note: z.string().trim().max(500, '备注不超过500字').nullable().optional(),
});
export type DecideBody = z.infer<typeof DecideBody>;

export const DecideResult = z.object({ decided: z.array(ConsequenceRow) });
