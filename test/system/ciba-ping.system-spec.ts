import { ChildProcess } from 'node:child_process';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { startApiProcess } from '@test-support/api-process';
import { TestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice } from '@test-support/device';
import { registerPhone } from '@test-support/flows';
import { eventually } from '@test-support/sse';
import { loopbackCertificate } from '@test-support/tls';

const CIBA = 'urn:openid:params:grant-type:ciba';
const SECRET = 'till-secret-that-is-long-enough-0123456789abcdef';

describe('CIBA ping mode against a real api process and an https notification endpoint', () => {
  let api: ChildProcess;
  let endpoint: Server;
  let url: string;
  let tls: ReturnType<typeof loopbackCertificate>;
  const pings: { authorization?: string; body: unknown }[] = [];

  beforeAll(async () => {
    tls = loopbackCertificate();
    endpoint = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        pings.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const notify = `https://127.0.0.1:${(endpoint.address() as AddressInfo).port}/ping`;
    ({ url, child: api } = await startApiProcess({
      // The relying party's certificate is trusted as an operator would trust a private CA,
      // and its endpoint is on loopback, which the provider refuses unless told.
      NODE_EXTRA_CA_CERTS: tls.certFile,
      OIDC_ALLOW_PRIVATE_CALLBACKS: 'true',
      OIDC_CLIENTS: JSON.stringify([
        {
          client_id: 'till',
          client_secret: SECRET,
          grant_types: [CIBA],
          response_types: [],
          redirect_uris: [],
          backchannel_token_delivery_mode: 'ping',
          backchannel_client_notification_endpoint: notify,
        },
      ]),
    }));
  });
  afterAll(() => {
    api?.kill('SIGKILL');
    endpoint?.close();
    tls?.remove();
  });

  it('pings the client with its notification token once the phone approved, then gives the tokens', async () => {
    const phone = await registerPhone({ url } as TestApp);
    const config = await client.discovery(
      new URL(url),
      'till',
      SECRET,
      client.ClientSecretBasic(SECRET),
      { execute: [client.allowInsecureRequests] },
    );
    const started = await client.initiateBackchannelAuthentication(config, {
      scope: 'openid phone',
      login_hint: `tel:${phone.phoneNumber}`,
      binding_message: '55',
      client_notification_token: 'till-notification-token-1',
    });
    const pending = await call(
      'GET',
      `${url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    expect(pending.body).toEqual([
      expect.objectContaining({
        binding_message: '55',
        match_numbers: expect.arrayContaining([55]),
      }),
    ]);
    const loginId = pending.body[0].login_id;
    const approved = await call(
      'POST',
      `${url}/v1/logins/${loginId}/approve`,
      { match_number: 55 },
      bearer(phone.deviceToken),
    );
    const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
    await call('POST', `${url}/v1/logins/${loginId}/code`, device.body, bearer(phone.deviceToken));

    await eventually(async () => expect(pings).toHaveLength(1), 10_000);
    expect(pings[0]).toEqual({
      authorization: 'Bearer till-notification-token-1',
      body: { auth_req_id: started.auth_req_id },
    });
    const tokens = await client.pollBackchannelAuthenticationGrant(config, {
      ...started,
      interval: 0,
    });
    expect(tokens.claims()).toMatchObject({
      aud: 'till',
      phone_number: phone.phoneNumber,
      amr: ['sim'],
    });
  });
});
