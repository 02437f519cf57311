import {
  DEFAULT_QUALITATIVE_LEVELS,
  categoryOf,
  type Category,
  type IndicatorNode,
  type InputSpec,
  type LeafKind,
  type LeafNode,
  type QualitativeLevel,
  type Rule,
  type TemplateDefinition,
} from '../indicators/types.ts';
import { err, ok, type Result } from '../kernel/index.ts';
import { compileFormula, type CompiledFormula } from './formula.ts';

/** Weights are compared with this tolerance (DOMAIN.md §2). */
const WEIGHT_TOLERANCE = 0.01;

export type TemplateIssueCode =
  | 'EMPTY_TEMPLATE'
  | 'EMPTY_CODE'
  | 'DUPLICATE_CODE'
  | 'BAD_WEIGHT'
  | 'WEIGHTS_MISMATCH'
  | 'EMPTY_GROUP'
  | 'CATEGORY_MISMATCH'
  | 'BAD_TARGET'
  | 'BAD_BANDS'
  | 'BAD_LEVELS'
  | 'BAD_PER_UNIT'
  | 'BAD_INPUTS'
  | 'FORMULA_INVALID'
  | 'UNKNOWN_REFERENCE';

/** One problem in a template; validation lists every problem at once. */
export interface TemplateIssue {
  readonly code: TemplateIssueCode;
  /** The node the problem is on, or null for the template as a whole. */
  readonly nodeCode: string | null;
  /** Names from the top, e.g. "产出指标 › 数量指标 › 培训人次". */
  readonly path: string;
  readonly message: string;
  readonly messageEn: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface CompiledLeaf {
  readonly kind: LeafKind;
  readonly rule: Rule;
  /** Input specs in the order the leaf reads them. */
  readonly inputs: readonly InputSpec[];
  readonly formula?: CompiledFormula;
  readonly levels?: readonly QualitativeLevel[];
  readonly bandFroms?: Float64Array;
  readonly bandPoints?: Float64Array;
}

export interface PlanNode {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | undefined;
  readonly path: string;
  readonly type: 'leaf' | 'group';
  readonly category: Category;
  readonly weight: number;
  readonly depth: number;
  readonly parent: number;
  readonly children: readonly number[];
  /** Multiplier applied to the sum of this group's children (≠ 1 only for re-scaling groups). */
  readonly factor: number;
  /** Product of the factors of all ancestors: how one point of this node counts in the total. */
  readonly pathFactor: number;
  /** True for a deduction or bonus node not nested in another deduction or bonus node. */
  readonly topAdjustment: boolean;
  readonly leaf: CompiledLeaf | null;
  readonly source: IndicatorNode;
}

/** A template compiled once, scored many times. Nodes are in pre-order (parents before children). */
export interface EvaluationPlan {
  readonly definition: TemplateDefinition;
  readonly maxScore: number;
  readonly nodes: readonly PlanNode[];
  readonly roots: readonly number[];
  /** Leaf node indices in pre-order. */
  readonly leaves: readonly number[];
  /** Group node indices in post-order (children before parents). */
  readonly groupsBottomUp: readonly number[];
  readonly inputs: readonly InputSpec[];
  readonly byCode: ReadonlyMap<string, number>;
}

export interface CompileOptions {
  /** Codes of the indicator library; when given, a leaf's `libraryCode` must be one of them. */
  readonly libraryCodes?: ReadonlySet<string>;
}

const INPUT_LABELS: Record<string, readonly [string, string]> = {
  actual: ['实际完成值', 'Actual'],
  target: ['年度指标值', 'Target'],
  level: ['评价等级', 'Level'],
  score: ['评价得分', 'Evaluator score'],
  count: ['发生次数/数量', 'Count'],
};

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The names of the inputs a rule reads, and whether each is optional. */
export function ruleInputs(rule: Rule): readonly { name: string; label?: string; optional: boolean }[] {
  switch (rule.kind) {
    case 'positive':
    case 'reverse':
    case 'equality':
      return rule.target === undefined
        ? [
            { name: 'actual', optional: false },
            { name: 'target', optional: false },
          ]
        : [{ name: 'actual', optional: false }];
    case 'qualitative':
      return [
        { name: 'level', optional: false },
        { name: 'score', optional: true },
      ];
    case 'banded':
      return rule.basis === 'ratio' && rule.target === undefined
        ? [
            { name: 'actual', optional: false },
            { name: 'target', optional: false },
          ]
        : [{ name: 'actual', optional: false }];
    case 'deduction':
    case 'bonus':
      return [{ name: 'count', optional: false }];
    case 'formula':
      return rule.inputs.map((i) => ({
        name: i.name,
        ...(i.label ? { label: i.label } : {}),
        optional: false,
      }));
    case 'relative':
      return [{ name: 'actual', optional: false }];
  }
}

export function compileTemplate(
  definition: TemplateDefinition,
  options: CompileOptions = {},
): Result<EvaluationPlan, readonly TemplateIssue[]> {
  const issues: TemplateIssue[] = [];
  const nodes: PlanNode[] = [];
  const byCode = new Map<string, number>();
  const seenCodes = new Map<string, string>();
  const issue = (
    code: TemplateIssueCode,
    node: { code: string } | null,
    path: string,
    zh: string,
    en: string,
    details?: Record<string, unknown>,
  ) =>
    issues.push({
      code,
      nodeCode: node ? node.code : null,
      path,
      message: path ? `${path}：${zh}` : zh,
      messageEn: path ? `${path}: ${en}` : en,
      ...(details ? { details } : {}),
    });

  if (!isNum(definition.maxScore) || definition.maxScore <= 0) {
    issue(
      'BAD_WEIGHT',
      null,
      '',
      `满分应为正数，当前为 ${String(definition.maxScore)}`,
      `maxScore must be positive`,
    );
  }
  if (definition.nodes.length === 0) {
    issue('EMPTY_TEMPLATE', null, '', '模板中没有任何指标', 'The template has no indicators');
  }

  const visit = (
    node: IndicatorNode,
    parent: number,
    depth: number,
    pathFactor: number,
    insideAdjustment: boolean,
    parentPath: string,
  ): number => {
    const path = parentPath ? `${parentPath} › ${node.name || node.code}` : node.name || node.code;
    const category = categoryOf(node);
    if (!node.code || node.code.trim() === '') {
      issue('EMPTY_CODE', null, path, '指标编码不能为空', 'Every indicator needs a code');
    } else if (seenCodes.has(node.code)) {
      issue(
        'DUPLICATE_CODE',
        node,
        path,
        `编码“${node.code}”与“${seenCodes.get(node.code)}”重复`,
        `Code "${node.code}" is also used by "${seenCodes.get(node.code)}"`,
        { other: seenCodes.get(node.code) },
      );
    } else {
      seenCodes.set(node.code, path);
    }
    if (!isNum(node.weight) || node.weight < 0) {
      issue(
        'BAD_WEIGHT',
        node,
        path,
        `分值应为不小于0的数，当前为 ${String(node.weight)}`,
        `Weight must be ≥ 0`,
      );
    } else if (category !== 'base' && node.weight <= 0) {
      issue(
        'BAD_WEIGHT',
        node,
        path,
        '减分项/加分项的分值上限应大于0',
        'A deduction or bonus needs a positive allowance',
      );
    }

    const index = nodes.length;
    const isAdjustment = category !== 'base';
    const placeholder = {} as PlanNode;
    nodes.push(placeholder);
    if (node.code && !byCode.has(node.code)) byCode.set(node.code, index);

    let children: number[] = [];
    let factor = 1;
    let leaf: CompiledLeaf | null = null;
    if (node.type === 'group') {
      if (node.children.length === 0) {
        issue('EMPTY_GROUP', node, path, '该指标下没有下级指标', 'This group has no children');
      }
      const baseChildren = node.children.filter((c) => categoryOf(c) === 'base');
      const baseSum = baseChildren.reduce((s, c) => s + (isNum(c.weight) ? c.weight : 0), 0);
      if (category !== 'base') {
        for (const c of node.children) {
          if (categoryOf(c) !== category) {
            issue(
              'CATEGORY_MISMATCH',
              c,
              `${path} › ${c.name || c.code}`,
              `${category === 'deduction' ? '减分' : '加分'}指标组下只能放${category === 'deduction' ? '减分' : '加分'}项`,
              `A ${category} group may hold only ${category} items`,
            );
          }
        }
      } else if (node.rescale) {
        if (baseSum > 0) factor = node.weight / baseSum;
        else if (baseChildren.length > 0) {
          issue(
            'WEIGHTS_MISMATCH',
            node,
            path,
            '下级指标分值之和为0，无法折算',
            'Children weights sum to 0; cannot re-scale',
          );
        }
      } else if (baseChildren.length > 0 && Math.abs(baseSum - node.weight) > WEIGHT_TOLERANCE) {
        issue(
          'WEIGHTS_MISMATCH',
          node,
          path,
          `下级指标分值之和为 ${fmt(baseSum)}，与本级分值 ${fmt(node.weight)} 不一致`,
          `Children weights add up to ${fmt(baseSum)}, not ${fmt(node.weight)}`,
          { expected: node.weight, actual: baseSum },
        );
      }
      children = node.children.map((c) =>
        visit(c, index, depth + 1, pathFactor * factor, insideAdjustment || isAdjustment, path),
      );
    } else {
      leaf = compileLeaf(node, path, issue, options);
    }

    Object.assign(placeholder, {
      index,
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
      path,
      type: node.type,
      category,
      weight: node.weight,
      depth,
      parent,
      children,
      factor,
      pathFactor,
      topAdjustment: isAdjustment && !insideAdjustment,
      leaf,
      source: node,
    } satisfies PlanNode);
    return index;
  };

  const roots = definition.nodes.map((n) => visit(n, -1, 1, 1, false, ''));
  const rootBase = definition.nodes.filter((n) => categoryOf(n) === 'base');
  const rootSum = rootBase.reduce((s, n) => s + (isNum(n.weight) ? n.weight : 0), 0);
  if (
    rootBase.length > 0 &&
    isNum(definition.maxScore) &&
    Math.abs(rootSum - definition.maxScore) > WEIGHT_TOLERANCE
  ) {
    issue(
      'WEIGHTS_MISMATCH',
      null,
      '',
      `一级指标分值之和为 ${fmt(rootSum)}，与满分 ${fmt(definition.maxScore)} 不一致`,
      `First-level weights add up to ${fmt(rootSum)}, not ${fmt(definition.maxScore)}`,
      { expected: definition.maxScore, actual: rootSum },
    );
  }

  if (issues.length > 0) return err(issues);

  const leaves = nodes.filter((n) => n.type === 'leaf').map((n) => n.index);
  const groupsBottomUp: number[] = [];
  const post = (i: number) => {
    const n = nodes[i]!;
    if (n.type !== 'group') return;
    n.children.forEach(post);
    groupsBottomUp.push(i);
  };
  roots.forEach(post);
  const inputs = leaves.flatMap((i) => nodes[i]!.leaf!.inputs);
  return ok({
    definition,
    maxScore: definition.maxScore,
    nodes,
    roots,
    leaves,
    groupsBottomUp,
    inputs,
    byCode,
  });
}

const fmt = (x: number) => String(Math.round(x * 100) / 100);

type IssueFn = (
  code: TemplateIssueCode,
  node: { code: string } | null,
  path: string,
  zh: string,
  en: string,
  details?: Record<string, unknown>,
) => void;

function compileLeaf(node: LeafNode, path: string, issue: IssueFn, options: CompileOptions): CompiledLeaf {
  const rule = node.rule;
  if (options.libraryCodes && node.libraryCode !== undefined && !options.libraryCodes.has(node.libraryCode)) {
    issue(
      'UNKNOWN_REFERENCE',
      node,
      path,
      `引用的指标库编码“${node.libraryCode}”不存在`,
      `Library indicator "${node.libraryCode}" does not exist`,
      { libraryCode: node.libraryCode },
    );
  }
  const specs = ruleInputs(rule);
  const inputs: InputSpec[] = specs.map((s) => {
    const [zh, en] = INPUT_LABELS[s.name] ?? [s.label ?? s.name, s.name];
    return {
      key: `${node.code}.${s.name}`,
      leafCode: node.code,
      name: s.name,
      label: s.label ?? zh,
      labelEn: en,
      optional: s.optional,
    };
  });
  const base: { kind: LeafKind; rule: Rule; inputs: InputSpec[] } = { kind: rule.kind, rule, inputs };

  switch (rule.kind) {
    case 'positive':
    case 'reverse':
    case 'equality':
      if (rule.target !== undefined && !isNum(rule.target)) {
        issue('BAD_TARGET', node, path, '目标值应为数字', 'The target must be a number');
      }
      return base;
    case 'qualitative': {
      const levels = rule.levels ?? DEFAULT_QUALITATIVE_LEVELS;
      const bad =
        levels.length === 0 ||
        levels.some((l, i) => {
          const prev = levels[i - 1];
          return (
            !isNum(l.min) ||
            !isNum(l.max) ||
            l.min < 0 ||
            l.max > 1 ||
            l.min > l.max ||
            (prev !== undefined && l.max > prev.min + 1e-9)
          );
        });
      if (bad) {
        issue(
          'BAD_LEVELS',
          node,
          path,
          '定性等级的得分区间应在0至1之间、由高到低排列且互不重叠',
          'Qualitative levels must lie within [0, 1], ordered from the top, without overlap',
        );
      }
      return { ...base, levels };
    }
    case 'banded': {
      const bands = rule.bands;
      const problems: string[] = [];
      if (bands.length === 0) problems.push('至少需要一个分档');
      bands.forEach((b, i) => {
        const prev = bands[i - 1];
        if (!isNum(b.from) || !isNum(b.points)) problems.push(`第${i + 1}档的界限或得分不是数字`);
        else {
          if (b.points < 0 || b.points > node.weight + WEIGHT_TOLERANCE) {
            problems.push(`第${i + 1}档得分 ${b.points} 超出 0–${node.weight}`);
          }
          if (prev && isNum(prev.from) && !(b.from > prev.from))
            problems.push(`第${i + 1}档的下限应大于上一档`);
        }
      });
      if (rule.basis === 'ratio' && rule.target !== undefined && !(isNum(rule.target) && rule.target > 0)) {
        problems.push('按完成比例分档时目标值应为正数');
      }
      if (problems.length > 0) {
        issue('BAD_BANDS', node, path, problems.join('；'), `${problems.length} problem(s) with the bands`, {
          problems,
        });
      }
      return {
        ...base,
        bandFroms: Float64Array.from(bands, (b) => b.from),
        bandPoints: Float64Array.from(bands, (b) => b.points),
      };
    }
    case 'deduction':
    case 'bonus':
      if (rule.perUnit !== undefined && !(isNum(rule.perUnit) && rule.perUnit > 0)) {
        issue(
          'BAD_PER_UNIT',
          node,
          path,
          '每次（每单位）分值应为正数',
          'Points per occurrence must be positive',
        );
      }
      return base;
    case 'formula': {
      const names = rule.inputs.map((i) => i.name);
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      const reserved = names.find((n) => n === 'weight');
      if (
        dup !== undefined ||
        reserved !== undefined ||
        names.some((n) => !/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(n))
      ) {
        issue(
          'BAD_INPUTS',
          node,
          path,
          dup !== undefined
            ? `公式输入“${dup}”重复`
            : reserved !== undefined
              ? '“weight”是保留名称（代表本指标分值），不能作为输入'
              : '公式输入名称只能由文字、数字和下划线组成，且不能以数字开头',
          'Formula inputs must be unique identifiers other than "weight"',
        );
        return base;
      }
      const compiled = compileFormula(rule.expression, names, { weight: node.weight });
      if (!compiled.ok) {
        const p = compiled.error;
        issue(p.kind === 'unknown_name' ? 'UNKNOWN_REFERENCE' : 'FORMULA_INVALID', node, path, p.zh, p.en, {
          position: p.position,
          expression: rule.expression,
        });
        return base;
      }
      return { ...base, formula: compiled.value };
    }
    case 'relative':
      return base;
  }
}
