/**
 * Changing one weight in a scenario without breaking the template: the node's siblings (base indicators
 * under the same parent) give up or take the difference in proportion to their weights, so the parent
 * still adds up (同级指标按比例调整). A group's children, and a banded leaf's band points, scale with
 * their node. Deductions and bonuses are allowances of their own: changing one moves nothing else.
 * Weights are rounded to two decimals; the rounding remainder goes to the largest sibling.
 */
import { categoryOf, type IndicatorNode, type TemplateDefinition } from '../indicators/types.ts';
import { err, ok, type Result } from '../kernel/index.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Moves the rounding remainder of base `nodes` onto the largest one (other than `skip`) to sum to `target`. */
function fixSum(nodes: IndicatorNode[], target: number, skip = -1): IndicatorNode[] {
  const sum = nodes.reduce((s, c) => s + (categoryOf(c) === 'base' ? c.weight : 0), 0);
  const remainder = r2(target - sum);
  if (remainder === 0) return nodes;
  let k = -1;
  nodes.forEach((c, i) => {
    if (i !== skip && categoryOf(c) === 'base' && (k < 0 || c.weight > nodes[k]!.weight)) k = i;
  });
  if (k < 0) return nodes;
  const big = nodes[k]!;
  nodes[k] = scaled(big, big.weight > 0 ? (big.weight + remainder) / big.weight : 1);
  return nodes;
}

/** The node with every base weight below it (and band points) multiplied by `f`. */
function scaled(node: IndicatorNode, f: number): IndicatorNode {
  if (f === 1) return node;
  if (node.type === 'group') {
    const weight = r2(node.weight * f);
    return {
      ...node,
      weight,
      children: node.rescale
        ? node.children
        : fixSum(
            node.children.map((c) => (categoryOf(c) === 'base' ? scaled(c, f) : c)),
            weight,
          ),
    };
  }
  const rule =
    node.rule.kind === 'banded'
      ? { ...node.rule, bands: node.rule.bands.map((b) => ({ ...b, points: r2(b.points * f) })) }
      : node.rule;
  return { ...node, weight: r2(node.weight * f), rule };
}

/** Sets `node`'s weight to `weight` and re-balances `siblings` (the node included) to keep their sum. */
function rebalance(
  siblings: readonly IndicatorNode[],
  code: string,
  weight: number,
): Result<IndicatorNode[], string> {
  const at = siblings.findIndex((c) => c.code === code);
  const node = siblings[at]!;
  if (categoryOf(node) !== 'base') {
    if (weight <= 0) return err('减分项/加分项的分值上限应大于0');
    return ok(siblings.map((c, i) => (i === at ? scaled(c, node.weight > 0 ? weight / node.weight : 1) : c)));
  }
  const others = siblings.filter((c, i) => i !== at && categoryOf(c) === 'base');
  const total = node.weight + others.reduce((s, c) => s + c.weight, 0);
  const rest = others.reduce((s, c) => s + c.weight, 0);
  if (weight > total + 1e-9) return err(`分值不能超过同级合计 ${r2(total)}`);
  if (rest <= 0 && Math.abs(weight - node.weight) > 1e-9) return err('没有可调整的同级指标');
  const self = node.weight > 0 ? scaled(node, weight / node.weight) : { ...node, weight: r2(weight) };
  const f = rest > 0 ? (total - weight) / rest : 1;
  const out = siblings.map((c, i) => (i === at ? self : categoryOf(c) === 'base' ? scaled(c, f) : c));
  return ok(fixSum(out, total, at));
}

/**
 * The definition with `code`'s weight set to `weight`, its base siblings re-balanced so that its parent
 * (or the full score, at the top) still adds up. Errors in words when the weight cannot be given.
 */
export function setWeight(
  definition: TemplateDefinition,
  code: string,
  weight: number,
): Result<TemplateDefinition, string> {
  if (!(Number.isFinite(weight) && weight >= 0)) return err('分值应为不小于0的数');
  const walk = (nodes: readonly IndicatorNode[]): Result<IndicatorNode[], string> | null => {
    if (nodes.some((n) => n.code === code)) return rebalance(nodes, code, weight);
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.type !== 'group') continue;
      const inner = walk(n.children);
      if (inner === null) continue;
      if (!inner.ok) return inner;
      const next = [...nodes];
      next[i] = { ...n, children: inner.value };
      return ok(next);
    }
    return null;
  };
  const nodes = walk(definition.nodes);
  if (nodes === null) return err(`模板中没有编码为“${code}”的指标`);
  if (!nodes.ok) return nodes;
  return ok({ ...definition, nodes: nodes.value });
}
