import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  ProviderError,
  ProviderUnavailableError,
  TruIdAuthenticatorAdapter,
  TruIdClient,
} from '@simauth/providers';

/**
 * tru.ID answers the sandbox does not give but tru.ID may: the adapter believes what an answer
 * says, not that it came back 200, and tells a refused code from an outage.
 */
describe('tru.ID Authenticator adapter, on answers as tru.ID may give them', () => {
  let server: Server;
  let answer: { status: number; body: unknown };
  let adapter: TruIdAuthenticatorAdapter;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const { status, body } = req.url!.startsWith('/oauth2/')
          ? { status: 200, body: { access_token: 'at', expires_in: 3600, token_type: 'bearer' } }
          : answer;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    adapter = new TruIdAuthenticatorAdapter(
      new TruIdClient({ baseUrl, clientId: 'id', clientSecret: 'secret', timeoutMs: 2000 }),
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['ACTIVE', true],
    ['PENDING', false],
    ['INACTIVE', false],
  ])('activation answered 200 with status %s → activated: %s', async (status, activated) => {
    answer = { status: 200, body: { factor_id: 'f1', status } };
    expect(await adapter.activateFactor('f1', '123456')).toBe(activated);
  });

  it('activation answered 200 without a factor status is a malformed answer, not an activation', async () => {
    answer = { status: 200, body: {} };
    await expect(adapter.activateFactor('f1', '123456')).rejects.toBeInstanceOf(ProviderError);
  });

  it.each([400, 404, 409, 422])(
    'a challenge code refused with %i is a FAILED challenge, not a provider failure',
    async (status) => {
      answer = { status, body: { code: status, detail: 'invalid code' } };
      expect(await adapter.verifyChallenge('f1', 'c1', '123456')).toBe('FAILED');
    },
  );

  it.each([
    [403, ProviderError],
    [429, ProviderUnavailableError],
    [500, ProviderUnavailableError],
  ])('a challenge answered %i stays a provider failure (%p)', async (status, type) => {
    answer = { status, body: { code: status } };
    await expect(adapter.verifyChallenge('f1', 'c1', '123456')).rejects.toBeInstanceOf(type);
  });
});
