import { describe, expect, it } from 'vitest';
import { mixedTemplate } from '../../../test/builders.ts';
import { unwrap } from '../kernel/index.ts';
import { compileTemplate } from './compile-template.ts';
import { explainSubject } from './explain.ts';
import { JILIN_FIVE_TIER } from './grades.ts';
import {
  checkInputValue,
  inputMetas,
  missingInputs,
  parseLevel,
  ruleInWords,
  shortLevelLabel,
} from './inputs.ts';
import { batchFromValues, INCOMPLETE_GRADE, scoreSubjects, type SubjectValues } from './score-subjects.ts';
import { rankTotals, scoreBatch } from './score-batch.ts';
import { DEFAULT_QUALITATIVE_LEVELS } from '../indicators/types.ts';

const plan = unwrap(compileTemplate(mixedTemplate()));

/** Every input of the mixed template, at quality q (0..1). */
function full(q: number): Map<string, number | null> {
  return new Map<string, number | null>([
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
}

const subjects = (values: Map<string, number | null>[]): SubjectValues[] =>
  values.map((v, i) => ({ subjectId: `s${i}`, values: v }));

describe('scoreSubjects', () => {
  it('gives the totals of scoreBatch on the same inputs, grades them and ranks them', () => {
    const rows = subjects([full(1), full(0.4), full(0.7), full(0.7), full(0.2)]);
    const { results, summary } = scoreSubjects(plan, JILIN_FIVE_TIER, rows);
    const direct = unwrap(scoreBatch(plan, batchFromValues(plan, rows)));
    expect(results.map((r) => r.total)).toEqual([...direct.totals]);
    const ranks = rankTotals(direct.totals);
    expect(results.map((r) => r.rank)).toEqual([...ranks]);
    // equal inputs, equal totals, shared rank
    expect(results[2]!.rank).toBe(results[3]!.rank);
    expect(summary.ranked).toBe(5);
    expect(Object.values(summary.gradeCounts).reduce((a, b) => a + b, 0)).toBe(5);
    for (const r of results) {
      const band = JILIN_FIVE_TIER.bands.find((b) => b.code === r.grade)!;
      expect(Math.round(r.total * 100) / 100).toBeGreaterThanOrEqual(band.min);
    }
    // node points add up: the first level sums to the total (no N/A here)
    const top = ['C', 'E', 'S', 'D', 'B1'];
    for (const r of results) {
      const sum = top.reduce((s, c) => s + r.nodePoints[c]!, 0);
      expect(r.total).toBeCloseTo(Math.max(0, sum), 9);
    }
  });

  it('lists a subject with an empty required input as incomplete, without grade or rank', () => {
    const partial = full(0.8);
    partial.delete('C21.actual');
    partial.delete('D1.count'); // an empty deduction count is 0 occurrences, not missing
    const { results, summary } = scoreSubjects(plan, JILIN_FIVE_TIER, subjects([full(0.9), partial]));
    expect(results[1]!.grade).toBe(INCOMPLETE_GRADE);
    expect(results[1]!.rank).toBeNull();
    expect(results[1]!.missing).toEqual(['C21.actual']);
    expect(results[0]!.rank).toBe(1);
    expect(summary).toMatchObject({ subjects: 2, ranked: 1, incomplete: 1 });
  });

  it('drops a leaf marked not applicable and re-scales the total to the full score', () => {
    const na = full(1);
    na.set('C21.actual', null);
    const { results, summary } = scoreSubjects(plan, JILIN_FIVE_TIER, subjects([na]));
    expect(results[0]!.missing).toEqual([]);
    expect(results[0]!.rank).toBe(1);
    expect(results[0]!.nodePoints['C21']).toBe(0);
    expect(summary.withNotApplicable).toBe(1);
    const e = explainSubject(plan, batchFromValues(plan, subjects([na])), 0);
    expect(e.notApplicableWeight).toBe(15);
    expect(results[0]!.total).toBeCloseTo(e.total, 9);
  });

  it('keeps averages of the ranked subjects for portraits', () => {
    const rows = subjects([full(1), full(0.5)]);
    const { results, summary } = scoreSubjects(plan, JILIN_FIVE_TIER, rows);
    expect(summary.averages.total).toBeCloseTo((results[0]!.total + results[1]!.total) / 2, 9);
    expect(summary.averages.nodes['C']).toBeCloseTo(
      (results[0]!.nodePoints['C']! + results[1]!.nodePoints['C']!) / 2,
      9,
    );
    expect(summary.firstLevel.map((f) => f.code)).toEqual(['C', 'E', 'S', 'D', 'B1']);
  });
});

describe('input values', () => {
  const metas = new Map(inputMetas(plan).map((m) => [m.key, m]));

  it('describes every input with its format, unit and whether it may be not applicable', () => {
    expect(metas.get('C11.actual')).toMatchObject({
      format: 'number',
      unit: '人次',
      notApplicableAllowed: true,
    });
    expect(metas.get('E11.level')).toMatchObject({ format: 'level', notApplicableAllowed: true });
    expect(metas.get('E11.score')).toMatchObject({ format: 'score', unit: '分', optional: true });
    expect(metas.get('D1.count')).toMatchObject({ format: 'count', notApplicableAllowed: false });
  });

  it.each<[string, number | null, number | null, string | null]>([
    ['C11.actual', 12.5, null, null],
    ['C11.actual', null, null, null],
    ['D1.count', -1, null, '不能为负数'],
    ['D1.count', null, null, '不能填“不适用”'],
    ['E11.level', 3, null, '评价等级只能是：达成、部分达成、未达成'],
    ['E11.level', 0.5, null, '评价等级只能是'],
    ['E11.score', 13, 0, null],
    ['E11.score', 11, 0, '得分应在12至15分之间'],
    ['E11.score', 11, 1, null],
    ['E11.score', 16, 0, '0至15分'],
    ['E11.score', 10, null, '须先选定评价等级'],
  ])('%s = %s (level %s) → %s', (key, value, level, problem) => {
    const r = checkInputValue(plan, metas.get(key)!, value, () => level);
    if (problem === null) expect(r).toBeNull();
    else expect(r?.zh).toContain(problem);
  });

  it('reads qualitative levels written in full, short or English', () => {
    const levels = DEFAULT_QUALITATIVE_LEVELS;
    expect(levels.map(shortLevelLabel)).toEqual(['达成', '部分达成', '未达成']);
    expect(parseLevel('部分达成', levels)).toBe(1);
    expect(parseLevel(' 未达成年度指标且效果较差 ', levels)).toBe(2);
    expect(parseLevel('target achieved', levels)).toBe(0);
    expect(parseLevel('良好', levels)).toBeNull();
  });

  it('does not count inputs of a leaf marked not applicable as missing', () => {
    const stored = full(1);
    stored.delete('E12.trained');
    stored.set('E12.employed', null);
    expect(missingInputs(plan, stored)).toEqual([]);
    stored.delete('E12.employed');
    expect(missingInputs(plan, stored)).toEqual(['E12.employed', 'E12.trained']);
  });

  it('puts every rule in words with its numbers', () => {
    const text = (code: string) => ruleInWords(plan.nodes[plan.byCode.get(code)!]!).zh;
    expect(text('C11')).toContain('实际完成值≥1000人次得满分');
    expect(text('C31')).toContain('≤800元');
    expect(text('C21')).toContain('95%起得15分');
    expect(text('E11')).toContain('达成得12–15分');
    expect(text('D1')).toContain('每发生1次扣2分，最多扣6分');
    expect(text('E12')).toContain('min(employed / trained, 1) * weight');
  });
});
