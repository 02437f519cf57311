/**
 * The demo's scorecards beyond T1/T2 — 财政系统内部管理 (T3), 政府投资基金 (T10), 国有资产资源 (T11),
 * 政府收入 (T12), 过紧日子 (T20) — and the subjects they score that are not organizations or divisions:
 * government investment funds, asset classes and revenue items.
 */
import {
  achievements,
  clamp,
  fromAssets,
  fromAudit,
  fromBudgetSystem,
  fromFinalAccounts,
  fromInspection,
  fromSelfReport,
  fromStateCapital,
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

// ---------------------------------------------------------------------------------------------------------
// Subjects that are not organizations or divisions
// ---------------------------------------------------------------------------------------------------------

/** Government investment funds (政府投资基金): the province's guidance funds' sub-funds and each city's fund.
 * `dept` is the managing provincial department (dept_code); city funds are managed by the finance bureau. */
export const DEMO_FUNDS: readonly {
  readonly code: string;
  readonly name: string;
  readonly division: string;
  readonly dept: string | null;
}[] = [
  { code: 'JJ-CY-QC', name: '吉林省产业投资引导基金·汽车产业子基金', division: '220000', dept: '113' },
  { code: 'JJ-CY-SH', name: '吉林省产业投资引导基金·石化新材料子基金', division: '220000', dept: '113' },
  { code: 'JJ-CY-XNY', name: '吉林省产业投资引导基金·新能源产业子基金', division: '220000', dept: '113' },
  { code: 'JJ-CY-YY', name: '吉林省产业投资引导基金·医药健康产业子基金', division: '220000', dept: '113' },
  { code: 'JJ-CY-SZ', name: '吉林省产业投资引导基金·数字经济子基金', division: '220000', dept: '113' },
  { code: 'JJ-CY-BX', name: '吉林省产业投资引导基金·冰雪旅游产业子基金', division: '220000', dept: '129' },
  { code: 'JJ-CY-ZB', name: '吉林省产业投资引导基金·先进装备制造子基金', division: '220000', dept: '113' },
  { code: 'JJ-KC-ZZ', name: '吉林省科技创新创业投资基金·种子基金', division: '220000', dept: '112' },
  { code: 'JJ-KC-TS', name: '吉林省科技创新创业投资基金·天使投资子基金', division: '220000', dept: '112' },
  {
    code: 'JJ-KC-CG',
    name: '吉林省科技创新创业投资基金·科技成果转化子基金',
    division: '220000',
    dept: '112',
  },
  { code: 'JJ-XC-RN', name: '吉林省乡村振兴产业投资基金·肉牛产业子基金', division: '220000', dept: '127' },
  { code: 'JJ-XC-RS', name: '吉林省乡村振兴产业投资基金·人参产业子基金', division: '220000', dept: '127' },
  { code: 'JJ-CC', name: '长春市产业发展投资引导基金', division: '220100', dept: null },
  { code: 'JJ-JL', name: '吉林市产业引导基金', division: '220200', dept: null },
  { code: 'JJ-SP', name: '四平市产业投资引导基金', division: '220300', dept: null },
  { code: 'JJ-LY', name: '辽源市产业发展基金', division: '220400', dept: null },
  { code: 'JJ-TH', name: '通化市医药健康产业投资基金', division: '220500', dept: null },
  { code: 'JJ-BS', name: '白山市绿色转型发展基金', division: '220600', dept: null },
  { code: 'JJ-SY', name: '松原市产业投资引导基金', division: '220700', dept: null },
  { code: 'JJ-BC', name: '白城市新能源产业投资基金', division: '220800', dept: null },
  { code: 'JJ-YB', name: '延边州产业发展引导基金', division: '222400', dept: null },
];

/** The three asset classes of T11, scored in the province and every city (prefecture) and 长白山. */
export const DEMO_ASSET_CLASSES: readonly {
  readonly code: string;
  readonly name: string;
  readonly assetClass: 'admin' | 'enterprise' | 'natural';
}[] = [
  { code: 'ZC-XZSY', name: '行政事业性资产', assetClass: 'admin' },
  { code: 'ZC-QY', name: '企业国有资产', assetClass: 'enterprise' },
  { code: 'ZC-ZRZY', name: '自然资源资产', assetClass: 'natural' },
];

/** Revenue items of T12 (地方主体税种, 大额非税, 土地出让), in the province and every city and 长白山. */
export const DEMO_REVENUE_ITEMS: readonly {
  readonly code: string;
  readonly name: string;
  readonly kind: 'tax' | 'nontax' | 'land';
}[] = [
  { code: 'SR-ZZS', name: '增值税（地方分享部分）', kind: 'tax' },
  { code: 'SR-QYSDS', name: '企业所得税（地方分享部分）', kind: 'tax' },
  { code: 'SR-GRSDS', name: '个人所得税（地方分享部分）', kind: 'tax' },
  { code: 'SR-QS', name: '契税', kind: 'tax' },
  { code: 'SR-CZTDSYS', name: '城镇土地使用税', kind: 'tax' },
  { code: 'SR-GYZY', name: '国有资源（资产）有偿使用收入', kind: 'nontax' },
  { code: 'SR-XZSF', name: '行政事业性收费收入', kind: 'nontax' },
  { code: 'SR-TDCR', name: '国有土地使用权出让收入', kind: 'land' },
];

// ---------------------------------------------------------------------------------------------------------
// 财政系统内部管理评价 (T3): the finance department's 处室
// ---------------------------------------------------------------------------------------------------------

const fromDepartmentPlan = (ctx: SubjectContext) =>
  `省财政厅${ctx.year}年度重点工作台账及${ctx.name}年度工作总结`;
const fromPerformanceDivision = (ctx: SubjectContext) =>
  `省财政厅绩效管理处${ctx.year}年度处室绩效管理工作考核记录（${ctx.name}）`;
const noSectors = (ctx: SubjectContext) => `${ctx.name}无对口预算部门，本指标不适用`;
const sectorOnly =
  (draw: LeafGenerator['draw']): LeafGenerator['draw'] =>
  (q, rng, ctx, leaf) => {
    const values = draw(q, rng, ctx, leaf);
    return ctx.noSectors ? Object.fromEntries(Object.keys(values).map((k) => [k, null])) : values;
  };

const FINANCE_DIVISION_GENERATORS: Readonly<Record<string, LeafGenerator>> = {
  A1: gen('budget_system', fromBudgetSystem, (q, rng) => ({
    actual: pct(q > 0.6 ? 100 : 70 + 45 * q + rng.normal(0, 4)),
  })),
  A2: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(82 + 20 * q + rng.normal(0, 3)) })),
  A3: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(88 + 14 * q + rng.normal(0, 2)) })),
  A4: qualitativeOf('inspection', fromDepartmentPlan),
  B1: gen(
    'budget_system',
    fromBudgetSystem,
    sectorOnly((q, rng) => ({ actual: pct(78 + 20 * q + rng.normal(0, 3)) })),
    { notApplicable: noSectors },
  ),
  B2: gen('budget_system', fromBudgetSystem, (q, rng) => ({
    actual: pct(q > 0.55 ? 100 : 78 + 35 * q + rng.normal(0, 3)),
  })),
  B3: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(80 + 22 * q + rng.normal(0, 4)) })),
  B4: gen('manual', fromPerformanceDivision, (q, rng) => ({ actual: pct(86 + 16 * q + rng.normal(0, 3)) })),
  C1: gen('manual', fromPerformanceDivision, (q, rng) => {
    const target = rng.int(2, 8);
    return {
      target,
      actual: Math.min(target, Math.round(target * clamp(0.45 + 0.7 * q + rng.normal(0, 0.1), 0, 1))),
    };
  }),
  C2: qualitativeOf('inspection', (ctx) => `省财政厅${ctx.year}年度财政评价报告专家复核意见（${ctx.name}）`),
  C3: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(60 + 45 * q + rng.normal(0, 6)) })),
  C4: gen('self_report', fromSelfReport, (q, rng) => {
    const due = rng.int(0, 15);
    return { due, done: Math.min(due, Math.round(due * clamp(q + 0.2 + rng.normal(0, 0.1), 0, 1))) };
  }),
  D1: gen(
    'supervision',
    fromSupervision,
    sectorOnly((q, rng) => ({ actual: pct(70 + 35 * q + rng.normal(0, 5)) })),
    { notApplicable: noSectors },
  ),
  D2: gen('audit', fromAudit, (q, rng) => ({ actual: r2(clamp(3.5 - 3 * q + rng.normal(0, 0.5), 0.1, 8)) })),
  D3: qualitativeOf('inspection', (ctx) => `省财政厅${ctx.year}年度内部控制考核结果（${ctx.name}）`),
  E1: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 1.0, 2) })),
  E2: gen('inspection', fromInspection, (q, rng) => ({ count: occurrences(rng, q, 1.2) })),
  E3: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 0.4, 3) })),
  F1: gen('manual', fromPerformanceDivision, (q, rng) => ({ count: achievements(rng, q, 1.2, 3) })),
  F2: gen('manual', fromPerformanceDivision, (q, rng) => ({ count: achievements(rng, q, 0.8, 3) })),
};

export const FINANCE_DIVISION_SCORECARD: DemoScorecard = {
  code: 'finance-division-internal',
  subjects: 'finance_divisions',
  qualityRange: [0.12, 0.86],
  generators: FINANCE_DIVISION_GENERATORS,
};

// ---------------------------------------------------------------------------------------------------------
// 政府投资基金绩效评价 (T10)
// ---------------------------------------------------------------------------------------------------------

const fromFundReport = (ctx: SubjectContext) => `${ctx.name}${ctx.year}年度运行报告及经审计的财务报表`;
const fromFundAudit = (ctx: SubjectContext, rng: SubjectRng) =>
  `第三方机构${ctx.year}年度基金绩效评价工作底稿（编号JJPJ-${ctx.year}-${String(rng.int(1, 99)).padStart(2, '0')}）`;
type SubjectRng = Parameters<LeafGenerator['evidence']>[1];

const FUND_GENERATORS: Readonly<Record<string, LeafGenerator>> = {
  A1: gen('self_report', fromFundReport, (q, rng) => ({
    actual: r2(clamp(0.6 + 1.6 * q + rng.normal(0, 0.2), 0.2, 3)),
  })),
  A2: gen('self_report', fromFundReport, (q, rng) => ({ actual: pct(35 + 40 * q + rng.normal(0, 6)) })),
  A3: gen('self_report', fromFundReport, (q, rng) => ({ actual: pct(35 + 60 * q + rng.normal(0, 8)) })),
  A4: qualitativeOf('inspection', fromFundAudit),
  B1: gen('self_report', fromFundReport, (q, rng) => ({
    actual: r1(clamp(1.5 + 4 * q + rng.normal(0, 0.4), 1, 8)),
  })),
  B2: gen('audit', fromFundAudit, (q, rng) => ({ actual: r1(-4 + 12 * q + rng.normal(0, 2)) })),
  B3: gen('statistics', fromFundReport, (q, rng) => ({ actual: r1(2 + 18 * q + rng.normal(0, 4)) })),
  B4: gen('self_report', fromFundReport, (q, rng) => {
    const target = rng.int(4, 40) * 50;
    return { target, actual: Math.round(target * clamp(0.5 + 0.7 * q + rng.normal(0, 0.1), 0.1, 1.6)) };
  }),
  B5: gen(
    'statistics',
    (ctx) => `国家知识产权局专利检索；${ctx.name}被投企业清单（${ctx.year}年）`,
    (q, rng) => {
      const target = rng.int(10, 60);
      return { target, actual: Math.round(target * clamp(0.4 + 0.8 * q + rng.normal(0, 0.12), 0, 1.8)) };
    },
  ),
  C1: gen('self_report', fromFundReport, (q, rng) => ({
    actual: pct(q > 0.5 ? 100 : 80 + 40 * q + rng.normal(0, 3)),
  })),
  C2: qualitativeOf('audit', fromFundAudit),
  C3: qualitativeOf('audit', fromFundAudit),
  C4: gen(
    'manual',
    (ctx) => `省财政厅基金管理系统${ctx.year}年度报送记录`,
    (q, rng) => ({
      actual: pct(85 + 18 * q + rng.normal(0, 3)),
    }),
  ),
  C5: gen('audit', fromFundReport, (q, rng) => ({
    actual: r2(clamp(2.6 - 1.2 * q + rng.normal(0, 0.2), 1, 3.5)),
  })),
  D1: gen('self_report', fromFundReport, (q, rng) => ({ count: achievements(rng, q, 3) })),
  D2: gen(
    'statistics',
    (ctx) => `证券交易所公告；${ctx.name}${ctx.year}年度投资项目退出情况`,
    (q, rng) => ({
      count: achievements(rng, q, 1.2, 3),
    }),
  ),
  D3: gen('self_report', fromFundReport, (q, rng) => ({ count: achievements(rng, q, 2) })),
  D4: gen('self_report', fromFundReport, (q, rng) => ({ count: achievements(rng, q, 4) })),
  E1: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 0.3, 3) })),
  E2: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 2) })),
};

export const INVESTMENT_FUND_SCORECARD: DemoScorecard = {
  code: 'investment-fund',
  subjects: 'funds',
  qualityRange: [0.1, 0.9],
  generators: FUND_GENERATORS,
};

// ---------------------------------------------------------------------------------------------------------
// 国有资产资源绩效评价 (T11), benchmarked against the national average
// ---------------------------------------------------------------------------------------------------------

/** National averages by asset class and year (utilisation %, return rate %): 国务院关于国有资产管理情况的
 * 综合报告 and 财政部 statistics. Utilisation: 在用资产占比 / 总资产周转率 / 已供应面积占比. */
const NATIONAL: Readonly<Record<string, { use: number; ret: number }>> = {
  admin: { use: 91.5, ret: 0.9 },
  enterprise: { use: 42, ret: 3.1 },
  natural: { use: 62, ret: 2.2 },
};
const national = (ctx: SubjectContext) => {
  const n = NATIONAL[ctx.assetClass ?? 'admin']!;
  const drift = ctx.year >= 2026 ? 1.02 : 1;
  return { use: r1(n.use * drift), ret: r2(n.ret * drift) };
};
const fromNational = (ctx: SubjectContext) =>
  `${ctx.divisionName ?? ''}${ctx.year}年度国有资产管理情况报告；全国平均值取自国务院关于${ctx.year - 1}年度国有资产管理情况的综合报告`;
const assetSource = (ctx: SubjectContext) =>
  ctx.assetClass === 'enterprise'
    ? fromStateCapital(ctx)
    : ctx.assetClass === 'natural'
      ? `${ctx.divisionName ?? ''}${ctx.year}年度自然资源资产负债表及自然资源统一确权登记数据`
      : fromAssets(ctx);

const STATE_ASSET_GENERATORS: Readonly<Record<string, LeafGenerator>> = {
  A1: gen('budget_system', assetSource, (q, rng) => ({
    actual: pct(q > 0.5 ? 100 : 88 + 25 * q + rng.normal(0, 2)),
  })),
  A2: qualitativeOf('inspection', (ctx) => `省财政厅资产管理处${ctx.year}年度资产配置预算审核意见`),
  A3: gen('budget_system', assetSource, (q, rng) => ({ actual: pct(93 + 8 * q + rng.normal(0, 1)) })),
  B1: gen('statistics', fromNational, (q, rng, ctx) => {
    const n = national(ctx);
    return { actual: r1(n.use * clamp(0.7 + 0.55 * q + rng.normal(0, 0.05), 0.4, 1.5)), target: n.use };
  }),
  B2: gen('budget_system', assetSource, (q, rng) => ({ actual: pct(20 + 70 * q + rng.normal(0, 8)) })),
  B3: gen('statistics', assetSource, (q, rng) => ({ actual: r1(-3 + 12 * q + rng.normal(0, 2)) })),
  B4: gen(
    'budget_system',
    assetSource,
    (q, rng, ctx) =>
      ctx.assetClass === 'natural' ? { actual: null } : { actual: pct(8 + 35 * q + rng.normal(0, 5)) },
    { notApplicable: (ctx) => `${ctx.name}不适用公物仓和共享平台调剂，本指标不适用` },
  ),
  C1: gen('statistics', fromNational, (q, rng, ctx) => {
    const n = national(ctx);
    return { rate: r2(n.ret * clamp(0.3 + 0.95 * q + rng.normal(0, 0.08), 0, 1.8)), national: n.ret };
  }),
  C2: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(85 + 16 * q + rng.normal(0, 2)) })),
  C3: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: r1(-6 + 16 * q + rng.normal(0, 3)) })),
  D1: qualitativeOf('audit', fromAudit),
  D2: gen(
    'inspection',
    (ctx) => `省财政厅${ctx.year}年度国有资产报告数据质量核查结果`,
    (q, rng) => ({
      actual: pct(90 + 12 * q + rng.normal(0, 2)),
    }),
  ),
  D3: gen('budget_system', assetSource, (q, rng) => ({ actual: pct(88 + 14 * q + rng.normal(0, 2)) })),
  E1: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 1.2, 2) })),
  E2: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 0.5, 3) })),
  E3: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 2) })),
};

export const STATE_ASSETS_SCORECARD: DemoScorecard = {
  code: 'state-assets',
  subjects: 'asset_classes',
  qualityRange: [0.12, 0.88],
  generators: STATE_ASSET_GENERATORS,
};

// ---------------------------------------------------------------------------------------------------------
// 政府收入绩效评价 (T12)
// ---------------------------------------------------------------------------------------------------------

const fromTaxBureau = (ctx: SubjectContext) =>
  ctx.revenueKind === 'tax'
    ? `国家税务总局${ctx.divisionName ?? ''}税务局${ctx.year}年度税收征管数据（金税系统）`
    : `${ctx.divisionName ?? ''}财政局${ctx.year}年度非税收入收缴系统数据`;
const fromRevenuePolicy = (ctx: SubjectContext) =>
  `${ctx.divisionName ?? ''}${ctx.year}年度${ctx.name}征收政策文件及合法性审查记录`;
const noRelief = (ctx: SubjectContext) => `${ctx.name}无减免类优惠政策，本指标不适用`;
const reliefOnly =
  (draw: LeafGenerator['draw']): LeafGenerator['draw'] =>
  (q, rng, ctx, leaf) => {
    const values = draw(q, rng, ctx, leaf);
    return ctx.revenueKind === 'land'
      ? Object.fromEntries(Object.keys(values).map((k) => [k, null]))
      : values;
  };
const collectionRate: LeafGenerator['draw'] = (q, rng) => ({ actual: pct(90 + 12 * q + rng.normal(0, 2)) });

const REVENUE_GENERATORS: Readonly<Record<string, LeafGenerator>> = {
  A1: qualitativeOf('inspection', fromRevenuePolicy),
  A2: gen('manual', fromRevenuePolicy, (q, rng) => ({
    actual: pct(q > 0.4 ? 100 : 80 + 45 * q + rng.normal(0, 3)),
  })),
  A3: qualitativeOf('inspection', fromRevenuePolicy),
  B1: gen('budget_system', fromTaxBureau, (q, rng) => {
    let r = 92 + 12 * q + rng.normal(0, 4);
    if (rng.chance(0.15)) r += 8; // targets set too low: large over-collection
    return { r: r1(clamp(r, 70, 130)) };
  }),
  B2: gen(
    'statistics',
    (ctx) => `${ctx.divisionName ?? ''}${ctx.year}年国民经济和社会发展统计公报；财政收入决算`,
    (q, rng) => ({
      e: r2(clamp(1 + rng.normal(0, 0.6 * (1 - q) + 0.1), -0.5, 2.5)),
    }),
  ),
  C1: gen(
    'budget_system',
    fromTaxBureau,
    reliefOnly((q, rng) => ({ actual: pct(85 + 18 * q + rng.normal(0, 3)) })),
    {
      notApplicable: noRelief,
    },
  ),
  C2: gen(
    'self_report',
    fromSelfReport,
    reliefOnly((q, rng) => ({ actual: pct(40 + 65 * q + rng.normal(0, 10)) })),
    {
      notApplicable: noRelief,
    },
  ),
  C3: gen(
    'inspection',
    (ctx) => `第三方机构${ctx.year}年度${ctx.name}优惠政策实施效果评估报告`,
    (q, rng, ctx, leaf) => {
      const v = qualitativeOf('inspection', () => null).draw(q, rng, ctx, leaf);
      return ctx.revenueKind === 'land' ? { level: null, score: null } : v;
    },
    { notApplicable: noRelief },
  ),
  D1: gen('budget_system', fromTaxBureau, collectionRate),
  D2: gen('budget_system', fromTaxBureau, (q, rng) => ({ actual: pct(30 + 60 * q + rng.normal(0, 10)) })),
  D3: gen('budget_system', fromFinalAccounts, (q, rng) => ({
    actual: r2(clamp(2.6 - 1.8 * q + rng.normal(0, 0.3), 0.4, 5)),
  })),
  D4: gen('budget_system', fromBudgetSystem, (q, rng) => ({ actual: pct(94 + 7 * q + rng.normal(0, 1.5)) })),
  // the same collection rate as D1, ranked among the peers
  D5: gen('budget_system', fromTaxBureau, collectionRate, { rngKey: 'D1' }),
  E1: gen('statistics', fromTaxBureau, (q, rng) => ({ actual: r1(-1.5 + 3.5 * q + rng.normal(0, 0.8)) })),
  E2: gen(
    'self_report',
    (ctx) => `${ctx.year}年度缴费主体满意度抽样调查（有效样本${ctx.name.length * 37 + 300}份）`,
    (q, rng) => ({
      actual: pct(78 + 20 * q + rng.normal(0, 3)),
    }),
  ),
  E3: qualitativeOf('inspection', (ctx) => `第三方机构${ctx.year}年度收入政策社会效益评估`),
  F1: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 0.3, 3) })),
  F2: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 0.8, 2) })),
  F3: gen('supervision', fromSupervision, (q, rng, ctx) => ({
    count: ctx.revenueKind === 'tax' ? 0 : occurrences(rng, q, 0.8, 2),
  })),
};

export const REVENUE_SCORECARD: DemoScorecard = {
  code: 'government-revenue',
  subjects: 'revenue_items',
  qualityRange: [0.12, 0.88],
  generators: REVENUE_GENERATORS,
};

// ---------------------------------------------------------------------------------------------------------
// 过紧日子评估 (T20): provincial departments
// ---------------------------------------------------------------------------------------------------------

const fromStaffing = (ctx: SubjectContext) => `省委编办${ctx.year}年度机构编制统计；${ctx.name}人员信息库`;
const fromStandards = (ctx: SubjectContext) =>
  `${ctx.name}${ctx.year}年度部门决算；省财政厅支出标准和定额（${ctx.year}年版）`;
const againstStandard =
  (standards: readonly number[], spread: number): LeafGenerator['draw'] =>
  (q, rng) => {
    const target = rng.pick(standards);
    return { target, actual: r2(target * clamp(1.3 - spread * q + rng.normal(0, 0.07), 0.6, 2)) };
  };

const FRUGALITY_GENERATORS: Readonly<Record<string, LeafGenerator>> = {
  A1: gen('statistics', fromStaffing, (q, rng) => ({
    actual: r1(clamp(22 - 16 * q + rng.normal(0, 3), 2, 40)),
  })),
  A2: gen('statistics', fromStaffing, (q, rng) => ({ actual: r1(6 - 10 * q + rng.normal(0, 3)) })),
  A3: gen('budget_system', fromFinalAccounts, (q, rng) => ({
    actual: r1(clamp(14 - 9 * q + rng.normal(0, 2), 2, 30)),
  })),
  B1: gen('budget_system', fromFinalAccounts, (q, rng) => ({ actual: r1(4 - 12 * q + rng.normal(0, 3)) })),
  B2: gen(
    'budget_system',
    fromStandards,
    (q, rng, ctx, leaf) =>
      rng.chance(0.15)
        ? { actual: null, target: null }
        : againstStandard([3.5, 4, 4.5], 0.4)(q, rng, ctx, leaf),
    { notApplicable: (ctx) => `${ctx.name}${ctx.year}年度未安排因公出国（境）团组，本指标不适用` },
  ),
  B3: gen('budget_system', fromStandards, againstStandard([2, 2.4, 2.8], 0.35)),
  B4: gen('budget_system', fromFinalAccounts, (q, rng) => ({ actual: r1(3 - 12 * q + rng.normal(0, 4)) })),
  C1: gen('budget_system', fromFinalAccounts, (q, rng) => ({
    actual: r1(clamp(0.5 + 7 * q + rng.normal(0, 1.2), -3, 12)),
  })),
  C2: gen('budget_system', fromStandards, againstStandard([0.9, 1.1, 1.3], 0.45)),
  C3: gen(
    'budget_system',
    (ctx) => `${ctx.name}办公用房使用情况核查（${ctx.year}年）`,
    againstStandard([9, 12, 18], 0.35),
  ),
  C4: gen('budget_system', fromFinalAccounts, (q, rng) => ({
    actual: r1(clamp(17 - 11 * q + rng.normal(0, 3), 2, 35)),
  })),
  D1: gen('budget_system', fromAssets, (q, rng) => ({
    actual: r2(clamp(1.65 - 0.55 * q + rng.normal(0, 0.08), 0.8, 2.4)),
  })),
  D2: gen('budget_system', fromAssets, (q, rng) => ({
    actual: r2(clamp(0.85 - 0.35 * q + rng.normal(0, 0.06), 0.3, 1.4)),
  })),
  D3: gen('budget_system', fromAssets, (q, rng) => ({ actual: pct(10 + 35 * q + rng.normal(0, 5)) })),
  E1: gen('audit', fromAudit, (q, rng) => ({ count: occurrences(rng, q, 0.2, 3) })),
  E2: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 0.5, 2.5) })),
  E3: gen('inspection', fromInspection, (q, rng) => ({ count: occurrences(rng, q, 0.5, 2.5) })),
  E4: gen('supervision', fromSupervision, (q, rng) => ({ count: occurrences(rng, q, 0.8, 2) })),
};

export const FRUGALITY_SCORECARD: DemoScorecard = {
  code: 'frugality',
  subjects: 'departments',
  qualityRange: [0.12, 0.88],
  generators: FRUGALITY_GENERATORS,
};
