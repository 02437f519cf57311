import type { GroupNode, IndicatorNode, TemplateDefinition } from '../indicators/types.ts';
import {
  compileTemplate,
  type EvaluationPlan,
  type TemplateIssue,
  type TemplateIssueCode,
} from '../scoring/compile-template.ts';

/**
 * Everything wrong with a template definition, at once: the engine's own checks (compileTemplate) and, for
 * a version derived from an upper division's version, the local-change rules of T18 — every node of the
 * upper version stays as it is, and local indicators are added only under groups marked `allowLocal`.
 */

export type DerivedIssueCode =
  | 'MAX_SCORE_CHANGED'
  | 'BASE_NODE_MISSING'
  | 'BASE_NODE_CHANGED'
  | 'BASE_NODE_MOVED'
  | 'LOCAL_NODE_NOT_ALLOWED';

export type DefinitionIssueCode = TemplateIssueCode | DerivedIssueCode;

/** One problem; the same shape as the engine's issues, with the derived-version codes added. */
export interface DefinitionIssue extends Omit<TemplateIssue, 'code'> {
  readonly code: DefinitionIssueCode;
}

export interface CheckOptions {
  /** The upper division's version this one is derived from (its nodes must be kept unchanged). */
  readonly base?: TemplateDefinition;
  /** Codes of the indicator library visible to the template's owner (checks `libraryCode`). */
  readonly libraryCodes?: ReadonlySet<string>;
}

export interface DefinitionCheck {
  /** The compiled plan when there is no problem at all. */
  readonly plan: EvaluationPlan | null;
  readonly issues: readonly DefinitionIssue[];
}

export function checkDefinition(definition: TemplateDefinition, options: CheckOptions = {}): DefinitionCheck {
  const compiled = compileTemplate(
    definition,
    options.libraryCodes ? { libraryCodes: options.libraryCodes } : {},
  );
  const derived = options.base ? checkDerived(options.base, definition) : [];
  const issues: DefinitionIssue[] = [...(compiled.ok ? [] : compiled.error), ...derived];
  return { plan: compiled.ok && derived.length === 0 ? compiled.value : null, issues };
}

interface Placed {
  readonly node: IndicatorNode;
  readonly parent: GroupNode | null;
  readonly path: string;
}

function index(nodes: readonly IndicatorNode[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const visit = (list: readonly IndicatorNode[], parent: GroupNode | null, parentPath: string) => {
    for (const node of list) {
      const path = parentPath ? `${parentPath} › ${node.name || node.code}` : node.name || node.code;
      if (!out.has(node.code)) out.set(node.code, { node, parent, path });
      if (node.type === 'group') visit(node.children, node, path);
    }
  };
  visit(nodes, null, '');
  return out;
}

/** JSON with sorted keys: two nodes are "the same" when their own fields serialize alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  nameEn: '英文名称',
  weight: '分值',
  description: '说明',
  type: '类型',
  category: '类别',
  rescale: '按比例折算',
  allowLocal: '允许增加本级指标',
  rule: '计分规则',
  unit: '计量单位',
  standard: '评(扣)分标准',
  libraryCode: '指标库编码',
};

/** The own fields (everything but children) that differ between two nodes. */
function changedFields(a: IndicatorNode, b: IndicatorNode): string[] {
  const own = (n: IndicatorNode): Record<string, unknown> => {
    const { children: _c, ...rest } = n as IndicatorNode & { children?: unknown };
    return rest;
  };
  const x = own(a);
  const y = own(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].filter((k) => canonical(x[k]) !== canonical(y[k])).sort();
}

/** The local-change rules for a definition derived from `base` (T18). */
export function checkDerived(base: TemplateDefinition, derived: TemplateDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const push = (
    code: DerivedIssueCode,
    nodeCode: string | null,
    path: string,
    zh: string,
    en: string,
    details?: Record<string, unknown>,
  ) =>
    issues.push({
      code,
      nodeCode,
      path,
      message: path ? `${path}：${zh}` : zh,
      messageEn: path ? `${path}: ${en}` : en,
      ...(details ? { details } : {}),
    });

  if (base.maxScore !== derived.maxScore) {
    push(
      'MAX_SCORE_CHANGED',
      null,
      '',
      `满分须与上级模板一致（${base.maxScore}），当前为 ${derived.maxScore}`,
      `The full score must stay ${base.maxScore} as in the upper template, not ${derived.maxScore}`,
      { expected: base.maxScore, actual: derived.maxScore },
    );
  }
  const baseIndex = index(base.nodes);
  const derivedIndex = index(derived.nodes);

  for (const [code, b] of baseIndex) {
    // Report a removed subtree once, at its top.
    if (b.parent && !derivedIndex.has(b.parent.code)) continue;
    const d = derivedIndex.get(code);
    if (!d) {
      push(
        'BASE_NODE_MISSING',
        code,
        b.path,
        '上级模板的指标不能删除',
        'Indicators of the upper template cannot be removed',
      );
      continue;
    }
    if ((b.parent?.code ?? null) !== (d.parent?.code ?? null)) {
      push(
        'BASE_NODE_MOVED',
        code,
        d.path,
        `上级模板的指标不能移动（原在“${b.parent ? b.parent.name : '第一级'}”下）`,
        `Indicators of the upper template cannot be moved (it was under "${b.parent ? b.parent.name : 'the first level'}")`,
        { expectedParent: b.parent?.code ?? null },
      );
    }
    const changed = changedFields(b.node, d.node);
    if (changed.length > 0) {
      push(
        'BASE_NODE_CHANGED',
        code,
        d.path,
        `上级模板的指标不能修改（已改动：${changed.map((f) => FIELD_LABELS[f] ?? f).join('、')}）`,
        `Indicators of the upper template cannot be changed (changed: ${changed.join(', ')})`,
        { fields: changed },
      );
    }
  }

  for (const [code, d] of derivedIndex) {
    if (baseIndex.has(code)) continue;
    // Only the topmost local node is judged; what lies inside a local group is the county's own.
    if (d.parent && !baseIndex.has(d.parent.code)) continue;
    const parentInBase = d.parent ? baseIndex.get(d.parent.code)!.node : null;
    if (!parentInBase || parentInBase.type !== 'group' || !parentInBase.allowLocal) {
      push(
        'LOCAL_NODE_NOT_ALLOWED',
        code,
        d.path,
        parentInBase
          ? `“${parentInBase.name}”未允许增加本级指标，本级指标只能加在允许增加的指标组下`
          : '不能增加一级指标，本级指标只能加在上级模板允许增加的指标组下',
        parentInBase
          ? `"${parentInBase.name}" does not allow local indicators; add them only under groups that do`
          : 'First-level indicators cannot be added; add local indicators only under groups that allow them',
        { parent: d.parent?.code ?? null },
      );
    }
  }
  return issues;
}

/** Codes of the groups under which local indicators may be added (for the editor). */
export function localGroupCodes(base: TemplateDefinition): string[] {
  return [...index(base.nodes).values()]
    .filter((p) => p.node.type === 'group' && p.node.allowLocal === true)
    .map((p) => p.node.code);
}

/** Library codes referenced by the leaves of a definition. */
export function libraryCodesOf(definition: TemplateDefinition): string[] {
  const out = new Set<string>();
  const visit = (nodes: readonly IndicatorNode[]) => {
    for (const n of nodes) {
      if (n.type === 'leaf' && n.libraryCode) out.add(n.libraryCode);
      if (n.type === 'group') visit(n.children);
    }
  };
  visit(definition.nodes);
  return [...out];
}
