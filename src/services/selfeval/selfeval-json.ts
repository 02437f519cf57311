/**
 * The JSON form of a self-evaluation table (the CLI's `.json` input):
 * {"title"?, "unit"?: "元"|"万元", "budget": {planned, executed, weight, score?},
 *  "indicators": [{level1, level2, name, target, actual, weight, score?, reason?}], "total"?}
 * Structure is validated strictly (a wrong shape names the field); printed values stay as printed.
 */
import { z } from 'zod';
import { domainError, err, ok, type DomainError, type Result } from '../../core/kernel/index.ts';
import type { SelfEvalTable } from '../../core/selfeval/types.ts';

const amount = z.number().finite().min(0);
/** A printed score: a number; null in JSON means "not printed". */
const printedScore = z.number().finite().nullable().exactOptional();
/** A printed target or actual: text as printed; a bare number is accepted and read as its text. */
const printedValue = z
  .union([z.string(), z.number().finite(), z.null()])
  .transform((v) => (v === null ? '' : String(v)));
const optionalText = z.string().nullable().exactOptional();

export const SelfEvalJsonIndicator = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  target: printedValue,
  actual: printedValue,
  weight: amount,
  score: printedScore,
  reason: optionalText,
});

export const SelfEvalJson = z.object({
  title: optionalText,
  unit: z.enum(['元', '万元']).exactOptional(),
  projectName: optionalText,
  department: optionalText,
  implementingUnit: optionalText,
  budget: z.object({
    initial: amount.nullable().exactOptional(),
    planned: amount,
    executed: amount,
    weight: amount,
    score: printedScore,
  }),
  indicators: z.array(SelfEvalJsonIndicator).min(1),
  total: printedScore,
  printedGrade: optionalText,
});
export type SelfEvalJson = z.infer<typeof SelfEvalJson>;

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文本',
  array: '数组',
  object: '对象',
  boolean: '布尔值',
};

/** `indicators[2].weight` */
function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '（根）';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function issueZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少必填字段' : `应为${TYPE_ZH[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `至少需要 ${String(issue.minimum)} 项`
        : `不能小于 ${String(issue.minimum)}`;
    case 'invalid_value':
      return `只能是 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}`;
    case 'invalid_union':
      return '应为文本或数字';
    default:
      return '不符合要求';
  }
}

/** Drops null and undefined properties, so that optional fields are absent rather than undefined. */
function compact<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null | undefined>;
  };
}

/** Validates parsed JSON as a self-evaluation table. */
export function parseSelfEvalJson(data: unknown): Result<SelfEvalTable, DomainError> {
  const parsed = SelfEvalJson.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => ({ path: fieldPath(i.path), zh: issueZh(i), en: i.message }));
    return err(
      domainError(
        'VALIDATION_FAILED',
        { issues },
        {
          zh: `自评表 JSON 格式有误：${issues.map((i) => `${i.path} ${i.zh}`).join('；')}`,
          en: `the self-evaluation JSON is malformed: ${issues.map((i) => `${i.path}: ${i.en}`).join('; ')}`,
        },
      ),
    );
  }
  const j = parsed.data;
  const table: SelfEvalTable = {
    ...compact({
      title: j.title,
      unit: j.unit,
      projectName: j.projectName,
      department: j.department,
      implementingUnit: j.implementingUnit,
      total: j.total,
      printedGrade: j.printedGrade,
    }),
    budget: compact(j.budget),
    indicators: j.indicators.map((r) => compact(r)),
  };
  return ok(table);
}
