/**
 * Indicator templates (指标体系): a tree of groups (一级/二级 …) whose leaves (三级指标) carry a scoring rule.
 * A template is data; `compileTemplate` (core/scoring) validates it and turns it into an evaluation plan.
 */

/** How a node's points enter its parent: base points count toward the weights; deductions and bonuses
 * are capped at their own allowance (the node's weight) and applied after the base score. */
export type Category = 'base' | 'deduction' | 'bonus';

/** One level of a qualitative indicator (定性指标); `min`/`max` are fractions of the weight. The top level's
 * band includes its max; the others exclude it (DOMAIN.md §2: [0.8w, w], [0.6w, 0.8w), [0, 0.6w)). */
export interface QualitativeLevel {
  readonly label: string;
  readonly labelEn?: string;
  readonly min: number;
  readonly max: number;
}

export interface Band {
  /** Inclusive lower bound of the value (or of actual/target when the basis is `ratio`). */
  readonly from: number;
  /** Points awarded from this bound on; never more than the leaf's weight. */
  readonly points: number;
}

export type Rule =
  /** 正向指标: B ≥ A → w; else B/A × w. Without a fixed target, each subject supplies `target`. */
  | { readonly kind: 'positive'; readonly target?: number }
  /** 反向指标: B ≤ A → w; else A/B × w (`ratio`, the official formula) or w × (1 − (B−A)/A) (`linear`). */
  | { readonly kind: 'reverse'; readonly target?: number; readonly method?: 'ratio' | 'linear' }
  /** 等于 (=A): A > 0 → scored as positive; A = 0 → w if B ≤ 0 else 0. */
  | { readonly kind: 'equality'; readonly target?: number }
  /** 定性指标: the subject supplies its `level` (0 = top) and may supply the evaluator's `score`, which
   * must lie inside the level's band; without one, `fallback` picks the band's lower or upper edge. */
  | {
      readonly kind: 'qualitative';
      readonly levels?: readonly QualitativeLevel[];
      readonly fallback?: 'lower' | 'upper';
    }
  /** 区间/分档: points by the band the value falls in; `interpolate` draws straight lines between bands. */
  | {
      readonly kind: 'banded';
      readonly bands: readonly Band[];
      readonly basis?: 'value' | 'ratio';
      readonly target?: number;
      readonly interpolate?: boolean;
    }
  /** 减分项: `count` occurrences (or units) × `perUnit` points, capped at the weight (the allowance).
   * Without `perUnit`, the input is the points to deduct. */
  | { readonly kind: 'deduction'; readonly perUnit?: number }
  /** 加分项: like a deduction, but added; capped at the weight. */
  | { readonly kind: 'bonus'; readonly perUnit?: number }
  /** 公式: a user-written expression over the declared inputs and `weight`, clamped to [0, weight]. */
  | { readonly kind: 'formula'; readonly expression: string; readonly inputs: readonly FormulaInput[] }
  /** 相对评价: scored against the peer group in the same batch — by rank, or by the ratio to the peers' mean. */
  | {
      readonly kind: 'relative';
      readonly method: 'rank' | 'mean_ratio';
      readonly better?: 'higher' | 'lower';
    };

export type LeafKind = Rule['kind'];

export interface FormulaInput {
  /** The variable name used in the expression (ASCII or Chinese identifier). */
  readonly name: string;
  readonly label?: string;
  readonly unit?: string;
}

interface NodeBase {
  /** Unique within the template; stable across versions (used for inputs and results). */
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  /** 分值: the node's weight, or its allowance for deductions and bonuses. */
  readonly weight: number;
  readonly description?: string;
}

export interface LeafNode extends NodeBase {
  readonly type: 'leaf';
  readonly rule: Rule;
  readonly unit?: string;
  /** 评(扣)分标准 in words, shown beside the rule (kpi_evalstd). */
  readonly standard?: string;
  /** Code of the indicator in the library (指标库) this leaf was taken from. */
  readonly libraryCode?: string;
}

export interface GroupNode extends NodeBase {
  readonly type: 'group';
  /** Default `base`. A deduction (bonus) group holds deductions (bonuses) and caps their sum at its weight. */
  readonly category?: Category;
  /** When true, the children's weights are relative shares and are re-scaled to this node's weight. */
  readonly rescale?: boolean;
  /** Cities and counties may add local indicators under this group (省市县同一套指标, T18). */
  readonly allowLocal?: boolean;
  readonly children: readonly IndicatorNode[];
}

export type IndicatorNode = LeafNode | GroupNode;

export interface TemplateDefinition {
  /** 满分: the sum of the first-level base weights; usually 100. */
  readonly maxScore: number;
  readonly nodes: readonly IndicatorNode[];
}

/** The inputs a leaf reads, by name. `key` in a batch is `${leaf.code}.${name}`. */
export interface InputSpec {
  readonly key: string;
  readonly leafCode: string;
  readonly name: string;
  readonly label: string;
  readonly labelEn: string;
  /** Optional inputs may be absent or NaN without making the leaf not applicable. */
  readonly optional: boolean;
}

export const DEFAULT_QUALITATIVE_LEVELS: readonly QualitativeLevel[] = [
  { label: '达成年度指标', labelEn: 'Target achieved', min: 0.8, max: 1 },
  {
    label: '部分达成年度指标并具有一定效果',
    labelEn: 'Partly achieved with some effect',
    min: 0.6,
    max: 0.8,
  },
  { label: '未达成年度指标且效果较差', labelEn: 'Not achieved, poor effect', min: 0, max: 0.6 },
];

export function categoryOf(node: IndicatorNode): Category {
  if (node.type === 'group') return node.category ?? 'base';
  if (node.rule.kind === 'deduction') return 'deduction';
  if (node.rule.kind === 'bonus') return 'bonus';
  return 'base';
}

/** Depth-first walk, parents before children. */
export function* walkNodes(
  nodes: readonly IndicatorNode[],
  parent: GroupNode | null = null,
  depth = 1,
): Generator<{ node: IndicatorNode; parent: GroupNode | null; depth: number }> {
  for (const node of nodes) {
    yield { node, parent, depth };
    if (node.type === 'group') yield* walkNodes(node.children, node, depth + 1);
  }
}
