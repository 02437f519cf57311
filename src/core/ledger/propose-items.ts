import { round } from '../kernel/index.ts';
import type { NodeExplanation, SubjectExplanation, Text } from '../scoring/explain.ts';

/**
 * 通报 from a scoring run: for a subject that scored low, the items to rectify are the indicators where it
 * lost the most points, each with the explanation's reasons. The issuer edits them before issuing.
 */

export interface ProposedItem {
  readonly indicatorCode: string;
  readonly indicatorName: string;
  /** Names from the first-level indicator down to this one: '财政管理水平 › 预算执行率'. */
  readonly indicatorPath: string;
  readonly weight: number;
  readonly points: number;
  /** Points lost against the weight, or taken by a deduction. */
  readonly lost: number;
  readonly title: Text;
  readonly requirement: Text;
  readonly reasons: readonly Text[];
}

export interface ProposeOptions {
  /** At most this many items per subject (default 3). */
  readonly maxItems?: number;
  /** Leave out indicators that lost less than this (default 0.01 points). */
  readonly minLost?: number;
}

const f2 = (x: number): string => {
  const r = round(x, 2);
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
};

interface Leaf {
  readonly node: NodeExplanation;
  readonly path: readonly string[];
  readonly pathEn: readonly string[];
}

function leaves(nodes: readonly NodeExplanation[], path: string[] = [], pathEn: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  for (const n of nodes) {
    const p = [...path, n.name];
    const pe = [...pathEn, n.nameEn ?? n.name];
    if (n.type === 'leaf') out.push({ node: n, path: p, pathEn: pe });
    else out.push(...leaves(n.children ?? [], p, pe));
  }
  return out;
}

/** The indicators a subject lost most points on, largest loss first (ties: template order). */
export function proposeItems(explanation: SubjectExplanation, options: ProposeOptions = {}): ProposedItem[] {
  const maxItems = options.maxItems ?? 3;
  const minLost = options.minLost ?? 0.01;
  const candidates = leaves(explanation.nodes)
    .map((l, order) => ({ ...l, order }))
    .filter((l) => l.node.applicable && l.node.lost >= minLost - 1e-9);
  candidates.sort((a, b) => b.node.lost - a.node.lost || a.order - b.order);
  return candidates.slice(0, Math.max(0, maxItems)).map(({ node, path, pathEn }) => {
    const reasons = node.reasons;
    const lost = round(node.lost, 2);
    const deduction = node.category === 'deduction';
    const why = reasons.map((r) => r.zh).join('；');
    const whyEn = reasons.map((r) => r.en).join('; ');
    return {
      indicatorCode: node.code,
      indicatorName: node.name,
      indicatorPath: path.join(' › '),
      weight: node.weight,
      points: round(node.points, 2),
      lost,
      reasons,
      title: deduction
        ? { zh: `${node.name}：扣 ${f2(lost)} 分`, en: `${node.nameEn ?? node.name}: −${f2(lost)}` }
        : {
            zh: `${node.name}：失 ${f2(lost)} 分（得 ${f2(node.points)}／${f2(node.weight)} 分）`,
            en: `${node.nameEn ?? node.name}: lost ${f2(lost)} (${f2(node.points)} of ${f2(node.weight)})`,
          },
      requirement: {
        zh: `“${path.join('—')}”${deduction ? `扣 ${f2(lost)} 分` : `失 ${f2(lost)} 分`}${why ? `（${why}）` : ''}。请分析原因，制定整改措施，按期报送整改情况并附佐证材料。`,
        en: `"${pathEn.join(' — ')}" ${deduction ? `deducted ${f2(lost)}` : `lost ${f2(lost)}`} points${whyEn ? ` (${whyEn})` : ''}. Analyse the causes, take corrective measures and report with evidence by the deadline.`,
      },
    };
  });
}
