import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { scheduleSweep } from '@simauth/database';

const HEARTBEAT_MS = 30_000;

/**
 * Every api process says, in Postgres, which issuer it signs tokens as, and looks at the others:
 * replicas of one deployment must share one (PUBLIC_URL, or JWT_ISSUER), or each refuses the
 * tokens, codes and sessions of the others. A live process with another issuer is logged as a
 * warning, at start and whenever one appears.
 */
@Injectable()
export class ApiInstances implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Replicas');
  private readonly id = randomUUID();
  private readonly warned = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.heartbeat().catch((err: Error) =>
      this.logger.warn(`could not record this process: ${err.message}`),
    );
    scheduleSweep(
      this.scheduler,
      'api-instances',
      HEARTBEAT_MS,
      () => this.heartbeat(),
      this.logger,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.db
      .query('DELETE FROM api_instances WHERE instance_id = $1', [this.id])
      .catch(() => undefined);
  }

  /** Refreshes this process's row; returns the issuers of other live processes that differ. */
  async heartbeat(): Promise<string[]> {
    const issuer = this.config.tokens.issuer;
    const rows: { issuer: string }[] = await this.db.query(
      `WITH me AS (
         INSERT INTO api_instances (instance_id, issuer, host) VALUES ($1, $2, $3)
         ON CONFLICT (instance_id) DO UPDATE SET issuer = EXCLUDED.issuer, seen_at = now()
       ), gone AS (
         DELETE FROM api_instances WHERE seen_at < now() - interval '1 day'
       )
       SELECT DISTINCT issuer FROM api_instances
        WHERE instance_id <> $1 AND issuer <> $2
          AND seen_at > now() - make_interval(secs => $4)`,
      [this.id, issuer, hostname(), (3 * HEARTBEAT_MS) / 1000],
    );
    const others = rows.map((r) => r.issuer);
    for (const other of others) {
      if (this.warned.has(other)) continue;
      this.warned.add(other);
      this.logger.warn(
        `another api process on this database issues tokens as ${other}, this one as ${issuer}: ` +
          'replicas must share one PUBLIC_URL (the address clients use, e.g. the load balancer) ' +
          'or JWT_ISSUER, or each refuses the tokens, codes and sign-ins of the other',
      );
    }
    return others;
  }
}
