/**
 * The demo province's scorecards: for every leaf of every reference scorecard template (T1, T2 here; T3,
 * T10, T11, T12, T20 in ./scorecards-more.ts) where its data come from and how a subject's values are drawn
 * (./scorecard-kit.ts). The templates themselves are reference data: reference/templates/*.json.
 */
import {
  clamp,
  fromAssets,
  fromAudit,
  fromBudgetSystem,
  fromDebt,
  fromFinalAccounts,
  fromFiscalReport,
  fromInspection,
  fromProcurement,
  fromSelfReport,
  fromStateCapital,
  fromStatistics,
  fromSupervision,
  gen,
  occurrences,
  pct,
  qualitativeOf,
  r1,
  r2,
  type DemoScorecard,
  type LeafGenerator,
  type SubjectContext,
} from './scorecard-kit.ts';
import {
  FINANCE_DIVISION_SCORECARD,
  FRUGALITY_SCORECARD,
  INVESTMENT_FUND_SCORECARD,
  REVENUE_SCORECARD,
  STATE_ASSETS_SCORECARD,
} from './scorecards-more.ts';

export {
  drawSubjectInputs,
  latentQualities,
  nextYearQuality,
  type DemoScorecard,
  type DrawnInput,
  type SubjectContext,
} from './scorecard-kit.ts';

// ---------------------------------------------------------------------------------------------------------
// 部门预算管理工作评价 (T2)
// ---------------------------------------------------------------------------------------------------------

const DEPARTMENT_GENERATORS: Readonly<Record<string, LeafGenerator>> = {
  A1: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(86 + 16 * q + rng.normal(0, 2)) })),
  A2: gen('budget_system', fromBudgetSystem, (q, rng) => ({
    actual: pct(q > 0.55 ? 100 : 84 + 18 * q + rng.normal(0, 3)),
  })),
  A3: gen('budget_system', fromBudgetSystem, (q, rng) => ({
    actual: r1(clamp(12 - 10 * q + rng.normal(0, 1.5), 0.5, 30)),
  })),
  A4: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(62 + 34 * q + rng.normal(0, 4)) })),
  A5: qualitativeOf('inspection', (ctx) => `省财政厅${ctx.year}年度部门预算审核意见`),
  B1: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(78 + 22 * q + rng.normal(0, 3)) })),
  B2: gen('budget_system', fromFinalAccounts, (q, rng) => ({
    actual: r1(clamp(11 - 9 * q + rng.normal(0, 1.2), 0.3, 20)),
  })),
  B3: gen('budget_system', fromBudgetSystem, (q, rng) => ({
    actual: clamp(Math.round(4 * q + rng.normal(0, 0.7)), 0, 4),
  })),
  B4: gen('budget_system', fromFinalAccounts, (q, rng) => ({
    actual: r2(clamp(4.5 - 3.8 * q + rng.normal(0, 0.5), 0.1, 12)),
  })),
  B5: gen('budget_system', fromBudgetSystem, (q, rng) => ({
    actual: pct(82 + 18 * q + rng.normal(0, 3)),
    target: rng.pick([90, 95, 100]),
  })),
  B6: gen('budget_system', fromFinalAccounts, (q, rng) => ({
    actual: r1(clamp(-8 + 12 * (1 - q) + rng.normal(0, 3), -20, 15)),
  })),
  C1: qualitativeOf('inspection', (ctx) => `省财政厅绩效管理处${ctx.year}年度绩效目标审核意见`),
  C2: gen('budget_system', fromBudgetSystem, (q, rng) => ({
    actual: pct(q > 0.5 ? 100 : 80 + 30 * q + rng.normal(0, 3)),
  })),
  C3: gen('self_report', fromSelfReport, (q, rng) => ({
    actual: pct(q > 0.4 ? 100 : 85 + 30 * q + rng.normal(0, 3)),
  })),
  C4: gen('self_report', fromSelfReport, (q, rng) => {
    const due = rng.int(0, 12);
    return { due, done: Math.min(due, Math.round(due * clamp(q + 0.25 + rng.normal(0, 0.1), 0, 1))) };
  }),
  C5: qualitativeOf('self_report', fromSelfReport),
  D1: gen('budget_system', fromAssets, (q, rng) => ({ actual: pct(93 + 8 * q + rng.normal(0, 1)) })),
  D2: gen('budget_system', fromAssets, (q, rng) => ({
    actual: r2(clamp(1.7 - 0.6 * q + rng.normal(0, 0.08), 0.8, 2.5)),
  })),
  D3: gen('self_report', fromAssets, (q, rng) => ({ actual: pct(35 + 70 * q + rng.normal(0, 8)) })),
  E1: gen('budget_system', fromProcurement, (q, rng) => ({ actual: pct(75 + 28 * q + rng.normal(0, 3)) })),
  E2: gen('budget_system', fromProcurement, (q, rng) => ({
    actual: pct(q > 0.45 ? 100 : 78 + 40 * q + rng.normal(0, 3)),
  })),
  E3: gen('budget_system', fromProcurement, (q, rng) => ({ actual: pct(18 + 30 * q + rng.normal(0, 5)) })),
  F1: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 1.6) })),
  F2: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 1.0, 2.5) })),
  F3: gen('inspection', fromInspection, (q, rng) => ({ count: occurrences(rng, q, 2.5) })),
  F4: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 0.8, 2) })),
  F5: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 1.2, 2) })),
  F6: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 1.0, 2) })),
};

export const DEPARTMENT_BUDGET_SCORECARD: DemoScorecard = {
  code: 'department-budget-management',
  subjects: 'departments',
  qualityRange: [0.16, 0.84],
  generators: DEPARTMENT_GENERATORS,
};

// ---------------------------------------------------------------------------------------------------------
// 市县财政高质量发展评价 (T1)
// ---------------------------------------------------------------------------------------------------------

const PER_CAPITA_BASE: Readonly<Record<string, number>> = { prefecture: 4800, county: 2300, district: 3200 };
const SELF_RELIANCE_BASE: Readonly<Record<string, number>> = { prefecture: 42, county: 24, district: 30 };
/** The province's average growth of tax revenue over the cities and counties (省财政厅通报). */
const PROVINCE_TAX_GROWTH: Readonly<Record<number, number>> = { 2024: 3.1, 2025: 3.6, 2026: 4.3 };

/** State capital inputs are null (不适用) where the division runs no state capital budget. */
function stateCapital(draw: LeafGenerator['draw']): LeafGenerator['draw'] {
  return (q, rng, ctx, leaf) => {
    const values = draw(q, rng, ctx, leaf);
    return ctx.noStateCapital ? Object.fromEntries(Object.keys(values).map((k) => [k, null])) : values;
  };
}
const noStateCapital = (ctx: SubjectContext) => `${ctx.name}未编制国有资本经营预算，本指标不适用`;
const capital = (source: LeafGenerator['source'], draw: LeafGenerator['draw']) =>
  gen(source, fromStateCapital, stateCapital(draw), { notApplicable: noStateCapital });

const COUNTY_GENERATORS: Readonly<Record<string, LeafGenerator>> = {
  A1: gen('statistics', fromStatistics, (q, rng) => ({ actual: r1(-5 + 14 * q + rng.normal(0, 2)) })),
  A2: gen('budget_system', fromFiscalReport, (q, rng) => ({ actual: pct(50 + 30 * q + rng.normal(0, 4)) })),
  A3: gen('statistics', fromStatistics, (q, rng, ctx) => ({
    actual: Math.round(
      (PER_CAPITA_BASE[ctx.level] ?? 3000) * (0.55 + 0.9 * q) * Math.exp(rng.normal(0, 0.15)),
    ),
  })),
  A4: gen('budget_system', fromFiscalReport, (q, rng, ctx) => ({
    actual: r1(clamp((SELF_RELIANCE_BASE[ctx.level] ?? 30) * (0.6 + 0.8 * q) + rng.normal(0, 3), 5, 95)),
  })),
  // the complement of A2 (tax + non-tax = 100%): drawn from A2's stream
  A5: gen(
    'budget_system',
    fromFiscalReport,
    (q, rng) => ({ actual: r1(100 - pct(50 + 30 * q + rng.normal(0, 4))) }),
    { rngKey: 'A2' },
  ),
  A6: gen(
    'statistics',
    (ctx) =>
      `${ctx.name}${ctx.year}年财政决算；省财政厅《${ctx.year}年全省市县财政收支情况通报》（全省平均增幅）`,
    (q, rng, ctx) => ({
      growth: r1(-2 + 12 * q + rng.normal(0, 2.5)),
      avg: PROVINCE_TAX_GROWTH[ctx.year] ?? 4,
    }),
  ),
  B1: gen('budget_system', fromFiscalReport, (q, rng) => ({ actual: pct(84 + 15 * q + rng.normal(0, 2)) })),
  B2: gen('budget_system', fromFiscalReport, (q, rng) => ({
    actual: q > 0.25 ? 100 : pct(90 + 30 * q + rng.normal(0, 1.5)),
  })),
  B3: gen(
    'budget_system',
    (ctx) => `国库集中收付系统${ctx.year}年各月库款余额数据`,
    (q, rng) => ({ actual: r2(clamp(0.15 + 0.95 * q + rng.normal(0, 0.12), 0.05, 1.8)) }),
  ),
  B4: gen(
    'budget_system',
    (ctx) => `直达资金监控系统${ctx.year}年12月末数据`,
    (q, rng) => ({ actual: pct(80 + 20 * q + rng.normal(0, 3)), target: rng.pick([95, 100]) }),
  ),
  B5: qualitativeOf(
    'inspection',
    (ctx) => `省财政厅绩效管理处对${ctx.name}${ctx.year}年度预算绩效管理工作考核意见`,
  ),
  B6: gen('budget_system', fromFiscalReport, (q, rng) => ({ actual: pct(55 + 45 * q + rng.normal(0, 6)) })),
  B7: gen('budget_system', fromFiscalReport, (q, rng) => ({
    actual: r1(clamp(1 + 6 * q + rng.normal(0, 1), 0, 12)),
  })),
  C1: capital('statistics', (q, rng) => ({ actual: r1(95 + 12 * q + rng.normal(0, 1.5)) })),
  C2: capital('budget_system', (q, rng) => ({ actual: r1(clamp(15 + 20 * q + rng.normal(0, 3), 0, 50)) })),
  C3: capital('budget_system', (q, rng) => ({ actual: r1(clamp(18 + 16 * q + rng.normal(0, 3), 0, 50)) })),
  C4: capital('statistics', (q, rng) => ({ actual: r1(clamp(80 - 22 * q + rng.normal(0, 4), 30, 95)) })),
  D1: gen(
    'inspection',
    (ctx) => `省财政厅${ctx.year}年度地方预决算公开情况检查通报`,
    (q, rng) => ({ count: occurrences(rng, q, 2.2) }),
  ),
  D2: gen(
    'budget_system',
    (ctx) => `省财政厅${ctx.year}年度财政数据报送质量通报`,
    (q, rng) => ({ count: occurrences(rng, q, 3) }),
  ),
  D3: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 1.2, 2) })),
  E1: gen('budget_system', fromDebt, (q, rng) => {
    const x = q + rng.normal(0, 0.08);
    return { count: x > 0.55 ? 0 : x > 0.35 ? 1 : x > 0.15 ? 2 : 3 };
  }),
  E2: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 0.6, 3) })),
  E3: gen(
    'supervision',
    (ctx) => `省财政厅县级“三保”运行监控系统${ctx.year}年度预警记录`,
    (q, rng) => ({ count: occurrences(rng, q, 0.8, 2.5) }),
  ),
  F1: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 2.5) })),
  F2: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 2) })),
  F3: gen('inspection', fromInspection, (q, rng) => ({ count: occurrences(rng, q, 0.4, 3) })),
};

export const COUNTY_FISCAL_SCORECARD: DemoScorecard = {
  code: 'county-fiscal-high-quality',
  subjects: 'divisions',
  qualityRange: [0.25, 0.86],
  generators: COUNTY_GENERATORS,
};

/** Every scorecard of the demo province, in the order they are seeded. */
export const DEMO_SCORECARDS: readonly DemoScorecard[] = [
  DEPARTMENT_BUDGET_SCORECARD,
  COUNTY_FISCAL_SCORECARD,
  FINANCE_DIVISION_SCORECARD,
  INVESTMENT_FUND_SCORECARD,
  STATE_ASSETS_SCORECARD,
  REVENUE_SCORECARD,
  FRUGALITY_SCORECARD,
];

/** The scorecard generators of a template code, if the demo fills it in. */
export function demoScorecard(code: string): DemoScorecard | undefined {
  return DEMO_SCORECARDS.find((c) => c.code === code);
}
