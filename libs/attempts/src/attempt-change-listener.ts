import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { AttemptChange } from './attempt';

type ChangeHandler = (change: AttemptChange) => void;

const CHANNEL = 'attempt_changed';

/**
 * Each api process LISTENs on one dedicated connection and fans committed changes out to its
 * subscribers, so a client of replica A sees a move made on replica B. After a lost connection it
 * reconnects and tells `onReconnect` handlers, which must re-read state (NOTIFYs are not replayed).
 */
@Injectable()
export class AttemptChangeListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AttemptChangeListener.name);
  private readonly handlers = new Map<string, Set<ChangeHandler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private client?: Client;
  private stopped = false;
  private retryDelayMs = 250;
  private retryTimer?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }

  /** Calls `handler` for every committed change of attempt `id`; returns the unsubscribe function. */
  subscribe(id: string, handler: ChangeHandler): () => void {
    let set = this.handlers.get(id);
    if (!set) this.handlers.set(id, (set = new Set()));
    set.add(handler);
    return () => {
      set!.delete(handler);
      if (set!.size === 0) this.handlers.delete(id);
    };
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'simauth-listener',
    });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    this.retryDelayMs = 250;
  }

  private dispatch(payload: string | undefined): void {
    if (!payload) return;
    const change = JSON.parse(payload) as AttemptChange;
    const set = this.handlers.get(change.id);
    if (!set) return;
    for (const handler of [...set]) handler(change);
  }

  private lost(client: Client, err?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.stopped) return;
    this.logger.warn(`LISTEN connection lost${err ? `: ${err.message}` : ''}; reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retryTimer = setTimeout(async () => {
      if (this.stopped) return;
      try {
        await this.connect();
        this.logger.log('LISTEN connection restored');
        for (const handler of [...this.reconnectHandlers]) handler();
      } catch {
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, 5000);
        this.scheduleReconnect();
      }
    }, this.retryDelayMs);
  }
}
