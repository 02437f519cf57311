import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixedTemplate } from '../../../test/builders.ts';
import { compileRules, proposeAmounts, type CompiledRules } from '../consequences/propose.ts';
import type { ConsequenceRuleSet } from '../consequences/rules.ts';
import type { TemplateDefinition } from '../indicators/types.ts';
import { round, unwrap } from '../kernel/index.ts';
import { compileTemplate } from '../scoring/compile-template.ts';
import { gradeColumn, JILIN_FIVE_TIER, MOF_FOUR_TIER, type GradeScheme } from '../scoring/grades.ts';
import { rankTotals } from '../scoring/score-batch.ts';
import { INCOMPLETE_GRADE, scoreSubjects } from '../scoring/score-subjects.ts';
import { CHANGED_AMOUNT, CHANGED_GRADE, compareOutcomes } from './compare.ts';
import { gradeLegend, INCOMPLETE, NO_GRADE, rankPrinted } from './outcome.ts';
import { setWeight } from './reweight.ts';
import {
  budgetBases,
  proposeSide,
  regradeSides,
  scoreScorecardSides,
  type ScorecardSubject,
} from './simulate.ts';

const plan = (d: TemplateDefinition) => unwrap(compileTemplate(d));

/** Two positive leaves with fixed targets of 100 under one group each: total = A% × wA + B% × wB. */
const TWO: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'G',
      name: '产出指标',
      weight: 100,
      children: [
        { type: 'leaf', code: 'A', name: '完成率', weight: 50, rule: { kind: 'positive', target: 100 } },
        { type: 'leaf', code: 'B', name: '满意度', weight: 50, rule: { kind: 'positive', target: 100 } },
      ],
    },
  ],
};

const subject = (i: number, a: number | null | undefined, b: number | null | undefined): ScorecardSubject => {
  const values = new Map<string, number | null>();
  if (a !== undefined) values.set('A.actual', a);
  if (b !== undefined) values.set('B.actual', b);
  return { id: `s${i}`, kind: 'department', values };
};

const RULES: ConsequenceRuleSet = {
  targetYearOffset: 1,
  rules: [
    { id: 'fair', label: '中压减10%', when: { grades: ['fair'] }, action: 'cut', ratio: 0.1 },
    { id: 'low', label: '低压减20%', when: { grades: ['low'] }, action: 'cut', ratio: 0.2 },
    { id: 'poor', label: '差取消', when: { grades: ['poor'] }, action: 'cancel', accountability: true },
    { id: 'top', label: '前2名奖励5%', when: { rankTop: { count: 2 } }, action: 'reward', ratio: 0.05 },
  ],
};
const compiled = (set: ConsequenceRuleSet): CompiledRules => unwrap(compileRules(set));

const withBand = (scheme: GradeScheme, code: string, min: number): GradeScheme => ({
  ...scheme,
  code: `${scheme.code}-edited`,
  bands: scheme.bands.map((b) => (b.code === code ? { ...b, min } : b)),
});

describe('rankPrinted', () => {
  it('equals ranking the printed totals of the graded subjects', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            t: fc.oneof(fc.double({ min: 0, max: 130, noNaN: true }), fc.constantFrom(89.995, 90, 89.994999)),
            graded: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const totals = Float64Array.from(rows, (r) => r.t);
          const graded = Uint8Array.from(rows, (r) => (r.graded ? 1 : 0));
          const got = rankPrinted(totals, graded);
          const idx = rows.flatMap((r, i) => (r.graded ? [i] : []));
          const want = rankTotals(Float64Array.from(idx, (i) => round(totals[i]!, 2)));
          idx.forEach((i, k) => expect(got[i]).toBe(want[k]));
          rows.forEach((r, i) => {
            if (!r.graded) expect(got[i]).toBe(0);
          });
        },
      ),
    );
  });

  it('falls back to sorting outside the counting range', () => {
    const totals = Float64Array.from([2e6, 5, 2e6, -1]);
    expect([...rankPrinted(totals, Uint8Array.from([1, 1, 1, 1]))]).toEqual([1, 3, 1, 4]);
  });
});

describe('scoreScorecardSides', () => {
  const mixed = plan(mixedTemplate());
  const inputsArb = fc.array(
    fc.record({
      q: fc.double({ min: 0, max: 1, noNaN: true }),
      drop: fc.constantFrom<'none' | 'missing' | 'na'>('none', 'none', 'none', 'missing', 'na'),
    }),
    { minLength: 1, maxLength: 30 },
  );
  const toSubjects = (rows: { q: number; drop: 'none' | 'missing' | 'na' }[]): ScorecardSubject[] =>
    rows.map(({ q, drop }, i) => {
      const values = new Map<string, number | null>([
        ['C11.actual', 1000 * q],
        ['C12.actual', 20],
        ['C21.actual', 70 + 30 * q],
        ['C31.actual', 800 / Math.max(q, 0.5)],
        ['E11.level', q > 0.6 ? 0 : 1],
        ['E12.employed', 50 * q],
        ['E12.trained', 60],
        ['S11.actual', 80 + 20 * q],
        ['D1.count', q > 0.5 ? 0 : 2],
        ['D2.count', 0],
        ['B1.count', q > 0.9 ? 3 : 0],
      ]);
      if (drop === 'missing') values.delete('S11.actual');
      if (drop === 'na') values.set('C21.actual', null);
      return { id: `s${i}`, kind: 'division', values };
    });

  it('an unchanged scenario equals the baseline exactly, and both equal a scoring run', () => {
    fc.assert(
      fc.property(inputsArb, (rows) => {
        const subjects = toSubjects(rows);
        const sides = scoreScorecardSides(
          subjects,
          { plan: mixed, scheme: JILIN_FIVE_TIER },
          { plan: plan(mixedTemplate()), scheme: JILIN_FIVE_TIER },
        );
        expect([...sides.scenario.totals]).toEqual([...sides.baseline.totals]);
        expect([...sides.scenario.grades]).toEqual([...sides.baseline.grades]);
        expect([...sides.scenario.ranks]).toEqual([...sides.baseline.ranks]);
        const cmp = compareOutcomes(sides.legend, sides.baseline, sides.scenario, null, null);
        expect([...cmp.changed].every((c) => c === 0)).toBe(true);
        expect(cmp.summary.gradeUp + cmp.summary.gradeDown + cmp.summary.gradedOnOneSide).toBe(0);
        // the run's own scoring gives the same totals, grades and ranks
        const run = scoreSubjects(
          mixed,
          JILIN_FIVE_TIER,
          subjects.map((s) => ({ subjectId: s.id, values: s.values })),
        );
        run.results.forEach((r, i) => {
          expect(sides.baseline.totals[i]).toBe(r.total);
          const g = sides.baseline.grades[i]!;
          expect(g === NO_GRADE ? INCOMPLETE_GRADE : sides.legend.entries[g]!.code).toBe(r.grade);
          expect(sides.baseline.ranks[i] || null).toBe(r.rank);
        });
      }),
    );
  });

  it('raising one leaf’s weight with the group re-balanced moves exactly the subjects the formula says', () => {
    // A 50 → 70 (B 50 → 30): total' = 0.7a + 0.3b instead of 0.5a + 0.5b
    const scenarioDef = unwrap(setWeight(TWO, 'A', 70));
    const rows: [number, number][] = [
      [100, 100], // 100 → 100   优 → 优
      [100, 80], // 90 → 94      优 → 优
      [80, 100], // 90 → 86      优 → 良
      [95, 70], // 82.5 → 87.5   良 → 良
      [100, 60], // 80 → 88      良 → 良
      [60, 100], // 80 → 72      良 → 中
      [90, 50], // 70 → 78       中 → 中
      [100, 40], // 70 → 82      中 → 良
      [40, 80], // 60 → 52       低 → 差
      [30, 60], // 45 → 39       差 → 差
    ];
    const subjects = rows.map(([a, b], i) => subject(i, a, b));
    const sides = scoreScorecardSides(
      subjects,
      { plan: plan(TWO), scheme: JILIN_FIVE_TIER },
      { plan: plan(scenarioDef), scheme: JILIN_FIVE_TIER },
    );
    const expected = rows.map(([a, b]) => 0.7 * a + 0.3 * b);
    sides.scenario.totals.forEach((t, i) => expect(t).toBeCloseTo(expected[i]!, 9));
    const cmp = compareOutcomes(sides.legend, sides.baseline, sides.scenario, null, null);
    const moved = rows.flatMap((_, i) =>
      cmp.changed[i]! & CHANGED_GRADE ? [`s${i}:${cmp.gradeSteps[i]}`] : [],
    );
    expect(moved).toEqual(['s2:-1', 's5:-1', 's7:1', 's8:-1']);
    expect(cmp.summary.gradeUp).toBe(1);
    expect(cmp.summary.gradeDown).toBe(3);
    const codes = cmp.summary.transitions.codes;
    const at = (from: string, to: string) =>
      cmp.summary.transitions.counts[codes.indexOf(from)]![codes.indexOf(to)];
    expect(at('excellent', 'good')).toBe(1);
    expect(at('fair', 'good')).toBe(1);
    expect(at('low', 'poor')).toBe(1);
    expect(cmp.summary.transitions.counts.flat().reduce((s, x) => s + x, 0)).toBe(rows.length);
  });

  it('tightening the 优 band moves down exactly the subjects between the old and the new bound', () => {
    const totals = [95, 92, 91.99, 91.995, 90, 89.99, 85, 70];
    const subjects = totals.map((t, i) => subject(i, t, t));
    const sides = scoreScorecardSides(
      subjects,
      { plan: plan(TWO), scheme: JILIN_FIVE_TIER },
      { plan: plan(TWO), scheme: withBand(JILIN_FIVE_TIER, 'excellent', 92) },
    );
    const cmp = compareOutcomes(sides.legend, sides.baseline, sides.scenario, null, null);
    // 91.995 prints as 92.00 and stays 优; 91.99 and 90 drop to 良
    const moved = totals.filter((_, i) => cmp.changed[i]! & CHANGED_GRADE);
    expect(moved).toEqual([91.99, 90]);
    expect([...cmp.gradeSteps].filter((s) => s !== 0)).toEqual([-1, -1]);
    expect(cmp.summary.totalChanged).toBe(0);
    expect(cmp.summary.rankUp + cmp.summary.rankDown).toBe(0);
  });

  it('treats inputs only the scenario reads as not applicable and does not make anyone incomplete', () => {
    const extra: TemplateDefinition = {
      maxScore: 100,
      nodes: [
        {
          type: 'group',
          code: 'G',
          name: '产出指标',
          weight: 100,
          children: [
            { type: 'leaf', code: 'A', name: '完成率', weight: 40, rule: { kind: 'positive', target: 100 } },
            { type: 'leaf', code: 'B', name: '满意度', weight: 40, rule: { kind: 'positive', target: 100 } },
            {
              type: 'leaf',
              code: 'C',
              name: '新增指标',
              weight: 20,
              rule: { kind: 'positive', target: 100 },
            },
          ],
        },
      ],
    };
    const subjects = [subject(0, 80, 60), subject(1, 100, undefined)];
    const sides = scoreScorecardSides(
      subjects,
      { plan: plan(TWO), scheme: JILIN_FIVE_TIER },
      { plan: plan(extra), scheme: JILIN_FIVE_TIER },
    );
    expect(sides.unknownInputs.map((s) => s.key)).toEqual(['C.actual']);
    // C does not apply: (0.4 × 80 + 0.4 × 60) × 100 / 80 = 70
    expect(sides.scenario.totals[0]).toBeCloseTo(70, 9);
    // s1 lacks B on both sides
    expect(sides.baseline.grades[1]).toBe(NO_GRADE);
    expect(sides.scenario.grades[1]).toBe(NO_GRADE);
    expect(sides.scenario.grades[0]).not.toBe(NO_GRADE);
  });
});

describe('consequences of each side', () => {
  const totals = [96, 93, 85, 75, 72, 65, 50, 88];
  const subjects = totals.map((t, i) => subject(i, t, t));
  const bases = totals.map((_, i) => ({ department_budget: (i + 1) * 1_000_000 }));
  const ids = subjects.map((s) => s.id);

  it('changing a cut ratio changes only the amounts of the grade it applies to', () => {
    const scenarioRules: ConsequenceRuleSet = {
      ...RULES,
      rules: RULES.rules.map((r) => (r.id === 'fair' ? { ...r, ratio: 0.15 } : r)),
    };
    const sides = scoreScorecardSides(
      subjects,
      { plan: plan(TWO), scheme: JILIN_FIVE_TIER },
      { plan: plan(TWO), scheme: JILIN_FIVE_TIER },
    );
    const b = proposeSide(compiled(RULES), sides.legend, sides.baseline, ids, 'department', bases);
    const s = proposeSide(compiled(scenarioRules), sides.legend, sides.scenario, ids, 'department', bases);
    const cmp = compareOutcomes(sides.legend, sides.baseline, sides.scenario, b.proposedFen, s.proposedFen);
    const fair = sides.legend.index.get('fair')!;
    sides.baseline.grades.forEach((g, i) => {
      const changedAmount = (cmp.changed[i]! & CHANGED_AMOUNT) !== 0;
      expect(changedAmount).toBe(g === fair);
      if (g === fair) expect(cmp.amountDelta[i]).toBe(-0.05 * bases[i]!.department_budget);
    });
    expect(cmp.summary.amountChanged).toBe(2); // 75 and 72
    expect(cmp.summary.scenarioFen - cmp.summary.baselineFen).toBe(-0.05 * (4 + 5) * 1_000_000);
    const byFair = cmp.summary.byGrade.find((g) => g.code === 'fair')!;
    expect(byFair.baselineFen).toBe(-0.1 * 9_000_000);
    expect(byFair.scenarioFen).toBe(-0.15 * 9_000_000);
    expect(cmp.summary.gradeUp + cmp.summary.gradeDown).toBe(0);
  });

  it('amounts follow grades when the scheme changes (a subject leaving 中 loses its cut)', () => {
    const sides = scoreScorecardSides(
      subjects,
      { plan: plan(TWO), scheme: JILIN_FIVE_TIER },
      { plan: plan(TWO), scheme: withBand(JILIN_FIVE_TIER, 'good', 74) },
    );
    const rules = compiled(RULES);
    const b = proposeSide(rules, sides.legend, sides.baseline, ids, 'department', bases);
    const s = proposeSide(rules, sides.legend, sides.scenario, ids, 'department', bases);
    const cmp = compareOutcomes(sides.legend, sides.baseline, sides.scenario, b.proposedFen, s.proposedFen);
    // 75 moves 中 → 良 and its 10% cut disappears
    expect(cmp.gradeSteps[3]).toBe(1);
    expect(cmp.amountDelta[3]).toBe(0.1 * 4_000_000);
    expect([...cmp.amountDelta].filter((d) => d !== 0)).toHaveLength(1);
  });
});

describe('proposeSide', () => {
  const gradeArb = fc.constantFrom('excellent', 'good', 'fair', 'low', 'poor');
  const ruleArb = fc.record({
    grades: fc.option(fc.uniqueArray(gradeArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    rank: fc.option(fc.record({ top: fc.boolean(), count: fc.integer({ min: 1, max: 5 }) }), {
      nil: undefined,
    }),
    kind: fc.option(fc.constantFrom('division', 'department', 'project'), { nil: undefined }),
    action: fc.constantFrom('cut', 'reward', 'cancel', 'priority'),
    ratio: fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
  });
  it('equals proposing for every subject, with or without rank conditions', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({
            t: fc.double({ min: 0, max: 100, noNaN: true }),
            kind: fc.constantFrom('division', 'department', 'project'),
            base: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
          }),
          { maxLength: 40 },
        ),
        (raw, rows) => {
          const set = {
            targetYearOffset: 1,
            rules: raw.map((r, k) => ({
              id: `r${k}`,
              label: `规则${k}`,
              ...(r.kind ? { subjectKinds: [r.kind] } : {}),
              when: {
                ...(r.grades ? { grades: r.grades } : {}),
                ...(r.rank || !r.grades
                  ? { [r.rank?.top === false ? 'rankBottom' : 'rankTop']: { count: r.rank?.count ?? 1 } }
                  : {}),
              },
              action: r.action,
              ...(r.action === 'cut' || r.action === 'reward' ? { ratio: r.ratio } : {}),
            })),
          };
          const rules = compiled(set as ConsequenceRuleSet);
          const totals = Float64Array.from(rows, (r) => r.t);
          const sides = regradeSides(totals, [JILIN_FIVE_TIER], new Uint8Array(rows.length), null);
          const ids = rows.map((_, i) => `x${i}`);
          const kinds = rows.map((r) => r.kind);
          const bases = rows.map((r) => ({ transfer_payments: r.base, department_budget: r.base }));
          const got = proposeSide(rules, sides.legend, sides.baseline, ids, kinds, bases);
          const want = proposeAmounts(
            rules,
            rows.map((r, i) => ({
              subjectId: ids[i]!,
              kind: r.kind,
              grade: sides.legend.entries[sides.baseline.grades[i]!]!.code,
              rank: sides.baseline.ranks[i]!,
              bases: bases[i]!,
            })),
          );
          expect([...got.proposedFen]).toEqual([...want.proposedFen]);
          expect([...got.action]).toEqual([...want.action]);
          expect([...got.accountability]).toEqual([...want.accountability]);
          expect(got.totalFen).toBe(want.totalFen);
        },
      ),
    );
  });
});

describe('regradeSides (self-evaluations)', () => {
  it('grades each subject with its division’s scheme on the baseline and one scheme in the scenario', () => {
    const totals = Float64Array.from([95, 85, 75, 65, 55, NaN, 89.99]);
    const schemeOf = Uint8Array.from([0, 0, 1, 1, 1, 0, 0]);
    const sides = regradeSides(totals, [JILIN_FIVE_TIER, MOF_FOUR_TIER], schemeOf, null);
    const code = (g: number) => (g === NO_GRADE ? INCOMPLETE : sides.legend.entries[g]!.code);
    expect([...sides.baseline.grades].map(code)).toEqual([
      'excellent',
      'good',
      'fair',
      'fair', // MoF: 中 [60, 80)
      'poor',
      INCOMPLETE,
      'good',
    ]);
    expect([...sides.baseline.grades]).toEqual([...sides.scenario.grades]);
    const edited = regradeSides(totals, [JILIN_FIVE_TIER, MOF_FOUR_TIER], schemeOf, JILIN_FIVE_TIER);
    const cmp = compareOutcomes(edited.legend, edited.baseline, edited.scenario, null, null);
    // only the MoF-graded 65 (中 → 低) moves
    expect([...cmp.gradeSteps]).toEqual([0, 0, 0, -1, 0, 0, 0]);
    expect(cmp.summary.graded).toEqual({ baseline: 6, scenario: 6 });
  });

  it('equals gradeColumn for one scheme and proposes project cuts from budget bases', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 50 }), (xs) => {
        const totals = Float64Array.from(xs);
        const sides = regradeSides(totals, [JILIN_FIVE_TIER], new Uint8Array(xs.length), null);
        const g = gradeColumn(JILIN_FIVE_TIER, totals);
        const legend = gradeLegend([JILIN_FIVE_TIER]);
        expect([...sides.baseline.grades]).toEqual(
          [...g].map((k) => legend.index.get(JILIN_FIVE_TIER.bands[k]!.code)!),
        );
        const amounts = Float64Array.from(xs, (_, i) => (i % 3 === 0 ? NaN : 1_000_000 * (i + 1)));
        const p = proposeSide(
          compiled(RULES),
          sides.legend,
          sides.baseline,
          xs.map((_, i) => `p${i}`),
          'project',
          budgetBases(amounts),
        );
        xs.forEach((_, i) => {
          if (i % 3 === 0) expect(p.proposedFen[i] === 0 || p.proposedFen[i]! > 0).toBe(true);
          expect(Number.isInteger(p.proposedFen[i])).toBe(true);
        });
      }),
    );
  });
});

describe('setWeight', () => {
  it('keeps every group adding up and the template valid', () => {
    const def = mixedTemplate();
    const codes: string[] = [];
    const walk = (nodes: TemplateDefinition['nodes']) =>
      nodes.forEach((n) => {
        codes.push(n.code);
        if (n.type === 'group') walk(n.children);
      });
    walk(def.nodes);
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.double({ min: 0, max: 1, noNaN: true }), (code, f) => {
        const node = plan(def).nodes.find((n) => n.code === code)!;
        const parentWeight = node.parent >= 0 ? plan(def).nodes[node.parent]!.weight : def.maxScore;
        const w = Math.round(f * (node.category === 'base' ? parentWeight : node.weight * 2) * 100) / 100;
        const r = setWeight(def, code, w);
        if (!r.ok) return; // e.g. a lone child cannot change
        const compiledPlan = compileTemplate(r.value);
        expect(compiledPlan.ok, JSON.stringify(compiledPlan.ok ? null : compiledPlan.error)).toBe(true);
        expect(unwrap(compiledPlan).nodes.find((n) => n.code === code)!.weight).toBeCloseTo(w, 2);
      }),
    );
  });

  it('refuses a weight above the siblings’ total', () => {
    expect(setWeight(TWO, 'A', 101).ok).toBe(false);
    expect(setWeight(TWO, 'X', 1).ok).toBe(false);
  });
});
