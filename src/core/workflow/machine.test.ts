import { describe, expect, it } from 'vitest';
import { defineMachine, eventsFrom, guardedTransition, isFinal, transition } from './machine.ts';

const goal = defineMachine({
  draft: { submit: 'first_submitted' },
  first_submitted: { return_with_opinions: 'first_returned' },
  first_returned: { resubmit: 'second_submitted' },
  second_submitted: { approve: 'approved', return_with_opinions: 'first_returned' },
  approved: {},
});

describe('defineMachine / transition', () => {
  it.each([
    ['draft', 'submit', 'first_submitted'],
    ['first_submitted', 'return_with_opinions', 'first_returned'],
    ['first_returned', 'resubmit', 'second_submitted'],
    ['second_submitted', 'approve', 'approved'],
    ['second_submitted', 'return_with_opinions', 'first_returned'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(transition(goal, from, event)).toEqual({ ok: true, value: to });
  });

  it.each([
    ['draft', 'approve'],
    ['approved', 'submit'],
    ['first_submitted', 'resubmit'],
  ] as const)('refuses %s --%s', (from, event) => {
    const r = transition(goal, from, event);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(r.error.details).toMatchObject({ from, event, allowed: eventsFrom(goal, from) });
    }
  });

  it('lists states, events and final states', () => {
    expect(goal.states).toEqual([
      'draft',
      'first_submitted',
      'first_returned',
      'second_submitted',
      'approved',
    ]);
    expect(new Set(goal.events)).toEqual(new Set(['submit', 'return_with_opinions', 'resubmit', 'approve']));
    expect(isFinal(goal, 'approved')).toBe(true);
    expect(isFinal(goal, 'draft')).toBe(false);
  });

  it('refuses a table whose target is not a state', () => {
    expect(() => defineMachine({ a: { go: 'b' } } as never)).toThrow(/unknown state b/);
  });
});

describe('guardedTransition', () => {
  const guards = {
    approve: (c: { role: string }) =>
      c.role === 'finance' ? null : { zh: '只有财政部门可以批复', en: 'only finance approves' },
  };
  it('checks the table before the guard, then the guard', () => {
    expect(guardedTransition(goal, guards, 'draft', 'approve', { role: 'dept' })).toMatchObject({
      ok: false,
      error: { code: 'TRANSITION_NOT_ALLOWED' },
    });
    expect(guardedTransition(goal, guards, 'second_submitted', 'approve', { role: 'dept' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(guardedTransition(goal, guards, 'second_submitted', 'approve', { role: 'finance' })).toEqual({
      ok: true,
      value: 'approved',
    });
  });
});
