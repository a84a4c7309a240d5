import { AttemptKind } from './attempt-kind';

/** A move as a hook sees it: its kind, its new status, and the event its flow names for it. */
export interface HookedMove {
  kind: AttemptKind;
  to: string;
  /** What the flow says a move into `to` reports (AttemptFlow.events), if anything. */
  event: string | undefined;
}

/**
 * More a move writes, in the move's own statement, so that it commits with the move or not at
 * all: a process that dies between two statements could otherwise lose it, or report a move that
 * never happened. A module above this library provides it as a global provider (the webhooks'
 * outbox); without one, a move writes only itself and its audit event. The state machine takes
 * the SQL without knowing what it writes.
 */
export abstract class AttemptMoveHook {
  /**
   * A data-modifying statement run as a CTE of the move's (see transitionSql): it reads the moved
   * row as `a`, and its own parameters as $17, $18, … in the order `parameters` gives them
   * (the move's own are $1 to $16: see transitionSql).
   */
  abstract readonly sql: string;

  /** Its parameters for one move. */
  abstract parameters(move: HookedMove): unknown[];
}
