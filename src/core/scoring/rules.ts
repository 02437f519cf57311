/**
 * The official scoring formulas as scalar functions (DOMAIN.md §2). w = the row's 分值, a = target (A),
 * b = actual (B). Every result lies in [0, w]. The batch engine calls these inside its column loops
 * (V8 inlines them), and the self-evaluation checker calls them row by row, so both score alike.
 */

/** 正向指标 (≥A): B ≥ A → w; else B/A × w. A target of 0 or less is met by any non-negative actual. */
export function positivePoints(b: number, a: number, w: number): number {
  if (b >= a) return w;
  if (a <= 0) return b >= 0 ? w : 0;
  const p = (b / a) * w;
  return p > 0 ? p : 0;
}

/** 反向指标 (≤A), official footnote formula: B ≤ A → w; else A/B × w. */
export function reverseRatioPoints(b: number, a: number, w: number): number {
  if (b <= a) return w;
  if (a <= 0) return 0;
  return (a / b) * w;
}

/** 反向指标, linear alternative used by one deployed system: w × (1 − (B−A)/A), zero at B ≥ 2A. */
export function reverseLinearPoints(b: number, a: number, w: number): number {
  if (b <= a) return w;
  if (a <= 0) return 0;
  const p = w * (1 - (b - a) / a);
  return p > 0 ? p : 0;
}

/** 等于 (=A): A > 0 → scored as positive; A = 0 → w if B ≤ 0 else 0. */
export function equalityPoints(b: number, a: number, w: number): number {
  if (a > 0) return positivePoints(b, a, w);
  if (a === 0) return b <= 0 ? w : 0;
  return b === a ? w : 0;
}

/** 预算执行率 score: rate × w, capped at w (rate = 全年执行数 / 全年预算数). */
export function executionPoints(rate: number, w: number): number {
  if (!(rate > 0)) return 0;
  return rate >= 1 ? w : rate * w;
}

/** Budget execution rate; 0 when nothing was budgeted and nothing spent, 1 when spent without budget. */
export function executionRate(executed: number, planned: number): number {
  if (planned > 0) return executed / planned;
  return executed > 0 ? 1 : 0;
}

/** Points for a band rule: the points of the last band whose bound the value reaches. */
export function bandPoints(
  x: number,
  froms: ArrayLike<number>,
  points: ArrayLike<number>,
  interpolate: boolean,
): number {
  const n = froms.length;
  if (n === 0 || x < froms[0]!) return interpolate && n > 0 ? points[0]! : 0;
  let i = 0;
  while (i + 1 < n && x >= froms[i + 1]!) i++;
  if (!interpolate || i + 1 >= n) return points[i]!;
  const x0 = froms[i]!;
  const x1 = froms[i + 1]!;
  const p0 = points[i]!;
  const p1 = points[i + 1]!;
  return p0 + ((x - x0) / (x1 - x0)) * (p1 - p0);
}

/** Deduction or bonus magnitude: count × perUnit (or the count itself as points), capped at the allowance. */
export function cappedPoints(count: number, perUnit: number | undefined, allowance: number): number {
  const raw = perUnit === undefined ? count : count * perUnit;
  if (!(raw > 0)) return 0;
  return raw > allowance ? allowance : raw;
}
