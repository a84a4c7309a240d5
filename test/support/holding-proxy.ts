import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface HeldRequest {
  method: string;
  url: string;
  /** Sends the request on to the target and its answer back to the caller. */
  release(): Promise<void>;
}

/**
 * A provider on a bad day: an HTTP proxy in front of a real provider (the sandbox) that forwards
 * every request except those `shouldHold` picks, which it keeps open, unanswered, until the test
 * releases them. The caller sees a provider call that is still in flight, for as long as the test
 * needs (e.g. to SIGKILL the process making it).
 */
export class HoldingProxy {
  private readonly waiting: ((held: HeldRequest) => void)[] = [];
  private readonly queue: HeldRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(
    target: string,
    shouldHold: (method: string, path: string) => boolean,
  ): Promise<HoldingProxy> {
    const ref: { proxy?: HoldingProxy } = {};
    const server = createServer((req, res) => {
      void (async () => {
        const body = await readBody(req);
        const forward = () => forwardTo(target, req, body, res);
        if (!shouldHold(req.method!, req.url!.split('?')[0])) return forward();
        ref.proxy!.hold({ method: req.method!, url: req.url!, release: forward });
      })().catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ref.proxy = new HoldingProxy(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
    return ref.proxy;
  }

  /** The next request held (already held, or the next to arrive). */
  nextHeld(): Promise<HeldRequest> {
    const held = this.queue.shift();
    if (held) return Promise.resolve(held);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private hold(held: HeldRequest): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(held);
    else this.queue.push(held);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function forwardTo(
  target: string,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length'].includes(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const answer = await fetch(new URL(req.url!, target), {
    method: req.method,
    headers,
    body: body.length ? new Uint8Array(body) : undefined,
    redirect: 'manual',
  });
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
      out[name] = value;
  });
  const payload = Buffer.from(await answer.arrayBuffer());
  if (res.destroyed) return;
  res.writeHead(answer.status, out);
  res.end(payload);
}
