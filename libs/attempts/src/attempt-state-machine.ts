import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { metrics } from '@simauth/observability';
import { Actor, AttemptKind, EXPIRED, StatusOf } from './attempt-kind';
import { Attempt, toAttempt } from './attempt';
import {
  AttemptExpiredError,
  AttemptNotFoundError,
  InvalidTransitionError,
  StepInProgressError,
} from './attempt.errors';
import { AnnotationEvent, AttemptRepository, ClaimTarget } from './attempt.repository';
import { attemptFlow } from './attempt-flow';
import {
  TransitionTable,
  allowedSources,
  interruptedStepReturnsTo,
  isFinal,
  movesBeforeDeadline,
} from './transition-table';

interface CreateAttempt<K extends AttemptKind> {
  kind: K;
  /** Lifespan from now, by the database clock (one clock for every replica). */
  ttlSeconds: number;
  actor: Actor;
  /** Pre-chosen id, e.g. when a provider call carrying it as reference came first. */
  id?: string;
  /** The kind's initial status unless given: one of its table's `alsoInitial`. */
  status?: StatusOf<K>;
  phoneNumber?: string | null;
  userId?: string | null;
  deviceId?: string | null;
  providerRef?: string | null;
  tokenHash?: Buffer | null;
  context?: Record<string, unknown>;
  reason?: string;
  /** The HTTP request that caused it, for the audit event. */
  requestId?: string;
  /** The provider its first audit event names (see Transition.provider). */
  provider?: string;
  /** Its moves are watched from the start (they NOTIFY; see `watch`). */
  watched?: boolean;
}

interface Transition<K extends AttemptKind> {
  kind: K;
  id: string;
  to: StatusOf<K>;
  actor: Actor;
  reason?: string;
  providerRef?: string;
  context?: Record<string, unknown>;
  result?: Record<string, unknown>;
  /** Gives the attempt a new deadline of now + ttl (e.g. the PhoneCheck's own TTL). */
  ttlSeconds?: number;
  /** The HTTP request that caused it, for the audit event. */
  requestId?: string;
  /**
   * Holds a lease of this many seconds on the step that follows the move (a provider call); any
   * other move, or an annotate recording the step's result, ends it.
   */
  leaseSeconds?: number;
  /** Moves only an attempt whose lease has lapsed: taking over an interrupted step. */
  onlyIfLeaseLapsed?: boolean;
  /**
   * The provider whose answer (or call) the move records, named by its audit event and by what
   * the move hook writes (e.g. the SIM proof's `vonage`); none when no provider took part.
   */
  provider?: string;
}

/**
 * The only way an attempt is created or changes status. Each call is one SQL statement that
 * writes the row, its audit event and a NOTIFY (and, in a move, what the AttemptMoveHook writes),
 * so a move is atomic, audited and announced. The kinds, their tables and the events their moves
 * report are the flows' (see registerAttemptFlow).
 */
@Injectable()
export class AttemptStateMachine {
  constructor(private readonly attempts: AttemptRepository) {}

  /** Creates an attempt in its kind's initial status; `tx` joins a caller's transaction. */
  async create<K extends AttemptKind>(
    request: CreateAttempt<K>,
    tx?: EntityManager,
  ): Promise<Attempt<StatusOf<K>>> {
    const table = attemptFlow(request.kind).table as TransitionTable<string>;
    if (request.status && !(table.alsoInitial ?? []).includes(request.status))
      throw new Error(`a ${request.kind} cannot start in ${request.status}`);
    const row = await this.attempts.insert(
      {
        ...request,
        id: request.id ?? randomUUID(),
        status: request.status ?? table.initial,
      },
      tx,
    );
    metrics.attemptMoves.inc({ kind: request.kind, to: row.status, actor: request.actor });
    return toAttempt(row);
  }

  /**
   * From now on the attempt's moves are announced to LISTEN subscribers on every replica (only
   * watched attempts' moves are: each announcement costs Postgres a lock and every replica a
   * message). Subscribe first, then call this, then read the attempt: no move is missed.
   * Throws AttemptNotFoundError for an unknown id.
   */
  async watch(kind: AttemptKind, id: string): Promise<void> {
    if (!(await this.attempts.markWatched(kind, id))) throw new AttemptNotFoundError(id);
  }

  /**
   * Moves an attempt; throws AttemptNotFoundError (unknown id, or another kind),
   * AttemptExpiredError (deadline passed), or InvalidTransitionError (illegal now, or lost a race).
   * With `tx` the move commits (and is announced) with the caller's other writes, or not at all.
   */
  async transition<K extends AttemptKind>(
    request: Transition<K>,
    tx?: EntityManager,
  ): Promise<Attempt<StatusOf<K>>> {
    const allowedFrom = allowedSources(request.kind, request.to, request.actor);
    if (allowedFrom.length === 0) {
      throw new Error(`${request.actor} may never move a ${request.kind} to ${request.to}`);
    }
    // A move to EXPIRED is the deadline's (only an overdue attempt), unless the table lets this
    // actor end a live attempt early (a blocked user's).
    const expiring =
      request.to === EXPIRED && !movesBeforeDeadline(request.kind, request.to, request.actor);
    const row = await this.attempts.update(
      {
        ...request,
        allowedFrom,
        expiring,
        toIsFinal: isFinal(request.kind, request.to),
        event: attemptFlow(request.kind).events?.[request.to],
      },
      tx,
    );
    if (!row) throw new AttemptNotFoundError(request.id);
    if (row.id) {
      metrics.attemptMoves.inc({ kind: request.kind, to: request.to, actor: request.actor });
      return toAttempt(row);
    }

    // The move lost: say why, from the row as it stood under our lock.
    const overdue =
      row.current_status === EXPIRED ||
      (!row.current_is_final && row.current_expires_at <= row.db_now);
    if (overdue && !expiring) throw new AttemptExpiredError(request.id, row.current_expires_at);
    if (row.current_lease_until && row.current_lease_until > row.db_now) {
      throw new StepInProgressError(
        request.id,
        row.current_status,
        request.to,
        new Date(Date.now() + (row.current_lease_until.getTime() - row.db_now.getTime())),
      );
    }
    throw new InvalidTransitionError(request.id, row.current_status, request.to);
  }

  /**
   * Attaches a provider reference and context to an attempt without moving it (with `audit`, on
   * its audit trail as an event that keeps the status); fails with InvalidTransitionError when the
   * attempt changed since `attempt` was read.
   */
  async annotate<S extends string>(
    attempt: Attempt<S>,
    providerRef: string | null,
    context: Record<string, unknown>,
    audit?: AnnotationEvent,
  ): Promise<Attempt<S>> {
    const row = await this.attempts.annotate(
      attempt.kind,
      attempt.id,
      attempt.version,
      providerRef,
      context,
      audit,
    );
    if (!row) throw new InvalidTransitionError(attempt.id, attempt.status, attempt.status);
    return toAttempt(row);
  }

  /**
   * The attempt, for the one caller that first claims `flag` on it while in `status` (audited);
   * undefined for every later caller. With `whileUserActive`, undefined too when the attempt's
   * user is blocked (checked by the claiming statement itself, so no block committed before it
   * is missed). `target`: the attempt's id, or its token's hash with what its context must hold
   * (AttemptRepository.claimOnce).
   */
  async claimOnce<K extends AttemptKind>(
    kind: K,
    target: ClaimTarget,
    status: StatusOf<K>,
    flag: string,
    actor: Actor,
    requestId?: string,
    { whileUserActive = false }: { whileUserActive?: boolean } = {},
  ): Promise<Attempt<StatusOf<K>> | undefined> {
    const row = await this.attempts.claimOnce(
      kind,
      target,
      status,
      flag,
      actor,
      requestId,
      whileUserActive,
    );
    return row ? toAttempt(row) : undefined;
  }

  /**
   * Ends at once, in the caller's transaction, every live attempt of a user (kinds `userKinds`)
   * and of their number (kinds `numberKinds`, whose attempts name only the number) with a move to
   * EXPIRED by `actor`, each audited with `reason` and announced; and closes `closeClaim` (a flag
   * of claimOnce) on the user's attempts that reached `claimStatus` without it being claimed.
   * Returns the ids of the attempts it ended.
   */
  async endLiveOf(
    request: {
      userId: string;
      phoneNumber: string;
      userKinds: AttemptKind[];
      numberKinds: AttemptKind[];
      actor: Actor;
      reason: string;
      requestId?: string;
      closeClaim?: { kind: AttemptKind; status: string; flag: string };
    },
    tx: EntityManager,
  ): Promise<string[]> {
    const ended: string[] = [];
    for (const { id, kind } of await this.attempts.lockLiveOf(request, tx)) {
      await this.transition(
        {
          kind,
          id,
          to: EXPIRED as StatusOf<typeof kind>,
          actor: request.actor,
          reason: request.reason,
          requestId: request.requestId,
          // Its deadline is now: an EXPIRED attempt's expires_at is never in the future.
          ttlSeconds: 0,
        },
        tx,
      );
      ended.push(id);
    }
    if (request.closeClaim) {
      const { userId, actor, reason, requestId } = request;
      await this.attempts.closeClaims(
        { ...request.closeClaim, userId, actor, reason, requestId },
        tx,
      );
    }
    return ended;
  }

  /**
   * Adds to the audit trail of an attempt still in `status` an event that moves nothing (what a
   * step learnt on the way, e.g. which provider answered after a failover); false when it is no
   * longer in `status`.
   */
  note<K extends AttemptKind>(
    kind: K,
    id: string,
    status: StatusOf<K>,
    event: { actor: Actor; reason: string; requestId?: string },
  ): Promise<boolean> {
    return this.attempts.note(kind, id, status, event);
  }

  /** Gives back a claim taken with claimOnce (the work it guarded failed and may be retried). */
  releaseClaim<K extends AttemptKind>(
    kind: K,
    id: string,
    status: StatusOf<K>,
    flag: string,
  ): Promise<void> {
    return this.attempts.releaseClaim(kind, id, status, flag);
  }

  /**
   * Takes over an in-flight step whose lease lapsed: moves the attempt back to the status its
   * table names (audited, announced), from which the step can run again. Returns the moved
   * attempt, or undefined when there was nothing to take over (no lease, still held, or another
   * replica took it first). With `waitForLease`, a lease still held throws StepInProgressError
   * (409 with Retry-After) instead: the caller's step must not run beside the one in flight.
   */
  async recoverInterrupted<K extends AttemptKind>(
    kind: K,
    attempt: { id: string; status: StatusOf<K> },
    { requestId, waitForLease = false }: { requestId?: string; waitForLease?: boolean } = {},
  ): Promise<Attempt<StatusOf<K>> | undefined> {
    const to = interruptedStepReturnsTo(kind, attempt.status);
    if (!to) return undefined;
    try {
      return await this.transition({
        kind,
        id: attempt.id,
        to,
        actor: 'system',
        reason: `interrupted in ${attempt.status}: the lease on the step lapsed`,
        onlyIfLeaseLapsed: true,
        requestId,
      });
    } catch (err) {
      if (err instanceof StepInProgressError && waitForLease) throw err;
      if (err instanceof InvalidTransitionError || err instanceof AttemptExpiredError)
        return undefined;
      throw err;
    }
  }

  /** Reads an attempt of a kind; unknown ids and ids of other kinds are not found. */
  async get<K extends AttemptKind>(kind: K, id: string): Promise<Attempt<StatusOf<K>>> {
    const row = await this.attempts.findById(kind, id);
    if (!row) throw new AttemptNotFoundError(id);
    return toAttempt(row);
  }

  /** Live attempts of a user in one of `statuses` (e.g. logins waiting for that user's phone). */
  async findLiveByUser<K extends AttemptKind>(
    kind: K,
    userId: string,
    statuses: StatusOf<K>[],
  ): Promise<Attempt<StatusOf<K>>[]> {
    return (await this.attempts.findLiveByUser(kind, userId, statuses)).map((r) => toAttempt(r));
  }

  /** Final attempts of `kind` marked `marker` in their context and not yet `flag` (oldest first). */
  async findFinalWithout<K extends AttemptKind>(
    kind: K,
    marker: string,
    flag: string,
    limit: number,
  ): Promise<Attempt<StatusOf<K>>[]> {
    return (await this.attempts.findFinalWithout(kind, marker, flag, limit)).map((r) =>
      toAttempt(r),
    );
  }

  /** The attempt a provider knows by its own id (check_id, challenge_id), if any. */
  async findByProviderRef<K extends AttemptKind>(
    kind: K,
    providerRef: string,
  ): Promise<Attempt<StatusOf<K>> | undefined> {
    const row = await this.attempts.findByProviderRef(kind, providerRef);
    return row ? toAttempt(row) : undefined;
  }

  async findByTokenHash<K extends AttemptKind>(
    kind: K,
    tokenHash: Buffer,
  ): Promise<Attempt<StatusOf<K>> | undefined> {
    const row = await this.attempts.findByTokenHash(kind, tokenHash);
    return row ? toAttempt(row) : undefined;
  }

  /** Throws AttemptExpiredError when a live attempt is past its deadline (before any provider call). */
  assertLive(attempt: Attempt): void {
    if (
      attempt.status === EXPIRED ||
      (!attempt.isFinal && attempt.expiresAt.getTime() <= Date.now())
    ) {
      throw new AttemptExpiredError(attempt.id, attempt.expiresAt);
    }
  }
}
