import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { createDatabase, runMigrations } from '@simauth/database';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { signIn } from '@test-support/flows';
import { authorization, signInThroughPage } from '@test-support/oidc';
import { IdTokenService } from '../../../platform/tokens/id-token.service';
import { SecretBox } from '@simauth/credentials';
import { dataKey } from '../../../platform/secrets/shared-secret';
import {
  generateSigningKeyPem,
  keyIdOf,
  rotateSigningKeys,
} from '../../../platform/tokens/signing-keys';

interface PublicKey {
  kid: string;
  kty: string;
  alg: string;
  n?: string;
}
const jwks = async (url: string) =>
  ((await (await fetch(url)).json()) as { keys: PublicKey[] }).keys;
/** The published key ids of one algorithm, oldest first. */
const kids = async (url: string, alg = 'ES256') =>
  (await jwks(url)).filter((k) => k.alg === alg).map((k) => k.kid);

// Rotation changes the keys of every replica on a database: this suite has a database of its own.
describe('signing key rotation (npm run keys:rotate)', () => {
  const name = `keys_${randomBytes(6).toString('hex')}`;
  let admin: Client;
  let dbUrl: string;
  let t: TestApp;
  const CLIENTS = JSON.stringify([
    {
      client_id: 'spa',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['https://rp.example/callback'],
    },
    {
      client_id: 'rs256',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['https://rp.example/callback'],
      id_token_signed_response_alg: 'RS256',
    },
  ]);
  let box: SecretBox;
  /** A key stored in clear, as before keys were sealed: the api seals it at start. */
  const legacyPem = generateSigningKeyPem('ES256');

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    dbUrl = await createDatabase(admin, process.env.DATABASE_URL!, name);
    await runMigrations(dbUrl);
    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    await db.query(`INSERT INTO jwt_signing_keys (kid, private_key_pem) VALUES ($1, $2)`, [
      keyIdOf(legacyPem),
      legacyPem,
    ]);
    await db.end();
    t = await startTestApp({
      env: {
        DATABASE_URL: dbUrl,
        OIDC_CLIENTS: CLIENTS,
      },
    });
    box = new SecretBox(await dataKey(t.db, t.config.factors.encryptionKey));
  });
  afterAll(async () => {
    await t?.close();
    await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  it('keeps every private key sealed in the database, the one stored in clear before included, and signs with it', async () => {
    const rows: {
      kid: string;
      alg: string;
      private_key_pem: string | null;
      private_key_sealed: Buffer;
    }[] = await t.db.query(
      `SELECT kid, alg, private_key_pem, private_key_sealed FROM jwt_signing_keys ORDER BY created_at`,
    );
    expect(rows.map((r) => r.alg).sort()).toEqual(['ES256', 'RS256']);
    expect(rows[0].kid).toBe(keyIdOf(legacyPem));
    for (const row of rows) {
      expect(row.private_key_pem).toBeNull();
      const stored = row.private_key_sealed.toString('latin1');
      expect(stored).not.toContain('PRIVATE KEY');
      // Sealed with the data key (TOTP_ENCRYPTION_KEY, or the one kept for every replica).
      expect(box.open(row.private_key_sealed)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    }
    expect(box.open(rows[0].private_key_sealed)).toBe(legacyPem);
    // The sealed key signs, and its tokens verify.
    const { idToken } = await signIn(t);
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: 'ES256', kid: keyIdOf(legacyPem) });
    expect((await call('GET', `${t.url}/v1/factors`, undefined, bearer(idToken))).status).toBe(200);
  });

  it('publishes an RSA key of 2048 bits or more beside the EC one, and signs RS256 id_tokens for a client that asks', async () => {
    const keys = await jwks(`${t.url}/.well-known/jwks.json`);
    const rsa = keys.find((k) => k.alg === 'RS256')!;
    expect(rsa).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: expect.any(String) });
    expect(Buffer.from(rsa.n!, 'base64url').length * 8).toBeGreaterThanOrEqual(2048);
    expect(JSON.stringify(keys)).not.toMatch(/"(d|p|q|dp|dq|qi)"/);

    const discovery = await (await fetch(`${t.url}/.well-known/openid-configuration`)).json();
    expect(discovery.id_token_signing_alg_values_supported).toEqual(
      expect.arrayContaining(['ES256', 'RS256']),
    );
    const { phone } = await signIn(t);
    const verifyAt = createRemoteJWKSet(new URL(discovery.jwks_uri));
    for (const [clientId, alg] of [
      ['rs256', 'RS256'],
      ['spa', 'ES256'],
    ]) {
      const rp = await client.discovery(new URL(t.url), clientId, undefined, client.None(), {
        execute: [client.allowInsecureRequests],
      });
      const auth = await authorization(rp, { scope: 'openid phone', prompt: 'login' });
      const tokens = await client.authorizationCodeGrant(
        rp,
        await signInThroughPage(t, auth, phone),
        { pkceCodeVerifier: auth.verifier, expectedNonce: auth.nonce, expectedState: auth.state },
      );
      const { protectedHeader } = await jwtVerify(tokens.id_token!, verifyAt, {
        issuer: t.url,
        audience: clientId,
      });
      expect(protectedHeader.alg).toBe(alg);
    }
  });

  it('publishes a new key before it signs, signs with it when its time comes, and keeps the old one while its tokens live', async () => {
    const keys = t.app.get(IdTokenService);
    const [first] = await kids(`${t.url}/.well-known/jwks.json`);
    const before = await signIn(t);
    expect(decodeProtectedHeader(before.idToken).kid).toBe(first);

    // A rotation that signs in ten minutes: published at once, not used yet.
    await rotateSigningKeys(t.db, box, 600, 3600);
    await keys.reload();
    const published = await kids(`${t.url}/.well-known/jwks.json`);
    expect(published).toHaveLength(2);
    expect(published[0]).toBe(first);
    const next = published[1];
    // An RS256 key rotates with it.
    expect(await kids(`${t.url}/.well-known/jwks.json`, 'RS256')).toHaveLength(2);
    const discovery = await (await fetch(`${t.url}/.well-known/openid-configuration`)).json();
    expect((await jwks(discovery.jwks_uri)).map((k) => k.kid).sort()).toEqual(
      (await jwks(`${t.url}/.well-known/jwks.json`)).map((k) => k.kid).sort(),
    );
    expect(decodeProtectedHeader((await signIn(t, before.phone)).idToken).kid).toBe(first);

    // A rotation that signs at once (after a leak, say): new tokens carry it, old ones still work.
    const now = await rotateSigningKeys(t.db, box, 0, 3600);
    const nowKid = now.keys.find((k) => k.alg === 'ES256')!.kid;
    await keys.reload();
    expect(await kids(`${t.url}/.well-known/jwks.json`)).toEqual([first, next, nowKid]);
    const after = await signIn(t, before.phone);
    expect(decodeProtectedHeader(after.idToken)).toMatchObject({ alg: 'ES256', kid: nowKid });
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
    expect(decodeProtectedHeader(tokens.id_token!).kid).toBe(nowKid);
  });

  it('drops a retired key from the JWKS', async () => {
    const keys = t.app.get(IdTokenService);
    await rotateSigningKeys(t.db, box, 0, 0);
    await keys.reload();
    expect(await kids(`${t.url}/.well-known/jwks.json`)).toHaveLength(1);
    expect(await kids(`${t.url}/.well-known/jwks.json`, 'RS256')).toHaveLength(1);
  });

  it('keeps its keys when TOTP_ENCRYPTION_KEY is set after they were sealed with the key the database kept', async () => {
    const published = (await jwks(`${t.url}/.well-known/jwks.json`)).map((k) => k.kid).sort();
    const dataKeyNow = randomBytes(32);
    // A replica started as production requires: with TOTP_ENCRYPTION_KEY, on the same database.
    const other = await startTestApp({
      env: {
        DATABASE_URL: dbUrl,
        OIDC_CLIENTS: CLIENTS,
        TOTP_ENCRYPTION_KEY: dataKeyNow.toString('base64'),
      },
      sharedSandbox: t.sandbox,
    });
    try {
      expect((await jwks(`${other.url}/.well-known/jwks.json`)).map((k) => k.kid).sort()).toEqual(
        published,
      );
      const rows: { private_key_sealed: Buffer }[] = await other.db.query(
        `SELECT private_key_sealed FROM jwt_signing_keys WHERE retire_at IS NULL OR retire_at > now()`,
      );
      const sealedNow = new SecretBox(dataKeyNow);
      for (const row of rows) {
        expect(sealedNow.open(row.private_key_sealed)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      }
      const { idToken } = await signIn(other);
      expect(
        (await call('GET', `${other.url}/v1/factors`, undefined, bearer(idToken))).status,
      ).toBe(200);
    } finally {
      await other.close();
    }
  });
});
