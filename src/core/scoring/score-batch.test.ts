import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aGroup, aLeaf, aTemplate, mixedTemplate } from '../../../test/builders.ts';
import type { Rule, TemplateDefinition } from '../indicators/types.ts';
import { unwrap } from '../kernel/index.ts';
import { batchFromRecords, type SubjectInputs } from './batch-input.ts';
import { compileTemplate, type EvaluationPlan } from './compile-template.ts';
import { explainSubject } from './explain.ts';
import { gradeColumn, gradeFor, JILIN_FIVE_TIER, MOF_FOUR_TIER } from './grades.ts';
import { rankTotals, scoreBatch } from './score-batch.ts';
import { cappedPoints, positivePoints, reverseRatioPoints } from './rules.ts';

const plan = (def: TemplateDefinition) => unwrap(compileTemplate(def));
const score = (p: EvaluationPlan, records: SubjectInputs[]) => {
  const batch = batchFromRecords(p, records);
  return { batch, scores: unwrap(scoreBatch(p, batch)) };
};
/** Scores one leaf of weight 10 under a template of 100 (the other 90 points fixed at full). */
const leafPoints = (rule: Rule, inputs: Record<string, number | null>, weight = 10) => {
  const p = plan(
    aTemplate([
      aLeaf({ code: 'X', weight, rule }),
      aLeaf({ code: 'REST', weight: 100 - weight, rule: { kind: 'positive', target: 1 } }),
    ]),
  );
  const rec: Record<string, number | null> = { 'REST.actual': 1 };
  for (const [k, v] of Object.entries(inputs)) rec[`X.${k}`] = v;
  const { scores } = score(p, [rec]);
  return scores.points[p.byCode.get('X')!]![0]!;
};

describe('leaf rules', () => {
  it.each<[string, Rule, Record<string, number | null>, number]>([
    ['positive met', { kind: 'positive' }, { actual: 120, target: 100 }, 10],
    ['positive missed', { kind: 'positive' }, { actual: 45, target: 50 }, 9],
    ['positive fixed target', { kind: 'positive', target: 200 }, { actual: 150 }, 7.5],
    ['positive negative actual', { kind: 'positive', target: 10 }, { actual: -5 }, 0],
    ['reverse met', { kind: 'reverse' }, { actual: 80, target: 100 }, 10],
    ['reverse exceeded (official A/B)', { kind: 'reverse' }, { actual: 125, target: 100 }, 8],
    ['reverse linear', { kind: 'reverse', method: 'linear' }, { actual: 125, target: 100 }, 7.5],
    ['reverse linear at 2A', { kind: 'reverse', method: 'linear' }, { actual: 200, target: 100 }, 0],
    ['equality positive target', { kind: 'equality' }, { actual: 9, target: 10 }, 9],
    ['equality zero target met', { kind: 'equality' }, { actual: 0, target: 0 }, 10],
    ['equality zero target missed', { kind: 'equality' }, { actual: 1, target: 0 }, 0],
    ['qualitative achieved, lower edge', { kind: 'qualitative' }, { level: 0 }, 8],
    ['qualitative achieved, upper fallback', { kind: 'qualitative', fallback: 'upper' }, { level: 0 }, 10],
    ['qualitative partly, score inside', { kind: 'qualitative' }, { level: 1, score: 7 }, 7],
    ['qualitative partly, score above band', { kind: 'qualitative' }, { level: 1, score: 9.5 }, 8],
    ['qualitative not achieved', { kind: 'qualitative' }, { level: 2, score: 7 }, 6],
    [
      'banded step',
      {
        kind: 'banded',
        bands: [
          { from: 0, points: 0 },
          { from: 80, points: 6 },
          { from: 95, points: 10 },
        ],
      },
      { actual: 90 },
      6,
    ],
    ['banded below all', { kind: 'banded', bands: [{ from: 80, points: 6 }] }, { actual: 70 }, 0],
    [
      'banded interpolated',
      {
        kind: 'banded',
        interpolate: true,
        bands: [
          { from: 80, points: 6 },
          { from: 100, points: 10 },
        ],
      },
      { actual: 90 },
      8,
    ],
    [
      'banded ratio',
      {
        kind: 'banded',
        basis: 'ratio',
        bands: [
          { from: 0.9, points: 5 },
          { from: 1, points: 10 },
        ],
      },
      { actual: 95, target: 100 },
      5,
    ],
    [
      'formula',
      { kind: 'formula', expression: 'min(a / b, 1) * weight', inputs: [{ name: 'a' }, { name: 'b' }] },
      { a: 3, b: 4 },
      7.5,
    ],
    ['formula clamped', { kind: 'formula', expression: 'a * 100', inputs: [{ name: 'a' }] }, { a: 3 }, 10],
    [
      'formula invalid result',
      { kind: 'formula', expression: 'sqrt(a)', inputs: [{ name: 'a' }] },
      { a: -1 },
      0,
    ],
    ['deduction per unit', { kind: 'deduction', perUnit: 2 }, { count: 3 }, -6],
    ['deduction capped', { kind: 'deduction', perUnit: 2 }, { count: 30 }, -10],
    ['deduction as points', { kind: 'deduction' }, { count: 4.5 }, -4.5],
    ['bonus capped', { kind: 'bonus', perUnit: 3 }, { count: 5 }, 10],
  ])('%s', (_name, rule, inputs, expected) => {
    expect(leafPoints(rule, inputs)).toBeCloseTo(expected, 10);
  });
});

describe('aggregation', () => {
  it('scores the mixed template and explains every point', () => {
    const p = plan(mixedTemplate());
    const full: SubjectInputs = {
      'C11.actual': 1200,
      'C12.actual': 20,
      'C21.actual': 96,
      'C31.actual': 700,
      'E11.level': 0,
      'E11.score': 15,
      'E12.employed': 80,
      'E12.trained': 80,
      'S11.actual': 95,
      'D1.count': 0,
      'D2.count': 0,
      'B1.count': 0,
    };
    const weak: SubjectInputs = {
      ...full,
      'C11.actual': 500, // 5 of 10
      'C31.actual': 1000, // 800/1000 × 15 = 12
      'E11.level': 1, // no score: 0.6 × 15 = 9
      'E11.score': null,
      'D1.count': 4, // 8 but capped at 6
      'D2.count': 1, // 5 → group total 11, capped at 10
      'B1.count': 2, // +2
    };
    const { batch, scores } = score(p, [full, weak]);
    expect(Array.from(scores.totals)).toEqual([100, 100 - 5 - 3 - 6 - 10 + 2]);
    const ex = explainSubject(p, batch, 1, JILIN_FIVE_TIER);
    expect(ex.total).toBe(78);
    expect(ex.grade?.label).toBe('中');
    expect(ex.adjustments).toBe(-8);
    const d = ex.nodes.find((n) => n.code === 'D')!;
    expect(d.points).toBe(-10);
    expect(d.reasons[0]!.zh).toContain('超过上限 10 分');
    const c11 = ex.nodes[0]!.children![0]!.children![0]!;
    expect(c11.computation.zh).toBe('实际完成值 500 未达年度指标值 1000，得分 = 500÷1000×10 = 5');
    expect(c11.reasons[0]!.zh).toBe('低于年度指标值 50%，扣 5 分');
    expect(c11.inputs).toEqual([
      { key: 'C11.actual', name: 'actual', label: '实际完成值', labelEn: 'Actual', value: 500 },
    ]);
  });

  it('drops indicators that do not apply and re-scales the base to the full score', () => {
    const p = plan(
      aTemplate([
        aLeaf({ code: 'A', weight: 60 }),
        aLeaf({ code: 'B', weight: 40 }),
        aLeaf({ code: 'P', weight: 5, rule: { kind: 'bonus' } }),
      ]),
    );
    const { batch, scores } = score(p, [
      { 'A.actual': 30, 'A.target': 60, 'B.actual': null, 'B.target': 1, 'P.count': 2 },
    ]);
    // A earns 30 of 60 → 50 of 100 after dropping B, then the bonus
    expect(scores.totals[0]).toBeCloseTo(52, 10);
    const ex = explainSubject(p, batch, 0);
    expect(ex.notApplicableWeight).toBe(40);
    expect(ex.nodes[1]!.applicable).toBe(false);
    expect(ex.notes[0]!.zh).toContain('不适用');
  });

  it('re-scales the children of a re-scaling group to its weight', () => {
    const p = plan(
      aTemplate([
        aGroup([aLeaf({ code: 'A', weight: 1 }), aLeaf({ code: 'B', weight: 3 })], {
          code: 'G',
          weight: 100,
          rescale: true,
        }),
      ]),
    );
    const { scores } = score(p, [{ 'A.actual': 1, 'A.target': 1, 'B.actual': 1, 'B.target': 2 }]);
    expect(scores.totals[0]).toBeCloseTo((1 + 1.5) * 25, 10);
  });

  it('never lets the total fall below zero', () => {
    const p = plan(
      aTemplate([
        aLeaf({ code: 'A', weight: 10 }),
        aLeaf({ code: 'D', weight: 50, rule: { kind: 'deduction' } }),
      ]),
    );
    const { scores } = score(p, [{ 'A.actual': 1, 'A.target': 10, 'D.count': 50 }]);
    expect(scores.totals[0]).toBe(0);
  });

  it('reports missing input columns instead of scoring them as zero', () => {
    const p = plan(mixedTemplate());
    const r = scoreBatch(p, { n: 1, columns: new Map([['C11.actual', Float64Array.of(1)]]) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INPUT_MISSING');
      expect(r.error.message).toContain('C12.actual');
    }
  });

  it('scores relative indicators against the peer group', () => {
    const p = plan(
      aTemplate([
        aLeaf({ code: 'R', weight: 10, rule: { kind: 'relative', method: 'rank' } }),
        aLeaf({ code: 'M', weight: 10, rule: { kind: 'relative', method: 'mean_ratio' } }),
      ]),
    );
    const recs = [5, 9, 9, 1].map((v) => ({ 'R.actual': v, 'M.actual': v }));
    const { batch, scores } = score(p, recs);
    const r = scores.points[p.byCode.get('R')!]!;
    expect(Array.from(r)).toEqual([(10 * (4 - 3)) / 3, 10, 10, 0]);
    const m = scores.points[p.byCode.get('M')!]!;
    expect(m[0]).toBeCloseTo((5 / 6) * 10, 10);
    expect(m[1]).toBe(10);
    expect(explainSubject(p, batch, 0).nodes[0]!.computation.zh).toContain('在 4 个评价对象中排第 3 名');
  });

  it('ranks totals with shared ranks for ties', () => {
    expect(Array.from(rankTotals(Float64Array.of(80, 95, 80, 60)))).toEqual([2, 1, 2, 4]);
  });
});

describe('grades', () => {
  it.each([
    [95, '优', '优'],
    [90, '优', '优'],
    [89.995, '优', '优'],
    [89.99, '良', '良'],
    [75, '中', '中'],
    [65, '低', '中'],
    [59.99, '差', '差'],
    [0, '差', '差'],
  ])('%s → Jilin %s, MoF %s', (total, jilin, mof) => {
    expect(gradeFor(JILIN_FIVE_TIER, total).label).toBe(jilin);
    expect(gradeFor(MOF_FOUR_TIER, total).label).toBe(mof);
    expect(gradeColumn(JILIN_FIVE_TIER, Float64Array.of(total))[0]).toBe(
      JILIN_FIVE_TIER.bands.findIndex((b) => b.label === jilin),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties
const num = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const pos = fc.double({ min: 0.01, max: 1e4, noNaN: true });
const weight = fc.double({ min: 0.5, max: 50, noNaN: true });

const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.constant<Rule>({ kind: 'positive' }),
  fc.constant<Rule>({ kind: 'reverse' }),
  fc.constant<Rule>({ kind: 'reverse', method: 'linear' }),
  fc.constant<Rule>({ kind: 'equality' }),
  fc.constant<Rule>({ kind: 'qualitative' }),
  fc.constant<Rule>({
    kind: 'banded',
    interpolate: true,
    bands: [
      { from: 0, points: 0 },
      { from: 50, points: 0.5 },
      { from: 100, points: 1 },
    ],
  }),
  fc.constant<Rule>({
    kind: 'formula',
    expression: 'actual / target * weight',
    inputs: [{ name: 'actual' }, { name: 'target' }],
  }),
);

describe('properties', () => {
  it('no leaf scores above its weight or below zero', () => {
    fc.assert(
      fc.property(
        ruleArb,
        weight,
        num,
        num,
        fc.integer({ min: 0, max: 2 }),
        num,
        (rule, w, actual, target, level, s) => {
          const r =
            rule.kind === 'banded'
              ? { ...rule, bands: rule.bands.map((b) => ({ ...b, points: b.points * w })) }
              : rule;
          const p = leafPoints(r, { actual, target, level, score: s }, w);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(w + 1e-9);
        },
      ),
    );
  });

  it('a deduction never takes more than its allowance, a bonus never gives more', () => {
    fc.assert(
      fc.property(
        weight,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.option(pos, { nil: undefined }),
        (w, count, perUnit) => {
          const d = leafPoints(
            perUnit === undefined ? { kind: 'deduction' } : { kind: 'deduction', perUnit },
            { count },
            w,
          );
          const b = leafPoints(
            perUnit === undefined ? { kind: 'bonus' } : { kind: 'bonus', perUnit },
            { count },
            w,
          );
          expect(d).toBeGreaterThanOrEqual(-w - 1e-9);
          expect(d).toBeLessThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(w + 1e-9);
          expect(b).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('a positive score never falls when its actual rises; a reverse score never rises', () => {
    fc.assert(
      fc.property(
        weight,
        pos,
        num,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (w, target, actual, delta) => {
          const lo = { actual, target };
          const hi = { actual: actual + delta, target };
          expect(leafPoints({ kind: 'positive' }, hi, w)).toBeGreaterThanOrEqual(
            leafPoints({ kind: 'positive' }, lo, w) - 1e-9,
          );
          expect(leafPoints({ kind: 'reverse' }, hi, w)).toBeLessThanOrEqual(
            leafPoints({ kind: 'reverse' }, lo, w) + 1e-9,
          );
          expect(leafPoints({ kind: 'reverse', method: 'linear' }, hi, w)).toBeLessThanOrEqual(
            leafPoints({ kind: 'reverse', method: 'linear' }, lo, w) + 1e-9,
          );
        },
      ),
    );
  });

  it('a parent equals the sum of its children, and the total the sum of the first level', () => {
    const p = plan(mixedTemplate());
    const inputArb = fc.record({
      'C11.actual': pos,
      'C12.actual': pos,
      'C21.actual': fc.double({ min: 0, max: 100, noNaN: true }),
      'C31.actual': pos,
      'E11.level': fc.integer({ min: 0, max: 2 }),
      'E11.score': fc.option(num, { nil: null }),
      'E12.employed': pos,
      'E12.trained': pos,
      'S11.actual': pos,
      'D1.count': fc.integer({ min: 0, max: 5 }),
      'D2.count': fc.integer({ min: 0, max: 3 }),
      'B1.count': fc.integer({ min: 0, max: 8 }),
    });
    fc.assert(
      fc.property(fc.array(inputArb, { minLength: 1, maxLength: 20 }), (records) => {
        const { batch, scores } = score(p, records);
        for (let i = 0; i < batch.n; i++) {
          for (const gi of p.groupsBottomUp) {
            const g = p.nodes[gi]!;
            const sum = g.children.reduce((s, c) => s + scores.points[c]![i]!, 0) * g.factor;
            const expected =
              g.category === 'deduction'
                ? Math.max(sum, -g.weight)
                : g.category === 'bonus'
                  ? Math.min(sum, g.weight)
                  : sum;
            expect(scores.points[gi]![i]).toBeCloseTo(expected, 9);
          }
          const rootSum = p.roots.reduce((s, r) => s + scores.points[r]![i]!, 0);
          expect(scores.totals[i]).toBeCloseTo(Math.max(0, rootSum), 9);
          // the explanation agrees with the batch
          const ex = explainSubject(p, batch, i);
          expect(ex.total).toBe(scores.totals[i]);
        }
      }),
    );
  });

  it('the grade is monotone in the total', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (t, d) => {
          for (const scheme of [JILIN_FIVE_TIER, MOF_FOUR_TIER]) {
            const [a, b] = gradeColumn(scheme, Float64Array.of(t, t + d));
            // band 0 is the best: a higher total never gets a worse band
            expect(b!).toBeLessThanOrEqual(a!);
          }
        },
      ),
    );
  });
});

describe('grading a column', () => {
  it('agrees with grading one total at a time, at and around every band boundary', () => {
    const near = (m: number) => [
      m,
      m - 0.005,
      m - 0.0049999,
      m - 0.0050001,
      m + 1e-12,
      m - 1e-12,
      m - 0.01,
      m + 0.004,
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: -20, max: 130, noNaN: true }),
            fc.constantFrom(...[90, 80, 70, 60, 0].flatMap(near)),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        (xs) => {
          for (const scheme of [JILIN_FIVE_TIER, MOF_FOUR_TIER]) {
            const col = gradeColumn(scheme, Float64Array.from(xs));
            xs.forEach((x, i) =>
              expect(col[i], `total ${x}`).toBe(scheme.bands.indexOf(gradeFor(scheme, x))),
            );
          }
        },
      ),
    );
  });
});

describe('the batch loops agree with the official scalar formulas', () => {
  it('positive, reverse, deductions and bonuses, for any finite or infinite actual', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constantFrom(Infinity, -Infinity, 0, -0, 1e-300),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        weight,
        (xs, a, w) => {
          const def = aTemplate([
            aLeaf({ code: 'P', weight: w, rule: { kind: 'positive', target: a } }),
            aLeaf({ code: 'R', weight: w, rule: { kind: 'reverse', target: a } }),
            aLeaf({ code: 'D', weight: w, rule: { kind: 'deduction', perUnit: 2 } }),
            aLeaf({ code: 'B', weight: w, rule: { kind: 'bonus' } }),
          ]);
          const p = plan(def);
          const col = Float64Array.from(xs);
          const columns = new Map([
            ['P.actual', col],
            ['R.actual', col],
            ['D.count', col],
            ['B.count', col],
          ]);
          const scores = unwrap(scoreBatch(p, { n: xs.length, columns }));
          const at = (code: string, i: number) => scores.points[p.byCode.get(code)!]![i]!;
          xs.forEach((x, i) => {
            // exactly equal (+ 0 turns −0 into 0)
            expect(at('P', i) + 0).toBe(positivePoints(x, a, w) + 0);
            expect(at('R', i) + 0).toBe(reverseRatioPoints(x, a, w) + 0);
            expect(at('D', i) + 0).toBe(-cappedPoints(x, 2, w) + 0);
            expect(at('B', i) + 0).toBe(cappedPoints(x, undefined, w) + 0);
          });
        },
      ),
    );
  });
});
