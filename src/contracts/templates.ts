import { z } from 'zod';
import type { IndicatorNode as CoreIndicatorNode } from '../core/indicators/types.ts';
import {
  TEMPLATE_STATUSES,
  TEMPLATE_SUBJECT_KINDS,
  TEMPLATE_VERSION_STATUSES,
} from '../core/templates/types.ts';
import { DivisionCode, FiscalYear, Uuid } from './common.ts';

/**
 * 指标模板: templates, versions, the indicator tree (TemplateDefinition) on the wire, validation problems,
 * and preview scoring (试算). The tree's shape is checked here; its meaning (weights adding up, bands,
 * formulas …) by the engine, which lists every problem at once.
 */

const num = z.number();
const text = (max: number) => z.string().max(max);

const QualitativeLevel = z.object({
  label: text(100),
  labelEn: text(100).exactOptional(),
  min: num,
  max: num,
});

const Band = z.object({ from: num, points: num });

const FormulaInput = z.object({
  name: text(50),
  label: text(100).exactOptional(),
  unit: text(20).exactOptional(),
});

export const Rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('positive'), target: num.exactOptional() }),
  z.object({
    kind: z.literal('reverse'),
    target: num.exactOptional(),
    method: z.enum(['ratio', 'linear']).exactOptional(),
  }),
  z.object({ kind: z.literal('equality'), target: num.exactOptional() }),
  z.object({
    kind: z.literal('qualitative'),
    levels: z.array(QualitativeLevel).max(10).exactOptional(),
    fallback: z.enum(['lower', 'upper']).exactOptional(),
  }),
  z.object({
    kind: z.literal('banded'),
    bands: z.array(Band).max(50),
    basis: z.enum(['value', 'ratio']).exactOptional(),
    target: num.exactOptional(),
    interpolate: z.boolean().exactOptional(),
  }),
  z.object({ kind: z.literal('deduction'), perUnit: num.exactOptional() }),
  z.object({ kind: z.literal('bonus'), perUnit: num.exactOptional() }),
  z.object({
    kind: z.literal('formula'),
    expression: text(2000),
    inputs: z.array(FormulaInput).max(20),
  }),
  z.object({
    kind: z.literal('relative'),
    method: z.enum(['rank', 'mean_ratio']),
    better: z.enum(['higher', 'lower']).exactOptional(),
  }),
]);

const nodeBase = {
  code: text(64),
  name: text(200),
  nameEn: text(200).exactOptional(),
  weight: num,
  description: text(2000).exactOptional(),
};

export const LeafNode = z.object({
  type: z.literal('leaf'),
  ...nodeBase,
  rule: Rule,
  unit: text(20).exactOptional(),
  standard: text(2000).exactOptional(),
  libraryCode: text(64).exactOptional(),
});

export const GroupNode = z.object({
  type: z.literal('group'),
  ...nodeBase,
  category: z.enum(['base', 'deduction', 'bonus']).exactOptional(),
  rescale: z.boolean().exactOptional(),
  allowLocal: z.boolean().exactOptional(),
  get children(): z.ZodArray<typeof IndicatorNode> {
    return z.array(IndicatorNode).max(500);
  },
});

export const IndicatorNode: z.ZodType<CoreIndicatorNode, CoreIndicatorNode> = z.discriminatedUnion('type', [
  LeafNode,
  GroupNode,
]) as unknown as z.ZodType<CoreIndicatorNode, CoreIndicatorNode>;

export const TemplateDefinition = z.object({
  maxScore: num,
  nodes: z.array(IndicatorNode).max(500).readonly(),
});
export type TemplateDefinition = z.infer<typeof TemplateDefinition>;

export const GradeBand = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  min: z.number(),
  color: z.string(),
});
export const GradeScheme = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  bands: z.array(GradeBand),
});
export type GradeScheme = z.infer<typeof GradeScheme>;

export const TemplateSubjectKindEnum = z.enum(TEMPLATE_SUBJECT_KINDS);
export const TemplateVersionStatusEnum = z.enum(TEMPLATE_VERSION_STATUSES);

export const TemplateVersionSummary = z.object({
  id: z.string(),
  templateId: z.string(),
  mofDivCode: z.string(),
  fiscalYear: z.number().int(),
  versionNo: z.number().int(),
  status: TemplateVersionStatusEnum,
  basedOnVersionId: z.string().nullable(),
  changeNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateVersionSummary = z.infer<typeof TemplateVersionSummary>;

export const TemplateVersion = TemplateVersionSummary.extend({
  definition: TemplateDefinition,
  gradeScheme: GradeScheme.nullable(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export const Template = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  subjectKind: TemplateSubjectKindEnum,
  description: z.string().nullable(),
  status: z.enum(TEMPLATE_STATUSES),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof Template>;

export const TemplateView = Template.extend({
  divisionName: z.string(),
  writable: z.boolean(),
  versions: z.array(TemplateVersionSummary),
  upstream: z
    .object({ templateId: z.string(), name: z.string(), mofDivCode: z.string(), divisionName: z.string() })
    .nullable(),
});
export type TemplateView = z.infer<typeof TemplateView>;

/** One problem of a definition: the code, the node, where it sits, and what is wrong in both languages. */
export const DefinitionIssue = z.object({
  code: z.string(),
  nodeCode: z.string().nullable(),
  path: z.string(),
  message: z.string(),
  messageEn: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type DefinitionIssue = z.infer<typeof DefinitionIssue>;

export const VersionView = z.object({
  version: TemplateVersion,
  template: Template,
  divisionName: z.string(),
  writable: z.boolean(),
  publishable: z.boolean(),
  issues: z.array(DefinitionIssue),
  upstream: z
    .object({
      versionId: z.string(),
      templateId: z.string(),
      templateName: z.string(),
      mofDivCode: z.string(),
      divisionName: z.string(),
      fiscalYear: z.number().int(),
      versionNo: z.number().int(),
      definition: TemplateDefinition,
      localGroups: z.array(z.string()),
    })
    .nullable(),
  gradeScheme: GradeScheme,
});
export type VersionView = z.infer<typeof VersionView>;

export const TemplateListQuery = z.object({
  division: DivisionCode.optional(),
  owners: z.enum(['usable', 'all']).optional(),
  subjectKind: TemplateSubjectKindEnum.optional(),
  q: z.string().max(100).optional(),
});

const code = z
  .string()
  .trim()
  .min(1, '请输入模板编码')
  .max(64, '模板编码不超过64个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '模板编码只能包含字母、数字、下划线、点和连字符');

export const CreateTemplateBody = z.object({
  mofDivCode: DivisionCode.optional(),
  code,
  name: z.string().trim().min(1, '请输入模板名称').max(200),
  nameEn: z.string().trim().max(200).nullable().optional(),
  subjectKind: TemplateSubjectKindEnum,
  description: z.string().trim().max(2000).nullable().optional(),
  /** The first draft's fiscal year. */
  fiscalYear: FiscalYear,
  /** Copy the first draft from this version (from an upper division: 派生本级版本). */
  copyFromVersionId: Uuid.optional(),
  changeNote: z.string().trim().max(500).nullable().optional(),
});
export type CreateTemplateBody = z.input<typeof CreateTemplateBody>;

export const CreatedTemplate = z.object({ template: Template, version: TemplateVersion });

export const UpdateTemplateBody = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1, '请输入模板名称').max(200).optional(),
  nameEn: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  status: z.enum(TEMPLATE_STATUSES).optional(),
});

export const CreateVersionBody = z.object({
  fiscalYear: FiscalYear,
  copyFromVersionId: Uuid.optional(),
  changeNote: z.string().trim().max(500).nullable().optional(),
});
export type CreateVersionBody = z.input<typeof CreateVersionBody>;

export const SaveDraftBody = z.object({
  version: z.number().int().min(1),
  definition: TemplateDefinition,
  changeNote: z.string().trim().max(500).nullable().optional(),
});
export type SaveDraftBody = z.input<typeof SaveDraftBody>;

export const SavedDraft = z.object({ version: TemplateVersion, issues: z.array(DefinitionIssue) });

export const ValidateBody = z.object({ definition: TemplateDefinition.optional() });
export const Validation = z.object({ valid: z.boolean(), issues: z.array(DefinitionIssue) });
export type Validation = z.infer<typeof Validation>;

export const PublishBody = z.object({ version: z.number().int().min(1) });
export const Published = z.object({ version: TemplateVersion, retired: TemplateVersionSummary.nullable() });

// Preview (试算)

export const PreviewBody = z.object({
  definition: TemplateDefinition,
  /** One or more sample subjects: input values by key (`${leafCode}.${name}`), null = not filled in. */
  samples: z
    .array(
      z.object({
        label: z.string().max(100).optional(),
        inputs: z.record(z.string(), z.number().nullable()),
      }),
    )
    .min(1, '至少输入一个样例')
    .max(50),
  fiscalYear: FiscalYear,
  division: DivisionCode.optional(),
  /** Use this version's own grade scheme, when it has one. */
  versionId: Uuid.optional(),
});
export type PreviewBody = z.input<typeof PreviewBody>;

const Text = z.object({ zh: z.string(), en: z.string() });

export interface NodeExplanation {
  code: string;
  name: string;
  nameEn?: string | undefined;
  type: 'leaf' | 'group';
  kind?: string | undefined;
  category: 'base' | 'deduction' | 'bonus';
  weight: number;
  points: number;
  lost: number;
  applicable: boolean;
  inputs: { key: string; name: string; label: string; labelEn: string; value: number | null }[];
  rule: { zh: string; en: string };
  computation: { zh: string; en: string };
  reasons: { zh: string; en: string }[];
  children?: NodeExplanation[] | undefined;
}

export const NodeExplanation: z.ZodType<NodeExplanation> = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  type: z.enum(['leaf', 'group']),
  kind: z.string().optional(),
  category: z.enum(['base', 'deduction', 'bonus']),
  weight: z.number(),
  points: z.number(),
  lost: z.number(),
  applicable: z.boolean(),
  inputs: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      label: z.string(),
      labelEn: z.string(),
      value: z.number().nullable(),
    }),
  ),
  rule: Text,
  computation: Text,
  reasons: z.array(Text),
  get children() {
    return z.array(NodeExplanation).optional();
  },
});

export const SubjectExplanation = z.object({
  total: z.number(),
  grade: GradeBand.nullable(),
  maxScore: z.number(),
  base: z.number(),
  adjustments: z.number(),
  notApplicableWeight: z.number(),
  nodes: z.array(NodeExplanation),
  notes: z.array(Text),
});
export type SubjectExplanation = z.infer<typeof SubjectExplanation>;

export const Preview = z.object({
  gradeScheme: GradeScheme,
  results: z.array(z.object({ label: z.string(), explanation: SubjectExplanation })),
});
export type Preview = z.infer<typeof Preview>;
