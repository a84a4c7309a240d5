import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
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
    const timer = setInterval(() => {
      this.sweep().catch((err: Error) => this.logger.warn(`oidc sweep failed: ${err.message}`));
    }, this.config.attempts.sweepIntervalMs);
    timer.unref();
    this.scheduler.addInterval('oidc-model-sweep', timer);
  }

  /** Deletes every expired model; returns how many. */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = await deleteExpiredOidcModels(this.db, BATCH);
      deleted += batch;
      if (batch < BATCH) return deleted;
    }
  }
}
