import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { QRCodeToDataURLOptions, toDataURL } from 'qrcode';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxChallenge, SandboxFactor, SandboxStore } from '../sandbox-store';
import { truIdError } from '../sandbox-error';
import { requireTruIdScope } from './truid-auth';
import { signedCallbackHeaders } from './callback-signer';

const BASE = 'authenticator/v0.1/factors';
const CHALLENGE_TTL_MS = 5 * 60_000;
/**
 * The factor's QR code as a PNG without pngjs's adaptive row filters (a tenth of the CPU): the
 * sandbox answers within the api's PROVIDER_TIMEOUT_MS, and in tests it shares the api's event loop.
 */
const QR_PNG = { rendererOpts: { filterType: 0 } } as QRCodeToDataURLOptions;

function patchOps(req: Request, body: unknown): { op: string; path: string; value: unknown }[] {
  if (!req.is('application/json-patch+json'))
    throw truIdError(415, 'unsupported_media_type', 'Use application/json-patch+json');
  if (!Array.isArray(body) || body.length === 0)
    throw truIdError(400, 'invalid_patch', 'Expected a JSON Patch array');
  return body as { op: string; path: string; value: unknown }[];
}

/** tru.ID Authenticator v0.1: TOTP factors, activation, challenges, and signed challenge callbacks. */
@Controller()
export class AuthenticatorController {
  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  @Post(BASE)
  async createFactor(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('truid.authenticator.create_factor');
    requireTruIdScope(this.store, req, 'authenticator');
    const { phone_number: phoneNumber, external_user_id: externalUserId } = body ?? {};
    if (typeof phoneNumber !== 'string' || typeof externalUserId !== 'string' || !externalUserId) {
      throw truIdError(400, 'invalid_request', 'phone_number and external_user_id are required');
    }
    if (
      [...this.store.factors.values()].some(
        (f) => f.externalUserId === externalUserId && f.status !== 'INACTIVE',
      )
    ) {
      throw truIdError(409, 'external_user_id_taken', 'external_user_id must be unique');
    }
    const secret = generateSecret();
    const url = generateURI({ issuer: 'Sandbox Authenticator', label: phoneNumber, secret });
    const now = this.store.clock.now();
    const factor: SandboxFactor = {
      factorId: randomUUID(),
      phoneNumber,
      externalUserId,
      secret,
      status: 'PENDING',
      url,
      dataUrl: await toDataURL(url, QR_PNG),
      createdAt: now,
      updatedAt: now,
    };
    this.store.factors.set(factor.factorId, factor);
    res.status(201).type('application/hal+json');
    return this.factorResource(factor);
  }

  @Get(`${BASE}/:factorId`)
  getFactor(@Req() req: Request, @Param('factorId') factorId: string) {
    requireTruIdScope(this.store, req, 'authenticator');
    return this.factorResource(this.factor(factorId));
  }

  @Patch(`${BASE}/:factorId`)
  async patchFactor(
    @Req() req: Request,
    @Param('factorId') factorId: string,
    @Body() body: unknown,
  ) {
    this.store.count('truid.authenticator.patch_factor');
    requireTruIdScope(this.store, req, 'authenticator');
    const factor = this.factor(factorId);
    for (const op of patchOps(req, body)) {
      if (op.op === 'add' && op.path === '/code') {
        if (factor.status !== 'PENDING')
          throw truIdError(400, 'invalid_state', 'The factor is not pending');
        if (!(await this.validCode(factor, op.value)))
          throw truIdError(400, 'invalid_code', 'The code is not valid');
        factor.status = 'ACTIVE';
      } else if (op.op === 'replace' && op.path === '/status' && op.value === 'INACTIVE') {
        factor.status = 'INACTIVE';
      } else {
        throw truIdError(400, 'invalid_patch', `Unsupported operation ${op.op} ${op.path}`);
      }
    }
    factor.updatedAt = this.store.clock.now();
    return this.factorResource(factor);
  }

  @Post(`${BASE}/:factorId/challenges`)
  createChallenge(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('factorId') factorId: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('truid.authenticator.create_challenge');
    requireTruIdScope(this.store, req, 'authenticator');
    const factor = this.factor(factorId);
    if (factor.status !== 'ACTIVE')
      throw truIdError(400, 'invalid_state', 'The factor is not active');
    const now = this.store.clock.now();
    const challenge: SandboxChallenge = {
      challengeId: randomUUID(),
      factorId,
      status: 'PENDING',
      referenceId: typeof body?.reference_id === 'string' ? body.reference_id : undefined,
      createdAt: now,
      updatedAt: now,
      expiresAt: now + CHALLENGE_TTL_MS,
    };
    this.store.challenges.set(challenge.challengeId, challenge);
    res.status(201).type('application/hal+json');
    return this.challengeResource(challenge);
  }

  @Get(`${BASE}/:factorId/challenges/:challengeId`)
  getChallenge(
    @Req() req: Request,
    @Param('factorId') factorId: string,
    @Param('challengeId') challengeId: string,
  ) {
    requireTruIdScope(this.store, req, 'authenticator');
    return this.challengeResource(this.challenge(factorId, challengeId));
  }

  /** Resolves a TOTP challenge with the user's code (server to server). */
  @Patch(`${BASE}/:factorId/challenges/:challengeId`)
  async resolve(
    @Req() req: Request,
    @Param('factorId') factorId: string,
    @Param('challengeId') challengeId: string,
    @Body() body: unknown,
  ) {
    this.store.count('truid.authenticator.patch_challenge');
    requireTruIdScope(this.store, req, 'authenticator');
    const op = patchOps(req, body).find((o) => o.op === 'add' && o.path === '/code');
    if (!op) throw truIdError(400, 'invalid_patch', 'Expected add /code');
    return this.challengeResource(
      await this.answer(this.challenge(factorId, challengeId), op.value),
    );
  }

  /**
   * Sandbox only: the person answers the challenge in the tru.ID app; tru.ID then calls back. The
   * challenge is named by tru.ID's id or by its reference_id (simauth's challenge_id, which is
   * what a person following docs/guide/flows.md has).
   */
  @Post('sandbox/authenticator/challenges/:challengeId/respond')
  @HttpCode(200)
  async respondOnDevice(
    @Param('challengeId') challengeId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const challenge =
      this.store.challenges.get(challengeId) ??
      [...this.store.challenges.values()].find((c) => c.referenceId === challengeId);
    if (!challenge) throw truIdError(404, 'not_found', 'Challenge not found');
    // Answers once tru.ID's callback was delivered, so whoever plays the person (a docs
    // example, a test) reads the outcome at simauth right after.
    return this.challengeResource(await this.answer(challenge, body?.code, true));
  }

  private async answer(
    challenge: SandboxChallenge,
    code: unknown,
    awaitCallback = false,
  ): Promise<SandboxChallenge> {
    this.refresh(challenge);
    if (challenge.status === 'PENDING') {
      challenge.status = (await this.validCode(this.factor(challenge.factorId), code))
        ? 'VERIFIED'
        : 'FAILED';
      challenge.updatedAt = this.store.clock.now();
      const delivered = this.callBack(challenge);
      if (awaitCallback) await delivered;
    }
    return challenge;
  }

  private async callBack(challenge: SandboxChallenge): Promise<void> {
    const url = this.options.authenticator.callbackUrl;
    if (!url) return;
    const body = JSON.stringify({
      ...this.challengeResource(challenge),
      factor_id: challenge.factorId,
    });
    const headers = signedCallbackHeaders(
      url,
      body,
      'authenticator_challenge',
      this.options.authenticator.privateKey,
      this.options.authenticator.keyId,
    );
    const delivery = fetch(url, { method: 'POST', headers, body }).then(
      (res) => res.status,
      () => 0,
    );
    this.store.callbackDeliveries.push({ challengeId: challenge.challengeId, status: delivery });
    await delivery;
  }

  private async validCode(factor: SandboxFactor, code: unknown): Promise<boolean> {
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return false;
    return (await verify({ secret: factor.secret, token: code, epochTolerance: 30 })).valid;
  }

  private factor(factorId: string): SandboxFactor {
    const factor = this.store.factors.get(factorId);
    if (!factor) throw truIdError(404, 'not_found', 'Factor not found');
    return factor;
  }

  private challenge(factorId: string, challengeId: string): SandboxChallenge {
    const challenge = this.store.challenges.get(challengeId);
    if (!challenge || challenge.factorId !== factorId)
      throw truIdError(404, 'not_found', 'Challenge not found');
    return this.refresh(challenge);
  }

  private refresh(challenge: SandboxChallenge): SandboxChallenge {
    if (challenge.status === 'PENDING' && this.store.clock.now() > challenge.expiresAt)
      challenge.status = 'EXPIRED';
    return challenge;
  }

  private factorResource(f: SandboxFactor) {
    return {
      factor_id: f.factorId,
      status: f.status,
      type: 'TOTP',
      external_user_id: f.externalUserId,
      url: f.url,
      data_url: f.dataUrl,
      created_at: new Date(f.createdAt).toISOString(),
      updated_at: new Date(f.updatedAt).toISOString(),
      _links: { self: { href: `${this.store.publicUrl}/${BASE}/${f.factorId}` } },
    };
  }

  private challengeResource(c: SandboxChallenge) {
    return {
      challenge_id: c.challengeId,
      status: c.status,
      ...(c.referenceId ? { reference_id: c.referenceId } : {}),
      created_at: new Date(c.createdAt).toISOString(),
      updated_at: new Date(c.updatedAt).toISOString(),
      expired_at: new Date(c.expiresAt).toISOString(),
      _links: {
        self: { href: `${this.store.publicUrl}/${BASE}/${c.factorId}/challenges/${c.challengeId}` },
      },
    };
  }
}
