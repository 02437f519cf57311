import type { Actor } from '../access/scope.ts';
import type { DomainError, Result } from '../kernel/index.ts';
import { defineMachine, eventsFrom, guardedTransition, type Guard } from '../workflow/machine.ts';
import type { ItemStatus } from './types.ts';

/**
 * A rectification item's workflow (整改事项):
 *
 *   open ──submit──▶ submitted ──accept──▶ accepted ──close──▶ closed
 *                      │   ▲
 *                 return   submit (resubmit)
 *                      ▼   │
 *                    returned
 *
 * The owner (责任单位) submits its rectification with evidence; the issuer (下达单位) accepts it or returns
 * it with an opinion; a returned item is submitted again. An accepted item is closed (销号) when every item
 * of its notice (or clue) is accepted. Overdue escalation is not a state: it is recorded beside the status.
 */
export const rectificationMachine = defineMachine({
  open: { submit: 'submitted' },
  submitted: { accept: 'accepted', return: 'returned' },
  returned: { submit: 'submitted' },
  accepted: { close: 'closed' },
  closed: {},
});

export type ItemEvent = (typeof rectificationMachine.events)[number];

/** Who is acting on an item: its owner, its issuer, or the system (closing). */
export interface ItemParty {
  readonly isOwner: boolean;
  readonly isIssuer: boolean;
  readonly isSystem: boolean;
}

/** Who may fire which event. */
export const rectificationGuards: { readonly [E in ItemEvent]: Guard<ItemParty> } = {
  submit: (p) =>
    p.isOwner
      ? null
      : { zh: '只有整改责任单位可以报送整改情况', en: 'only the responsible organization submits' },
  accept: (p) =>
    p.isIssuer ? null : { zh: '只有下达整改的单位可以审核', en: 'only the issuing division reviews' },
  return: (p) =>
    p.isIssuer ? null : { zh: '只有下达整改的单位可以退回', en: 'only the issuing division returns an item' },
  close: (p) =>
    p.isSystem ? null : { zh: '全部整改事项通过审核后自动销号', en: 'items close by themselves' },
};

/** The actor's part in an item (owner: its organization or one above it; issuer: the issuing division). */
export function partyOf(
  actor: Pick<Actor, 'organizationId' | 'organizationIds' | 'divisionCode' | 'permissions'>,
  item: { readonly ownerOrgId: string; readonly issuerMofDivCode: string },
): ItemParty {
  const ownsIt =
    actor.organizationId === item.ownerOrgId ||
    (actor.organizationIds !== null && actor.organizationIds.includes(item.ownerOrgId));
  return {
    isOwner: ownsIt && actor.permissions.has('ledger.submit'),
    isIssuer:
      actor.organizationIds === null &&
      actor.divisionCode === item.issuerMofDivCode &&
      actor.permissions.has('ledger.review'),
    isSystem: false,
  };
}

export function itemTransition(
  from: ItemStatus,
  event: ItemEvent,
  party: ItemParty,
): Result<ItemStatus, DomainError> {
  return guardedTransition(rectificationMachine, rectificationGuards, from, event, party);
}

/** The events this party may fire now (for the buttons a page shows). */
export function allowedEvents(status: ItemStatus, party: ItemParty): ItemEvent[] {
  return eventsFrom(rectificationMachine, status).filter((e) => rectificationGuards[e](party) === null);
}
