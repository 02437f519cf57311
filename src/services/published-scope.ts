import type { DivisionPort } from '../core/access/ports.ts';
import { inDivisionScope, type Actor } from '../core/access/scope.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';

/**
 * Scope of what a division publishes for those below it (library indicators, templates): a user sees what
 * the divisions above their own published, and everything of their own division and below it — never a
 * sibling's. They change only what belongs to their own division or below it.
 */

/** Owners whose published records the actor may read. */
export async function visibleOwners(divisions: DivisionPort, actor: Actor): Promise<ReadonlySet<string>> {
  return new Set([...(await divisions.ancestorCodes(actor.divisionCode)), ...actor.divisionCodes]);
}

/**
 * Owners whose records a division may use: itself and the divisions above it (`'usable'`), or those plus
 * the divisions below it (`'all'`, for overseeing). The division defaults to the actor's own; naming one
 * outside the actor's scope is OUT_OF_SCOPE.
 */
export async function ownersFor(
  divisions: DivisionPort,
  actor: Actor,
  division: string | undefined,
  owners: 'usable' | 'all' = 'usable',
): Promise<Result<string[], DomainError>> {
  const code = division ?? actor.divisionCode;
  if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
  const up = await divisions.ancestorCodes(code);
  if (owners === 'usable') return ok(up);
  const down = await divisions.subtreeCodes(code);
  return ok([...new Set([...up, ...down])]);
}

/** The refusal when a record belongs to a division above the actor's (visible, but not theirs to change). */
export function upperOwnerRefusal(mofDivCode: string, what: { zh: string; en: string }): DomainError {
  return domainError(
    'OUT_OF_SCOPE',
    { mofDivCode },
    {
      zh: `该${what.zh}由上级区划发布，本级只能使用，不能修改`,
      en: `this ${what.en} is published by an upper division; you may use it but not change it`,
    },
  );
}
