import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';
import { outboundProxyConfigured } from '@simauth/config';
import { PROVIDER_ANSWER_LIMIT_BYTES, providerHttpClient } from './provider-http';
import { CIRCUIT_FAILURE_THRESHOLD, CIRCUIT_OPEN_MS, ProviderCircuit } from './provider-circuit';
import { ProviderUnavailableError } from './provider.errors';

/** A server answering every request with who it is and the request line's target. */
async function listen(name: string): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ via: name }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('provider HTTP client and outbound proxies', () => {
  let proxy: Awaited<ReturnType<typeof listen>>;
  let provider: Awaited<ReturnType<typeof listen>>;
  const saved = process.env.http_proxy;

  beforeEach(async () => {
    proxy = await listen('proxy');
    provider = await listen('provider');
  });

  afterEach(async () => {
    if (saved === undefined) delete process.env.http_proxy;
    else process.env.http_proxy = saved;
    await Promise.all([proxy, provider].map((s) => new Promise((r) => s.server.close(r))));
  });

  it('sends calls through the proxy named by http_proxy at start', async () => {
    process.env.http_proxy = proxy.url;
    const client = providerHttpClient({
      baseUrl: provider.url,
      timeoutMs: 2000,
      outboundProxy: outboundProxyConfigured({ http_proxy: proxy.url }),
    });

    const { data } = await client.get('/v0.2/checks');

    expect(data).toEqual({ via: 'proxy' });
    expect(proxy.seen).toEqual([`${provider.url}/v0.2/checks`]);
    expect(provider.seen).toEqual([]);
  });

  it('calls the provider directly when no proxy was named at start, even if one is named later', async () => {
    const client = providerHttpClient({
      baseUrl: provider.url,
      timeoutMs: 2000,
      outboundProxy: outboundProxyConfigured({}),
    });
    process.env.http_proxy = proxy.url;

    const { data } = await client.get('/v0.2/checks');

    expect(data).toEqual({ via: 'provider' });
    expect(provider.seen).toEqual(['/v0.2/checks']);
    expect(proxy.seen).toEqual([]);
  });

  it('recognises the proxy variables in either case, and nothing else', () => {
    expect(outboundProxyConfigured({ HTTPS_PROXY: 'http://egress:3128' })).toBe(true);
    expect(outboundProxyConfigured({ all_proxy: 'http://egress:3128' })).toBe(true);
    expect(outboundProxyConfigured({ NO_PROXY: '*', PROXY: 'x', http_proxy: '' })).toBe(false);
  });
});

describe('provider HTTP client: retries and circuit breaker', () => {
  let server: Server;
  let url: string;
  let answers: number[];
  let seen: string[];
  let extra: Record<string, string>;

  beforeEach(async () => {
    answers = [];
    seen = [];
    extra = {};
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json', ...extra });
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const client = () => providerHttpClient({ baseUrl: url, timeoutMs: 2000 }, 'test');

  it('tries a GET again after a 5xx, with a backoff', async () => {
    answers = [503, 502];
    const res = await client().get('/x');
    expect(res.status).toBe(200);
    expect(seen).toEqual(['GET /x', 'GET /x', 'GET /x']);
  });

  it('gives up after two retries', async () => {
    answers = [500, 500, 500, 200];
    await expect(client().get('/x')).rejects.toMatchObject({ response: { status: 500 } });
    expect(seen).toHaveLength(3);
  });

  it('never repeats a POST unless it is marked idempotent', async () => {
    answers = [503];
    await expect(client().post('/checks', {})).rejects.toMatchObject({
      response: { status: 503 },
    });
    expect(seen).toEqual(['POST /checks']);
    answers = [503];
    expect((await client().post('/token', {}, { idempotent: true })).status).toBe(200);
    expect(seen).toEqual(['POST /checks', 'POST /token', 'POST /token']);
  });

  it('does not repeat a 4xx', async () => {
    answers = [404];
    await expect(client().get('/x')).rejects.toMatchObject({ response: { status: 404 } });
    expect(seen).toHaveLength(1);
  });

  it('opens after 5 outages in a row: calls then fail at once with Retry-After, without reaching the provider', async () => {
    const c = client();
    answers = Array(5).fill(503);
    for (let i = 0; i < 5; i++)
      await expect(c.post('/checks', {})).rejects.toMatchObject({ response: { status: 503 } });
    expect(seen).toHaveLength(5);
    const refused = c.get('/x');
    await expect(refused).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 10 });
    expect(seen).toHaveLength(5);
  });

  it("opens for as long as the provider's Retry-After says, among a gateway's dozen headers", async () => {
    const c = client();
    extra = {
      'retry-after': '30',
      'x-powered-by': 'gateway',
      'x-amzn-requestid': 'r-1',
      'strict-transport-security': 'max-age=31536000',
      'cache-control': 'no-store',
      via: '1.1 edge',
    };
    answers = Array(5).fill(503);
    let last: unknown;
    for (let i = 0; i < 5; i++) last = await c.post('/checks', {}).catch((err: unknown) => err);
    expect(last).toMatchObject({
      response: { status: 503, data: { ok: true }, headers: { 'retry-after': '30' } },
    });
    await expect(c.get('/x')).rejects.toMatchObject({ retryAfterSeconds: 30 });
    // What reaches axios and the adapters: the headers something reads.
    extra = { 'x-powered-by': 'gateway', via: '1.1 edge' };
    const ok = await client().get('/y');
    expect(ok.data).toEqual({ ok: true });
    expect(Object.keys(ok.headers)).toEqual(['content-type']);
  });
});

describe("provider HTTP client: the size of a provider's answer", () => {
  let server: Server;
  let url: string;
  const saved = process.env.http_proxy;

  beforeAll(async () => {
    // /declared/N answers N bytes with a Content-Length; /chunked/N the same without one.
    server = createServer((req, res) => {
      // Through the proxy, the request line holds the absolute URL.
      const [, how, size] = new URL(req.url ?? '', 'http://x').pathname.split('/');
      const body = `"${'x'.repeat(Number(size) - 2)}"`;
      res.setHeader('content-type', 'application/json');
      if (how === 'declared') res.setHeader('content-length', String(body.length));
      // In pieces, as a stream arrives: nothing may need the whole body at once.
      for (let at = 0; at < body.length; at += 64 * 1024) res.write(body.slice(at, at + 64 * 1024));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.http_proxy;
    else process.env.http_proxy = saved;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const refused = {
    code: 'ERR_BAD_RESPONSE',
    message: `maxContentLength size of ${PROVIDER_ANSWER_LIMIT_BYTES} exceeded`,
  };

  it.each(['declared', 'chunked'])(
    'refuses an answer over 1 MiB (%s length) and takes one under it',
    async (how) => {
      const client = providerHttpClient({ baseUrl: url, timeoutMs: 5000 }, 'test');
      const small = await client.post(`/${how}/${PROVIDER_ANSWER_LIMIT_BYTES}`, {});
      expect((small.data as string).length).toBe(PROVIDER_ANSWER_LIMIT_BYTES - 2);
      await expect(
        client.post(`/${how}/${PROVIDER_ANSWER_LIMIT_BYTES + 1}`, {}),
      ).rejects.toMatchObject(refused);
      await expect(client.post(`/${how}/${20 * 1024 * 1024}`, {})).rejects.toMatchObject(refused);
    },
  );

  it('refuses it through an outbound proxy too (axios own adapter)', async () => {
    // The "proxy" is the server itself: it answers the absolute URL it is sent.
    process.env.http_proxy = url;
    const client = providerHttpClient(
      { baseUrl: 'http://provider.invalid', timeoutMs: 5000, outboundProxy: true },
      'test',
    );
    await expect(
      client.post(`/declared/${2 * PROVIDER_ANSWER_LIMIT_BYTES}`, {}),
    ).rejects.toMatchObject(refused);
  });
});

describe('ProviderCircuit', () => {
  it('lets one trial call through once the open time is over; its success closes it', () => {
    let now = 0;
    const circuit = new ProviderCircuit('test', () => now);
    for (let i = 0; i < CIRCUIT_FAILURE_THRESHOLD; i++) {
      expect(circuit.admit()).toBe(0);
      circuit.failed();
    }
    expect(circuit.admit()).toBe(CIRCUIT_OPEN_MS);
    now = CIRCUIT_OPEN_MS;
    expect(circuit.admit()).toBe(0); // the trial
    expect(circuit.admit()).toBeGreaterThan(0); // others wait for it
    circuit.succeeded();
    expect(circuit.admit()).toBe(0);
    expect(circuit.admit()).toBe(0);
  });

  it('opens again when the trial fails, for as long as the provider asked (at most a minute)', () => {
    let now = 0;
    const circuit = new ProviderCircuit('test', () => now);
    for (let i = 0; i < CIRCUIT_FAILURE_THRESHOLD; i++) circuit.failed();
    now = CIRCUIT_OPEN_MS;
    expect(circuit.admit()).toBe(0);
    circuit.failed(30_000);
    expect(circuit.admit()).toBe(30_000);
    now += 30_000;
    expect(circuit.admit()).toBe(0);
    circuit.failed(600_000);
    expect(circuit.admit()).toBe(60_000);
  });
});
