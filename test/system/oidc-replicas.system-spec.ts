import { ChildProcess } from 'node:child_process';
import { startApiProcess } from '@test-support/api-process';
import * as client from 'openid-client';
import { findFreePort } from '@simauth/database';
import { TestApp } from '@test-support/test-app';
import { CookieBrowser } from '@test-support/browser';
import { approveOnPhone, registerPhone } from '@test-support/flows';
import { CALLBACK, authorization } from '@test-support/oidc';

const CLIENT = { client_id: 'spa', token_endpoint_auth_method: 'none', redirect_uris: [CALLBACK] };

/** An api process on `port`, a replica of the deployment whose public URL is `issuer`. */
const startApi = (port: number, issuer: string) =>
  startApiProcess({ PUBLIC_URL: issuer, OIDC_CLIENTS: JSON.stringify([CLIENT]) }, { port });

describe('the OpenID Provider on two api processes, one SIGKILLed mid-sign-in', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('starts the sign-in on A, loses A, and finishes it on B: code, tokens and userinfo', async () => {
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    const issuer = `http://127.0.0.1:${portA}`;
    const a = await startApi(portA, issuer);
    children.push(a.child);
    const b = await startApi(portB, issuer);
    children.push(b.child);
    // What a load balancer does once A is gone: the same URLs, served by B.
    const viaB = (url: string) => url.replace(issuer, b.url);

    const phone = await registerPhone({ url: a.url } as TestApp);
    const rp = await client.discovery(new URL(issuer), CLIENT.client_id, undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    const auth = await authorization(rp, { scope: 'openid phone', prompt: 'login' });
    const browser = new CookieBrowser();
    const page = await browser.follow(auth.url.toString(), (u) => new URL(u).pathname === '/login');
    const uid = new URL(page.url).searchParams.get('interaction')!;
    const started = await browser.request(`${a.url}/oidc/interaction/${uid}/login`, {
      body: { phone_number: phone.phoneNumber },
    });
    const login = await started.json();

    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));

    const done = await approveOnPhone({ url: b.url }, phone, login.login_id, login.match_number);
    expect(done).toEqual({ status: 'MATCH_SUCCESS' });
    const finished = await browser.request(`${b.url}/oidc/interaction/${uid}/finish`, {
      body: { poll_token: login.poll_token },
    });
    const { redirect_to } = await finished.json();
    let next = viaB(new URL(redirect_to, issuer).toString());
    for (let hop = 0; hop < 5 && !next.startsWith(CALLBACK); hop++) {
      const res = await browser.request(next);
      next = viaB(new URL(res.headers.get('location')!, next).toString());
    }
    expect(next.startsWith(CALLBACK)).toBe(true);

    const atB = new client.Configuration(
      {
        ...(JSON.parse(JSON.stringify(rp.serverMetadata())) as client.ServerMetadata),
        token_endpoint: `${b.url}/oidc/token`,
        userinfo_endpoint: `${b.url}/oidc/me`,
        jwks_uri: `${b.url}/oidc/jwks`,
      },
      CLIENT.client_id,
      undefined,
      client.None(),
    );
    client.allowInsecureRequests(atB);
    const tokens = await client.authorizationCodeGrant(atB, new URL(next), {
      pkceCodeVerifier: auth.verifier,
      expectedNonce: auth.nonce,
      expectedState: auth.state,
    });
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: issuer, phone_number: phone.phoneNumber, amr: ['sim'] });
    expect(await client.fetchUserInfo(atB, tokens.access_token, claims.sub)).toMatchObject({
      phone_number: phone.phoneNumber,
    });
  });
});
