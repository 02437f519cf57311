/**
 * An audit event's before/after as a plain field-by-field comparison for an auditor: which fields changed
 * (in Chinese where the field is known), which stayed the same, and technical bookkeeping (version,
 * timestamps) kept apart so that it never hides the real change. Pure: no React, no DOM.
 */

export interface FieldLabel {
  readonly zh: string;
  readonly en: string;
}

/** Field names of the records the platform audits, in both languages. */
export const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  username: { zh: '用户名', en: 'User name' },
  displayName: { zh: '姓名', en: 'Name' },
  mofDivCode: { zh: '区划', en: 'Division' },
  organizationId: { zh: '所属单位', en: 'Organization' },
  phone: { zh: '联系电话', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  status: { zh: '状态', en: 'Status' },
  roles: { zh: '角色', en: 'Roles' },
  failedAttempts: { zh: '连续登录失败次数', en: 'Failed sign-ins' },
  lockedUntil: { zh: '锁定至', en: 'Locked until' },
  mustChangePassword: { zh: '须修改密码', en: 'Must change password' },
  passwordChangedAt: { zh: '密码修改时间', en: 'Password changed' },
  lastLoginAt: { zh: '最近登录', en: 'Last sign-in' },
  parentId: { zh: '上级单位', en: 'Parent' },
  kind: { zh: '类别', en: 'Kind' },
  code: { zh: '代码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  shortName: { zh: '简称', en: 'Short name' },
  sortOrder: { zh: '排序号', en: 'Sort order' },
  projectId: { zh: '项目', en: 'Project' },
  proCode: { zh: '项目代码', en: 'Project code' },
  projectName: { zh: '项目名称', en: 'Project' },
  fiscalYear: { zh: '预算年度', en: 'Fiscal year' },
  printedTotal: { zh: '自评总分', en: 'Printed total' },
  formulaTotal: { zh: '公式总分', en: 'Formula total' },
  grade: { zh: '等次', en: 'Grade' },
  findingCount: { zh: '核查问题数', en: 'Findings' },
  sourceAttachmentId: { zh: '原始文件', en: 'Source file' },
  sourceFileName: { zh: '原始文件名', en: 'Source file name' },
  fileName: { zh: '文件名', en: 'File name' },
  templateId: { zh: '指标模板', en: 'Template' },
  templateVersionId: { zh: '模板版本', en: 'Template version' },
  versionNo: { zh: '版本号', en: 'Version no.' },
  subjectKind: { zh: '评价对象类型', en: 'Subject kind' },
  level1: { zh: '一级指标', en: 'Level 1' },
  level2: { zh: '二级指标', en: 'Level 2' },
  scope: { zh: '共性/个性', en: 'Common/specific' },
  direction: { zh: '指标方向', en: 'Direction' },
  unit: { zh: '计量单位', en: 'Unit' },
  description: { zh: '说明', en: 'Description' },
  validFrom: { zh: '生效日期', en: 'Valid from' },
  validTo: { zh: '失效日期', en: 'Valid to' },
  gradeScheme: { zh: '等次方案', en: 'Grade scheme' },
  ip: { zh: 'IP 地址', en: 'IP address' },
  reason: { zh: '原因', en: 'Reason' },
  version: { zh: '版本', en: 'Version' },
  createdAt: { zh: '创建时间', en: 'Created' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
  id: { zh: '编号', en: 'Id' },
};

/** Bookkeeping fields: shown with the unchanged ones even when they moved. */
export const TECHNICAL_FIELDS: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'updatedAt']);

export interface DiffRow {
  readonly field: string;
  readonly label: FieldLabel | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly changed: boolean;
  readonly technical: boolean;
}

export interface AuditDiff {
  /** create: nothing before; delete: nothing after; update: both; none: neither; value: not records. */
  readonly kind: 'create' | 'update' | 'delete' | 'none' | 'value';
  /** Changed, non-technical fields first in record order. */
  readonly changed: readonly DiffRow[];
  /** Unchanged fields and technical ones. */
  readonly rest: readonly DiffRow[];
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isEmpty = (x: unknown) => x === null || x === undefined;

/** Structural equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function row(field: string, before: unknown, after: unknown, changed: boolean): DiffRow {
  return {
    field,
    label: FIELD_LABELS[field] ?? null,
    before,
    after,
    changed,
    technical: TECHNICAL_FIELDS.has(field),
  };
}

export function diffAudit(before: unknown, after: unknown): AuditDiff {
  if (isEmpty(before) && isEmpty(after)) return { kind: 'none', changed: [], rest: [] };
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    const r = row('value', before, after, !sameValue(before, after));
    return { kind: 'value', changed: r.changed ? [r] : [], rest: r.changed ? [] : [r] };
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const kind = isEmpty(before) ? 'create' : isEmpty(after) ? 'delete' : 'update';
  const fields = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  const rows = fields.map((f) =>
    kind === 'update'
      ? row(f, b[f], a[f], !sameValue(b[f], a[f]))
      : row(f, b[f], a[f], !isEmpty(kind === 'create' ? a[f] : b[f])),
  );
  return {
    kind,
    changed: rows.filter((r) => r.changed && !r.technical),
    rest: rows.filter((r) => !r.changed || r.technical),
  };
}
