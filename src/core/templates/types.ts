/**
 * 指标模板 (indicator templates) and their yearly versions. A template belongs to the division that made it
 * and is used by the divisions below it (T18: one set of indicators from province to county). Each fiscal
 * year has numbered versions: drafts are edited, one version per year is published, and publishing a new
 * one retires the one published before. A published version is never changed in place.
 *
 * A city or county derives its own version from a province version (派生本级版本): it keeps every province
 * node as it is and may add local indicators only under groups marked `allowLocal`.
 */
import type { TemplateDefinition } from '../indicators/types.ts';
import type { GradeScheme } from '../scoring/grades.ts';

type Label = { readonly zh: string; readonly en: string };

export const TEMPLATE_SUBJECT_KINDS = [
  'county_fiscal',
  'department_budget',
  'finance_division',
  'investment_fund',
  'state_assets',
  'revenue',
  'frugality',
  'project_selfeval',
  'project_evaluation',
  'other',
] as const;
export type TemplateSubjectKind = (typeof TEMPLATE_SUBJECT_KINDS)[number];

export const TEMPLATE_SUBJECT_KIND_LABELS: Record<TemplateSubjectKind, Label> = {
  county_fiscal: { zh: '市县财政高质量发展评价', en: 'City/county fiscal high-quality development' },
  department_budget: { zh: '部门预算管理工作评价', en: "Budget departments' budget management" },
  finance_division: { zh: '财政内设处室绩效评价', en: 'Finance internal divisions' },
  investment_fund: { zh: '政府投资基金绩效评价', en: 'Government investment funds' },
  state_assets: { zh: '国有资产资源绩效评价', en: 'State assets and resources' },
  revenue: { zh: '政府收入绩效评价', en: 'Government revenue' },
  frugality: { zh: '过紧日子评价', en: 'Living on a tight budget' },
  project_selfeval: { zh: '项目支出绩效自评', en: 'Project expenditure self-evaluation' },
  project_evaluation: { zh: '项目绩效评价', en: 'Project performance evaluation' },
  other: { zh: '其他', en: 'Other' },
};

export const TEMPLATE_STATUSES = ['active', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TEMPLATE_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type TemplateVersionStatus = (typeof TEMPLATE_VERSION_STATUSES)[number];

export const TEMPLATE_VERSION_STATUS_LABELS: Record<TemplateVersionStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  retired: { zh: '已停用', en: 'Retired' },
};

export interface TemplateRecord {
  readonly id: string;
  readonly mofDivCode: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly subjectKind: TemplateSubjectKind;
  readonly description: string | null;
  readonly status: TemplateStatus;
  readonly createdBy: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface TemplateVersionRecord {
  readonly id: string;
  readonly templateId: string;
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly versionNo: number;
  readonly status: TemplateVersionStatus;
  readonly definition: TemplateDefinition;
  readonly gradeScheme: GradeScheme | null;
  readonly basedOnVersionId: string | null;
  readonly changeNote: string | null;
  readonly publishedAt: Date | null;
  readonly publishedBy: string | null;
  readonly createdBy: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A version without its definition, for lists. */
export type TemplateVersionSummary = Omit<TemplateVersionRecord, 'definition' | 'gradeScheme'>;

/** A new draft starts empty: 满分 100 and no indicators. */
export function emptyDefinition(maxScore = 100): TemplateDefinition {
  return { maxScore, nodes: [] };
}
