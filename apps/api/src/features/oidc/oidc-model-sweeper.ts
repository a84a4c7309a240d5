import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { deleteInBatches, scheduleSweep } from '@simauth/database';
import { deleteExpiredOidcModels } from './oidc-postgres.adapter';

const BATCH = 500;

/**
 * Deletes the OpenID Provider's expired models (codes, tokens, sessions, interactions) in batches,
 * on the attempts' sweep interval, so `oidc_models` holds only what can still be used.
 */
@Injectable()
export class OidcModelSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(OidcModelSweeper.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const { sweepIntervalMs } = this.config.attempts;
    scheduleSweep(
      this.scheduler,
      'oidc-model-sweep',
      sweepIntervalMs,
      () => this.sweep(),
      this.logger,
    );
  }

  /** Deletes every expired model; returns how many. */
  sweep(): Promise<number> {
    return deleteInBatches(BATCH, (size) => deleteExpiredOidcModels(this.db, size));
  }
}
