/**
 * Demo self-evaluation tables (项目支出绩效自评表) as budget units print them: in the checker's input
 * format (src/core/selfeval/types.ts), with the messiness of real published tables — ≥/≤/= and their
 * full-width and box-drawing variants, comparison words, units and unit scales, qualitative words, a symbol
 * printed in the actual, a few unreadable values, rounded or judged printed scores, now and then weights
 * that do not add up to 100, totals that do not match the rows, and low execution rates.
 *
 * Printed scores are drawn around the checker's own formula scores (the table is checked once without
 * printed scores to learn them), so most tables are clean and some carry the findings real ones do.
 */
import { checkSelfEvaluation } from '../../core/selfeval/check-self-evaluation.ts';
import type { SelfEvalIndicatorRow, SelfEvalTable } from '../../core/selfeval/types.ts';
import { JILIN_FIVE_TIER, gradeFor } from '../../core/scoring/grades.ts';
import { COMMON_INDICATORS, parseIndicator, type Archetype, type IndicatorSpec } from './project-catalog.ts';
import type { Rng } from './rng.ts';

export interface SelfEvalProject {
  readonly projectName: string;
  readonly department: string;
  readonly implementingUnit: string;
  readonly archetype: Archetype;
  readonly fiscalYear: number;
  /** The year's budget (全年预算数) in fen. */
  readonly amountFen: number;
  /** How well the project went this year, 0 (badly) … 1 (very well). */
  readonly performance: number;
}

const specCache = new Map<string, readonly IndicatorSpec[]>();
function specsOf(archetype: Archetype): readonly IndicatorSpec[] {
  let specs = specCache.get(archetype.key);
  if (!specs) {
    specs = archetype.indicators.map(parseIndicator);
    specCache.set(archetype.key, specs);
  }
  return specs;
}
const COMMON = COMMON_INDICATORS.map(parseIndicator);
const commonOf = (level2: string) => COMMON.filter((c) => c.level2 === level2);

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

// ---------------------------------------------------------------------------------------------------------
// Printing numbers and values
// ---------------------------------------------------------------------------------------------------------

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
function toFullWidth(s: string): string {
  return s
    .replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!)
    .replace(/%/g, '％')
    .replace(/\./g, '．');
}

function numberText(x: number, decimals: number, thousands: boolean): string {
  const fixed = round(x, decimals).toFixed(decimals);
  const trimmed = decimals > 0 ? fixed.replace(/\.?0+$/, '') : fixed;
  if (!thousands || Math.abs(x) < 10000) return trimmed;
  const [int = '', frac] = trimmed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A "nice" target, as people set them: round hundreds and thousands for big counts. */
function niceTarget(spec: IndicatorSpec, rng: Rng): number {
  const x = spec.lo + (spec.hi - spec.lo) * rng.next();
  if (spec.decimals > 0) return round(x, spec.decimals);
  if (x >= 10000) return Math.round(x / 1000) * 1000;
  if (x >= 1000) return Math.round(x / 100) * 100;
  if (x >= 200) return Math.round(x / 10) * 10;
  return Math.round(x);
}

function printTarget(spec: IndicatorSpec, a: number, rng: Rng): string {
  const n = numberText(a, spec.decimals, rng.chance(0.3));
  const u = spec.unit;
  let text: string;
  switch (spec.comparison) {
    case '>=':
      text = rng.weighted<string>([
        [`≥${n}${u}`, 70],
        [`≧${n}${u}`, 5],
        [`＞＝${n}${u}`, 5],
        [`>=${n}${u}`, 5],
        [`不低于${n}${u}`, 5],
        [`${n}${u}以上`, 5],
        [`${n}${u}`, 5],
      ]);
      break;
    case '<=':
      text = rng.weighted<string>([
        [`≤${n}${u}`, 75],
        [`≦${n}${u}`, 5],
        [`＜＝${n}${u}`, 5],
        [`<=${n}${u}`, 5],
        [`不超过${n}${u}`, 5],
        [`${n}${u}以内`, 5],
      ]);
      break;
    default:
      text = rng.weighted<string>([
        [`=${n}${u}`, 60],
        [`＝${n}${u}`, 10],
        [`═${n}${u}`, 5],
        [`${n}${u}`, 25],
      ]);
  }
  return rng.chance(0.03) ? toFullWidth(text) : text;
}

/** An actual printed with a unit scale other than the target's (万元 as 元, 万人次 as 人次 …). */
function rescaledUnit(unit: string): { readonly unit: string; readonly factor: number } | null {
  if (unit === '万元') return { unit: '元', factor: 10000 };
  if (unit === '万人次') return { unit: '人次', factor: 10000 };
  if (unit === '公里') return { unit: '米', factor: 1000 };
  return null;
}

const ACHIEVED_WORDS = ['已完成', '达到预期', '全面完成', '已实现'];

function printActual(spec: IndicatorSpec, b: number, decimals: number, rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.004) return rng.pick(['见附件', '详见自评报告']);
  if (roll < 0.008) return rng.pick(ACHIEVED_WORDS.concat(['达标']));
  if (roll < 0.01) return '';
  const scaled = rng.chance(0.1) ? rescaledUnit(spec.unit) : null;
  const value = scaled ? b * scaled.factor : b;
  const unit = scaled ? scaled.unit : spec.unit;
  const n = numberText(value, scaled ? 0 : decimals, rng.chance(0.3));
  if (roll < 0.03) {
    const symbol = spec.comparison === '<=' ? '≤' : '≥';
    return `${symbol}${n}${unit}`;
  }
  if (roll < 0.05 && spec.comparison === '>=' && b > 0) return `${n}${unit}，超额完成`;
  return rng.chance(0.02) ? toFullWidth(`${n}${unit}`) : `${n}${unit}`;
}

// ---------------------------------------------------------------------------------------------------------
// Qualitative actuals
// ---------------------------------------------------------------------------------------------------------

function qualitativeActual(target: string, level: 0 | 1 | 2, rng: Rng): string {
  const negative = /^(无|未|零|杜绝)/.test(target);
  if (level === 0) {
    if (negative) return rng.pick([target, `全年${target}`, `${target}发生`.replace(/发生发生$/, '发生')]);
    return rng.pick([target, `已${target}`.replace(/^已已/, '已'), `${target}，达到预期`, '达到预期目标']);
  }
  if (level === 1) {
    if (negative) return rng.pick(['个别环节出现一般性问题，已及时处置', '基本未发生，个别轻微问题已整改']);
    return rng.pick(['基本达到预期', '部分完成', `初步${target.replace(/^(明显|有效|全面|持续|显著)/, '')}`]);
  }
  if (negative) return rng.pick(['发生1起较大事故', '出现1起，已追责整改']);
  return rng.pick(['未达到预期', '效果不明显', '未完成']);
}

// ---------------------------------------------------------------------------------------------------------
// Reasons (偏差原因分析及改进措施)
// ---------------------------------------------------------------------------------------------------------

const SHORTFALL_REASONS = [
  '受汛期降雨影响，部分工程开工推迟，下一步将倒排工期、加快推进。',
  '上级资金下达较晚，资金拨付进度滞后，将加强与财政部门沟通，提高预算执行效率。',
  '政府采购流程较长，设备到货及安装调试延迟，已督促供应商按合同履约。',
  '项目前期论证不充分，年度指标值设置偏高，下一年度将科学合理设置绩效目标。',
  '部分乡镇申报材料不完整，审核退回后重新申报，影响了完成进度。',
  '受市场价格波动影响，实际成本高于预算测算，将完善成本测算依据。',
  '冬季施工期短，部分工程转入下一年度实施，已纳入结转项目管理。',
  '服务对象需求变化，实际受益人数少于预期，将加强政策宣传和需求摸底。',
];
const JUDGEMENT_REASONS = [
  '佐证材料不够完整，酌情扣分。',
  '部分数据未经第三方核实，审慎扣分。',
  '满意度调查样本量偏少，酌情扣分。',
  '指标完成但质量有待提升，酌情扣分。',
];
const OVERACHIEVEMENT_REASON =
  '年度指标值设置偏保守，实际完成值明显高于目标，下一年度将结合实际合理提高指标值。';

// ---------------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------------

interface DraftRow {
  readonly spec: IndicatorSpec;
  readonly row: SelfEvalIndicatorRow;
  /** actual ÷ target, for reasons (NaN for qualitative rows). */
  readonly ratio: number;
  readonly level: 0 | 1 | 2 | null;
}

const WEIGHT_SCHEMES: readonly (readonly [readonly [number, number, number], number])[] = [
  [[50, 30, 10], 78],
  [[40, 30, 20], 12],
  [[45, 30, 15], 6],
  [[50, 25, 15], 4],
];

/** Integer weights that add up to `total`, the larger ones first. */
function split(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

function chooseRows(archetype: Archetype, rng: Rng): IndicatorSpec[] {
  const own = [...specsOf(archetype)];
  const has = (level1: string) => own.some((s) => s.level1 === level1);
  const hasL2 = (level2: string) => own.some((s) => s.level2 === level2);
  const extra: IndicatorSpec[] = [];
  if (!hasL2('时效指标') && rng.chance(0.6)) extra.push(rng.pick(commonOf('时效指标')));
  if (!hasL2('成本指标') && rng.chance(0.35)) extra.push(rng.pick(commonOf('成本指标')));
  if (!has('效益指标')) extra.push(rng.pick([...commonOf('社会效益指标'), ...commonOf('可持续影响指标')]));
  else if (rng.chance(0.3)) extra.push(rng.pick(commonOf('可持续影响指标')));
  if (!has('满意度指标')) extra.push(rng.pick(commonOf('服务对象满意度指标')));
  const order = ['产出指标', '效益指标', '满意度指标'];
  return [...own, ...extra].sort((a, b) => order.indexOf(a.level1) - order.indexOf(b.level1));
}

function drawRow(spec: IndicatorSpec, weight: number, performance: number, rng: Rng): DraftRow {
  const x = performance + rng.normal(0, 0.15);
  const base = { level1: spec.level1, level2: spec.level2, name: spec.name, weight };
  if (spec.comparison === 'qualitative') {
    const level = x > 0.42 ? 0 : x > 0.2 ? 1 : 2;
    return {
      spec,
      row: { ...base, target: spec.text, actual: qualitativeActual(spec.text, level, rng) },
      ratio: NaN,
      level,
    };
  }
  const a = niceTarget(spec, rng);
  const percent = spec.unit === '%' || spec.unit === '‰';
  let b: number;
  if (spec.comparison === '=' && a === 0) {
    b = x > 0.3 ? 0 : rng.int(1, 2);
  } else if (spec.comparison === '<=') {
    const f = x > 0.42 ? rng.uniform(0.75, 1) : x > 0.22 ? rng.uniform(1.01, 1.12) : rng.uniform(1.12, 1.5);
    b = a * f;
  } else {
    let f = x > 0.42 ? rng.uniform(1, 1.12) : x > 0.22 ? rng.uniform(0.9, 0.995) : rng.uniform(0.55, 0.9);
    if (spec.comparison === '=' && x > 0.42) f = rng.chance(0.8) ? 1 : f;
    if (x > 0.42 && rng.chance(0.04)) f = rng.uniform(1.3, 1.8); // far above target
    b = a * f;
  }
  if (percent && a <= 100) b = Math.min(b, 100);
  const decimals = Math.max(spec.decimals, percent && b < 100 && b % 1 !== 0 ? 1 : 0);
  b = round(b, decimals);
  const notApplicable = rng.chance(0.006);
  return {
    spec,
    row: {
      ...base,
      target: notApplicable ? '不适用' : printTarget(spec, a, rng),
      actual: notApplicable ? '不涉及' : printActual(spec, b, decimals, rng),
    },
    ratio: a > 0 ? b / a : b > 0 ? 2 : 1,
    level: null,
  };
}

type ScoreStyle = 'exact' | 'integer' | 'one_decimal' | 'judged';

function printedScore(
  formula: number | null,
  band: readonly [number, number] | undefined,
  weight: number,
  style: ScoreStyle,
  rng: Rng,
): number {
  if (band) {
    const [lo, hi] = band;
    if (rng.chance(0.02)) return rng.chance(0.5) ? weight : Math.max(0, round(lo - 1, 0));
    const grid = style === 'exact' || style === 'one_decimal' ? 0.1 : 0.5;
    const x = lo + (hi - lo) * rng.next();
    return clamp(round(Math.round(x / grid) * grid, 1), Math.ceil(lo / grid - 1e-9) * grid, hi);
  }
  if (formula === null) return rng.chance(0.6) ? weight : Math.max(0, weight - rng.int(1, 2));
  if (formula < weight && rng.chance(0.015)) return weight; // generous
  switch (style) {
    case 'exact':
      return round(formula, 2);
    case 'integer':
      return Math.round(formula);
    case 'one_decimal':
      return round(formula, 1);
    case 'judged':
      return formula >= weight - 1e-9 && rng.chance(0.35)
        ? Math.max(0, weight - rng.pick([0.5, 1, 1, 2]))
        : round(formula, 2);
  }
}

function goalsActual(performance: number, rng: Rng): string {
  if (performance > 0.55)
    return rng.pick([
      '全面完成年度绩效目标，项目实施达到预期效果。',
      '按计划完成年度目标任务，资金使用规范，效益逐步显现。',
    ]);
  if (performance > 0.3)
    return rng.pick([
      '基本完成年度绩效目标，个别指标未达到年初预期，已分析原因并制定整改措施。',
      '年度目标大部分完成，受工期和资金到位影响，部分任务转入下一年度。',
    ]);
  return '未能完成年度绩效目标，项目实施进度滞后、资金执行率偏低，已按要求进行整改。';
}

/** A printed self-evaluation table for one project and year. */
export function drawSelfEvaluationTable(p: SelfEvalProject, rng: Rng): SelfEvalTable {
  const [outputW, effectW, satisfactionW] = rng.weighted(WEIGHT_SCHEMES);
  const specs = chooseRows(p.archetype, rng);
  const byLevel1 = (l1: string) => specs.filter((s) => s.level1 === l1);
  const weights = new Map<IndicatorSpec, number>();
  for (const [l1, total] of [
    ['产出指标', outputW],
    ['效益指标', effectW],
    ['满意度指标', satisfactionW],
  ] as const) {
    const rows = byLevel1(l1);
    split(total, rows.length).forEach((w, i) => weights.set(rows[i]!, w));
  }
  // now and then weights that do not add up to 100 (a row's weight changed, the others not)
  if (rng.chance(0.03)) {
    const s = rng.pick(specs);
    weights.set(s, Math.max(1, weights.get(s)! + rng.pick([-5, -2, 2, 5])));
  }

  const drafts = specs.map((s) => drawRow(s, weights.get(s)!, p.performance, rng));

  // budget block, in 万元
  const planned = round(p.amountFen / 1_000_000, 2);
  const initial = rng.chance(0.15) ? round(planned * rng.uniform(0.85, 1.05), 2) : planned;
  const x = p.performance + rng.normal(0, 0.1);
  const rate = x > 0.5 ? rng.uniform(0.93, 1) : x > 0.3 ? rng.uniform(0.85, 0.98) : rng.uniform(0.5, 0.9);
  const executed = round(Math.min(planned, planned * (rng.chance(0.25) ? 1 : rate)), 2);

  const draft: SelfEvalTable = {
    title: `${p.projectName}项目支出绩效自评表（${p.fiscalYear}年度）`,
    unit: '万元',
    projectName: p.projectName,
    department: p.department,
    implementingUnit: p.implementingUnit,
    goals: { expected: p.archetype.goal, actual: goalsActual(p.performance, rng) },
    budget: { initial, planned, executed, weight: 10 },
    indicators: drafts.map((d) => d.row),
  };

  // the checker's formula scores, to print scores around them
  const formula = checkSelfEvaluation(draft);
  const checks = new Map(formula.indicators.map((c) => [c.index, c]));
  const style = rng.weighted<ScoreStyle>([
    ['exact', 72],
    ['integer', 10],
    ['one_decimal', 8],
    ['judged', 10],
  ]);

  const rows: SelfEvalIndicatorRow[] = drafts.map((d, i) => {
    const check = checks.get(i);
    if (!check) return d.row; // 不适用: no score printed
    const score = printedScore(check.formulaScore, check.band, d.row.weight, style, rng);
    let reason: string | undefined;
    if (d.ratio >= 1.3) reason = OVERACHIEVEMENT_REASON;
    else if (check.formulaScore !== null && check.formulaScore < d.row.weight - 0.01)
      reason = rng.pick(SHORTFALL_REASONS);
    else if (score < d.row.weight - 0.01 && rng.chance(0.8)) reason = rng.pick(JUDGEMENT_REASONS);
    return reason ? { ...d.row, score, reason } : { ...d.row, score };
  });

  const budgetScore =
    rng.chance(0.02) && formula.budget.formulaScore < 10
      ? 10
      : style === 'integer'
        ? Math.round(formula.budget.formulaScore)
        : style === 'one_decimal'
          ? round(formula.budget.formulaScore, 1)
          : round(formula.budget.formulaScore, 2);
  const sum = round(rows.reduce((s, r) => s + (r.score ?? 0), 0) + budgetScore, 2);
  const totalStyle = rng.weighted<'sum' | 'integer' | 'error' | 'none'>([
    ['sum', 88],
    ['integer', 5],
    ['error', 3],
    ['none', 4],
  ]);
  const total =
    totalStyle === 'sum'
      ? sum
      : totalStyle === 'integer'
        ? Math.round(sum)
        : totalStyle === 'error'
          ? round(Math.min(100, sum + rng.pick([-3, -1.5, -0.5, 0.5, 1, 2])), 2)
          : undefined;

  const table: SelfEvalTable = {
    ...draft,
    budget: { ...draft.budget, score: budgetScore },
    indicators: rows,
    ...(total !== undefined ? { total } : {}),
  };
  if (total !== undefined && rng.chance(0.6)) {
    return { ...table, printedGrade: gradeFor(JILIN_FIVE_TIER, total).label };
  }
  return table;
}
