import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPpm,
  compileRules,
  CONSEQUENCE_ACTION_ORDER,
  proposeAmounts,
  proposeConsequences,
  type CompiledRules,
  type ConsequenceSubject,
} from './propose.ts';
import { parseRuleSet, type ConsequenceRuleSet } from './rules.ts';

const PROVINCE_RULES: ConsequenceRuleSet = {
  targetYearOffset: 1,
  rules: [
    {
      id: 'county-top',
      label: '市县排名前10%，增加下年转移支付5%',
      subjectKinds: ['division'],
      when: { rankTop: { percent: 10 } },
      action: 'reward',
      ratio: 0.05,
      base: 'transfer_payments',
    },
    {
      id: 'county-poor',
      label: '市县评价为差，扣减下年转移支付10%',
      subjectKinds: ['division'],
      when: { grades: ['poor'] },
      action: 'cut',
      ratio: 0.1,
      base: 'transfer_payments',
    },
    {
      id: 'dept-fair',
      label: '部门评价为中，压减下年预算5%',
      subjectKinds: ['department'],
      when: { grades: ['fair'] },
      action: 'cut',
      ratio: 0.05,
      base: 'department_budget',
    },
    {
      id: 'dept-low',
      label: '部门评价为低，压减下年预算10%',
      subjectKinds: ['department'],
      when: { grades: ['low'] },
      action: 'cut',
      ratio: 0.1,
      base: 'department_budget',
    },
    {
      id: 'dept-poor',
      label: '部门评价为差，取消以后年度预算并提请追责问责',
      subjectKinds: ['department'],
      when: { grades: ['poor'] },
      action: 'cancel',
      base: 'department_budget',
      accountability: true,
    },
    {
      id: 'dept-excellent',
      label: '部门评价为优，下年预算优先保障',
      subjectKinds: ['department'],
      when: { grades: ['excellent'] },
      action: 'priority',
    },
  ],
};

const compiled = (set: unknown = PROVINCE_RULES): CompiledRules => {
  const c = compileRules(set);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};

const county = (i: number, grade: string, rank: number | null, tp: number | null): ConsequenceSubject => ({
  subjectId: `c${i}`,
  kind: 'division',
  grade,
  rank,
  bases: { transfer_payments: tp },
});
const dept = (i: number, grade: string, rank: number | null, budget: number | null): ConsequenceSubject => ({
  subjectId: `d${i}`,
  kind: 'department',
  grade,
  rank,
  bases: { department_budget: budget },
});

describe('applyPpm (integer fen, half away from zero)', () => {
  it.each([
    [10, 50_000, 1], // 0.5 fen → 1
    [9, 50_000, 0], // 0.45 → 0
    [30, 50_000, 2], // 1.5 → 2
    [1_000_000_000, 100_000, 100_000_000],
    [123_456_789, 333_333, 41_152_222], // 41152222.2
    [9_007_199_254_740_991, 1_000_000, 9_007_199_254_740_991],
    [9_007_199_254_740_991, 500_000, 4_503_599_627_370_496], // .5 rounds up
    [0, 700_000, 0],
  ])('%d × %d ppm = %d', (base, ppm, expected) => {
    expect(applyPpm(base, ppm)).toBe(expected);
  });
});

describe('proposeConsequences (T1, T2, T21)', () => {
  // 20 counties: the top 10% are ranks 1–2.
  const counties = [
    county(1, 'excellent', 1, 500_000_000),
    county(2, 'excellent', 2, 300_000_001),
    county(3, 'good', 3, 400_000_000),
    ...Array.from({ length: 16 }, (_, k) => county(4 + k, 'fair', 4 + k, 100_000_000)),
    county(20, 'poor', 20, 250_000_005),
  ];
  const departments = [
    dept(1, 'excellent', 1, 800_000_000),
    dept(2, 'fair', 2, 1_000_000_000),
    dept(3, 'low', 3, 123_456_789),
    dept(4, 'poor', 4, 50_000_000),
    dept(5, 'incomplete', null, 70_000_000),
    dept(6, 'low', 5, null),
  ];

  const rows = proposeConsequences(compiled(), [...counties, ...departments], {
    targetYear: 2027,
    gradeLabel: (g) =>
      ({
        excellent: { zh: '优', en: 'Excellent' },
        good: { zh: '良', en: 'Good' },
        fair: { zh: '中', en: 'Fair' },
        low: { zh: '低', en: 'Low' },
        poor: { zh: '差', en: 'Poor' },
      })[g] ?? { zh: g, en: g },
  });
  const by = new Map(rows.map((r) => [r.subjectId, r]));

  it.each([
    // subject, action, proposedFen, referral, rule ids
    ['c1', 'reward', 25_000_000, false, ['county-top']],
    ['c2', 'reward', 15_000_000, false, ['county-top']], // 15,000,000.05 → 15,000,000
    ['c3', 'none', 0, false, []],
    ['c20', 'cut', -25_000_001, false, ['county-poor']], // 25,000,000.5 → 25,000,001 (half away from zero)
    ['d1', 'priority', 0, false, ['dept-excellent']],
    ['d2', 'cut', -50_000_000, false, ['dept-fair']],
    ['d3', 'cut', -12_345_679, false, ['dept-low']], // 12,345,678.9
    ['d4', 'cancel', -50_000_000, true, ['dept-poor']],
    ['d5', 'none', 0, false, []],
    ['d6', 'none', 0, false, ['dept-low']], // no base data: 0, to be confirmed by hand
  ] as const)('%s → %s %d', (id, action, fen, referral, ruleIds) => {
    const r = by.get(id)!;
    expect(r.action).toBe(action);
    expect(r.proposedFen).toBe(fen);
    expect(r.accountability).toBe(referral);
    expect(r.applied.map((a) => a.ruleId)).toEqual(ruleIds);
  });

  it('explains which rule, grade or rank, base and ratio produced each amount', () => {
    expect(by.get('c1')!.explanation.zh).toBe(
      '规则“市县排名前10%，增加下年转移支付5%”：排名第1名，共20名，位列前2名（前10%） → 增加 5% × 基数转移支付 500.00万元 = +25.00万元',
    );
    expect(by.get('d3')!.explanation.zh).toContain('等次为“低”');
    expect(by.get('d3')!.explanation.zh).toContain(
      '压减 10% × 基数部门下年度项目预算（2027年度） 123.46万元',
    );
    expect(by.get('d4')!.explanation.zh).toContain('取消以后年度预算');
    expect(by.get('d4')!.explanation.zh).toContain('追责问责');
    expect(by.get('d5')!.explanation.zh).toContain('数据不全');
    expect(by.get('d6')!.explanation.zh).toContain('缺少部门下年度项目预算');
    expect(by.get('c3')!.explanation.en).toContain('no rule applies');
  });

  it('adds up several matching rules and never cuts more than the base', () => {
    const set = compiled({
      targetYearOffset: 1,
      rules: [
        { id: 'a', label: '差扣80%', when: { grades: ['poor'] }, action: 'cut', ratio: 0.8 },
        { id: 'b', label: '后1名扣50%', when: { rankBottom: { count: 1 } }, action: 'cut', ratio: 0.5 },
        { id: 'c', label: '后1名再奖1%', when: { rankBottom: { count: 1 } }, action: 'reward', ratio: 0.01 },
      ],
    });
    const [r] = proposeConsequences(set, [county(1, 'poor', 1, 1_000)]);
    expect(r!.applied.map((a) => a.amountFen)).toEqual([-800, -500, 10]);
    expect(r!.proposedFen).toBe(-1_000);
    expect(r!.explanation.zh).toContain('压减不超过基数');
  });

  it('reads the legacy grade map of the first reference data', () => {
    const legacy = {
      excellent: { action: 'priority' },
      good: { action: 'as_needed' },
      fair: { action: 'cut', ratio: 0.1 },
      low: { action: 'cut', ratio: 0.2 },
      poor: { action: 'cancel', accountability: true },
    };
    const rows2 = proposeConsequences(compiled(legacy), [
      dept(1, 'low', 1, 1_000_000),
      county(2, 'fair', 2, 2_000_000),
      county(3, 'poor', 3, 3_000_000),
    ]);
    expect(rows2.map((r) => r.proposedFen)).toEqual([-200_000, -200_000, -3_000_000]);
    expect(rows2[0]!.baseKind).toBe('department_budget');
    expect(rows2[1]!.baseKind).toBe('transfer_payments');
    expect(rows2[2]!.accountability).toBe(true);
  });

  it('proposeAmounts gives the same amounts as proposeConsequences', () => {
    const all = [...counties, ...departments];
    const amounts = proposeAmounts(compiled(), all);
    expect([...amounts.proposedFen]).toEqual(rows.map((r) => r.proposedFen));
    expect([...amounts.action].map((a) => CONSEQUENCE_ACTION_ORDER[a])).toEqual(rows.map((r) => r.action));
    expect(amounts.totalFen).toBe(rows.reduce((s, r) => s + r.proposedFen, 0));
  });
});

describe('parseRuleSet', () => {
  it('lists every problem at once', () => {
    const r = parseRuleSet({
      targetYearOffset: 9,
      rules: [
        { id: 'x', label: '', when: {}, action: 'cut' },
        { id: 'x', label: 'ok', when: { grades: [] }, action: 'explode', ratio: 1.5 },
        {
          id: 'y y',
          label: 'ok',
          when: { rankTop: { percent: 10, count: 2 } },
          action: 'reward',
          ratio: 0.1,
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    const paths = (r.error.details as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual([
      'targetYearOffset',
      'rules[0].label',
      'rules[0].ratio',
      'rules[0].when',
      'rules[1].id',
      'rules[1].action',
      'rules[1].ratio',
      'rules[1].when.grades',
      'rules[1].when',
      'rules[2].id',
      'rules[2].when.rankTop',
      'rules[2].when',
    ]);
  });

  it('accepts the province default', () => {
    expect(parseRuleSet(PROVINCE_RULES)).toEqual({ ok: true, value: expect.objectContaining({}) });
  });
});

describe('properties', () => {
  const grades = ['excellent', 'good', 'fair', 'low', 'poor', 'incomplete'];
  const subjectArb = fc.record({
    kind: fc.constantFrom('division', 'department'),
    grade: fc.constantFrom(...grades),
    tp: fc.option(fc.integer({ min: 0, max: 1e15 }), { nil: null }),
    db: fc.option(fc.integer({ min: 0, max: 1e15 }), { nil: null }),
  });
  const ruleArb = fc.record({
    grades: fc.option(fc.subarray(grades, { minLength: 1 }), { nil: undefined }),
    top: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    action: fc.constantFrom('reward', 'cut', 'cancel', 'priority', 'none'),
    ppm: fc.integer({ min: 0, max: 1_000_000 }),
    base: fc.constantFrom('transfer_payments', 'department_budget', 'auto'),
  });

  it('a cut never exceeds the base, amounts are integers, rewards stay within ratio × base', () => {
    fc.assert(
      fc.property(
        fc.array(subjectArb, { minLength: 1, maxLength: 40 }),
        fc.array(ruleArb, { minLength: 1, maxLength: 6 }),
        (subjects, rules) => {
          const set = {
            targetYearOffset: 1,
            rules: rules.map((r, i) => ({
              id: `r${i}`,
              label: `规则${i}`,
              when: {
                ...(r.grades ? { grades: r.grades } : {}),
                ...(r.top !== undefined || !r.grades ? { rankTop: { percent: r.top ?? 50 } } : {}),
              },
              action: r.action,
              ratio: r.ppm / 1_000_000,
              base: r.base,
            })),
          };
          const c = compileRules(set);
          expect(c.ok).toBe(true);
          if (!c.ok) return;
          let rank = 0;
          const input: ConsequenceSubject[] = subjects.map((s, i) => ({
            subjectId: `s${i}`,
            kind: s.kind,
            grade: s.grade,
            rank: s.grade === 'incomplete' ? null : ++rank,
            bases: { transfer_payments: s.tp, department_budget: s.db },
          }));
          const out = proposeConsequences(c.value, input);
          const amounts = proposeAmounts(c.value, input);
          out.forEach((p, i) => {
            const s = input[i]!;
            const baseTotal = (s.bases.transfer_payments ?? 0) + (s.bases.department_budget ?? 0);
            expect(Number.isSafeInteger(p.proposedFen)).toBe(true);
            expect(p.proposedFen).toBeGreaterThanOrEqual(-baseTotal);
            for (const a of p.applied) {
              expect(Number.isSafeInteger(a.amountFen)).toBe(true);
              if (a.action === 'cut' || a.action === 'cancel')
                expect(-a.amountFen).toBeLessThanOrEqual(a.baseFen ?? 0);
              if (a.action === 'reward') expect(a.amountFen).toBeLessThanOrEqual(a.baseFen ?? 0);
            }
            expect(amounts.proposedFen[i]).toBe(p.proposedFen);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rounds half away from zero like exact decimal arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (base, ppm) => {
          const exact = BigInt(base) * BigInt(ppm);
          const q = exact / 1_000_000n;
          const r = exact % 1_000_000n;
          const expected = Number(r * 2n >= 1_000_000n ? q + 1n : q);
          expect(applyPpm(base, ppm)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('speed (prints, does not assert)', () => {
  it('proposes for 10,000 subjects', () => {
    const subjects: ConsequenceSubject[] = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0
        ? county(i, ['excellent', 'good', 'fair', 'low', 'poor'][i % 5]!, i + 1, 100_000_000 + i)
        : dept(i, ['excellent', 'good', 'fair', 'low', 'poor'][i % 5]!, i + 1, 200_000_000 + i),
    );
    const c = compiled();
    proposeAmounts(c, subjects);
    const t0 = performance.now();
    const a = proposeAmounts(c, subjects);
    const t1 = performance.now();
    proposeConsequences(c, subjects);
    const t2 = performance.now();
    console.log(
      `consequences: 10,000 subjects — amounts ${(t1 - t0).toFixed(2)} ms, with explanations ${(t2 - t1).toFixed(2)} ms (total ${a.totalFen} fen)`,
    );
    expect(a.proposedFen.length).toBe(10_000);
  });
});
