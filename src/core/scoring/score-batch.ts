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
 * applicable / no value" (不适用). As in vectorized query engines, subjects are processed in cache-sized
 * vectors of BLOCK: within a vector each leaf fills its points in one tight loop, groups sum their children,
 * and the total re-scales to the full score when base indicators did not apply, then adds bonuses and
 * deductions. Only the columns the caller keeps are written out in full. Explanations are not built here:
 * `explainSubject` recomputes one subject on demand.
 */

export interface Batch {
  readonly n: number;
  readonly columns: ReadonlyMap<string, Float64Array>;
}

/** Which node columns to keep in full: every node (results pages, storage), the first level (portraits),
 * or none (totals and grades only). */
export type KeepNodes = 'all' | 'first-level' | 'totals';

export interface ScoreOptions {
  readonly keep?: KeepNodes;
  /** Reused memory; the results then alias it and are valid until its next use. */
  readonly workspace?: ScoreWorkspace;
}

export interface BatchScores {
  readonly n: number;
  /** Points per plan node (by `PlanNode.index`), n long, for the kept nodes; null for the others.
   * Deductions are negative. */
  readonly points: readonly (Float64Array | null)[];
  /** Totals after re-scaling for non-applicable indicators, with bonuses and deductions; never below 0. */
  readonly totals: Float64Array;
  /** Weight of the base indicators that did not apply, per subject; null when every indicator applied. */
  readonly notApplicableWeight: Float64Array | null;
}

/** Subjects per vector: 1024 × (nodes) doubles stay in the CPU's L2 cache. */
const BLOCK = 1024;

/** Lazily allocated per-subject weight of base leaves that did not apply. */
class NaWeight {
  col: Float64Array | null = null;
  constructor(readonly n: number) {}
  /** Records a non-applicable leaf of (path-)weight w for subject i and returns its points (0). */
  drop(i: number, w: number): number {
    if (this.col === null) this.col = new Float64Array(this.n);
    this.col[i] = this.col[i]! + w;
    return 0;
  }
}

/** Memory a caller may reuse across scorings (what-if loops, benchmarks). */
export class ScoreWorkspace {
  private scratch = new Float64Array(0);
  private outputs: Float64Array[] = [];
  scratchFor(nodes: number): Float64Array {
    if (this.scratch.length < nodes * BLOCK) this.scratch = new Float64Array(nodes * BLOCK);
    return this.scratch;
  }
  /** The k-th output column, at least n long, reused when big enough (contents are overwritten). */
  output(k: number, n: number): Float64Array {
    const c = this.outputs[k];
    if (c && c.length >= n) return c.subarray(0, n);
    const fresh = new Float64Array(n);
    this.outputs[k] = fresh;
    return fresh;
  }
}

export function checkBatch(plan: EvaluationPlan, batch: Batch): DomainError | null {
  const { n, columns } = batch;
  const missing = plan.inputs.filter((s) => !s.optional && !columns.has(s.key)).map((s) => s.key);
  const short = [...columns].filter(([, c]) => c.length < n).map(([k]) => k);
  if (missing.length === 0 && short.length === 0) return null;
  return domainError(
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
  );
}

export function scoreBatch(
  plan: EvaluationPlan,
  batch: Batch,
  options: ScoreOptions = {},
): Result<BatchScores, DomainError> {
  const problem = checkBatch(plan, batch);
  if (problem) return err(problem);
  const keep = options.keep ?? 'all';
  const kept = plan.nodes.map((node) => keep === 'all' || (keep === 'first-level' && node.parent === -1));
  return ok(scoreRange(plan, batch, 0, batch.n, kept, options.workspace));
}

/** Scores subjects [from, to) of a batch; relative indicators still compare against the whole batch. */
export function scoreRange(
  plan: EvaluationPlan,
  batch: Batch,
  from: number,
  to: number,
  kept: readonly boolean[],
  workspace?: ScoreWorkspace,
): BatchScores {
  const m = to - from;
  const nodes = plan.nodes;
  const ws = workspace ?? new ScoreWorkspace();
  const slab = ws.scratchFor(nodes.length);
  // Per-node vectors of BLOCK; a plain group over a single child shares its child's vector.
  const vec: Float64Array[] = nodes.map((_, k) => slab.subarray(k * BLOCK, (k + 1) * BLOCK));
  const aliased = nodes.map(() => false);
  for (const gi of plan.groupsBottomUp) {
    const g = nodes[gi]!;
    if (g.children.length === 1 && g.factor === 1 && g.category === 'base') {
      vec[gi] = vec[g.children[0]!]!;
      aliased[gi] = true;
    }
  }
  const childVecs = nodes.map((node) => node.children.map((c) => vec[c]!));
  const rootVecs = plan.roots.map((r) => vec[r]!);
  const adjustNodes = nodes.filter((node) => node.topAdjustment);
  let outK = 0;
  const points = nodes.map((_, k) => (kept[k] ? ws.output(outK++, m) : null));
  const totals = ws.output(outK++, m);
  const na = new NaWeight(m);
  const peers = peerContexts(plan, batch);
  // Each leaf's input columns by input name, looked up once rather than per vector.
  const leafColumns = plan.leaves.map(
    (li) =>
      new Map(
        nodes[li]!.leaf!.inputs.flatMap((s) => {
          const c = batch.columns.get(s.key);
          return c ? [[s.name, c] as const] : [];
        }),
      ),
  );

  for (let start = from; start < to; start += BLOCK) {
    const len = Math.min(BLOCK, to - start);
    const rel = start - from;
    for (let k = 0; k < plan.leaves.length; k++) {
      const li = plan.leaves[k]!;
      const node = nodes[li]!;
      scoreLeaf(node, node.leaf!, leafColumns[k]!, start, rel, len, vec[li]!, na, peers.get(li) ?? null);
    }
    for (const gi of plan.groupsBottomUp) {
      if (!aliased[gi]) aggregateGroup(nodes[gi]!, vec[gi]!, childVecs[gi]!, len);
    }
    const t = totals.subarray(rel, rel + len);
    sumInto(t, rootVecs, len);
    if (na.col !== null)
      rescaleForNotApplicable(plan, adjustNodes, vec, t, na.col.subarray(rel, rel + len), len);
    for (let i = 0; i < len; i++) if (t[i]! < 0) t[i] = 0;
    for (let k = 0; k < nodes.length; k++) {
      const out = points[k];
      if (out) out.set(vec[k]!.subarray(0, len), rel);
    }
  }
  return { n: m, points, totals, notApplicableWeight: na.col };
}

/** total = base part × maxScore / applicable weight + adjustments, for subjects with non-applicable leaves. */
function rescaleForNotApplicable(
  plan: EvaluationPlan,
  adjustNodes: readonly PlanNode[],
  vec: readonly Float64Array[],
  totals: Float64Array,
  naw: Float64Array,
  len: number,
): void {
  const max = plan.maxScore;
  for (let i = 0; i < len; i++) {
    const missing = naw[i]!;
    if (missing === 0) continue;
    let adjust = 0;
    for (const node of adjustNodes) adjust += vec[node.index]![i]! * node.pathFactor;
    const applicable = max - missing;
    const base = totals[i]! - adjust;
    totals[i] = (applicable > 1e-9 ? (base * max) / applicable : 0) + adjust;
  }
}

/** out = Σ cols over the first n cells, fused for the common small fan-outs. */
function sumInto(out: Float64Array, cols: readonly Float64Array[], n: number): void {
  const k = cols.length;
  if (k === 0) {
    out.fill(0, 0, n);
    return;
  }
  if (k === 1) {
    out.set(cols[0]!.subarray(0, n));
    return;
  }
  let j: number;
  if (k % 2 === 1) {
    const a = cols[0]!;
    const b = cols[1]!;
    const c = cols[2]!;
    for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]! + c[i]!;
    j = 3;
  } else {
    const a = cols[0]!;
    const b = cols[1]!;
    for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
    j = 2;
  }
  for (; j < k; j += 2) {
    const a = cols[j]!;
    const b = cols[j + 1]!;
    for (let i = 0; i < n; i++) out[i] = out[i]! + a[i]! + b[i]!;
  }
}

function aggregateGroup(
  node: PlanNode,
  out: Float64Array,
  children: readonly Float64Array[],
  n: number,
): void {
  sumInto(out, children, n);
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

/**
 * Fills out[0..len) with the points of subjects start..start+len. `rel` is the subjects' offset in the
 * range being scored (for the not-applicable weights).
 */
function scoreLeaf(
  node: PlanNode,
  leaf: CompiledLeaf,
  /** The leaf's input columns by input name (actual, target, level …). */
  columns: ReadonlyMap<string, Float64Array>,
  start: number,
  rel: number,
  len: number,
  out: Float64Array,
  na: NaWeight,
  peer: PeerContext | null,
): void {
  const w = node.weight;
  const wf = w * node.pathFactor;
  const rule = leaf.rule;
  const input = (name: string) => columns.get(name)!.subarray(start, start + len);
  switch (rule.kind) {
    case 'positive':
    case 'reverse':
    case 'equality': {
      const b = input('actual');
      const t = rule.target === undefined ? input('target') : null;
      const a = rule.target ?? NaN;
      // One small function per rule and target shape, so that V8 inlines the formula into each loop (a
      // shared loop taking the formula as a parameter, or one big function, costs several times more).
      if (rule.kind === 'positive') {
        if (t) positiveCol(b, t, w, rel, len, wf, out, na);
        else positiveFixed(b, a, w, rel, len, wf, out, na);
      } else if (rule.kind === 'equality') {
        if (t) equalityCol(b, t, w, rel, len, wf, out, na);
        else equalityFixed(b, a, w, rel, len, wf, out, na);
      } else if (rule.method === 'linear') {
        if (t) reverseLinearCol(b, t, w, rel, len, wf, out, na);
        else reverseLinearFixed(b, a, w, rel, len, wf, out, na);
      } else {
        if (t) reverseRatioCol(b, t, w, rel, len, wf, out, na);
        else reverseRatioFixed(b, a, w, rel, len, wf, out, na);
      }
      return;
    }
    case 'qualitative': {
      const score = columns.has('score') ? input('score') : null;
      qualitative(leaf, input('level'), score, w, wf, rel, len, out, na);
      return;
    }
    case 'banded': {
      const ratio = rule.basis === 'ratio';
      const t = ratio && rule.target === undefined ? input('target') : null;
      banded(
        leaf,
        input('actual'),
        t,
        ratio ? (rule.target ?? NaN) : 1,
        ratio,
        rule.interpolate === true,
        w,
        wf,
        rel,
        len,
        out,
        na,
      );
      return;
    }
    case 'deduction':
      adjustment(input('count'), rule.perUnit, -1, w, len, out);
      return;
    case 'bonus':
      adjustment(input('count'), rule.perUnit, 1, w, len, out);
      return;
    case 'formula':
      formula(
        leaf,
        leaf.inputs.map((s) => input(s.name)),
        w,
        wf,
        rel,
        len,
        out,
        na,
      );
      return;
    case 'relative': {
      const b = input('actual');
      const ctx = peer!;
      const method = rule.method;
      const better = rule.better ?? 'higher';
      for (let i = 0; i < len; i++) {
        const v = b[i]!;
        out[i] =
          v !== v ? na.drop(rel + i, wf) : relativePoints(method, better, v, ctx.ranks[start + i]!, ctx, w);
      }
      return;
    }
  }
}

function banded(
  leaf: CompiledLeaf,
  b: Float64Array,
  t: Float64Array | null,
  fixed: number,
  ratio: boolean,
  interp: boolean,
  w: number,
  wf: number,
  rel: number,
  len: number,
  out: Float64Array,
  na: NaWeight,
): void {
  const froms = leaf.bandFroms!;
  const pts = leaf.bandPoints!;
  const nb = froms.length;
  // Points by the number of bounds reached (0 → none reached → 0 points).
  const byCount = Float64Array.from({ length: nb + 1 }, (_, k) => (k === 0 ? 0 : pts[k - 1]!));
  // Up to four bounds are held in locals (missing ones never reached) and counted without branches.
  const f0 = nb > 0 ? froms[0]! : Infinity;
  const f1 = nb > 1 ? froms[1]! : Infinity;
  const f2 = nb > 2 ? froms[2]! : Infinity;
  const f3 = nb > 3 ? froms[3]! : Infinity;
  const small = nb <= 4;
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    const a = t ? t[i]! : fixed;
    if (v !== v || (ratio && a !== a)) {
      out[i] = na.drop(rel + i, wf);
      continue;
    }
    const x = ratio ? (a > 0 ? v / a : v > 0 ? Infinity : 0) : v;
    let p: number;
    if (interp) p = bandPoints(x, froms, pts, true);
    else if (small) p = byCount[+(x >= f0) + +(x >= f1) + +(x >= f2) + +(x >= f3)]!;
    else {
      let k = 0;
      for (let j = 0; j < nb; j++) k += +(x >= froms[j]!);
      p = byCount[k]!;
    }
    const pos = p * +(p > 0);
    const capped = +(pos > w);
    out[i] = capped * w + (1 - capped) * pos;
  }
}

function adjustment(
  c: Float64Array,
  per: number | undefined,
  sign: number,
  w: number,
  len: number,
  out: Float64Array,
): void {
  const k = per === undefined ? 1 : per;
  for (let i = 0; i < len; i++) {
    const v = c[i]!;
    if (!(v - v === 0)) {
      out[i] = v !== v ? 0 : sign * cappedPoints(v, per, w);
      continue;
    }
    // cappedPoints without branches: count × per unit, floored at 0, capped at the allowance.
    const raw = v * k;
    const pos = raw * +(raw > 0);
    const capped = +(pos > w);
    out[i] = sign * (capped * w + (1 - capped) * pos);
  }
}

function formula(
  leaf: CompiledLeaf,
  inputs: readonly Float64Array[],
  w: number,
  wf: number,
  rel: number,
  len: number,
  out: Float64Array,
  na: NaWeight,
): void {
  const res = leaf.formula!.evaluate(inputs, len);
  const k = inputs.length;
  const propagates = leaf.formula!.propagatesNaN;
  for (let i = 0; i < len; i++) {
    const v = res[i]!;
    if (v === v) {
      // A formula that propagates NaN had all of its inputs when its result is a number.
      if (propagates || !anyNaN(inputs, k, i)) {
        if (v - v === 0) {
          // clamped to [0, w] without branches (an exact select)
          const pos = v * +(v > 0);
          const capped = +(pos > w);
          out[i] = capped * w + (1 - capped) * pos;
        } else out[i] = v > w ? w : 0;
        continue;
      }
    } else if (!anyNaN(inputs, k, i)) {
      out[i] = 0; // a result that is not a number (0/0, sqrt(−1)) scores nothing
      continue;
    }
    out[i] = na.drop(rel + i, wf);
  }
}

function anyNaN(cols: readonly Float64Array[], k: number, i: number): boolean {
  for (let j = 0; j < k; j++) {
    const x = cols[j]![i]!;
    if (x !== x) return true;
  }
  return false;
}

// Compared-to-target loops. NaN in either input: the indicator does not apply to this subject.
type ColLoop = (
  b: Float64Array,
  t: Float64Array,
  w: number,
  rel: number,
  len: number,
  wf: number,
  out: Float64Array,
  na: NaWeight,
) => void;
type FixedLoop = (
  b: Float64Array,
  a: number,
  w: number,
  rel: number,
  len: number,
  wf: number,
  out: Float64Array,
  na: NaWeight,
) => void;

const positiveFixed: FixedLoop = (b, a, w, rel, len, wf, out, na) => {
  if (!(a > 0)) {
    for (let i = 0; i < len; i++) {
      const v = b[i]!;
      out[i] = v !== v ? na.drop(rel + i, wf) : positivePoints(v, a, w);
    }
    return;
  }
  // positivePoints for A > 0 without branches on the data: q = B/A capped at 1, floored at 0, × w.
  // (`+(cond)` compiles to a flag, `cond ? 1 : 0` to a jump the CPU mispredicts on real data.)
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    // `v - v === 0` holds for finite numbers only: NaN (not applicable) and ±Infinity take the plain path.
    if (!(v - v === 0)) {
      out[i] = v !== v ? na.drop(rel + i, wf) : positivePoints(v, a, w);
      continue;
    }
    // Selecting with m × x + (1 − m) × y (m is 0 or 1) is exact, unlike x − (x − y) × m.
    const q = v / a;
    const over = +(q > 1);
    const c = over + (1 - over) * q;
    out[i] = c * +(c > 0) * w;
  }
};
const positiveCol: ColLoop = (b, t, w, rel, len, wf, out, na) => {
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    const a = t[i]!;
    out[i] = v !== v || a !== a ? na.drop(rel + i, wf) : positivePoints(v, a, w);
  }
};
const equalityFixed: FixedLoop = (b, a, w, rel, len, wf, out, na) => {
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    out[i] = v !== v ? na.drop(rel + i, wf) : equalityPoints(v, a, w);
  }
};
const equalityCol: ColLoop = (b, t, w, rel, len, wf, out, na) => {
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    const a = t[i]!;
    out[i] = v !== v || a !== a ? na.drop(rel + i, wf) : equalityPoints(v, a, w);
  }
};
const reverseRatioFixed: FixedLoop = (b, a, w, rel, len, wf, out, na) => {
  if (!(a > 0)) {
    for (let i = 0; i < len; i++) {
      const v = b[i]!;
      out[i] = v !== v ? na.drop(rel + i, wf) : reverseRatioPoints(v, a, w);
    }
    return;
  }
  // reverseRatioPoints for A > 0 without branches: A / max(A, B) × w.
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    if (!(v - v === 0)) {
      out[i] = v !== v ? na.drop(rel + i, wf) : reverseRatioPoints(v, a, w);
      continue;
    }
    const under = +(v < a);
    const m = under * a + (1 - under) * v;
    out[i] = (a / m) * w;
  }
};
const reverseRatioCol: ColLoop = (b, t, w, rel, len, wf, out, na) => {
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    const a = t[i]!;
    out[i] = v !== v || a !== a ? na.drop(rel + i, wf) : reverseRatioPoints(v, a, w);
  }
};
const reverseLinearFixed: FixedLoop = (b, a, w, rel, len, wf, out, na) => {
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    out[i] = v !== v ? na.drop(rel + i, wf) : reverseLinearPoints(v, a, w);
  }
};
const reverseLinearCol: ColLoop = (b, t, w, rel, len, wf, out, na) => {
  for (let i = 0; i < len; i++) {
    const v = b[i]!;
    const a = t[i]!;
    out[i] = v !== v || a !== a ? na.drop(rel + i, wf) : reverseLinearPoints(v, a, w);
  }
};

function qualitative(
  leaf: CompiledLeaf,
  level: Float64Array,
  score: Float64Array | null,
  w: number,
  wf: number,
  rel: number,
  len: number,
  out: Float64Array,
  na: NaWeight,
): void {
  const levels = leaf.levels!;
  const last = levels.length - 1;
  const los = Float64Array.from(levels, (l) => l.min * w);
  const his = Float64Array.from(levels, (l) => l.max * w);
  const upper = leaf.rule.kind === 'qualitative' && leaf.rule.fallback === 'upper';
  const fallback = upper ? his : los;
  // The level index rounds the input and clamps it to the levels: Σ [l ≥ k − ½], without branches for the
  // usual three levels.
  const three = last === 2;
  for (let i = 0; i < len; i++) {
    const l = level[i]!;
    if (l !== l) {
      out[i] = na.drop(rel + i, wf);
      continue;
    }
    const li = three ? +(l >= 0.5) + +(l >= 1.5) : l >= 0 && l <= last ? (l + 0.5) | 0 : l < 0 ? 0 : last;
    const lo = los[li]!;
    const hi = his[li]!;
    const s = score ? score[i]! : NaN;
    if (!(s - s === 0)) {
      // no score given (NaN: the band's edge), or an infinite one (clamped)
      out[i] = s !== s ? fallback[li]! : s < lo ? lo : hi;
      continue;
    }
    const below = +(s < lo);
    const above = +(s > hi);
    out[i] = below * lo + above * hi + (1 - below - above) * s;
  }
}

/** Context of a relative indicator within its peer group: the applicable values' count, mean and order. */
export interface PeerContext {
  readonly count: number;
  readonly mean: number;
  /** Competition rank (1 = best; ties share the best rank) per subject; 0 when not applicable. */
  readonly ranks: Int32Array;
}

/** Peer contexts of a batch's relative leaves, computed once per batch (columns are not mutated). */
const peerCache = new WeakMap<Batch, WeakMap<EvaluationPlan, Map<number, PeerContext>>>();

function peerContexts(plan: EvaluationPlan, batch: Batch): Map<number, PeerContext> {
  let byPlan = peerCache.get(batch);
  const cached = byPlan?.get(plan);
  if (cached) return cached;
  const out = new Map<number, PeerContext>();
  for (const li of plan.leaves) {
    const node = plan.nodes[li]!;
    const rule = node.leaf!.rule;
    if (rule.kind !== 'relative') continue;
    out.set(li, peerContext(batch.columns.get(`${node.code}.actual`)!, batch.n, rule.better ?? 'higher'));
  }
  if (out.size > 0) {
    if (!byPlan) {
      byPlan = new WeakMap();
      peerCache.set(batch, byPlan);
    }
    byPlan.set(plan, out);
  }
  return out;
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

/** Competition ranks of totals (1 = highest; ties share a rank), over the first n subjects. */
export function rankTotals(totals: Float64Array, n = totals.length): Int32Array {
  return peerContext(totals, n, 'higher').ranks;
}
