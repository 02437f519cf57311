/**
 * How the demo province fills in scorecards. The templates themselves are the product's reference templates
 * (reference/templates/*.json, published by the reference seed); the demo adds, for every leaf code of a
 * template, where its data come from (source, evidence note) and how a subject's values are drawn from its
 * latent quality q ∈ [0, 1] (higher is better), so that totals spread over all grades. A leaf without a
 * generator is an error (a test walks every shipped template).
 */
import { walkNodes, type LeafNode, type TemplateDefinition } from '../../core/indicators/types.ts';
import type { InputSource } from '../schema.ts';
import type { Rng } from './rng.ts';

export interface SubjectContext {
  readonly name: string;
  /** What the subject is: a division (prefecture, county, district of 长白山), a department, a 处室, a fund,
   * an asset class or a revenue item. */
  readonly level:
    'prefecture' | 'county' | 'district' | 'department' | 'finance_division' | 'fund' | 'asset' | 'revenue';
  readonly year: number;
  /** Not applicable: the subject runs no state capital budget (国有资本经营预算). */
  readonly noStateCapital?: boolean;
  /** A 处室 that oversees no budget departments (对口部门). */
  readonly noSectors?: boolean;
  readonly assetClass?: 'admin' | 'enterprise' | 'natural';
  readonly revenueKind?: 'tax' | 'nontax' | 'land';
  /** The division an asset class, revenue item or fund belongs to. */
  readonly divisionName?: string;
  readonly divisionLevel?: 'province' | 'prefecture';
}

export type InputDraw = Readonly<Record<string, number | null>>;

export interface LeafGenerator {
  readonly source: InputSource;
  readonly evidence: (ctx: SubjectContext, rng: Rng) => string | null;
  /** Values by input name; null = not applicable to this subject. */
  readonly draw: (q: number, rng: Rng, ctx: SubjectContext, leaf: LeafNode) => InputDraw;
  /** The random stream the leaf draws from (default: its own code); leaves that share one draw alike. */
  readonly rngKey?: string;
  /** The evidence note when every value of the leaf is null (不适用), saying why. */
  readonly notApplicable?: (ctx: SubjectContext) => string;
}

export type DemoSubjectSet =
  'departments' | 'divisions' | 'finance_divisions' | 'funds' | 'asset_classes' | 'revenue_items';

export interface DemoScorecard {
  /** The reference template's code. */
  readonly code: string;
  readonly subjects: DemoSubjectSet;
  /** Range of the subjects' latent quality, calibrated so that totals spread over all five grades. */
  readonly qualityRange: readonly [number, number];
  readonly generators: Readonly<Record<string, LeafGenerator>>;
}

export interface DrawnInput {
  /** `${leafCode}.${inputName}` */
  readonly key: string;
  readonly value: number | null;
  readonly source: InputSource;
  readonly evidenceNote: string | null;
}

export const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
export const r1 = (x: number) => Math.round(x * 10) / 10;
export const r2 = (x: number) => Math.round(x * 100) / 100;
export const pct = (x: number) => r1(clamp(x, 0, 100));

export function gen(
  source: InputSource,
  evidence: LeafGenerator['evidence'],
  draw: LeafGenerator['draw'],
  extra: { rngKey?: string; notApplicable?: (ctx: SubjectContext) => string } = {},
): LeafGenerator {
  return { source, evidence, draw, ...extra };
}

/** Qualitative inputs: the level (0 = 达成, 1 = 部分达成, 2 = 未达成) and the evaluator's score in its band. */
export function qualitative(q: number, rng: Rng, weight: number): InputDraw {
  const x = q + rng.normal(0, 0.12);
  const level = x > 0.6 ? 0 : x > 0.3 ? 1 : 2;
  const [lo, hi] = level === 0 ? [0.8, 1] : level === 1 ? [0.6, 0.79] : [0.3, 0.59];
  const score = Math.round(weight * (lo + (hi - lo) * clamp(x * 1.2 - level * 0.1, 0, 1)) * 2) / 2;
  return { level, score: clamp(score, weight * lo, weight * hi) };
}

/** A qualitative leaf's generator (its weight comes from the template). */
export const qualitativeOf = (source: InputSource, evidence: LeafGenerator['evidence']): LeafGenerator =>
  gen(source, evidence, (q, rng, _ctx, leaf) => qualitative(q, rng, leaf.weight));

/** Occurrences of a deduction item: rarer for better subjects. */
export const occurrences = (rng: Rng, q: number, mean: number, power = 1.5) =>
  rng.poisson(mean * (1 - q) ** power);

/** Bonus items: more frequent for better subjects. */
export const achievements = (rng: Rng, q: number, mean: number, power = 2) => rng.poisson(mean * q ** power);

/** Every input of every leaf of a definition for one subject of latent quality q. */
export function drawSubjectInputs(
  card: DemoScorecard,
  definition: TemplateDefinition,
  ctx: SubjectContext,
  q: number,
  rng: Rng,
): DrawnInput[] {
  const out: DrawnInput[] = [];
  for (const { node } of walkNodes(definition.nodes)) {
    if (node.type !== 'leaf') continue;
    const g = card.generators[node.code];
    if (!g) throw new Error(`demo scorecard ${card.code}: no generator for leaf ${node.code}`);
    const values = g.draw(q, rng.fork(g.rngKey ?? node.code), ctx, node);
    const anyValue = Object.values(values).some((v) => v !== null);
    const evidenceNote = anyValue
      ? g.evidence(ctx, rng.fork(`${node.code}/evidence`))
      : (g.notApplicable?.(ctx) ?? `${ctx.name}不涉及本指标，标记为不适用`);
    for (const [name, value] of Object.entries(values)) {
      out.push({ key: `${node.code}.${name}`, value, source: g.source, evidenceNote });
    }
  }
  return out;
}

/**
 * Latent qualities of n subjects, stratified so that every run has good and bad subjects in about the same
 * shares (a few 优, most 良/中, some 低/差), in a random order.
 */
const CENTRE = 2;

export function latentQualities(n: number, rng: Rng, [lo, hi]: readonly [number, number]): number[] {
  const order = rng.sample(
    Array.from({ length: n }, (_, i) => i),
    n,
  );
  const q = new Array<number>(n).fill(0);
  order.forEach((subject, k) => {
    const u = (k + rng.next()) / n;
    // denser in the middle: most subjects are 良/中, fewer at either end
    const v = 2 * u - 1;
    q[subject] = lo + ((hi - lo) * (1 + Math.sign(v) * Math.abs(v) ** CENTRE)) / 2;
  });
  return q;
}

/** Next year's quality: mostly the same subject, a little better or worse. */
export function nextYearQuality(q: number, rng: Rng): number {
  return clamp(q + rng.normal(0.02, 0.07), 0.02, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Evidence notes
// ---------------------------------------------------------------------------------------------------------

export const fromBudgetSystem = (ctx: SubjectContext) =>
  `预算管理一体化系统${ctx.year}年度执行数据（截至${ctx.year}年12月31日）`;
export const fromFinalAccounts = (ctx: SubjectContext) => `${ctx.name}${ctx.year}年度部门决算报表`;
export const fromStatistics = (ctx: SubjectContext) =>
  `${ctx.year}年${ctx.name}国民经济和社会发展统计公报；省统计局年度快报数据`;
export const fromFiscalReport = (ctx: SubjectContext) =>
  `${ctx.name}${ctx.year}年财政决算报表及财政运行分析报告`;
export const fromSelfReport = (ctx: SubjectContext) => `${ctx.name}${ctx.year}年度自评报告及佐证材料`;
export const fromAudit = (ctx: SubjectContext, rng: Rng) =>
  `省审计厅《关于${ctx.name}${ctx.year}年度预算执行和其他财政收支情况的审计报告》（吉审财报〔${ctx.year + 1}〕${rng.int(3, 60)}号）`;
export const fromInspection = (ctx: SubjectContext) => `省委巡视组对${ctx.name}巡视反馈意见（${ctx.year}年）`;
export const fromSupervision = (_ctx: SubjectContext, rng: Rng) =>
  `省财政厅财会监督专项检查通报（吉财监〔${_ctx.year + 1}〕${rng.int(2, 30)}号）`;
export const fromAssets = (ctx: SubjectContext) => `行政事业单位国有资产管理信息系统${ctx.year}年度资产报表`;
export const fromProcurement = (ctx: SubjectContext) =>
  `吉林省政府采购网及政府采购管理交易系统${ctx.year}年度数据`;
export const fromDebt = (ctx: SubjectContext) =>
  `财政部地方政府债务信息公开平台；${ctx.year}年度债务风险评估结果`;
export const fromStateCapital = (ctx: SubjectContext) =>
  `${ctx.name}${ctx.year}年国有资本经营决算及国有企业财务会计决算报表`;
