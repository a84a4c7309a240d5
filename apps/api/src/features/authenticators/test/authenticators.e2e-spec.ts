import { randomBytes, randomUUID } from 'node:crypto';
import { CallbackReceiptsSweeper, RECEIPT_RETENTION_SECONDS } from '../callback-receipts-sweeper';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { eventually } from '@test-support/sse';
import { signIn } from '@test-support/flows';
import { totpCode } from '@test-support/totp';
import { signedCallbackHeaders } from '@simauth/sandbox';

describe('authenticator factors over HTTP (sandbox tru.ID Authenticator, real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { FACTOR_MAX_FAILED_CODES: '3' } })));
  afterAll(() => t.close());

  const post = (path: string, body: unknown, idToken: string) =>
    call('POST', `${t.url}${path}`, body, bearer(idToken));

  async function newFactor(idToken: string, type: 'totp' | 'truid') {
    const created = await post('/v1/factors', { type }, idToken);
    expect(created.status).toBe(201);
    return created.body as {
      factor_id: string;
      otpauth_url: string;
      qr_data_url: string;
      status: string;
    };
  }

  async function activeFactor(idToken: string, type: 'totp' | 'truid') {
    const factor = await newFactor(idToken, type);
    const res = await post(
      `/v1/factors/${factor.factor_id}/activate`,
      { code: await totpCode(factor.otpauth_url) },
      idToken,
    );
    expect(res.body).toEqual({ status: 'ACTIVE' });
    return factor;
  }

  const wrongCode = async (otpauthUrl: string) => {
    const right = await totpCode(otpauthUrl);
    return right === '000000' ? '000001' : '000000';
  };

  /** Even the right code is refused now: 429, for about the lock's 15 minutes. */
  async function expectLocked(
    factor: { factor_id: string; otpauth_url: string },
    idToken: string,
  ): Promise<void> {
    const locked = await post(
      `/v1/factors/${factor.factor_id}/activate`,
      { code: await totpCode(factor.otpauth_url) },
      idToken,
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  }

  it.each(['totp', 'truid'] as const)(
    'onboards a %s factor with a QR code and activates it with a computed code',
    async (type) => {
      const { idToken } = await signIn(t);
      const factor = await newFactor(idToken, type);
      expect(factor).toEqual({
        factor_id: expect.any(String),
        status: 'PENDING',
        qr_data_url: expect.stringMatching(/^data:image\/png;base64,/),
        otpauth_url: expect.stringMatching(/^otpauth:\/\/totp\//),
      });
      const res = await post(
        `/v1/factors/${factor.factor_id}/activate`,
        { code: await totpCode(factor.otpauth_url) },
        idToken,
      );
      expect(res.body).toEqual({ status: 'ACTIVE' });
      const list = await call('GET', `${t.url}/v1/factors`, undefined, bearer(idToken));
      expect(list.body).toEqual([
        { factor_id: factor.factor_id, type, status: 'ACTIVE', created_at: expect.any(String) },
      ]);
    },
  );

  it('keeps the TOTP seed encrypted at rest', async () => {
    const { idToken } = await signIn(t);
    const factor = await newFactor(idToken, 'totp');
    const secret = new URL(factor.otpauth_url).searchParams.get('secret')!;
    const rows = await t.db.query('SELECT secret_ciphertext FROM factors WHERE id = $1', [
      factor.factor_id,
    ]);
    expect(rows[0].secret_ciphertext.toString('latin1')).not.toContain(secret);
  });

  it.each(['totp', 'truid'] as const)(
    'refuses a wrong %s code with 422 and keeps the factor PENDING',
    async (type) => {
      const { idToken } = await signIn(t);
      const factor = await newFactor(idToken, type);
      const res = await post(
        `/v1/factors/${factor.factor_id}/activate`,
        { code: await wrongCode(factor.otpauth_url) },
        idToken,
      );
      expect(res.status).toBe(422);
      const list = await call('GET', `${t.url}/v1/factors`, undefined, bearer(idToken));
      expect(list.body[0].status).toBe('PENDING');
    },
  );

  it('locks a factor after repeated wrong codes, refusing even the right one with 429', async () => {
    const { idToken } = await signIn(t);
    const factor = await newFactor(idToken, 'totp');
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await post(
            `/v1/factors/${factor.factor_id}/activate`,
            { code: await wrongCode(factor.otpauth_url) },
            idToken,
          )
        ).status,
      ).toBe(422);
    }
    await expectLocked(factor, idToken);
  });

  it('evaluates at most FACTOR_MAX_FAILED_CODES of many concurrent wrong codes, then locks', async () => {
    const { idToken } = await signIn(t);
    const factor = await newFactor(idToken, 'truid');
    const before = t.sandbox.store.callsTo('truid.authenticator.patch_factor');
    const wrong = await wrongCode(factor.otpauth_url);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/v1/factors/${factor.factor_id}/activate`, { code: wrong }, idToken),
      ),
    );
    // tru.ID was asked exactly 3 times; every other request was refused before any evaluation.
    expect(t.sandbox.store.callsTo('truid.authenticator.patch_factor') - before).toBe(3);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 422)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    for (const refused of answers.filter((a) => a.status === 429))
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectLocked(factor, idToken);
  });

  it('refuses a tru.ID code already accepted for the factor, for any later challenge', async () => {
    const { idToken } = await signIn(t);
    const factor = await newFactor(idToken, 'truid');
    const activation = await totpCode(factor.otpauth_url);
    await post(`/v1/factors/${factor.factor_id}/activate`, { code: activation }, idToken);
    const verify = async (code: string) => {
      const challenge = await post(`/v1/factors/${factor.factor_id}/challenges`, {}, idToken);
      return (
        await post(
          `/v1/factors/${factor.factor_id}/challenges/${challenge.body.challenge_id}/verify`,
          { code },
          idToken,
        )
      ).body;
    };
    // tru.ID would accept each of these again within its window; simauth does not.
    expect(await verify(activation)).toEqual({ status: 'FAILED' });
    const next = await totpCode(factor.otpauth_url, 1);
    expect(await verify(next)).toEqual({ status: 'VERIFIED' });
    expect(await verify(next)).toEqual({ status: 'FAILED' });
  });

  it.each(['totp', 'truid'] as const)('verifies a %s challenge with a fresh code', async (type) => {
    const { idToken } = await signIn(t);
    const factor = await activeFactor(idToken, type);
    const challenge = await post(
      `/v1/factors/${factor.factor_id}/challenges`,
      { message: 'Confirm the transfer' },
      idToken,
    );
    expect(challenge.status).toBe(201);
    expect(challenge.body).toEqual({ challenge_id: expect.any(String), status: 'PENDING' });
    const code = await totpCode(factor.otpauth_url, 1);
    const res = await post(
      `/v1/factors/${factor.factor_id}/challenges/${challenge.body.challenge_id}/verify`,
      { code },
      idToken,
    );
    expect(res.body).toEqual({ status: 'VERIFIED' });
    const again = await post(
      `/v1/factors/${factor.factor_id}/challenges/${challenge.body.challenge_id}/verify`,
      { code },
      idToken,
    );
    expect(again.status).toBe(409);
  });

  it('refuses a TOTP code used before (replay): the challenge fails', async () => {
    const { idToken } = await signIn(t);
    const factor = await newFactor(idToken, 'totp');
    const code = await totpCode(factor.otpauth_url);
    await post(`/v1/factors/${factor.factor_id}/activate`, { code }, idToken);
    const challenge = await post(`/v1/factors/${factor.factor_id}/challenges`, {}, idToken);
    const res = await post(
      `/v1/factors/${factor.factor_id}/challenges/${challenge.body.challenge_id}/verify`,
      { code },
      idToken,
    );
    expect(res.body).toEqual({ status: 'FAILED' });
  });

  it('answers 410 for an expired challenge', async () => {
    const { idToken } = await signIn(t);
    const factor = await activeFactor(idToken, 'totp');
    const challenge = await post(`/v1/factors/${factor.factor_id}/challenges`, {}, idToken);
    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      challenge.body.challenge_id,
    ]);
    const res = await post(
      `/v1/factors/${factor.factor_id}/challenges/${challenge.body.challenge_id}/verify`,
      { code: await totpCode(factor.otpauth_url, 1) },
      idToken,
    );
    expect(res.status).toBe(410);
  });

  it("refuses another user's factor with 403, and requires a valid id_token", async () => {
    const owner = await signIn(t);
    const other = await signIn(t);
    const factor = await newFactor(owner.idToken, 'totp');
    const res = await post(
      `/v1/factors/${factor.factor_id}/activate`,
      { code: await totpCode(factor.otpauth_url) },
      other.idToken,
    );
    expect(res.status).toBe(403);
    expect((await call('POST', `${t.url}/v1/factors`, { type: 'totp' })).status).toBe(401);
    expect((await post('/v1/factors', { type: 'totp' }, `${owner.idToken}x`)).status).toBe(401);
    expect((await post('/v1/factors', { type: 'sms' }, owner.idToken)).status).toBe(400);
  });

  describe('tru.ID challenge callbacks', () => {
    const callbackUrl = () => `${t.url}/v1/callbacks/truid/challenges`;

    async function truidChallenge() {
      const { idToken } = await signIn(t);
      const factor = await activeFactor(idToken, 'truid');
      const challenge = await post(`/v1/factors/${factor.factor_id}/challenges`, {}, idToken);
      const row = await t.db.query('SELECT provider_ref FROM attempts WHERE id = $1', [
        challenge.body.challenge_id,
      ]);
      return {
        factor,
        challengeId: challenge.body.challenge_id as string,
        providerChallengeId: row[0].provider_ref as string,
      };
    }

    const status = async (id: string) =>
      (await t.db.query('SELECT status FROM attempts WHERE id = $1', [id]))[0].status;

    it('moves the challenge when the person answers in the tru.ID app (signed callback)', async () => {
      const { factor, challengeId, providerChallengeId } = await truidChallenge();
      const before = t.sandbox.store.callbackDeliveries.length;
      const answered = await fetch(
        `${t.sandbox.url}/sandbox/authenticator/challenges/${providerChallengeId}/respond`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: await totpCode(factor.otpauth_url, 1) }),
        },
      );
      expect(((await answered.json()) as { status: string }).status).toBe('VERIFIED');
      const delivery = t.sandbox.store.callbackDeliveries
        .slice(before)
        .find((d) => d.challengeId === providerChallengeId)!;
      expect(await delivery.status).toBe(200);
      expect(await status(challengeId)).toBe('VERIFIED');
    });

    it('lets a person follow it end to end with simauth ids only: answer in the app, then read the status', async () => {
      const { idToken } = await signIn(t);
      const factor = await activeFactor(idToken, 'truid');
      const challenge = await post(`/v1/factors/${factor.factor_id}/challenges`, {}, idToken);
      const url = `${t.url}/v1/factors/${factor.factor_id}/challenges/${challenge.body.challenge_id}`;
      const read = async () => (await call('GET', url, undefined, bearer(idToken))).body;
      expect(await read()).toEqual({
        challenge_id: challenge.body.challenge_id,
        status: 'PENDING',
        expires_at: expect.any(String),
      });
      // The sandbox's tru.ID app knows the challenge by simauth's id (its reference_id) too.
      const answered = await fetch(
        `${t.sandbox.url}/sandbox/authenticator/challenges/${challenge.body.challenge_id}/respond`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: await totpCode(factor.otpauth_url, 1) }),
        },
      );
      expect(answered.status).toBe(200);
      await eventually(async () => expect((await read()).status).toBe('VERIFIED'));
      const other = await signIn(t);
      expect((await call('GET', url, undefined, bearer(other.idToken))).status).toBe(403);
    });

    it('refuses a callback with no signature, or a bad one, and changes nothing', async () => {
      const { challengeId, providerChallengeId } = await truidChallenge();
      const body = JSON.stringify({ challenge_id: providerChallengeId, status: 'VERIFIED' });
      const unsigned = await fetch(callbackUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(unsigned.status).toBe(401);
      const headers = signedCallbackHeaders(
        callbackUrl(),
        body,
        'authenticator_challenge',
        t.sandbox.options.authenticator.privateKey,
        t.sandbox.options.authenticator.keyId,
      );
      const tampered = await fetch(callbackUrl(), {
        method: 'POST',
        headers,
        body: body.replace('VERIFIED', 'FAILED'),
      });
      expect(tampered.status).toBe(401);
      const { generateKeyPairSync } = await import('node:crypto');
      const forgedKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const forged = await fetch(callbackUrl(), {
        method: 'POST',
        headers: signedCallbackHeaders(
          callbackUrl(),
          body,
          'authenticator_challenge',
          forgedKey,
          t.sandbox.options.authenticator.keyId,
        ),
        body,
      });
      expect(forged.status).toBe(401);
      expect(await status(challengeId)).toBe('PENDING');
    });

    it('applies a valid callback once; a replay, even with its signature re-encoded, is acknowledged and changes nothing', async () => {
      const { challengeId, providerChallengeId } = await truidChallenge();
      const body = JSON.stringify({ challenge_id: providerChallengeId, status: 'FAILED' });
      const headers = signedCallbackHeaders(
        callbackUrl(),
        body,
        'authenticator_challenge',
        t.sandbox.options.authenticator.privateKey,
        t.sandbox.options.authenticator.keyId,
      );
      const first = await fetch(callbackUrl(), { method: 'POST', headers, body });
      expect(first.status).toBe(200);
      expect(await status(challengeId)).toBe('FAILED');
      const events = async () =>
        (
          await t.db.query('SELECT count(*)::int AS n FROM attempt_events WHERE attempt_id = $1', [
            challengeId,
          ])
        )[0].n;
      const before = await events();
      // The same signature as base64url without padding: the same bytes, the same callback.
      const reencoded = headers.authorization.replace(
        /signature="([^"]+)"/,
        (_m, sig: string) => `signature="${Buffer.from(sig, 'base64').toString('base64url')}"`,
      );
      expect(reencoded).not.toBe(headers.authorization);
      for (const authorization of [headers.authorization, reencoded]) {
        const replay = await fetch(callbackUrl(), {
          method: 'POST',
          headers: { ...headers, authorization },
          body,
        });
        // tru.ID retries anything but a 2xx: a duplicate is answered 200 with what we hold.
        expect(replay.status).toBe(200);
        expect(await replay.json()).toEqual({ status: 'FAILED' });
      }
      expect(await events()).toBe(before);
    });

    it("verifies with tru.ID's published keys by keyId, fetching them again for a new key", async () => {
      const { challengeId, providerChallengeId } = await truidChallenge();
      const rotated = await fetch(`${t.sandbox.url}/sandbox/truid/callback-keys/rotate`, {
        method: 'POST',
      });
      const { kid } = (await rotated.json()) as { kid: string };
      expect(t.sandbox.options.authenticator.keyId).toBe(kid);
      const body = JSON.stringify({ challenge_id: providerChallengeId, status: 'VERIFIED' });
      const signed = (keyId: string) =>
        signedCallbackHeaders(
          callbackUrl(),
          body,
          'authenticator_challenge',
          t.sandbox.options.authenticator.privateKey,
          keyId,
        );
      // The new key under an old keyId does not verify; under its own, it does.
      const wrongKid = await fetch(callbackUrl(), {
        method: 'POST',
        headers: signed('sandbox-callbacks-1'),
        body,
      });
      expect(wrongKid.status).toBe(401);
      const unknownKid = await fetch(callbackUrl(), {
        method: 'POST',
        headers: signed('not-a-published-key'),
        body,
      });
      expect(unknownKid.status).toBe(401);
      // The set was fetched moments ago: the new kid is believed once it may be fetched again.
      await eventually(async () => {
        const res = await fetch(callbackUrl(), { method: 'POST', headers: signed(kid), body });
        expect(res.status).toBe(200);
      }, 10_000);
      expect(await status(challengeId)).toBe('VERIFIED');
    });

    it('deletes receipts once their callbacks could no longer verify, keeping the fresh ones', async () => {
      const [old, fresh] = [randomBytes(32), randomBytes(32)];
      await t.db.query(
        `INSERT INTO callback_receipts (signature_hash, received_at)
         VALUES ($1, now() - make_interval(secs => $3 + 1)), ($2, now())`,
        [old, fresh, RECEIPT_RETENTION_SECONDS],
      );
      expect(await t.app.get(CallbackReceiptsSweeper).sweep()).toBeGreaterThanOrEqual(1);
      const left = await t.db.query(
        'SELECT signature_hash FROM callback_receipts WHERE signature_hash = ANY($1)',
        [[old, fresh]],
      );
      expect(left.map((r: { signature_hash: Buffer }) => r.signature_hash)).toEqual([fresh]);
    });

    it('answers 404 for a signed callback about an unknown challenge', async () => {
      const body = JSON.stringify({ challenge_id: randomUUID(), status: 'VERIFIED' });
      const headers = signedCallbackHeaders(
        callbackUrl(),
        body,
        'authenticator_challenge',
        t.sandbox.options.authenticator.privateKey,
        t.sandbox.options.authenticator.keyId,
      );
      expect((await fetch(callbackUrl(), { method: 'POST', headers, body })).status).toBe(404);
    });
  });

  describe('companion-login fallback with an authenticator code', () => {
    it('signs in with the right number and a TOTP code: id_token with amr ["otp"]', async () => {
      const { phone, idToken } = await signIn(t);
      const factor = await activeFactor(idToken, 'totp');
      const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
      const res = await call(
        'POST',
        `${t.url}/v1/logins/${started.body.login_id}/approve-with-code`,
        {
          match_number: started.body.match_number,
          factor_id: factor.factor_id,
          code: await totpCode(factor.otpauth_url, 1),
        },
        bearer(phone.deviceToken),
      );
      expect(res.body).toEqual({ status: 'MATCH_SUCCESS' });
      const polled = await call(
        'GET',
        `${t.url}/v1/logins/${started.body.login_id}`,
        undefined,
        bearer(started.body.poll_token),
      );
      const claims = JSON.parse(
        Buffer.from(polled.body.id_token.split('.')[1], 'base64url').toString(),
      );
      expect(claims.amr).toEqual(['otp']);
    });

    it('keeps the login PENDING on a wrong code, and refuses a factor of another user', async () => {
      const { phone, idToken } = await signIn(t);
      const factor = await activeFactor(idToken, 'totp');
      const stranger = await signIn(t);
      const strangerFactor = await activeFactor(stranger.idToken, 'totp');
      const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
      const url = `${t.url}/v1/logins/${started.body.login_id}/approve-with-code`;
      const wrong = await call(
        'POST',
        url,
        {
          match_number: started.body.match_number,
          factor_id: factor.factor_id,
          code: await wrongCode(factor.otpauth_url),
        },
        bearer(phone.deviceToken),
      );
      expect(wrong.status).toBe(422);
      const foreign = await call(
        'POST',
        url,
        {
          match_number: started.body.match_number,
          factor_id: strangerFactor.factor_id,
          code: await totpCode(strangerFactor.otpauth_url, 1),
        },
        bearer(phone.deviceToken),
      );
      expect(foreign.status).toBe(403);
      const polled = await call(
        'GET',
        `${t.url}/v1/logins/${started.body.login_id}`,
        undefined,
        bearer(started.body.poll_token),
      );
      expect(polled.body.status).toBe('PENDING');
    });
  });
});
