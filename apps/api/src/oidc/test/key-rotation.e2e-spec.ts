import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { decodeProtectedHeader } from 'jose';
import * as client from 'openid-client';
import { createDatabase, runMigrations } from '@simauth/database';
import { TestApp, startTestApp } from '../../../../../test/support/test-app';
import { bearer, call } from '../../../../../test/support/http';
import { signIn } from '../../../../../test/support/flows';
import { authorization, signInThroughPage } from '../../../../../test/support/oidc';
import { IdTokenService } from '../../accounts/id-token.service';
import { rotateSigningKey } from '../../accounts/signing-keys';

const kids = async (url: string) =>
  ((await (await fetch(url)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

// Rotation changes the keys of every replica on a database: this suite has a database of its own.
describe('signing key rotation (npm run keys:rotate)', () => {
  const name = `keys_${randomBytes(6).toString('hex')}`;
  let admin: Client;
  let t: TestApp;

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const url = await createDatabase(admin, process.env.DATABASE_URL!, name);
    await runMigrations(url);
    t = await startTestApp({
      env: {
        DATABASE_URL: url,
        OIDC_CLIENTS: JSON.stringify([
          {
            client_id: 'spa',
            token_endpoint_auth_method: 'none',
            redirect_uris: ['https://rp.example/callback'],
          },
        ]),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  it('publishes a new key before it signs, signs with it when its time comes, and keeps the old one while its tokens live', async () => {
    const keys = t.app.get(IdTokenService);
    const [first] = await kids(`${t.url}/.well-known/jwks.json`);
    const before = await signIn(t);
    expect(decodeProtectedHeader(before.idToken).kid).toBe(first);

    // A rotation that signs in ten minutes: published at once, not used yet.
    await rotateSigningKey(t.db, 600, 3600);
    await keys.reload();
    const published = await kids(`${t.url}/.well-known/jwks.json`);
    expect(published).toHaveLength(2);
    expect(published[0]).toBe(first);
    const next = published[1];
    const discovery = await (await fetch(`${t.url}/.well-known/openid-configuration`)).json();
    expect((await kids(discovery.jwks_uri)).sort()).toEqual([...published].sort());
    expect(decodeProtectedHeader((await signIn(t, before.phone)).idToken).kid).toBe(first);

    // A rotation that signs at once (after a leak, say): new tokens carry it, old ones still work.
    const now = await rotateSigningKey(t.db, 0, 3600);
    await keys.reload();
    expect(await kids(`${t.url}/.well-known/jwks.json`)).toEqual([first, next, now.kid]);
    const after = await signIn(t, before.phone);
    expect(decodeProtectedHeader(after.idToken).kid).toBe(now.kid);
    for (const token of [before.idToken, after.idToken]) {
      expect((await call('GET', `${t.url}/v1/factors`, undefined, bearer(token))).status).toBe(200);
    }

    // The OpenID Provider signs with the new key too, and openid-client verifies it.
    const rp = await client.discovery(new URL(t.url), 'spa', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    const auth = await authorization(rp, { scope: 'openid phone', prompt: 'login' });
    const tokens = await client.authorizationCodeGrant(
      rp,
      await signInThroughPage(t, auth, before.phone),
      { pkceCodeVerifier: auth.verifier, expectedNonce: auth.nonce, expectedState: auth.state },
    );
    expect(decodeProtectedHeader(tokens.id_token!).kid).toBe(now.kid);
  });

  it('drops a retired key from the JWKS', async () => {
    const keys = t.app.get(IdTokenService);
    await rotateSigningKey(t.db, 0, 0);
    await keys.reload();
    expect(await kids(`${t.url}/.well-known/jwks.json`)).toHaveLength(1);
  });
});
