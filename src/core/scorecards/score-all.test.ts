import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixedTemplate } from '../../../test/builders.ts';
import type { TemplateDefinition } from '../indicators/types.ts';
import { unwrap } from '../kernel/index.ts';
import { compileTemplate, type EvaluationPlan } from '../scoring/compile-template.ts';
import { JILIN_FIVE_TIER, MOF_FOUR_TIER } from '../scoring/grades.ts';
import { ScoreWorkspace } from '../scoring/score-batch.ts';
import { scoreSubjects, type SubjectValues } from '../scoring/score-subjects.ts';
import { scoreVersionBatch, scoreVersionBatches, type ValueRow } from './score-all.ts';

/** Peers matter: a rank and a mean-ratio indicator, a formula and a deduction. */
const relativeTemplate: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '自主财力',
      weight: 60,
      children: [
        {
          type: 'leaf',
          code: 'A1',
          name: '人均收入',
          weight: 30,
          rule: { kind: 'relative', method: 'mean_ratio' },
        },
        {
          type: 'leaf',
          code: 'A2',
          name: '自给率',
          weight: 30,
          rule: { kind: 'relative', method: 'rank', better: 'higher' },
        },
      ],
    },
    {
      type: 'leaf',
      code: 'B',
      name: '增幅比较',
      weight: 40,
      rule: {
        kind: 'formula',
        expression: 'weight * clamp(0.6 + 0.08 * (growth - avg), 0, 1)',
        inputs: [{ name: 'growth' }, { name: 'avg' }],
      },
    },
    {
      type: 'group',
      code: 'D',
      name: '减分',
      weight: 10,
      category: 'deduction',
      children: [
        { type: 'leaf', code: 'D1', name: '问题', weight: 10, rule: { kind: 'deduction', perUnit: 2 } },
      ],
    },
  ],
};

const plans: readonly [string, EvaluationPlan][] = [
  ['mixed', unwrap(compileTemplate(mixedTemplate()))],
  ['relative', unwrap(compileTemplate(relativeTemplate))],
];

/** A value for an input: a number, null (不适用) or nothing at all. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 2000, noNaN: true }).map((x) => Math.round(x) / 10) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) },
);

function asRecords(plan: EvaluationPlan, cells: readonly (number | null | undefined)[][]): SubjectValues[] {
  return cells.map((row, i) => {
    const values = new Map<string, number | null>();
    plan.inputs.forEach((s, k) => {
      const v = row[k % row.length];
      if (v !== undefined) values.set(s.key, v);
    });
    return { subjectId: `s${i}`, values };
  });
}

function asRows(records: readonly SubjectValues[]): ValueRow[] {
  return records.flatMap((r, subject) => [...r.values].map(([key, value]) => ({ subject, key, value })));
}

describe('scoreVersionBatch', () => {
  it.each(plans)('gives exactly what a single run gives (%s template)', (_name, plan) => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 25 }),
        fc.constantFrom(JILIN_FIVE_TIER, MOF_FOUR_TIER),
        (cells, scheme) => {
          const records = asRecords(plan, cells);
          const single = scoreSubjects(plan, scheme, records);
          const all = scoreVersionBatch({
            plan,
            scheme,
            subjectIds: records.map((r) => r.subjectId),
            rows: asRows(records),
          });
          expect(all).toEqual(single);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reuses one workspace across versions without one version leaking into the next', () => {
    const ws = new ScoreWorkspace();
    const inputs = plans.map(([, plan], v) => {
      const records = asRecords(
        plan,
        Array.from({ length: 30 + v * 7 }, (_, i) => [(i * 37) % 100, 60 + (i % 40), i % 3, null]),
      );
      return {
        plan,
        scheme: JILIN_FIVE_TIER,
        subjectIds: records.map((r) => r.subjectId),
        rows: asRows(records),
        records,
      };
    });
    const together = scoreVersionBatches(inputs, ws);
    inputs.forEach((input, v) => {
      expect(together[v]).toEqual(scoreSubjects(input.plan, input.scheme, input.records));
    });
  });

  it('keeps values of keys the plan does not read in the snapshot, and ignores them for scoring', () => {
    const plan = plans[1]![1];
    const rows: ValueRow[] = [
      { subject: 0, key: 'A1.actual', value: 100 },
      { subject: 0, key: 'A2.actual', value: 20 },
      { subject: 0, key: 'B.growth', value: 5 },
      { subject: 0, key: 'B.avg', value: 5 },
      { subject: 0, key: 'X9.actual', value: null },
    ];
    const r = scoreVersionBatch({ plan, scheme: JILIN_FIVE_TIER, subjectIds: ['a'], rows });
    expect(r.results[0]!.inputs['X9.actual']).toBeNull();
    expect(r.results[0]!.missing).toEqual([]);
    expect(r.summary.withNotApplicable).toBe(1);
  });
});
