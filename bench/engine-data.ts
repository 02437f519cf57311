import { mixedTemplate } from '../test/builders.ts';
import { unwrap } from '../src/core/kernel/index.ts';
import { compileTemplate, type Batch, type EvaluationPlan } from '../src/core/scoring/index.ts';

/** The benchmark's template and province, generated deterministically (mulberry32) so that every process
 * of a run, and every run, scores the same subjects. */
export function benchPlan(): EvaluationPlan {
  return unwrap(compileTemplate(mixedTemplate()));
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchBatch(plan: EvaluationPlan, n: number): Batch {
  const r = rng(20260725);
  const u = (lo: number, hi: number) => lo + (hi - lo) * r();
  const int = (lo: number, hi: number) => Math.floor(u(lo, hi + 1));
  const gen: Record<string, () => number> = {
    'C11.actual': () => u(500, 1500),
    'C12.actual': () => int(10, 25),
    'C21.actual': () => u(70, 100),
    'C31.actual': () => u(600, 1100),
    'E11.level': () => int(0, 2),
    'E11.score': () => (r() < 0.3 ? NaN : u(0, 15)),
    'E12.employed': () => int(0, 100),
    'E12.trained': () => int(50, 100),
    'S11.actual': () => u(70, 100),
    'D1.count': () => (r() < 0.7 ? 0 : int(1, 4)),
    'D2.count': () => (r() < 0.9 ? 0 : int(1, 2)),
    'B1.count': () => (r() < 0.8 ? 0 : int(1, 6)),
  };
  const columns = new Map<string, Float64Array>();
  for (const spec of plan.inputs) {
    const g = gen[spec.key];
    if (!g) throw new Error(`no generator for ${spec.key}`);
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = g();
    columns.set(spec.key, c);
  }
  return { n, columns };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
