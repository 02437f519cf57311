/**
 * The two sides of a what-if (情景模拟): the baseline (the published template, the grade scheme and the
 * consequence rules in force) and the scenario (an edited template, scheme and/or rules), scored over the
 * same subjects and the same stored inputs, and the budget consequences each side proposes.
 *
 * Scorecards (counties, departments …) are scored from their inputs with compiled plans; self-evaluations
 * (every project of a province) keep their formula totals and are re-graded. Consequences come from the
 * consequences core in one pass per side (`proposeAmounts`).
 */
import {
  compileRules,
  CONSEQUENCE_ACTION_ORDER,
  proposeAmounts,
  type CompiledRules,
  type ConsequenceAmounts,
  type ConsequenceSubject,
} from '../consequences/propose.ts';
import type { InputSpec } from '../indicators/types.ts';
import type { Fen } from '../kernel/money.ts';
import type { EvaluationPlan } from '../scoring/compile-template.ts';
import type { GradeScheme } from '../scoring/grades.ts';
import { missingInputs } from '../scoring/inputs.ts';
import { ScoreWorkspace, type Batch } from '../scoring/score-batch.ts';
import {
  gradeLegend,
  gradeOutcome,
  INCOMPLETE,
  NO_GRADE,
  rankPrinted,
  scoreOutcome,
  type GradeLegend,
  type Outcome,
} from './outcome.ts';

/** Base amounts of one subject for the consequence rules (transfer payments, department budget). */
export type Bases = ConsequenceSubject['bases'];

export interface ScorecardSubject {
  readonly id: string;
  /** Subject kind as the rules name it: division, department, fund … */
  readonly kind: string;
  /** Stored values by input key; null = marked not applicable; absent = no value. */
  readonly values: ReadonlyMap<string, number | null>;
}

export interface ScoredSides {
  readonly legend: GradeLegend;
  readonly baseline: Outcome;
  readonly scenario: Outcome;
  /** Inputs the scenario's template reads that the baseline's does not: no stored values exist for them,
   * so their leaves count as not applicable (the total is re-scaled over the others). */
  readonly unknownInputs: readonly InputSpec[];
}

/** The batch of a plan from subjects' values: one column per input, NaN where no number is stored. */
function batchOf(plan: EvaluationPlan, subjects: readonly ScorecardSubject[]): Batch {
  const n = subjects.length;
  const columns = new Map<string, Float64Array>();
  for (const spec of plan.inputs) {
    const c = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const v = subjects[i]!.values.get(spec.key);
      if (typeof v === 'number' && Number.isFinite(v)) c[i] = v;
    }
    columns.set(spec.key, c);
  }
  return { n, columns };
}

/**
 * Scores both sides of a scorecard what-if. A subject is complete on a side when it lacks no required
 * input of that side's template — counting, for the scenario, only inputs the baseline also reads (new
 * inputs have no stored values for anyone; see `unknownInputs`). One workspace serves both sides.
 */
export function scoreScorecardSides(
  subjects: readonly ScorecardSubject[],
  baseline: { readonly plan: EvaluationPlan; readonly scheme: GradeScheme },
  scenario: { readonly plan: EvaluationPlan; readonly scheme: GradeScheme },
  workspace: ScoreWorkspace = new ScoreWorkspace(),
): ScoredSides {
  const n = subjects.length;
  const legend = gradeLegend([baseline.scheme, scenario.scheme]);
  const known = new Set(baseline.plan.inputs.map((s) => s.key));
  const unknownInputs = scenario.plan.inputs.filter((s) => !known.has(s.key));
  const completeB = new Uint8Array(n);
  const completeS = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = subjects[i]!.values;
    completeB[i] = missingInputs(baseline.plan, v).length === 0 ? 1 : 0;
    completeS[i] = missingInputs(scenario.plan, v).every((k) => !known.has(k)) ? 1 : 0;
  }
  const b = scoreOutcome(
    baseline.plan,
    baseline.scheme,
    batchOf(baseline.plan, subjects),
    completeB,
    legend,
    workspace,
  );
  const s = scoreOutcome(
    scenario.plan,
    scenario.scheme,
    batchOf(scenario.plan, subjects),
    completeS,
    legend,
    workspace,
  );
  return { legend, baseline: b, scenario: s, unknownInputs };
}

/**
 * Re-grades stored totals (the formula totals of self-evaluations): the baseline grades each subject with
 * the scheme of its division (`baselineSchemeOf[i]` indexes `baselineSchemes`), the scenario with one
 * scheme for all, or the same schemes when `scenarioScheme` is null. Totals do not move, so ranks are
 * computed once and shared.
 */
export function regradeSides(
  totals: Float64Array,
  baselineSchemes: readonly GradeScheme[],
  baselineSchemeOf: Uint8Array,
  scenarioScheme: GradeScheme | null,
): ScoredSides {
  const n = totals.length;
  const legend = gradeLegend(scenarioScheme ? [...baselineSchemes, scenarioScheme] : baselineSchemes);
  const complete = new Uint8Array(n);
  for (let i = 0; i < n; i++) complete[i] = totals[i] === totals[i] ? 1 : 0;
  const ranks = rankPrinted(totals, complete);
  const baseline = gradeOutcome(totals, complete, baselineSchemes, baselineSchemeOf, legend, ranks);
  const scenario = scenarioScheme
    ? gradeOutcome(totals, complete, [scenarioScheme], null, legend, ranks)
    : gradeOutcome(totals, complete, baselineSchemes, baselineSchemeOf, legend, ranks);
  return { legend, baseline, scenario, unknownInputs: [] };
}

/**
 * Proposed amounts of one side: every subject's grade and rank under the side's rules, in one pass of the
 * consequences core. Two shortcuts that give the same amounts as passing everyone: rules naming only
 * kinds of subject that are not there are left out (a rule counts ranks among its own kinds only), and
 * when no remaining rule looks at ranks, a subject whose grade (and kind) no rule names proposes nothing —
 * most projects are 优 and match no rule — so only the others go through the rules. `bases` may be a
 * function, so that bases are built only for the subjects that go through the rules.
 */
export function proposeSide(
  rules: CompiledRules,
  legend: GradeLegend,
  outcome: Outcome,
  ids: readonly string[],
  kinds: readonly string[] | string,
  bases: readonly Bases[] | ((i: number) => Bases),
): ConsequenceAmounts {
  const n = outcome.n;
  const codes = legend.entries.map((e) => e.code);
  const kindOf = (i: number) => (typeof kinds === 'string' ? kinds : kinds[i]!);
  const baseOf = typeof bases === 'function' ? bases : (i: number) => bases[i]!;
  const gradeCode = (g: number) => (g === NO_GRADE ? INCOMPLETE : codes[g]!);
  const present = new Set(typeof kinds === 'string' ? [kinds] : kinds);
  const applicable = rules.set.rules.filter(
    (r) => !r.subjectKinds || r.subjectKinds.length === 0 || r.subjectKinds.some((k) => present.has(k)),
  );
  const none = (): ConsequenceAmounts => ({
    proposedFen: new Float64Array(n),
    action: new Uint8Array(n).fill(CONSEQUENCE_ACTION_ORDER.indexOf('none')),
    accountability: new Uint8Array(n),
    totalFen: 0,
  });
  if (applicable.length === 0) return none();
  let used = rules;
  if (applicable.length < rules.rules.length) {
    // the same rules, fewer of them (a checked set stays valid when rules are left out)
    const again = compileRules({ ...rules.set, rules: applicable });
    if (again.ok) used = again.value;
  }
  const rankFree = used.rules.every((r) => !r.rule.when.rankTop && !r.rule.when.rankBottom);
  // per grade index (NO_GRADE last) and kind: does any rule name it?
  const named = new Map<string, Uint8Array>();
  const namedFor = (kind: string) => {
    let m = named.get(kind);
    if (!m) {
      m = Uint8Array.from([...codes, INCOMPLETE], (code) =>
        used.rules.some(
          (r) => (r.kinds === null || r.kinds.has(kind)) && (r.grades === null || r.grades.has(code)),
        )
          ? 1
          : 0,
      );
      named.set(kind, m);
    }
    return m;
  };
  const picked: number[] = [];
  const subjects: ConsequenceSubject[] = [];
  for (let i = 0; i < n; i++) {
    const g = outcome.grades[i]!;
    const kind = kindOf(i);
    if (rankFree && namedFor(kind)[g === NO_GRADE ? codes.length : g] === 0) continue;
    const r = outcome.ranks[i]!;
    picked.push(i);
    subjects.push({
      subjectId: ids[i]!,
      kind,
      grade: gradeCode(g),
      rank: r > 0 ? r : null,
      bases: baseOf(i),
    });
  }
  if (picked.length === n) return proposeAmounts(used, subjects);
  const out = none();
  const some = proposeAmounts(used, subjects);
  for (let k = 0; k < picked.length; k++) {
    const i = picked[k]!;
    out.proposedFen[i] = some.proposedFen[k]!;
    out.action[i] = some.action[k]!;
    out.accountability[i] = some.accountability[k]!;
  }
  return { ...out, totalFen: some.totalFen };
}

/** Bases of subjects whose only base is one amount each (a project's budget of the target year; NaN: none). */
export function budgetBases(amounts: Float64Array): (i: number) => Bases {
  return (i) => {
    const a = amounts[i]!;
    return { department_budget: a === a ? (a as Fen) : null };
  };
}
