import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { scheduleSweep } from '@simauth/database';
import { AttemptKind, EXPIRED, StatusOf } from './attempt-kind';
import { AttemptRepository } from './attempt.repository';
import { AttemptStateMachine } from './attempt-state-machine';
import { InvalidTransitionError, AttemptNotFoundError } from './attempt.errors';

const BATCH = 200;

/**
 * Moves overdue attempts to EXPIRED through the state machine, so expiry is audited and announced
 * like any other move, and takes over in-flight steps whose lease lapsed (their process died or
 * lost its database mid-call): those attempts go back to where the step can run again. Every
 * replica sweeps; a lost race with another replica is simply skipped.
 */
@Injectable()
export class AttemptSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(AttemptSweeper.name);
  private running?: Promise<number>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: AttemptRepository,
    private readonly stateMachine: AttemptStateMachine,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const { sweepIntervalMs } = this.config.attempts;
    scheduleSweep(
      this.scheduler,
      'attempt-expiry-sweep',
      sweepIntervalMs,
      () => this.sweep(),
      this.logger,
    );
  }

  /** Expires every overdue attempt and recovers lapsed steps; returns how many this call expired. */
  sweep(): Promise<number> {
    // One sweep at a time per process; a caller arriving mid-sweep shares its result.
    this.running ??= this.sweepAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepAll(): Promise<number> {
    await this.recoverLapsedSteps();
    let expired = 0;
    for (;;) {
      const overdue = await this.attempts.findOverdue(BATCH);
      for (const { id, kind } of overdue) {
        if (await this.expire(kind, id)) expired++;
      }
      if (overdue.length < BATCH) return expired;
    }
  }

  /** Returns attempts whose in-flight step's lease lapsed to the status the step started from. */
  async recoverLapsedSteps(): Promise<number> {
    let recovered = 0;
    for (;;) {
      const lapsed = await this.attempts.findLapsedLeases(BATCH);
      const before = recovered;
      for (const attempt of lapsed) {
        const moved = await this.stateMachine.recoverInterrupted(
          attempt.kind,
          attempt as { id: string; status: StatusOf<AttemptKind> },
        );
        if (moved) {
          recovered++;
          this.logger.warn(
            { attempt_id: attempt.id, kind: attempt.kind, from: attempt.status, to: moved.status },
            'took over an interrupted step whose lease lapsed',
          );
        }
      }
      // A full batch where nothing moved would be found again as it is: stop until the next sweep.
      if (lapsed.length < BATCH || recovered === before) return recovered;
    }
  }

  private async expire(kind: AttemptKind, id: string): Promise<boolean> {
    try {
      await this.stateMachine.transition({
        kind,
        id,
        to: EXPIRED as StatusOf<typeof kind>,
        actor: 'system',
        reason: 'deadline passed',
      });
      return true;
    } catch (err) {
      if (err instanceof InvalidTransitionError || err instanceof AttemptNotFoundError)
        return false;
      throw err;
    }
  }
}
