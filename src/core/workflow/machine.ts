import { domainError, err, ok, type DomainError, type Result } from '../kernel/index.ts';

/**
 * Workflows are data: a table of states, each with the events it accepts and the state each event leads
 * to. Generic — no domain words here; a context defines its own table (and its guards beside it).
 *
 *   const m = defineMachine({ draft: { submit: 'submitted' }, submitted: { approve: 'approved' }, approved: {} });
 *   transition(m, 'draft', 'approve') → err({ code: 'TRANSITION_NOT_ALLOWED', details: { from: 'draft', event: 'approve' } })
 */

/** state → (event → next state). Every target must itself be a state of the table. */
export type MachineTable<S extends string, E extends string> = {
  readonly [K in S]: { readonly [V in E]?: S };
};

export interface Machine<S extends string, E extends string> {
  readonly table: MachineTable<S, E>;
  readonly states: readonly S[];
  readonly events: readonly E[];
}

type StatesOf<T> = Extract<keyof T, string>;
type EventsOf<T> = { [K in keyof T]: Extract<keyof T[K], string> }[keyof T];

/** Builds a machine from its table; the state and event names are inferred from the table's keys. */
export function defineMachine<const T extends Record<string, Record<string, string>>>(
  table: T & { readonly [K in keyof T]: { readonly [V in keyof T[K]]: StatesOf<T> } },
): Machine<StatesOf<T>, EventsOf<T>> {
  const states = Object.keys(table) as StatesOf<T>[];
  const events = new Set<string>();
  for (const s of states) {
    for (const [event, target] of Object.entries(table[s]!)) {
      if (!(target in table)) throw new Error(`machine: ${s} --${event}--> unknown state ${target}`);
      events.add(event);
    }
  }
  return {
    table: table as unknown as MachineTable<StatesOf<T>, EventsOf<T>>,
    states,
    events: [...events] as EventsOf<T>[],
  };
}

/** The state an event leads to from `from`, or TRANSITION_NOT_ALLOWED (with from, event and what is allowed). */
export function transition<S extends string, E extends string>(
  machine: Machine<S, E>,
  from: S,
  event: E,
): Result<S, DomainError> {
  const row = machine.table[from] as { readonly [V in E]?: S } | undefined;
  const to = row ? row[event] : undefined;
  if (to === undefined) {
    return err(
      domainError(
        'TRANSITION_NOT_ALLOWED',
        { from, event, allowed: eventsFrom(machine, from) },
        {
          zh: `状态“${from}”下不能执行“${event}”`,
          en: `"${event}" is not possible in state "${from}"`,
        },
      ),
    );
  }
  return ok(to);
}

/** The events a state accepts, in the table's order. */
export function eventsFrom<S extends string, E extends string>(machine: Machine<S, E>, from: S): E[] {
  const row = machine.table[from] as Record<string, S> | undefined;
  return row ? (Object.keys(row) as E[]) : [];
}

/** True when no event leaves the state. */
export function isFinal<S extends string, E extends string>(machine: Machine<S, E>, state: S): boolean {
  return eventsFrom(machine, state).length === 0;
}

/**
 * A guard says whether a party may fire an event on a record: null when allowed, else why not. Contexts
 * keep their guards in a table beside the machine (`Record<Event, Guard<…>>`).
 */
export type Guard<C> = (context: C) => { readonly zh: string; readonly en: string } | null;

/**
 * Checks the guard of an event, then the table: FORBIDDEN with the guard's reason, or the next state.
 * The table is checked first, so an impossible event reads as TRANSITION_NOT_ALLOWED whoever asks.
 */
export function guardedTransition<S extends string, E extends string, C>(
  machine: Machine<S, E>,
  guards: { readonly [V in E]?: Guard<C> },
  from: S,
  event: E,
  context: C,
): Result<S, DomainError> {
  const next = transition(machine, from, event);
  if (!next.ok) return next;
  const guard = guards[event];
  const refusal = guard ? guard(context) : null;
  if (refusal) return err(domainError('FORBIDDEN', { event }, refusal));
  return next;
}
