import * as client from 'openid-client';
import { TestApp, startTestApp } from '@test-support/test-app';
import { phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { registerPhone, signIn } from '@test-support/flows';
import { CALLBACK, authorization, signInThroughPage } from '@test-support/oidc';

const WEB_APP = {
  client_id: 'web-app',
  client_secret: 'web-app-secret-that-is-long-enough-0123456789',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
};

/** A /v1 id_token's claims (its signature is the OpenID tests' business). */
const claimsOf = (idToken: string) =>
  JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8'));

describe('amr and acr whichever provider proved the SIM (SIM_PROOF_PROVIDERS=truid,vonage,twilio, openid-client, sandbox)', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startTestApp({
        env: {
          SIM_PROOF_PROVIDERS: 'truid,vonage,twilio',
          OIDC_CLIENTS: JSON.stringify([WEB_APP]),
        },
      })),
  );
  afterAll(() => t.close());

  /** Signs the phone's user in at the OpenID Provider through the login page: the id_token's claims. */
  async function openIdClaims(phoneNumber: string) {
    const phone = await registerPhone(t, phoneNumber);
    const rp = await client.discovery(
      new URL(t.url),
      WEB_APP.client_id,
      WEB_APP.client_secret,
      client.ClientSecretBasic(WEB_APP.client_secret),
      { execute: [client.allowInsecureRequests] },
    );
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, phone);
    const tokens = await client.authorizationCodeGrant(rp, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedNonce: auth.nonce,
      expectedState: auth.state,
    });
    return { phone, claims: tokens.claims()! };
  }

  it('gives the same amr and acr to sign-ins proven by tru.ID, by Vonage (tru.ID down, 5000) and by Twilio (both down, 5100)', async () => {
    const byProvider = {
      truid: await openIdClaims(uniquePhoneNumber()),
      vonage: await openIdClaims(phoneNumberEnding('5000')),
      twilio: await openIdClaims(phoneNumberEnding('5100')),
    };
    // Each number's proofs were made where the sandbox says: one provider each.
    const proofs = await t.db.query(
      `SELECT a.phone_number, array_agg(DISTINCT e.provider) AS providers
         FROM attempts a JOIN attempt_events e ON e.attempt_id = a.id
        WHERE a.phone_number = ANY($1) AND e.provider IS NOT NULL GROUP BY a.phone_number`,
      [Object.values(byProvider).map((p) => p.phone.phoneNumber)],
    );
    for (const [provider, { phone }] of Object.entries(byProvider))
      expect(
        proofs.find((p: { phone_number: string }) => p.phone_number === phone.phoneNumber),
      ).toMatchObject({ providers: [provider] });

    for (const { claims } of Object.values(byProvider))
      expect({ amr: claims.amr, acr: claims.acr }).toEqual({
        amr: ['sim'],
        acr: 'urn:simauth:acr:sim',
      });

    // The /v1 id_token of a companion login says the same, and names no provider either.
    for (const { phone } of Object.values(byProvider)) {
      const { idToken } = await signIn(t, phone);
      const claims = claimsOf(idToken);
      expect(claims.amr).toEqual(['sim']);
      expect(JSON.stringify(claims)).not.toMatch(/truid|vonage|twilio/);
    }
  });
});
