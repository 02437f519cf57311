/**
 * Proposes budget consequences (结果应用) for the subjects of a scoring run from a rule set: for each
 * subject the matching rules, the base each applies to, the proposed change in integer fen (negative = cut,
 * rounded half away from zero), accountability referral, and an explanation in words.
 *
 * Pure and fast: `compileRules` once, then `proposeAmounts` over columns of subjects (≈ 10,000 subjects in a
 * few milliseconds, no strings), or `proposeConsequences` for stored proposals with their explanations.
 * The what-if simulation calls these with a changed rule set or changed grades/ranks.
 */
import { formatWanYuan, type Fen } from '../kernel/money.ts';
import { ok, type DomainError, type Result } from '../kernel/index.ts';
import {
  ACTION_LABELS,
  BASE_LABELS,
  parseRuleSet,
  ratioPpm,
  type ConsequenceAction,
  type ConsequenceRule,
  type ConsequenceRuleSet,
  type ResolvedBaseKind,
} from './rules.ts';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** One subject of a run as the rules see it. */
export interface ConsequenceSubject {
  readonly subjectId: string;
  /** Subject kind: division, department, finance_division … */
  readonly kind: string;
  /** Grade band code of the run's scheme ('incomplete' when not graded). */
  readonly grade: string;
  /** Competition rank among the run's complete subjects; null when incomplete. */
  readonly rank: number | null;
  /** Base amounts in fen by kind; absent or null: no data (the change is then 0). */
  readonly bases: { readonly [K in ResolvedBaseKind]?: Fen | null };
}

const ACTION_CODES: readonly ConsequenceAction[] = [
  'none',
  'as_needed',
  'priority',
  'reward',
  'cut',
  'cancel',
];
/** Precedence of the row's action: cancel > cut > reward > priority > as_needed > none. */
const ACTION_RANK: Record<ConsequenceAction, number> = {
  none: 0,
  as_needed: 1,
  priority: 2,
  reward: 3,
  cut: 4,
  cancel: 5,
};

interface CompiledRule {
  readonly index: number;
  readonly rule: ConsequenceRule;
  readonly kinds: ReadonlySet<string> | null;
  readonly grades: ReadonlySet<string> | null;
  readonly ppm: number;
  readonly base: ResolvedBaseKind | 'auto';
}

export interface CompiledRules {
  readonly set: ConsequenceRuleSet;
  readonly rules: readonly CompiledRule[];
}

/** Checks (see parseRuleSet) and prepares a rule set; accepts a parsed set or a stored value. */
export function compileRules(value: ConsequenceRuleSet | unknown): Result<CompiledRules, DomainError> {
  const parsed = parseRuleSet(value);
  if (!parsed.ok) return parsed;
  const set = parsed.value;
  return ok({
    set,
    rules: set.rules.map((rule, index) => ({
      index,
      rule,
      kinds: rule.subjectKinds && rule.subjectKinds.length > 0 ? new Set(rule.subjectKinds) : null,
      grades: rule.when.grades ? new Set(rule.when.grades) : null,
      ppm: rule.ratio !== undefined ? (ratioPpm(rule.ratio) ?? 0) : 0,
      base: rule.base ?? 'auto',
    })),
  });
}

/** base × ppm / 10⁶ rounded half up, exact in integers for any safe base ≥ 0 (never more than the base). */
export function applyPpm(base: Fen, ppm: number): Fen {
  const hi = Math.floor(base / 1_000_000);
  const lo = base - hi * 1_000_000;
  const loProduct = lo * ppm;
  const q = Math.floor(loProduct / 1_000_000);
  const r = loProduct - q * 1_000_000;
  return hi * ppm + q + (r * 2 >= 1_000_000 ? 1 : 0);
}

const resolveBase = (base: ResolvedBaseKind | 'auto', kind: string): ResolvedBaseKind =>
  base !== 'auto' ? base : kind === 'division' ? 'transfer_payments' : 'department_budget';

/** How many ranked subjects each rule's rank conditions count against (per rule: those of its kinds). */
function rankContext(compiled: CompiledRules, subjects: readonly ConsequenceSubject[]) {
  return compiled.rules.map((r) => {
    const top = r.rule.when.rankTop;
    const bottom = r.rule.when.rankBottom;
    if (!top && !bottom) return { n: 0, topK: 0, bottomK: 0 };
    let n = 0;
    for (const s of subjects) if (s.rank !== null && (r.kinds === null || r.kinds.has(s.kind))) n++;
    const k = (c: { percent?: number; count?: number } | undefined) =>
      !c ? 0 : c.count !== undefined ? c.count : Math.ceil((n * c.percent!) / 100 - 1e-9);
    return { n, topK: k(top), bottomK: k(bottom) };
  });
}

function matches(
  r: CompiledRule,
  ctx: { n: number; topK: number; bottomK: number },
  s: ConsequenceSubject,
): boolean {
  if (r.kinds !== null && !r.kinds.has(s.kind)) return false;
  if (r.grades !== null && !r.grades.has(s.grade)) return false;
  if (r.rule.when.rankTop && (s.rank === null || s.rank > ctx.topK)) return false;
  if (r.rule.when.rankBottom && (s.rank === null || s.rank <= ctx.n - ctx.bottomK)) return false;
  return true;
}

/** Amounts of each matching rule for one subject, grouped and capped per base. */
function evaluate(
  compiled: CompiledRules,
  ctx: ReturnType<typeof rankContext>,
  s: ConsequenceSubject,
  onRule?: (r: CompiledRule, baseKind: ResolvedBaseKind, baseFen: Fen | null, amount: Fen) => void,
): { total: Fen; action: ConsequenceAction; accountability: boolean; baseKind: ResolvedBaseKind | null } {
  let action: ConsequenceAction = 'none';
  let accountability = false;
  let baseKind: ResolvedBaseKind | null = null;
  // at most two base kinds: keep their running sums without allocating
  let tpSum = 0;
  let tpCancel = false;
  let dbSum = 0;
  let dbCancel = false;
  for (const r of compiled.rules) {
    if (!matches(r, ctx[r.index]!, s)) continue;
    const kind = resolveBase(r.base, s.kind);
    const raw = s.bases[kind];
    const base = typeof raw === 'number' && raw > 0 ? raw : 0;
    let amount = 0;
    const a = r.rule.action;
    if (a === 'reward') amount = applyPpm(base, r.ppm);
    else if (a === 'cut') amount = -applyPpm(base, r.ppm);
    else if (a === 'cancel') amount = -base;
    if (kind === 'transfer_payments') {
      if (a === 'cancel') tpCancel = true;
      tpSum += amount;
    } else {
      if (a === 'cancel') dbCancel = true;
      dbSum += amount;
    }
    if (ACTION_RANK[a] > ACTION_RANK[action]) action = a;
    if (r.rule.accountability) accountability = true;
    if (baseKind === null && (a === 'reward' || a === 'cut' || a === 'cancel')) baseKind = kind;
    onRule?.(r, kind, typeof raw === 'number' ? raw : null, amount);
  }
  const cap = (sum: number, cancel: boolean, kind: ResolvedBaseKind) => {
    const raw = s.bases[kind];
    const base = typeof raw === 'number' && raw > 0 ? raw : 0;
    if (cancel) return -base;
    return sum < -base ? -base : sum;
  };
  let total = cap(tpSum, tpCancel, 'transfer_payments') + cap(dbSum, dbCancel, 'department_budget');
  if (total === 0) total = 0; // no -0
  // The row's action follows the net change when rules disagree (a reward and a cut on one subject).
  if (action !== 'cancel') {
    if (total < 0) action = 'cut';
    else if (total > 0) action = 'reward';
    else if (action === 'reward' || action === 'cut') action = 'none';
  }
  return { total, action, accountability, baseKind };
}

/** Amounts of every subject, aligned with `subjects`: the columns a what-if compares. */
export interface ConsequenceAmounts {
  /** Proposed change in fen (integers; negative = cut). */
  readonly proposedFen: Float64Array;
  /** Index into CONSEQUENCE_ACTION_ORDER. */
  readonly action: Uint8Array;
  /** 1 when referred for accountability. */
  readonly accountability: Uint8Array;
  /** Sum of the proposed changes. */
  readonly totalFen: Fen;
}

/** The order of `ConsequenceAmounts.action` codes. */
export const CONSEQUENCE_ACTION_ORDER = ACTION_CODES;

/**
 * The what-if entry point: proposed amounts for every subject under a (changed) rule set, no explanations.
 * Give subjects with changed grades or ranks to see how budgets move.
 */
export function proposeAmounts(
  compiled: CompiledRules,
  subjects: readonly ConsequenceSubject[],
): ConsequenceAmounts {
  const n = subjects.length;
  const proposedFen = new Float64Array(n);
  const action = new Uint8Array(n);
  const accountability = new Uint8Array(n);
  const ctx = rankContext(compiled, subjects);
  let totalFen = 0;
  for (let i = 0; i < n; i++) {
    const e = evaluate(compiled, ctx, subjects[i]!);
    proposedFen[i] = e.total;
    action[i] = ACTION_CODES.indexOf(e.action);
    accountability[i] = e.accountability ? 1 : 0;
    totalFen += e.total;
  }
  return { proposedFen, action, accountability, totalFen };
}

export interface AppliedRule {
  readonly ruleId: string;
  readonly label: string;
  readonly labelEn: string | null;
  readonly action: ConsequenceAction;
  readonly ratio: number | null;
  readonly baseKind: ResolvedBaseKind;
  /** null: no base data. */
  readonly baseFen: Fen | null;
  readonly amountFen: Fen;
  readonly accountability: boolean;
  /** Why the rule matched and what it computes. */
  readonly reason: Text;
}

export interface ConsequenceProposal {
  readonly subjectId: string;
  readonly action: ConsequenceAction;
  readonly proposedFen: Fen;
  readonly baseKind: ResolvedBaseKind | null;
  /** The base of the first rule that changes money (0 when none or no data). */
  readonly baseFen: Fen;
  readonly accountability: boolean;
  readonly applied: readonly AppliedRule[];
  readonly explanation: Text;
}

const wan = (fen: Fen) => `${formatWanYuan(fen)}万元`;
const wanEn = (fen: Fen) => `${formatWanYuan(fen)} (10k yuan)`;
const pct = (ratio: number) => `${Math.round(ratio * 100_000) / 1000}%`;

function conditionText(
  r: CompiledRule,
  ctx: { n: number; topK: number; bottomK: number },
  s: ConsequenceSubject,
  gradeLabel: (code: string) => Text,
): Text {
  const zh: string[] = [];
  const en: string[] = [];
  if (r.grades) {
    const g = gradeLabel(s.grade);
    zh.push(`等次为“${g.zh}”`);
    en.push(`grade ${g.en}`);
  }
  const w = r.rule.when;
  if (w.rankTop) {
    const p = w.rankTop.percent !== undefined ? `（前${w.rankTop.percent}%）` : '';
    zh.push(`排名第${s.rank}名，共${ctx.n}名，位列前${ctx.topK}名${p}`);
    en.push(`rank ${s.rank} of ${ctx.n}, within the top ${ctx.topK}`);
  }
  if (w.rankBottom) {
    const p = w.rankBottom.percent !== undefined ? `（后${w.rankBottom.percent}%）` : '';
    zh.push(`排名第${s.rank}名，共${ctx.n}名，位列后${ctx.bottomK}名${p}`);
    en.push(`rank ${s.rank} of ${ctx.n}, within the bottom ${ctx.bottomK}`);
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}

function computationText(
  r: CompiledRule,
  baseKind: ResolvedBaseKind,
  baseFen: Fen | null,
  amount: Fen,
  targetYear: number | null,
): Text {
  const a = r.rule.action;
  const baseName = BASE_LABELS[baseKind];
  const yearZh = targetYear !== null && baseKind === 'department_budget' ? `（${targetYear}年度）` : '';
  if (a !== 'reward' && a !== 'cut' && a !== 'cancel') {
    return { zh: ACTION_LABELS[a].zh, en: ACTION_LABELS[a].en };
  }
  if (baseFen === null) {
    return {
      zh: `${ACTION_LABELS[a].zh}，但缺少${baseName.zh}${yearZh}基数数据，暂按0计，请核实后确认金额`,
      en: `${ACTION_LABELS[a].en}, but there is no data on ${baseName.en}: 0 until the amount is confirmed`,
    };
  }
  if (a === 'cancel') {
    return {
      zh: `取消以后年度预算：基数${baseName.zh}${yearZh} ${wan(baseFen)} 全部压减，变动 ${wan(amount)}`,
      en: `cancel later budgets: the whole base (${baseName.en}) ${wanEn(baseFen)}, change ${wanEn(amount)}`,
    };
  }
  const sign = a === 'reward' ? '+' : '−';
  return {
    zh: `${a === 'reward' ? '增加' : '压减'} ${pct(r.rule.ratio ?? 0)} × 基数${baseName.zh}${yearZh} ${wan(baseFen)} = ${sign}${wan(Math.abs(amount))}`,
    en: `${a === 'reward' ? 'add' : 'cut'} ${pct(r.rule.ratio ?? 0)} × base (${baseName.en}) ${wanEn(baseFen)} = ${sign}${wanEn(Math.abs(amount))}`,
  };
}

export interface ProposeOptions {
  /** The grade's words for explanations (default: the code). */
  readonly gradeLabel?: (code: string) => Text;
  /** The budget year the consequences apply to (named in explanations). */
  readonly targetYear?: number;
}

/** Proposals with the applied rules and explanations, aligned with `subjects` (for storing and showing). */
export function proposeConsequences(
  compiled: CompiledRules,
  subjects: readonly ConsequenceSubject[],
  options: ProposeOptions = {},
): ConsequenceProposal[] {
  const ctx = rankContext(compiled, subjects);
  const gradeLabel = options.gradeLabel ?? ((code: string) => ({ zh: code, en: code }));
  const targetYear = options.targetYear ?? null;
  return subjects.map((s) => {
    const applied: AppliedRule[] = [];
    const e = evaluate(compiled, ctx, s, (r, baseKind, baseFen, amount) => {
      const cond = conditionText(r, ctx[r.index]!, s, gradeLabel);
      const comp = computationText(r, baseKind, baseFen, amount, targetYear);
      applied.push({
        ruleId: r.rule.id,
        label: r.rule.label,
        labelEn: r.rule.labelEn ?? null,
        action: r.rule.action,
        ratio: r.rule.ratio ?? null,
        baseKind,
        baseFen,
        amountFen: amount,
        accountability: r.rule.accountability === true,
        reason: {
          zh: `规则“${r.rule.label}”：${cond.zh} → ${comp.zh}${r.rule.accountability ? '；提请有关部门追责问责' : ''}`,
          en: `rule "${r.rule.labelEn ?? r.rule.label}": ${cond.en} → ${comp.en}${r.rule.accountability ? '; referred for accountability' : ''}`,
        },
      });
    });
    const baseRaw = e.baseKind ? s.bases[e.baseKind] : null;
    let explanation: Text;
    if (s.rank === null) {
      explanation = {
        zh: '数据不全，未评定等次和排名，不适用结果应用规则',
        en: 'Incomplete: not graded or ranked, no rule applies',
      };
    } else if (applied.length === 0) {
      const g = gradeLabel(s.grade);
      explanation = {
        zh: `等次“${g.zh}”、排名第${s.rank}名，没有适用的规则，不调整预算`,
        en: `grade ${g.en}, rank ${s.rank}: no rule applies, no change`,
      };
    } else {
      const capped =
        applied.filter((a) => a.amountFen !== 0).length > 1 &&
        applied.reduce((x, a) => x + a.amountFen, 0) !== e.total;
      explanation = {
        zh:
          applied.map((a) => a.reason.zh).join('；') +
          (capped ? `；合计 ${wan(e.total)}（压减不超过基数，取消预算时不再叠加其他规则）` : ''),
        en:
          applied.map((a) => a.reason.en).join('; ') +
          (capped ? `; total ${wanEn(e.total)} (a cut never exceeds its base)` : ''),
      };
    }
    return {
      subjectId: s.subjectId,
      action: e.action,
      proposedFen: e.total,
      baseKind: e.baseKind,
      baseFen: typeof baseRaw === 'number' && baseRaw > 0 ? baseRaw : 0,
      accountability: e.accountability,
      applied,
      explanation,
    };
  });
}
