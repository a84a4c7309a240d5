import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig, checkWebhookEndpoint } from '@simauth/config';
import { ConflictError, NotFoundError, RequestValidationError } from '@simauth/http';
import {
  WebhookDelivery,
  WebhookEndpointStore,
  newWebhookSecret,
} from '../../platform/webhooks/webhook-endpoints';
import { CreateEndpointBody, DeliveriesQuery, Page } from './dto/admin.dto';
import { decodePageCursor, pageOf } from './page';

/**
 * The operators' view of webhooks: the endpoints (those of WEBHOOKS and those registered through
 * the admin API) and their deliveries, through the webhooks module.
 */
@Injectable()
export class AdminWebhooksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registered: WebhookEndpointStore,
  ) {}

  /**
   * Every endpoint, those of WEBHOOKS and those registered through this API, with what each takes
   * and how its deliveries stand. Secrets are never shown.
   */
  async endpoints() {
    const registered = await this.registered.list();
    const all = [
      ...this.config.webhooks.endpoints.map((e) => ({
        id: null as string | null,
        source: 'config' as const,
        url: e.url,
        events: e.events,
      })),
      ...registered.map((e) => ({
        id: e.id as string | null,
        source: 'admin' as const,
        url: e.url,
        events: e.events,
      })),
    ];
    const rows = await this.registered.deliveryStats(all.map((e) => e.url));
    const stats = new Map(rows.map((r) => [r.endpoint, r]));
    return all.map((e) => ({
      ...e,
      pending: stats.get(e.url)?.pending ?? 0,
      dead: stats.get(e.url)?.dead ?? 0,
      last_delivered_at: stats.get(e.url)?.last_delivered_at ?? null,
    }));
  }

  /** Registers an endpoint; the answer carries its secret, shown this once. */
  async createEndpoint(body: CreateEndpointBody, clientId: string) {
    const checked = checkWebhookEndpoint({
      url: body.url,
      events: body.events,
      // A generated key always passes; a given one is checked.
      secret: body.secret ?? newWebhookSecret(randomBytes),
    });
    if ('problem' in checked) throw new RequestValidationError([checked.problem]);
    if (this.config.webhooks.endpoints.some((e) => e.url === checked.endpoint.url))
      throw new ConflictError('This URL is an endpoint of WEBHOOKS already.');
    const created = await this.registered.create(checked.endpoint, clientId);
    if (!created) throw new ConflictError('This URL is registered already.');
    return created;
  }

  async deleteEndpoint(id: string): Promise<void> {
    if (!(await this.registered.delete(id)))
      throw new NotFoundError(
        'No such endpoint (those of WEBHOOKS change with the configuration).',
      );
  }

  /** Webhook deliveries, newest first, a page at a time. */
  async deliveries(q: DeliveriesQuery): Promise<Page<WebhookDelivery>> {
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodePageCursor(q.cursor, [/^\d{1,19}$/]) : undefined;
    const rows = await this.registered.deliveries({
      state: q.state,
      endpoint: q.endpoint,
      beforeSeq: after?.[0],
      limit: limit + 1,
    });
    return pageOf(
      rows,
      limit,
      (row) => [row.seq],
      ({ seq: _seq, ...delivery }) => delivery,
    );
  }

  /**
   * Sends a delivery again from its first try, with the same webhook-id (receivers deduplicate on
   * it): the way back for dead deliveries once the receiver is fixed. `deliveryId` is the
   * webhook-id, `msg_<uuid>`.
   */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const messageId = deliveryId.slice('msg_'.length);
    const endpoint = await this.registered.deliveryEndpoint(messageId);
    if (!endpoint) throw new NotFoundError('No such delivery.');
    const known =
      this.config.webhooks.endpoints.some((e) => e.url === endpoint) ||
      (await this.registered.list()).some((e) => e.url === endpoint);
    if (!known)
      throw new ConflictError(
        "This delivery's endpoint is no longer configured or registered; nothing would deliver it.",
      );
    const delivery = await this.registered.redeliver(messageId);
    if (!delivery) throw new ConflictError('This delivery is being tried right now.');
    return delivery;
  }
}
