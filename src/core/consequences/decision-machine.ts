import { defineMachine } from '../workflow/machine.ts';

/**
 * A proposed consequence changes no budget until the deciding division confirms it (with the amount it
 * confirms) or rejects it; a decision is final.
 *
 *   proposed ──confirm──▶ confirmed
 *      └──────reject───▶ rejected
 */
export const decisionMachine = defineMachine({
  proposed: { confirm: 'confirmed', reject: 'rejected' },
  confirmed: {},
  rejected: {},
});

export type DecisionEvent = (typeof decisionMachine.events)[number];
