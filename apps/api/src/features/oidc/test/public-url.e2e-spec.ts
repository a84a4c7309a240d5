import { request as httpRequest } from 'node:http';
import * as client from 'openid-client';
import { TestApp, startTestApp } from '@test-support/test-app';
import { registerPhone } from '@test-support/flows';
import { CookieBrowser } from '@test-support/browser';
import { CALLBACK, authorization, signInThroughPage } from '@test-support/oidc';

const CLIENTS = [
  {
    client_id: 'web-app',
    client_secret: 'web-app-secret-that-is-long-enough-0123456789',
    redirect_uris: [CALLBACK],
    post_logout_redirect_uris: ['https://rp.example/'],
  },
];
const env = { OIDC_CLIENTS: JSON.stringify(CLIENTS) };

/** A GET with headers fetch() will not send (Host). */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every absolute URL in a text. */
const urlsIn = (text: string) => text.match(/https?:\/\/[^"'\s<>,]+/g) ?? [];

async function relyingParty(t: TestApp): Promise<client.Configuration> {
  const { client_id, client_secret } = CLIENTS[0];
  return client.discovery(
    new URL(t.url),
    client_id,
    client_secret,
    client.ClientSecretBasic(client_secret),
    {
      execute: [client.allowInsecureRequests],
    },
  );
}

/** Discovery and the logout page, asked with `headers`: each of their URLs is under PUBLIC_URL. */
async function expectOnlyPublicUrls(t: TestApp, headers: Record<string, string>): Promise<void> {
  const discovery = await get(`${t.url}/.well-known/openid-configuration`, headers);
  expect(discovery.status).toBe(200);
  const meta = JSON.parse(discovery.body) as Record<string, unknown>;
  expect(meta.authorization_endpoint).toBe(`${t.url}/oidc/auth`);
  const endpoints = Object.values(meta).filter(
    (v): v is string => typeof v === 'string' && /^https?:/.test(v),
  );
  expect(endpoints.length).toBeGreaterThan(8);
  for (const url of endpoints) expect(url.startsWith(`${t.url}/`) || url === t.url).toBe(true);

  const logout = await get(`${t.url}/oidc/session/end?client_id=web-app`, headers);
  expect(logout.status).toBe(200);
  expect(logout.body).toContain(`action="${t.url}/oidc/session/end/confirm"`);
  expect(urlsIn(logout.body).every((u) => u.startsWith(`${t.url}/`))).toBe(true);
}

describe('OpenID Provider URLs come from PUBLIC_URL, never from the request', () => {
  it('answers discovery and the logout page with PUBLIC_URL when the Host header names another site', async () => {
    const t = await startTestApp({ env });
    try {
      await expectOnlyPublicUrls(t, { host: 'evil.example' });
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-Host and X-Forwarded-Proto behind a trusted proxy, through a whole sign-in', async () => {
    const t = await startTestApp({ env: { ...env, TRUST_PROXY: 'loopback' } });
    try {
      const spoofed = {
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        forwarded: 'host=evil.example;proto=https',
      };
      await expectOnlyPublicUrls(t, { ...spoofed, host: 'evil.example' });

      const phone = await registerPhone(t);
      const rp = await relyingParty(t);
      const auth = await authorization(rp, { scope: 'openid phone', prompt: 'login' });
      const browser = new CookieBrowser(spoofed);
      // The authorization endpoint's own redirect, and the resume URL the page is sent to.
      const first = await browser.request(auth.url.toString());
      expect(first.status).toBe(303);
      const location = first.headers.get('location')!;
      expect(new URL(location, t.url).origin).toBe(t.url);
      const callback = await signInThroughPage(t, auth, phone, 'approve', browser);
      const tokens = await client.authorizationCodeGrant(rp, callback, {
        pkceCodeVerifier: auth.verifier,
        expectedNonce: auth.nonce,
        expectedState: auth.state,
      });
      expect(tokens.claims()!.iss).toBe(t.url);
    } finally {
      await t.close();
    }
  });
});
