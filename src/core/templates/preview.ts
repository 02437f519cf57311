import type { DomainError, Result } from '../kernel/index.ts';
import { err, ok } from '../kernel/index.ts';
import { batchFromRecords, type SubjectInputs } from '../scoring/batch-input.ts';
import type { EvaluationPlan } from '../scoring/compile-template.ts';
import { explainSubject, type SubjectExplanation } from '../scoring/explain.ts';
import type { GradeScheme } from '../scoring/grades.ts';
import { scoreBatch } from '../scoring/score-batch.ts';

/**
 * 试算: scores sample subjects with a plan and explains each one, without storing anything. The samples
 * form one batch, so relative indicators compare them with each other.
 */
export function previewScores(
  plan: EvaluationPlan,
  records: readonly SubjectInputs[],
  scheme: GradeScheme,
): Result<SubjectExplanation[], DomainError> {
  const batch = batchFromRecords(plan, records);
  const scored = scoreBatch(plan, batch, { keep: 'totals' });
  if (!scored.ok) return err(scored.error);
  return ok(records.map((_, i) => explainSubject(plan, batch, i, scheme)));
}
