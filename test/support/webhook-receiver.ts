import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  type: string;
  payload: { type: string; timestamp: string; data: Record<string, any> };
  /** Whether the Standard Webhooks reference library verified its signature. */
  verified: boolean;
  /** What the receiver answered (0 while held). */
  status: number;
  /** For a held delivery: whether its sender still waits (has not given up and closed it). */
  open?: boolean;
}

/**
 * A relying party's webhook endpoint: verifies every delivery with the `standardwebhooks` package
 * (the specification's reference library) and answers `answer(request)` (200 by default), or
 * keeps the request open, unanswered, when `hold` says so, until `release()` or the sender gives up.
 */
export class WebhookReceiver {
  readonly secret = `whsec_${randomBytes(32).toString('base64')}`;
  readonly received: ReceivedWebhook[] = [];
  answer: (n: number) => number = () => 200;
  hold: (n: number, payload: ReceivedWebhook['payload']) => boolean = () => false;
  private readonly held: { res: ServerResponse; delivery: ReceivedWebhook }[] = [];
  private server!: Server;
  url = '';

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((req, res) => void receiver.handle(req, res));
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks`;
    return receiver;
  }

  /** The deliveries answered with a 2xx, once per webhook id (a redelivery counts once). */
  delivered(): ReceivedWebhook[] {
    const seen = new Set<string>();
    return this.received.filter((r) => {
      if (r.status < 200 || r.status >= 300 || seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    });
  }

  /** The held deliveries whose sender still waits for an answer. */
  heldOpen(): ReceivedWebhook[] {
    return this.held.filter((h) => h.delivery.open).map((h) => h.delivery);
  }

  /** Answers every held delivery still open with `status`. */
  release(status = 200): void {
    for (const { res, delivery } of this.held.splice(0)) {
      if (!delivery.open) continue;
      delivery.open = false;
      delivery.status = status;
      res.writeHead(status).end();
    }
  }

  async close(): Promise<void> {
    for (const { res } of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [
        h,
        String(req.headers[h] ?? ''),
      ]),
    );
    let verified = true;
    try {
      new Webhook(this.secret).verify(body, headers);
    } catch {
      verified = false;
    }
    const n = this.received.length;
    const payload = JSON.parse(body);
    if (this.hold(n, payload)) {
      const delivery: ReceivedWebhook = {
        id: headers['webhook-id'],
        type: payload.type,
        payload,
        verified,
        status: 0,
        open: true,
      };
      this.received.push(delivery);
      this.held.push({ res, delivery });
      // The sender gave up (its timeout) before an answer.
      res.on('close', () => {
        if (!res.writableEnded) delivery.open = false;
      });
      return;
    }
    const status = this.answer(n);
    this.received.push({
      id: headers['webhook-id'],
      type: payload.type,
      payload,
      verified,
      status,
    });
    res.writeHead(status).end();
  }
}
