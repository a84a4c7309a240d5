import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';
import { outboundProxyConfigured } from '@simauth/config';
import { providerHttpClient } from './provider-http';

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
