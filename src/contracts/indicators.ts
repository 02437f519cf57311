import { z } from 'zod';
import {
  FUND_CLASSES,
  INDICATOR_DIRECTIONS,
  INDICATOR_SCOPES,
  INDICATOR_STATUSES,
  VALUE_BASES,
} from '../core/indicators/library.ts';
import { INDICATOR_SORTS } from '../core/indicators/ports.ts';
import { DivisionCode, pageOf } from './common.ts';

/** 指标库: library indicators, their list query, and the create/edit bodies. */

export const IndicatorScopeEnum = z.enum(INDICATOR_SCOPES);
export const IndicatorDirectionEnum = z.enum(INDICATOR_DIRECTIONS);
export const ValueBasisEnum = z.enum(VALUE_BASES);
export const FundClassEnum = z.enum(FUND_CLASSES);
export const IndicatorStatusEnum = z.enum(INDICATOR_STATUSES);

export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), '日期无效');

export const Indicator = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  code: z.string(),
  name: z.string(),
  level1: z.string(),
  level2: z.string(),
  scope: IndicatorScopeEnum,
  direction: IndicatorDirectionEnum,
  unit: z.string().nullable(),
  valueBasis: ValueBasisEnum.nullable(),
  referenceValue: z.string().nullable(),
  functionClassCode: z.string().nullable(),
  fundClass: FundClassEnum.nullable(),
  evaluationStandard: z.string().nullable(),
  description: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: IndicatorStatusEnum,
  createdBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorPage = pageOf(Indicator).extend({
  /** Names of the owning divisions that appear on the page, by code. */
  divisionNames: z.record(z.string(), z.string()),
});
export type IndicatorPage = z.infer<typeof IndicatorPage>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** Filters of the list and of its Excel export (exactly the same rows). */
export const IndicatorFilterQuery = z.object({
  division: z.preprocess(emptyToUndefined, DivisionCode.optional()),
  /** usable: this division's and the divisions' above it; all: also those of the divisions below. */
  owners: z.preprocess(emptyToUndefined, z.enum(['usable', 'all']).optional()),
  scope: z.preprocess(emptyToUndefined, IndicatorScopeEnum.optional()),
  level1: z.preprocess(emptyToUndefined, z.string().max(50).optional()),
  level2: z.preprocess(emptyToUndefined, z.string().max(50).optional()),
  direction: z.preprocess(emptyToUndefined, IndicatorDirectionEnum.optional()),
  fundClass: z.preprocess(emptyToUndefined, FundClassEnum.optional()),
  status: z.preprocess(emptyToUndefined, IndicatorStatusEnum.optional()),
  validOn: z.preprocess(emptyToUndefined, IsoDay.optional()),
  q: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(INDICATOR_SORTS).optional()),
  order: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc']).optional()),
});
export type IndicatorFilterQuery = z.infer<typeof IndicatorFilterQuery>;

export const IndicatorListQuery = IndicatorFilterQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type IndicatorListQuery = z.infer<typeof IndicatorListQuery>;

export const IndicatorExportQuery = IndicatorFilterQuery.extend({
  lang: z.enum(['zh', 'en']).default('zh'),
});

/** Optional text: trimmed, '' means "none" (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不超过${max}个字`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** The fields a user types; the same rules run in the drawer as they type and on the server. */
export const IndicatorFieldsBody = z.object({
  code: z
    .string()
    .trim()
    .min(1, '请输入指标编码')
    .max(64, '指标编码不超过64个字符')
    .regex(/^[A-Za-z0-9_.-]+$/, '指标编码只能包含字母、数字、下划线、点和连字符'),
  name: z.string().trim().min(1, '请输入指标名称').max(200, '指标名称不超过200个字'),
  level1: z.string().trim().min(1, '请选择一级指标').max(50),
  level2: z.string().trim().min(1, '请选择二级指标').max(50),
  scope: IndicatorScopeEnum,
  direction: IndicatorDirectionEnum,
  unit: optionalText(20),
  valueBasis: ValueBasisEnum.nullable().optional(),
  referenceValue: optionalText(50),
  functionClassCode: z
    .string()
    .trim()
    .regex(/^(\d{3}(\d{2}){0,2})?$/, '支出功能分类编码应为3、5或7位数字')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  fundClass: FundClassEnum.nullable().optional(),
  evaluationStandard: optionalText(2000),
  description: optionalText(2000),
  validFrom: IsoDay.nullable().optional(),
  validTo: IsoDay.nullable().optional(),
});

const validityOrder = (b: { validFrom?: string | null | undefined; validTo?: string | null | undefined }) =>
  !b.validFrom || !b.validTo || b.validTo >= b.validFrom;
const validityMessage = { message: '失效日期不能早于生效日期', path: ['validTo'] };

/** Absent optional fields are stored as null. */
export const CreateIndicatorBody = IndicatorFieldsBody.extend({
  mofDivCode: DivisionCode.optional(),
  status: IndicatorStatusEnum.optional(),
}).refine(validityOrder, validityMessage);
export type CreateIndicatorBody = z.input<typeof CreateIndicatorBody>;

/** Only the fields sent change; null clears an optional field. */
export const UpdateIndicatorBody = IndicatorFieldsBody.partial()
  .extend({ version: z.number().int().min(1), status: IndicatorStatusEnum.optional() })
  .refine(validityOrder, validityMessage);
export type UpdateIndicatorBody = z.input<typeof UpdateIndicatorBody>;

export const RetireIndicatorBody = z.object({ version: z.number().int().min(1) });
