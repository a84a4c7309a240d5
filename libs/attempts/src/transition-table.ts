import { Actor, AttemptKind, StatusOf } from './attempt-kind';
import { attemptFlow } from './attempt-flow';

interface Move<S extends string> {
  from: S[];
  to: S;
  by: Actor[];
  /**
   * The move ends a live attempt before its deadline (an operator blocking its user). Any other
   * move to EXPIRED is the deadline's, and waits for it to pass.
   */
  beforeDeadline?: true;
}

/** A kind's statuses and the moves between them: data, defined by the flow (see AttemptFlow). */
export interface TransitionTable<S extends string> {
  initial: S;
  /** Other statuses an attempt may be created in (another way of proving the same thing). */
  alsoInitial?: S[];
  final: S[];
  moves: Move<S>[];
  /**
   * In-flight statuses: a provider call follows the move into them, under a lease. When the lease
   * lapses (the process died mid-call, or its database went away), the system moves the attempt
   * back to the status given here, from which the step can be taken again.
   */
  interrupted?: Partial<Record<S, S>>;
}

/** allowedSources' answers per table, by `to` and actor: a table is data that never changes. */
const sourcesOf = new WeakMap<TransitionTable<string>, Map<string, readonly string[]>>();

/**
 * The statuses from which `actor` may move an attempt of `kind` to `to` (empty: never). Worked out
 * once per table, status and actor, not on every move; the array is shared: never change it.
 */
export function allowedSources<K extends AttemptKind>(
  kind: K,
  to: StatusOf<K>,
  actor: Actor,
): readonly StatusOf<K>[] {
  const table = attemptFlow(kind).table as TransitionTable<string>;
  let known = sourcesOf.get(table);
  if (!known) sourcesOf.set(table, (known = new Map()));
  const key = `${to}\u0000${actor}`;
  let sources = known.get(key);
  if (!sources) {
    sources = Object.freeze(
      table.moves.filter((m) => m.to === to && m.by.includes(actor)).flatMap((m) => m.from),
    );
    known.set(key, sources);
  }
  return sources as readonly StatusOf<K>[];
}

/** Whether `actor`'s move of an attempt of `kind` to `to` may come before the deadline. */
export function movesBeforeDeadline<K extends AttemptKind>(
  kind: K,
  to: StatusOf<K>,
  actor: Actor,
): boolean {
  const table = attemptFlow(kind).table as TransitionTable<string>;
  return table.moves.some((m) => m.to === to && m.by.includes(actor) && m.beforeDeadline);
}

/** Where the system returns an attempt of `kind` whose in-flight step in `status` was interrupted. */
export function interruptedStepReturnsTo<K extends AttemptKind>(
  kind: K,
  status: StatusOf<K>,
): StatusOf<K> | undefined {
  return (attemptFlow(kind).table as TransitionTable<string>).interrupted?.[status] as
    StatusOf<K> | undefined;
}

export function isFinal<K extends AttemptKind>(kind: K, status: StatusOf<K>): boolean {
  return (attemptFlow(kind).table as TransitionTable<string>).final.includes(status);
}

/** The table drawn as a mermaid state diagram; committed beside each flow's table and checked by a test. */
export function toMermaid(table: TransitionTable<string>): string {
  const lines = ['stateDiagram-v2', `    [*] --> ${table.initial}`];
  for (const also of table.alsoInitial ?? []) lines.push(`    [*] --> ${also}`);
  for (const move of table.moves) {
    for (const from of move.from) lines.push(`    ${from} --> ${move.to}: ${move.by.join(', ')}`);
  }
  for (const status of table.final) lines.push(`    ${status} --> [*]`);
  return lines.join('\n') + '\n';
}
