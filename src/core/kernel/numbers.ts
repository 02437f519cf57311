/** Rounds half away from zero to `digits` decimals, robust against binary noise (0.125 → 0.13). */
export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f + 1e-9) / f;
  return x < 0 ? -r : r;
}

/** Scores are compared with a tolerance of 0.01 (DOMAIN.md §2). */
export const SCORE_TOLERANCE = 0.01;

export function sameScore(a: number, b: number, tolerance = SCORE_TOLERANCE): boolean {
  return Math.abs(a - b) <= tolerance + 1e-9;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
