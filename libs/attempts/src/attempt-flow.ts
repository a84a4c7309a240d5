import { AttemptKind, StatusOf } from './attempt-kind';
import type { TransitionTable } from './transition-table';

/**
 * What a flow tells the state machine about its kind of attempt: its transition table, and the
 * event each move into a status reports (to the module that provides an AttemptMoveHook: the
 * webhooks' outbox). A flow's states file defines it beside its status enum and diagram.
 */
export interface AttemptFlow<K extends AttemptKind = AttemptKind> {
  kind: K;
  table: TransitionTable<StatusOf<K>>;
  /** The event a move into each status reports; a status not named reports none. */
  events?: Partial<Record<StatusOf<K>, string>>;
}

const flows = new Map<string, AttemptFlow>();

/**
 * Registers a flow with the state machine and returns it. Called by the flow's states file when it
 * is loaded, so a flow is registered before any move of its kind: whatever names the kind or its
 * statuses has loaded that file first, and the app's modules load every flow before Nest starts.
 */
export function registerAttemptFlow<K extends AttemptKind>(flow: AttemptFlow<K>): AttemptFlow<K> {
  const known = flows.get(flow.kind);
  if (known && known !== (flow as unknown as AttemptFlow)) {
    throw new Error(`attempt kind ${flow.kind} is registered by two flows`);
  }
  flows.set(flow.kind, flow as unknown as AttemptFlow);
  return flow;
}

/** The registered flow of `kind`; throws for a kind no loaded flow declares. */
export function attemptFlow<K extends AttemptKind>(kind: K): AttemptFlow<K> {
  const flow = flows.get(kind);
  if (!flow) {
    throw new Error(`no flow is registered for attempts of kind ${kind} (load its states file)`);
  }
  return flow as unknown as AttemptFlow<K>;
}

/** Every registered flow, in the order they registered. */
export function registeredAttemptFlows(): AttemptFlow[] {
  return [...flows.values()];
}
