import { domainError, err, ok, type DomainError, type Result } from '../kernel/index.ts';
import type { CompiledLeaf, EvaluationPlan, PlanNode } from './compile-template.ts';
import {
  bandPoints,
  cappedPoints,
  equalityPoints,
  positivePoints,
  reverseLinearPoints,
  reverseRatioPoints,
} from './rules.ts';

/**
 * Column-at-a-time scoring of a whole batch of subjects (DOMAIN.md §2, STYLE.md "scoring").
 *
 * Input: one Float64Array per leaf input (`${leafCode}.${name}`), n subjects long; NaN means "not
 * applicable / no value" (不适用). Each leaf fills its points column in one tight loop; groups sum their
 * children; the total re-scales to the full score when base indicators were not applicable, then adds
 * bonuses and deductions. Explanations are not built here: `explainSubject` recomputes one subject on demand.
 */

export interface Batch {
  readonly n: number;
  readonly columns: ReadonlyMap<string, Float64Array>;
}

export interface BatchScores {
  readonly n: number;
  /** Points per plan node (by `PlanNode.index`), n long each. Deductions are negative. */
  readonly points: readonly Float64Array[];
  /** Totals after re-scaling for non-applicable indicators, with bonuses and deductions; never below 0. */
  readonly totals: Float64Array;
  /** Weight of the base indicators that did not apply, per subject; null when every indicator applied. */
  readonly notApplicableWeight: Float64Array | null;
}

/** Lazily allocated per-subject weight of base leaves that did not apply. */
class NaWeight {
  col: Float64Array | null = null;
  constructor(readonly n: number) {}
  add(i: number, w: number): void {
    if (this.col === null) this.col = new Float64Array(this.n);
    this.col[i] = this.col[i]! + w;
  }
}

export function scoreBatch(plan: EvaluationPlan, batch: Batch): Result<BatchScores, DomainError> {
  const { n, columns } = batch;
  const missing = plan.inputs.filter((s) => !s.optional && !columns.has(s.key)).map((s) => s.key);
  const short = [...columns].filter(([, c]) => c.length < n).map(([k]) => k);
  if (missing.length > 0 || short.length > 0) {
    return err(
      domainError(
        'INPUT_MISSING',
        { missing, short },
        {
          zh:
            missing.length > 0
              ? `缺少以下输入列：${missing.join('、')}`
              : `以下输入列长度不足：${short.join('、')}`,
          en:
            missing.length > 0
              ? `missing input columns: ${missing.join(', ')}`
              : `short columns: ${short.join(', ')}`,
        },
      ),
    );
  }

  const points = plan.nodes.map(() => new Float64Array(n));
  const na = new NaWeight(n);
  for (const li of plan.leaves) {
    const node = plan.nodes[li]!;
    scoreLeaf(node, node.leaf!, columns, n, points[li]!, na);
  }
  for (const gi of plan.groupsBottomUp) aggregateGroup(plan.nodes[gi]!, points, n);

  const totals = new Float64Array(n);
  for (const r of plan.roots) {
    const p = points[r]!;
    for (let i = 0; i < n; i++) totals[i] = totals[i]! + p[i]!;
  }
  const naw = na.col;
  if (naw !== null) rescaleForNotApplicable(plan, points, totals, naw, n);
  for (let i = 0; i < n; i++) if (totals[i]! < 0) totals[i] = 0;
  return ok({ n, points, totals, notApplicableWeight: naw });
}

/** total = base part × maxScore / applicable weight + adjustments, for subjects with non-applicable leaves. */
function rescaleForNotApplicable(
  plan: EvaluationPlan,
  points: readonly Float64Array[],
  totals: Float64Array,
  naw: Float64Array,
  n: number,
): void {
  const adjust = new Float64Array(n);
  for (const node of plan.nodes) {
    if (!node.topAdjustment) continue;
    const p = points[node.index]!;
    const f = node.pathFactor;
    for (let i = 0; i < n; i++) adjust[i] = adjust[i]! + p[i]! * f;
  }
  const max = plan.maxScore;
  for (let i = 0; i < n; i++) {
    const missing = naw[i]!;
    if (missing === 0) continue;
    const applicable = max - missing;
    const base = totals[i]! - adjust[i]!;
    totals[i] = (applicable > 1e-9 ? (base * max) / applicable : 0) + adjust[i]!;
  }
}

function aggregateGroup(node: PlanNode, points: readonly Float64Array[], n: number): void {
  const out = points[node.index]!;
  for (const c of node.children) {
    const p = points[c]!;
    for (let i = 0; i < n; i++) out[i] = out[i]! + p[i]!;
  }
  if (node.factor !== 1) {
    const f = node.factor;
    for (let i = 0; i < n; i++) out[i] = out[i]! * f;
  }
  if (node.category === 'deduction') {
    const lo = -node.weight;
    for (let i = 0; i < n; i++) if (out[i]! < lo) out[i] = lo;
  } else if (node.category === 'bonus') {
    const hi = node.weight;
    for (let i = 0; i < n; i++) if (out[i]! > hi) out[i] = hi;
  }
}

const col = (columns: ReadonlyMap<string, Float64Array>, key: string): Float64Array => columns.get(key)!;

function scoreLeaf(
  node: PlanNode,
  leaf: CompiledLeaf,
  columns: ReadonlyMap<string, Float64Array>,
  n: number,
  out: Float64Array,
  na: NaWeight,
): void {
  const w = node.weight;
  const wf = w * node.pathFactor;
  const key = (name: string) => `${node.code}.${name}`;
  const rule = leaf.rule;
  switch (rule.kind) {
    case 'positive':
    case 'reverse':
    case 'equality': {
      const f =
        rule.kind === 'positive'
          ? positivePoints
          : rule.kind === 'equality'
            ? equalityPoints
            : rule.method === 'linear'
              ? reverseLinearPoints
              : reverseRatioPoints;
      const b = col(columns, key('actual'));
      if (rule.target !== undefined) comparedToFixed(f, b, rule.target, w, wf, n, out, na);
      else comparedToColumn(f, b, col(columns, key('target')), w, wf, n, out, na);
      return;
    }
    case 'qualitative':
      qualitative(leaf, col(columns, key('level')), columns.get(key('score')) ?? null, w, wf, n, out, na);
      return;
    case 'banded': {
      const b = col(columns, key('actual'));
      const t = rule.basis === 'ratio' && rule.target === undefined ? col(columns, key('target')) : null;
      const fixed = rule.basis === 'ratio' ? (rule.target ?? NaN) : 1;
      const froms = leaf.bandFroms!;
      const pts = leaf.bandPoints!;
      const interp = rule.interpolate === true;
      const ratio = rule.basis === 'ratio';
      for (let i = 0; i < n; i++) {
        const v = b[i]!;
        const a = t ? t[i]! : fixed;
        if (v !== v || (ratio && a !== a)) {
          out[i] = 0;
          na.add(i, wf);
          continue;
        }
        const x = ratio ? (a > 0 ? v / a : v > 0 ? Infinity : 0) : v;
        const p = bandPoints(x, froms, pts, interp);
        out[i] = p > w ? w : p < 0 ? 0 : p;
      }
      return;
    }
    case 'deduction':
    case 'bonus': {
      const c = col(columns, key('count'));
      const per = rule.perUnit;
      const sign = rule.kind === 'deduction' ? -1 : 1;
      for (let i = 0; i < n; i++) {
        const v = c[i]!;
        out[i] = v !== v ? 0 : sign * cappedPoints(v, per, w);
      }
      return;
    }
    case 'formula': {
      const inputs = leaf.inputs.map((s) => col(columns, s.key));
      const res = leaf.formula!.evaluate(inputs, n);
      const k = inputs.length;
      for (let i = 0; i < n; i++) {
        let missing = false;
        for (let j = 0; j < k; j++) {
          const x = inputs[j]![i]!;
          if (x !== x) {
            missing = true;
            break;
          }
        }
        if (missing) {
          out[i] = 0;
          na.add(i, wf);
          continue;
        }
        const v = res[i]!;
        out[i] = v !== v ? 0 : v > w ? w : v < 0 ? 0 : v;
      }
      return;
    }
    case 'relative':
      relative(rule.method, rule.better ?? 'higher', col(columns, key('actual')), w, wf, n, out, na);
      return;
  }
}

function comparedToFixed(
  f: (b: number, a: number, w: number) => number,
  b: Float64Array,
  a: number,
  w: number,
  wf: number,
  n: number,
  out: Float64Array,
  na: NaWeight,
): void {
  for (let i = 0; i < n; i++) {
    const v = b[i]!;
    if (v !== v) {
      out[i] = 0;
      na.add(i, wf);
    } else out[i] = f(v, a, w);
  }
}

function comparedToColumn(
  f: (b: number, a: number, w: number) => number,
  b: Float64Array,
  t: Float64Array,
  w: number,
  wf: number,
  n: number,
  out: Float64Array,
  na: NaWeight,
): void {
  for (let i = 0; i < n; i++) {
    const v = b[i]!;
    const a = t[i]!;
    if (v !== v || a !== a) {
      out[i] = 0;
      na.add(i, wf);
    } else out[i] = f(v, a, w);
  }
}

/** The band [lo, hi] in points of a qualitative level, and the points for an evaluator's score in it. */
export function qualitativePoints(
  leaf: CompiledLeaf,
  w: number,
  level: number,
  score: number,
): { level: number; lo: number; hi: number; points: number } {
  const levels = leaf.levels!;
  const last = levels.length - 1;
  const li = level <= 0 ? 0 : level >= last ? last : Math.round(level);
  const band = levels[li]!;
  const lo = band.min * w;
  const hi = band.max * w;
  const fallback = leaf.rule.kind === 'qualitative' && leaf.rule.fallback === 'upper' ? hi : lo;
  const points = score !== score ? fallback : score < lo ? lo : score > hi ? hi : score;
  return { level: li, lo, hi, points };
}

function qualitative(
  leaf: CompiledLeaf,
  level: Float64Array,
  score: Float64Array | null,
  w: number,
  wf: number,
  n: number,
  out: Float64Array,
  na: NaWeight,
): void {
  const levels = leaf.levels!;
  const last = levels.length - 1;
  const los = Float64Array.from(levels, (l) => l.min * w);
  const his = Float64Array.from(levels, (l) => l.max * w);
  const upper = leaf.rule.kind === 'qualitative' && leaf.rule.fallback === 'upper';
  for (let i = 0; i < n; i++) {
    const l = level[i]!;
    if (l !== l) {
      out[i] = 0;
      na.add(i, wf);
      continue;
    }
    const li = l <= 0 ? 0 : l >= last ? last : Math.round(l);
    const lo = los[li]!;
    const hi = his[li]!;
    const s = score ? score[i]! : NaN;
    out[i] = s !== s ? (upper ? hi : lo) : s < lo ? lo : s > hi ? hi : s;
  }
}

/** Context of a relative indicator within its peer group: the applicable values' count, mean and order. */
export interface PeerContext {
  readonly count: number;
  readonly mean: number;
  /** Competition rank (1 = best; ties share the best rank) per subject; 0 when not applicable. */
  readonly ranks: Int32Array;
}

export function peerContext(values: Float64Array, n: number, better: 'higher' | 'lower'): PeerContext {
  const idx: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === v) {
      idx.push(i);
      sum += v;
    }
  }
  const sign = better === 'higher' ? -1 : 1;
  idx.sort((a, b) => sign * (values[a]! - values[b]!));
  const ranks = new Int32Array(n);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const prev = k > 0 ? idx[k - 1]! : -1;
    ranks[i] = prev >= 0 && values[prev] === values[i] ? ranks[prev]! : k + 1;
  }
  return { count: idx.length, mean: idx.length > 0 ? sum / idx.length : NaN, ranks };
}

/** Points of one subject on a relative indicator. Rank: w × (m − rank) / (m − 1); mean ratio: like a
 * positive (or reverse) indicator whose target is the peers' mean. */
export function relativePoints(
  method: 'rank' | 'mean_ratio',
  better: 'higher' | 'lower',
  value: number,
  rank: number,
  ctx: Pick<PeerContext, 'count' | 'mean'>,
  w: number,
): number {
  if (method === 'rank') return ctx.count <= 1 ? w : (w * (ctx.count - rank)) / (ctx.count - 1);
  if (!(ctx.mean === ctx.mean)) return 0;
  return better === 'higher' ? positivePoints(value, ctx.mean, w) : reverseRatioPoints(value, ctx.mean, w);
}

function relative(
  method: 'rank' | 'mean_ratio',
  better: 'higher' | 'lower',
  values: Float64Array,
  w: number,
  wf: number,
  n: number,
  out: Float64Array,
  na: NaWeight,
): void {
  const ctx = peerContext(values, n, better);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) {
      out[i] = 0;
      na.add(i, wf);
    } else out[i] = relativePoints(method, better, v, ctx.ranks[i]!, ctx, w);
  }
}

/** Competition ranks of totals (1 = highest; ties share a rank), over the first n subjects. */
export function rankTotals(totals: Float64Array, n = totals.length): Int32Array {
  return peerContext(totals, n, 'higher').ranks;
}
