/**
 * Demo projects (项目库): spread over the budget departments of every division and the six fund classes,
 * with realistic names, function classes, skewed amounts (50万元 to 5亿元, some above the 30,000,000-yuan
 * ex-ante gate), new/continuing/increase, investment flags, library status, multi-year amounts and budget
 * lines. Generated department by department from the department's own random stream.
 */
import type {
  budgetLines,
  budgetReviews,
  DimensionScore,
  exAnteAssessments,
  projectYearAmounts,
  projects,
} from '../schema.ts';
import { ARCHETYPES, SECTOR_FUNCTION_CODE, type Archetype } from './project-catalog.ts';
import type { Rng } from './rng.ts';
import { divisionLabel, type Department, type DivisionRow, type FundRow, type ScoredLevel } from './world.ts';

export type ProjectRow = typeof projects.$inferInsert & { id: string; mofDivCode: string };
export type YearAmountRow = typeof projectYearAmounts.$inferInsert;
export type BudgetLineRow = typeof budgetLines.$inferInsert;
export type BudgetReviewRow = typeof budgetReviews.$inferInsert;
export type ExAnteRow = typeof exAnteAssessments.$inferInsert;

/** What the self-evaluations need to know of a project. */
export interface ProjectSummary {
  readonly id: string;
  readonly mofDivCode: string;
  readonly proCode: string;
  readonly name: string;
  readonly archetype: number;
  readonly department: string;
  readonly unit: string;
  readonly createdBy: string | null;
  /** fen by fiscal year, for the years of the seeded range the project has money in. */
  readonly amounts: ReadonlyMap<number, number>;
  /** How well the project runs, 0 … 1. */
  readonly performance: number;
}

export interface GeneratedProjects {
  readonly projects: ProjectRow[];
  readonly yearAmounts: YearAmountRow[];
  readonly budgetLines: BudgetLineRow[];
  /** 预算评审 of every reviewed project, and the committee's 联合评审 of those above the gate. */
  readonly reviews: BudgetReviewRow[];
  /** 事前绩效评估 of the projects above the gate. */
  readonly assessments: ExAnteRow[];
  /** In-library projects (the ones that are executed and self-evaluated). */
  readonly summaries: ProjectSummary[];
}

export interface ProjectContext {
  readonly division: DivisionRow;
  readonly level: ScoredLevel;
  readonly department: Department;
  /** Funds of the division, by fiscal year. */
  readonly funds: readonly FundRow[];
  readonly yearFrom: number;
  readonly yearTo: number;
  /** 事前绩效评估 threshold in fen (region setting gate.ex_ante_assessment_min_fen). */
  readonly exAnteMinFen: number;
  readonly createdBy: string | null;
  /** Who decides reviews: the finance 处室 (province) or the local finance bureau. */
  readonly reviewer: string | null;
  /** The review committee's user (联合评审, 评估结论). */
  readonly committee: string | null;
  /** Third-party agencies that may do an ex-ante assessment. */
  readonly agencyIds: readonly string[];
}

const LEVEL_SIZE: Readonly<Record<ScoredLevel, number>> = {
  province: 2,
  prefecture: 0.8,
  county: 0.35,
  district: 0.3,
};

const MIN_WAN = 50;
const MAX_WAN = 50_000;
const WAN = 1_000_000; // fen in one 万元

/** Archetypes a department runs: its sectors' own, and the government-operation ones every department has
 * (those less often: most of a department's project money goes to its own sector). */
const archetypeCache = new Map<string, readonly (readonly [number, number])[]>();
function archetypesFor(department: Department, level: ScoredLevel): readonly (readonly [number, number])[] {
  const key = `${department.sectors.join(',')}/${level === 'province' ? 'p' : 'l'}`;
  let list = archetypeCache.get(key);
  if (!list) {
    const own = department.sectors.filter((s) => s !== 'general').length > 0;
    list = ARCHETYPES.flatMap((a, i) => {
      if (a.provinceOnly && level !== 'province') return [];
      if (a.sectors.some((s) => s !== 'general' && department.sectors.includes(s))) return [[i, 1] as const];
      return a.sectors.includes('general') ? [[i, own ? 0.25 : 1] as const] : [];
    });
    archetypeCache.set(key, list);
  }
  return list;
}

const FUNDING_WORDS = /(资金|经费|补贴|补助|投资)$/;

function projectName(a: Archetype, ctx: ProjectContext, startYear: number, rng: Rng): string {
  const place = ctx.level === 'province' ? '' : divisionLabel(ctx.division);
  if (FUNDING_WORDS.test(a.name)) return `${startYear}年${place}${a.name}`;
  const suffix = rng.weighted<string>([
    ['项目', 60],
    ['工程', a.investment ? 25 : 0],
    ['（一期）项目', a.multiYear ? 8 : 0],
    ['（二期）项目', a.multiYear ? 6 : 0],
    ['（续建）项目', 4],
  ]);
  return rng.chance(0.4) ? `${place}${startYear}年${a.name}${suffix}` : `${place}${a.name}${suffix}`;
}

/** Annual amount in 万元: log-normal around the archetype's median, scaled by the division's level. */
function annualWan(a: Archetype, level: ScoredLevel, rng: Rng): number {
  const wan = a.medianWan * LEVEL_SIZE[level] * Math.exp(rng.normal(0, 0.85));
  return Math.round(Math.min(MAX_WAN, Math.max(MIN_WAN, wan)) * 10) / 10;
}

type LineKind = 'build' | 'transfer' | 'operate';
/** 支出经济分类 (部门预算) lines by kind of project: [code, description, unit]. */
const ECONOMIC_LINES: Readonly<Record<LineKind, readonly (readonly [string, string, string])[]>> = {
  build: [
    ['31005', '基础设施建设', '项'],
    ['31006', '大型修缮', '项'],
    ['31003', '专用设备购置', '台套'],
    ['30227', '委托业务费（设计、监理、审计）', '项'],
  ],
  transfer: [
    ['30305', '生活补助', '人'],
    ['30399', '其他对个人和家庭的补助', '人次'],
    ['39999', '对下转移支付', '项'],
  ],
  operate: [
    ['30213', '维修（护）费', '项'],
    ['30226', '劳务费', '人月'],
    ['30227', '委托业务费', '项'],
    ['30201', '办公费', '项'],
    ['30216', '培训费', '人天'],
    ['30211', '差旅费', '人次'],
  ],
};

function budgetLinesFor(
  project: ProjectRow,
  a: Archetype,
  year: number,
  amountFen: number,
  rng: Rng,
): BudgetLineRow[] {
  const kind: LineKind = a.investment ? 'build' : FUNDING_WORDS.test(a.name) ? 'transfer' : 'operate';
  const pool = ECONOMIC_LINES[kind];
  const picks = rng.sample(pool, rng.int(2, Math.min(4, pool.length)));
  const shares = picks.map(() => rng.uniform(0.5, 1.5));
  const sum = shares.reduce((s, x) => s + x, 0);
  let left = amountFen;
  return picks.map(([code, description, unit], i) => {
    const last = i === picks.length - 1;
    const amount = last ? left : Math.round((amountFen * shares[i]!) / sum / 100_000) * 100_000;
    left -= amount;
    const quantity = unit === '项' ? 1 : Math.max(1, Math.round(amount / rng.uniform(200_000, 2_000_000)));
    const unitCost = Math.round(amount / quantity);
    return {
      id: rng.uuid(),
      mofDivCode: project.mofDivCode,
      fiscalYear: year,
      projectId: project.id,
      economicClassCode: code,
      description,
      quantity,
      unit,
      unitCostFen: unitCost,
      amountFen: amount,
      standardId: null,
      standardStatus: null,
      note: null,
      sortOrder: (i + 1) * 10,
    };
  });
}

/** `count` projects of one department. */
export function generateDepartmentProjects(ctx: ProjectContext, count: number, rng: Rng): GeneratedProjects {
  const out: GeneratedProjects = {
    projects: [],
    yearAmounts: [],
    budgetLines: [],
    reviews: [],
    assessments: [],
    summaries: [],
  };
  const choices = archetypesFor(ctx.department, ctx.level);
  if (choices.length === 0 || count === 0) return out;
  const names = new Map<string, number>();
  const { yearFrom, yearTo } = ctx;
  let serial = 0;

  for (let k = 0; k < count; k++) {
    const prng = rng.fork(k);
    const ai = prng.weighted(choices);
    const a = ARCHETYPES[ai]!;
    const kind = prng.weighted<'continuing' | 'new' | 'increase'>([
      ['continuing', 50],
      ['new', 35],
      ['increase', 15],
    ]);
    const multi = prng.chance(a.multiYear ? 0.7 : 0.25);
    let startYear: number;
    let endYear: number;
    if (kind === 'new') {
      startYear = prng.int(yearFrom, yearTo);
      endYear = multi ? startYear + prng.int(1, 2) : startYear;
    } else {
      startYear = prng.int(yearFrom - 2, yearFrom - 1);
      endYear = multi || kind === 'increase' ? yearTo + prng.int(0, 1) : yearTo;
    }

    // amounts per year, 万元 → fen; an increase project grows in its last seeded year
    const base = annualWan(a, ctx.level, prng);
    const amounts = new Map<number, number>();
    for (let y = startYear; y <= endYear; y++) {
      let wan = base * (multi && kind === 'new' ? prng.uniform(0.6, 1.4) : prng.uniform(0.9, 1.1));
      if (kind === 'increase' && y === Math.min(endYear, yearTo)) wan *= prng.uniform(1.2, 1.8);
      amounts.set(y, Math.round(Math.min(MAX_WAN, Math.max(MIN_WAN, wan)) * 10) * (WAN / 10));
    }
    const currentYear = Math.min(endYear, yearTo);
    const amountFen = amounts.get(currentYear)!;
    const previous = amounts.get(currentYear - 1);
    const increaseFen =
      kind === 'increase' && previous !== undefined ? Math.max(0, amountFen - previous) : null;
    const totalAmountFen = [...amounts.values()].reduce((s, x) => s + x, 0);
    const gateAmount = kind === 'new' ? amountFen : kind === 'increase' ? (increaseFen ?? 0) : 0;
    const needsExAnte = gateAmount >= ctx.exAnteMinFen;

    const libraryStatus =
      kind === 'continuing'
        ? 'in_library'
        : prng.weighted<'in_library' | 'under_review' | 'draft' | 'rejected'>([
            ['in_library', kind === 'new' ? 80 : 90],
            ['under_review', needsExAnte ? 14 : 8],
            ['draft', kind === 'new' ? 6 : 0],
            ['rejected', kind === 'new' ? 6 : 2],
          ]);

    let name = projectName(a, ctx, startYear, prng);
    const seen = names.get(name) ?? 0;
    names.set(name, seen + 1);
    if (seen > 0)
      name = `${name}（第${['二', '三', '四', '五', '六', '七', '八', '九'][seen - 1] ?? seen + 1}批）`;

    const fundYear = Math.max(startYear, yearFrom);
    const fundsOfClass = ctx.funds.filter((f) => f.fundClass === a.fundClass && f.fiscalYear === fundYear);
    const fund = fundsOfClass.length > 0 && prng.chance(0.65) ? prng.pick(fundsOfClass) : null;
    const unit = prng.pick(ctx.department.units);
    const functionClassCode =
      a.functionCode === 'dept' ? SECTOR_FUNCTION_CODE[ctx.department.sectors[0]!] : a.functionCode;
    const goalPublic = !prng.chance(0.04);

    const id = prng.uuid();
    const row: ProjectRow = {
      id,
      mofDivCode: ctx.division.code,
      fiscalYear: startYear,
      proCode: `${ctx.division.code}${startYear}${ctx.department.code}${String(++serial).padStart(5, '0')}`,
      name,
      departmentId: ctx.department.id,
      agencyId: unit.id,
      functionClassCode,
      fundClass: a.fundClass,
      fundId: fund?.id ?? null,
      projectKind: kind,
      isInvestment: a.investment === true || (a.fundClass === 'urban_operation' && prng.chance(0.05)),
      amountFen,
      increaseFen,
      totalAmountFen,
      startYear,
      endYear,
      libraryStatus,
      needsExAnte,
      goalPublic,
      goalNotPublicReason: goalPublic
        ? null
        : prng.pick(['涉及国家秘密，按规定不予公开', '涉及敏感信息，经审批不予公开']),
      description: a.goal,
      createdBy: ctx.createdBy,
    };
    out.projects.push(row);

    const approved = libraryStatus === 'in_library';
    for (const [year, fen] of amounts) {
      out.yearAmounts.push({
        projectId: id,
        mofDivCode: row.mofDivCode,
        fiscalYear: year,
        amountFen: fen,
        approvedFen:
          approved && year <= yearTo
            ? prng.chance(0.75)
              ? fen
              : Math.round((fen * prng.uniform(0.8, 0.98)) / WAN) * WAN
            : null,
      });
    }
    out.reviews.push(...reviewsOf(row, ctx, prng.fork('reviews')));
    if (needsExAnte && libraryStatus !== 'draft') {
      out.assessments.push(assessmentOf(row, ctx, prng.fork('ex-ante')));
    }
    if (prng.chance(0.25)) {
      for (const [year, fen] of amounts) {
        if (year < yearFrom || year > yearTo) continue;
        out.budgetLines.push(...budgetLinesFor(row, a, year, fen, prng.fork(`lines/${year}`)));
      }
    }
    if (approved) {
      const seeded = new Map([...amounts].filter(([y]) => y >= yearFrom && y <= yearTo));
      out.summaries.push({
        id,
        mofDivCode: row.mofDivCode,
        proCode: row.proCode,
        name,
        archetype: ai,
        department: ctx.department.name,
        unit: unit.name,
        createdBy: ctx.createdBy,
        amounts: seeded,
        performance: Math.min(1, Math.max(0, prng.normal(0.62, 0.22))),
      });
    }
  }
  return out;
}

const DIMENSIONS = [
  ['necessity', '立项必要性'],
  ['economy', '投入经济性'],
  ['goals', '绩效目标合理性'],
  ['feasibility', '实施方案可行性'],
  ['funding', '筹资合规性'],
] as const;

const ASSESSMENT_OPINIONS = {
  support: '项目立项依据充分，绩效目标明确合理，实施方案可行，建议予以支持。',
  support_after_revision:
    '项目总体必要，但投入测算依据不够充分、部分绩效指标难以量化，建议调整完善后予以支持。',
  not_support: '项目与部门职能关联度不高，投入产出比偏低，筹资方案不明确，建议不予支持。',
} as const;

/** 事前绩效评估 (T20): five dimensions of 20 points, the conclusion following the library status. */
function assessmentOf(project: ProjectRow, ctx: ProjectContext, rng: Rng): ExAnteRow {
  const year = project.fiscalYear;
  const status = project.libraryStatus;
  const conclusion =
    status === 'rejected'
      ? 'not_support'
      : status === 'in_library'
        ? rng.chance(0.7)
          ? 'support'
          : 'support_after_revision'
        : null;
  // dimension ranges that keep the total inside its conclusion's band (≥ 80 支持, 60–80 调整后支持, < 60 不予支持)
  const [lo, hi] =
    conclusion === 'support'
      ? [16, 20]
      : conclusion === 'support_after_revision'
        ? [12.5, 15.5]
        : conclusion === 'not_support'
          ? [7, 11.5]
          : [12, 18];
  const dimensionScores: DimensionScore[] = DIMENSIONS.map(([code, name]) => ({
    code,
    name,
    weight: 20,
    score: Math.round(rng.uniform(lo, hi) * 2) / 2,
  }));
  const total = dimensionScores.reduce((s, d) => s + (d.score ?? 0), 0);
  const concluded = conclusion !== null;
  return {
    id: rng.uuid(),
    mofDivCode: project.mofDivCode,
    fiscalYear: year,
    projectId: project.id,
    kind: 'project',
    dimensionScores,
    totalScore: total,
    conclusion,
    status: concluded ? 'concluded' : 'submitted',
    opinion: conclusion ? ASSESSMENT_OPINIONS[conclusion] : null,
    agencyId: ctx.agencyIds.length > 0 && rng.chance(0.6) ? rng.pick(ctx.agencyIds) : null,
    concludedBy: concluded ? ctx.committee : null,
    concludedAt: concluded ? new Date(Date.UTC(year - 1, rng.int(8, 10), rng.int(1, 28), 2)) : null,
    createdBy: ctx.createdBy,
  };
}

/** 先评审后入库: a budget review for every project past the draft; the committee's joint review above the gate. */
function reviewsOf(project: ProjectRow, ctx: ProjectContext, rng: Rng): BudgetReviewRow[] {
  const status = project.libraryStatus;
  if (status === 'draft') return [];
  const year = project.fiscalYear;
  const requested = project.amountFen ?? 0;
  const decided = status !== 'under_review';
  const reduced = status === 'in_library' && rng.chance(0.3);
  const approved =
    status === 'rejected'
      ? 0
      : reduced
        ? Math.round((requested * rng.uniform(0.75, 0.95)) / WAN) * WAN
        : requested;
  const reviewStatus = !decided
    ? 'pending'
    : status === 'rejected'
      ? 'rejected'
      : reduced
        ? 'reduced'
        : 'approved';
  const opinion = !decided
    ? null
    : status === 'rejected'
      ? '项目前期论证不充分，绩效目标不明确，不予入库。'
      : reduced
        ? '部分支出内容测算依据不足，按支出标准核减后入库。'
        : '评审通过，同意纳入项目库。';
  const decidedAt = decided ? new Date(Date.UTC(year - 1, rng.int(9, 11), rng.int(1, 28), 3)) : null;
  const rows: BudgetReviewRow[] = [
    {
      id: rng.uuid(),
      mofDivCode: project.mofDivCode,
      fiscalYear: year,
      projectId: project.id,
      kind: 'budget_review',
      requestedFen: requested,
      approvedFen: decided ? approved : null,
      opinion,
      status: reviewStatus,
      decidedBy: decided ? ctx.reviewer : null,
      decidedAt,
      createdBy: ctx.createdBy,
    },
  ];
  if (project.needsExAnte) {
    rows.push({
      id: rng.uuid(),
      mofDivCode: project.mofDivCode,
      fiscalYear: year,
      projectId: project.id,
      kind: 'joint_review',
      requestedFen: requested,
      approvedFen: decided ? approved : null,
      opinion: decided ? `预算（资金）管理委员会联合评审：${opinion ?? ''}` : null,
      status: reviewStatus,
      meetingRef: decided ? `吉财预委纪〔${year - 1}〕${rng.int(3, 24)}号` : null,
      decidedBy: decided ? ctx.committee : null,
      decidedAt,
      createdBy: ctx.createdBy,
    });
  }
  return rows;
}

/** Splits `total` over weights by the largest remainder (exact and deterministic). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}
