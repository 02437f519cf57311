/**
 * 结果应用规则 (T1, T2, T21) as data: which subjects of a scoring run get which budget consequence. A rule
 * matches by subject kind, grade and rank, and proposes an action on a base amount with a ratio. Rules are
 * stored per division and year in the region setting `consequence.rules` (inherited downward) and checked
 * here, listing every problem at once.
 *
 * Example (the province's default):
 *   { "targetYearOffset": 1,
 *     "rules": [
 *       { "id": "county-top", "label": "市县排名前10%，增加下年转移支付5%", "subjectKinds": ["division"],
 *         "when": { "rankTop": { "percent": 10 } }, "action": "reward", "ratio": 0.05, "base": "transfer_payments" },
 *       { "id": "dept-poor", "label": "部门评价为差，取消以后年度预算并提请追责问责", "subjectKinds": ["department"],
 *         "when": { "grades": ["poor"] }, "action": "cancel", "base": "department_budget", "accountability": true } ] }
 */
import { domainError, err, ok, type DomainError, type Result } from '../kernel/index.ts';

export const CONSEQUENCE_RULES_SETTING = 'consequence.rules';

/** reward: + ratio × base; cut: − ratio × base; cancel: − base (取消以后年度预算); the rest change nothing. */
export const CONSEQUENCE_ACTIONS = ['reward', 'cut', 'cancel', 'priority', 'as_needed', 'none'] as const;
export type ConsequenceAction = (typeof CONSEQUENCE_ACTIONS)[number];

export const ACTION_LABELS: Record<ConsequenceAction, { zh: string; en: string }> = {
  reward: { zh: '奖励（增加安排）', en: 'Reward (increase)' },
  cut: { zh: '压减预算', en: 'Cut' },
  cancel: { zh: '取消以后年度预算', en: 'Cancel later budgets' },
  priority: { zh: '优先保障', en: 'Priority funding' },
  as_needed: { zh: '按需安排', en: 'Funded as needed' },
  none: { zh: '不调整', en: 'No change' },
};

/**
 * The amount a ratio applies to:
 * - transfer_payments: the division's transfer payments (转移支付, funds of type transfer_payment) in the
 *   result year — what a county receives now, the basis of next year's reward or deduction;
 * - department_budget: the department's projects' amounts for the target year (下年度项目预算);
 * - auto: transfer payments for division subjects, the department budget for the others.
 */
export const BASE_KINDS = ['transfer_payments', 'department_budget', 'auto'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];
export type ResolvedBaseKind = Exclude<BaseKind, 'auto'>;

export const BASE_LABELS: Record<ResolvedBaseKind, { zh: string; en: string }> = {
  transfer_payments: { zh: '转移支付', en: 'transfer payments' },
  department_budget: { zh: '部门下年度项目预算', en: "the department's projects next year" },
};

export interface RankCondition {
  /** The best (rankTop) or worst (rankBottom) `percent` of the ranked subjects, ⌈n × percent / 100⌉ of them. */
  readonly percent?: number;
  /** The best or worst `count` ranked subjects. */
  readonly count?: number;
}

export interface ConsequenceRule {
  /** Stable within the set (letters, digits, - and _). */
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  /** Subject kinds the rule applies to (division, department …); empty or absent: every kind. */
  readonly subjectKinds?: readonly string[];
  /** Every given condition must hold; at least one is required. */
  readonly when: {
    /** Grade band codes (excellent, good, fair, low, poor). */
    readonly grades?: readonly string[];
    readonly rankTop?: RankCondition;
    readonly rankBottom?: RankCondition;
  };
  readonly action: ConsequenceAction;
  /** Fraction of the base (0.05 = 5%), 0–1 with at most 6 decimals; required for reward and cut. */
  readonly ratio?: number;
  readonly base?: BaseKind;
  /** 移交追责问责. */
  readonly accountability?: boolean;
}

export interface ConsequenceRuleSet {
  /** The budget year the consequences apply to, after the result year (default 1: next year). */
  readonly targetYearOffset: number;
  readonly rules: readonly ConsequenceRule[];
}

export interface RuleProblem {
  /** 'rules[2].ratio' */
  readonly path: string;
  readonly message: string;
  readonly messageEn: string;
}

const GRADE_CODES_HINT = ['excellent', 'good', 'fair', 'low', 'poor'];

/** The legacy grade map ({ fair: { action: 'cut', ratio: 0.1 }, … }) as a rule set, one rule per grade. */
function fromGradeMap(value: Record<string, unknown>): unknown {
  const rules = Object.entries(value).map(([grade, raw]) => {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    return {
      id: `grade-${grade}`,
      label: `等次“${grade}”`,
      when: { grades: [grade] },
      action: r['action'],
      ...(r['ratio'] !== undefined ? { ratio: r['ratio'] } : {}),
      base: 'auto',
      ...(r['accountability'] !== undefined ? { accountability: r['accountability'] } : {}),
    };
  });
  return { targetYearOffset: 1, rules };
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Ratio in parts per million, when it is a number in [0, 1] with at most 6 decimals. */
export function ratioPpm(ratio: number): number | null {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) return null;
  const ppm = Math.round(ratio * 1_000_000);
  return Math.abs(ratio * 1_000_000 - ppm) < 1e-6 ? ppm : null;
}

/**
 * Checks a stored or submitted value and returns the rule set, or VALIDATION_FAILED listing every problem
 * (`details.problems`). Accepts the legacy grade map of the first reference data and converts it.
 */
export function parseRuleSet(value: unknown): Result<ConsequenceRuleSet, DomainError> {
  const problems: RuleProblem[] = [];
  const add = (path: string, message: string, messageEn: string) =>
    problems.push({ path, message, messageEn });
  let v = value;
  if (isObject(v) && !('rules' in v) && Object.values(v).every(isObject)) v = fromGradeMap(v);
  if (!isObject(v)) {
    add('', '规则应为对象（含 rules 列表）', 'the rule set must be an object with a list of rules');
    return fail(problems);
  }
  const offset = v['targetYearOffset'] ?? 1;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > 5) {
    add('targetYearOffset', '适用年度应为结果年度后0–5年', 'the target year offset must be 0–5');
  }
  const list = v['rules'];
  if (!Array.isArray(list)) {
    add('rules', '缺少规则列表', 'missing the list of rules');
    return fail(problems);
  }
  if (list.length > 100) add('rules', '规则不超过100条', 'at most 100 rules');
  const ids = new Set<string>();
  const rules: ConsequenceRule[] = [];
  list.forEach((raw: unknown, i) => {
    const at = (f: string) => `rules[${i}]${f ? `.${f}` : ''}`;
    const n = i + 1;
    if (!isObject(raw)) {
      add(at(''), `第${n}条规则应为对象`, `rule ${n} must be an object`);
      return;
    }
    const id = raw['id'];
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(id)) {
      add(at('id'), `第${n}条规则的编号应为1–40位字母、数字、-或_`, `rule ${n}: bad id`);
    } else if (ids.has(id)) {
      add(at('id'), `规则编号“${id}”重复`, `duplicate rule id ${id}`);
    } else ids.add(id);
    const label = raw['label'];
    if (typeof label !== 'string' || label.trim().length === 0 || label.length > 200) {
      add(at('label'), `第${n}条规则需要说明（不超过200字）`, `rule ${n} needs a label (≤ 200 characters)`);
    }
    const labelEn = raw['labelEn'];
    if (labelEn !== undefined && labelEn !== null && (typeof labelEn !== 'string' || labelEn.length > 200)) {
      add(at('labelEn'), `第${n}条规则的英文说明无效`, `rule ${n}: bad English label`);
    }
    const kinds = raw['subjectKinds'];
    if (
      kinds !== undefined &&
      kinds !== null &&
      !(Array.isArray(kinds) && kinds.every((k) => typeof k === 'string' && k.length > 0))
    ) {
      add(at('subjectKinds'), `第${n}条规则的适用对象无效`, `rule ${n}: bad subject kinds`);
    }
    const action = raw['action'];
    if (!(CONSEQUENCE_ACTIONS as readonly unknown[]).includes(action)) {
      add(
        at('action'),
        `第${n}条规则的处理方式应为 ${CONSEQUENCE_ACTIONS.join('、')} 之一`,
        `rule ${n}: action must be one of ${CONSEQUENCE_ACTIONS.join(', ')}`,
      );
    }
    const ratio = raw['ratio'];
    const needsRatio = action === 'reward' || action === 'cut';
    if (needsRatio && ratio === undefined) {
      add(at('ratio'), `第${n}条规则（${String(action)}）需要比例`, `rule ${n} needs a ratio`);
    } else if (ratio !== undefined && ratio !== null && ratioPpm(ratio as number) === null) {
      add(
        at('ratio'),
        `第${n}条规则的比例应在0到1之间（如0.05表示5%），最多6位小数`,
        `rule ${n}: the ratio must lie in 0–1 (0.05 = 5%) with at most 6 decimals`,
      );
    }
    const base = raw['base'] ?? 'auto';
    if (!(BASE_KINDS as readonly unknown[]).includes(base)) {
      add(at('base'), `第${n}条规则的基数应为 ${BASE_KINDS.join('、')} 之一`, `rule ${n}: bad base`);
    }
    const acc = raw['accountability'];
    if (acc !== undefined && acc !== null && typeof acc !== 'boolean') {
      add(at('accountability'), `第${n}条规则的“移交问责”应为是或否`, `rule ${n}: accountability is yes/no`);
    }
    const when = raw['when'];
    const cond: { grades?: string[]; rankTop?: RankCondition; rankBottom?: RankCondition } = {};
    if (!isObject(when)) {
      add(at('when'), `第${n}条规则需要适用条件`, `rule ${n} needs conditions`);
    } else {
      const grades = when['grades'];
      if (grades !== undefined && grades !== null) {
        if (
          !Array.isArray(grades) ||
          grades.length === 0 ||
          !grades.every((g) => typeof g === 'string' && g.length > 0 && g.length <= 32)
        ) {
          add(
            at('when.grades'),
            `第${n}条规则的等次应为等次代码列表（如 ${GRADE_CODES_HINT.join('、')}）`,
            `rule ${n}: grades must be a list of grade codes`,
          );
        } else cond.grades = grades as string[];
      }
      for (const key of ['rankTop', 'rankBottom'] as const) {
        const rc = when[key];
        if (rc === undefined || rc === null) continue;
        const word = key === 'rankTop' ? '前' : '后';
        if (!isObject(rc)) {
          add(at(`when.${key}`), `第${n}条规则的排名${word}条件无效`, `rule ${n}: bad ${key}`);
          continue;
        }
        const p = rc['percent'];
        const c = rc['count'];
        const pOk = p === undefined || (typeof p === 'number' && p > 0 && p <= 100);
        const cOk = c === undefined || (typeof c === 'number' && Number.isInteger(c) && c >= 1);
        if (!pOk || !cOk || (p === undefined) === (c === undefined)) {
          add(
            at(`when.${key}`),
            `第${n}条规则的排名${word}条件应给出百分比（0–100）或名次数（正整数）之一`,
            `rule ${n}: ${key} needs either percent (0–100] or count (≥ 1)`,
          );
        } else cond[key] = p !== undefined ? { percent: p as number } : { count: c as number };
      }
      if (!cond.grades && !cond.rankTop && !cond.rankBottom) {
        add(
          at('when'),
          `第${n}条规则至少需要一个条件（等次、排名前或排名后）`,
          `rule ${n} needs at least one condition`,
        );
      }
    }
    rules.push({
      id: String(id),
      label: typeof label === 'string' ? label.trim() : '',
      ...(typeof labelEn === 'string' && labelEn.trim() ? { labelEn: labelEn.trim() } : {}),
      ...(Array.isArray(kinds) && kinds.length > 0 ? { subjectKinds: kinds as string[] } : {}),
      when: cond,
      action: action as ConsequenceAction,
      ...(typeof ratio === 'number' ? { ratio } : {}),
      base: base as BaseKind,
      ...(acc === true ? { accountability: true } : {}),
    });
  });
  if (problems.length > 0) return fail(problems);
  return ok({ targetYearOffset: offset as number, rules });
}

function fail(problems: RuleProblem[]): Result<never, DomainError> {
  return err(
    domainError(
      'VALIDATION_FAILED',
      { problems },
      {
        zh: problems.map((p) => p.message).join('；'),
        en: problems.map((p) => p.messageEn).join('; '),
      },
    ),
  );
}
