/**
 * Which subjects (评价对象) a template scores in a division. The template's subject kind decides:
 * - county_fiscal (市县财政高质量发展): every prefecture and county in the division's subtree, including the
 *   长白山管委会 and its economic management districts (project-local codes); not the province itself and
 *   not the NBS statistical zones (开发区), which are not fiscal divisions of their own;
 * - department_budget and frugality (部门预算管理 / 过紧日子): the active budget departments of the division
 *   itself (each level scores its own departments);
 * - finance_division: the finance bureau's internal divisions (处室) of the division itself;
 * - other kinds (funds, assets, revenue items, projects): subjects are registered elsewhere; the existing
 *   subject rows of the matching kind are used.
 */
import type { DivisionRecord, OrganizationRecord } from '../access/ports.ts';
import type { NewSubject, SubjectKind, TemplateSubjectKind } from './ports.ts';

export const SUBJECT_KIND_FOR_TEMPLATE: Record<TemplateSubjectKind, SubjectKind> = {
  county_fiscal: 'division',
  department_budget: 'department',
  frugality: 'department',
  finance_division: 'finance_division',
  investment_fund: 'fund',
  state_assets: 'asset_class',
  revenue: 'revenue_item',
  project_selfeval: 'project',
  project_evaluation: 'project',
  other: 'project',
};

/** Division levels scored as 市县 (county_fiscal). */
export const SCORED_DIVISION_LEVELS: readonly string[] = [
  'prefecture',
  'county',
  'prefecture-equivalent',
  'county-equivalent',
];

export function divisionSubjectLevel(level: string): 'prefecture' | 'county' | null {
  if (level === 'prefecture' || level === 'prefecture-equivalent') return 'prefecture';
  if (level === 'county' || level === 'county-equivalent') return 'county';
  return null;
}

const within = (d: DivisionRecord, root: DivisionRecord) =>
  d.path === root.path || d.path.startsWith(`${root.path}/`);

/**
 * The subjects a template of `kind` scores in `division`, built from the code tables; null when the kind's
 * subjects are not derived from divisions or organizations.
 */
export function subjectCandidates(
  kind: TemplateSubjectKind,
  division: DivisionRecord,
  divisions: readonly DivisionRecord[],
  organizations: readonly OrganizationRecord[],
): NewSubject[] | null {
  switch (SUBJECT_KIND_FOR_TEMPLATE[kind]) {
    case 'division':
      return divisions
        .filter((d) => within(d, division) && SCORED_DIVISION_LEVELS.includes(d.level))
        .map((d) => ({
          mofDivCode: d.code,
          kind: 'division',
          refCode: d.code,
          name: d.shortName ?? d.name,
          organizationId: null,
          sortOrder: d.sortOrder,
        }));
    case 'department':
    case 'finance_division': {
      const orgKind = kind === 'finance_division' ? 'finance_division' : 'budget_department';
      return organizations
        .filter((o) => o.kind === orgKind && o.mofDivCode === division.code && o.status === 'active')
        .map((o) => ({
          mofDivCode: o.mofDivCode,
          kind: SUBJECT_KIND_FOR_TEMPLATE[kind],
          refCode: o.code ?? o.id,
          name: o.name,
          organizationId: o.id,
          sortOrder: o.sortOrder,
        }));
    }
    default:
      return null;
  }
}

/** The divisions whose subjects a scoring in `division` covers (for kinds not derived from code tables). */
export function subjectDivisionCodes(
  kind: TemplateSubjectKind,
  division: DivisionRecord,
  divisions: readonly DivisionRecord[],
): string[] {
  const k = SUBJECT_KIND_FOR_TEMPLATE[kind];
  if (k === 'department' || k === 'finance_division') return [division.code];
  return divisions.filter((d) => within(d, division)).map((d) => d.code);
}
