import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
  Headers,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxStore } from '../sandbox-store';
import { ProviderStyleError } from '../sandbox-error';
import {
  hoursSinceSimSwap,
  networkEnablementRefused,
  simSwapRule,
  virtualOperatorOutcome,
} from '../sandbox-rules';
import { VonageJwtVerifier } from './vonage-auth';

const NUMBER_VERIFICATION_SCOPE = 'dpv:FraudPreventionAndDetection#number-verification-verify-read';
const SIM_SWAP_SCOPE = 'dpv:FraudPreventionAndDetection#check-sim-swap';
const E164 = /^\+[1-9][0-9]{7,14}$/;

function problem(status: number, detail: string, req: Request) {
  return new ProviderStyleError(
    status,
    {
      type: 'https://developer.vonage.com/api-errors#invalid-params',
      title: 'Invalid request',
      detail,
      instance: req.path,
    },
    'application/problem+json',
  );
}

function camaraError(status: number, code: string, message: string) {
  return new ProviderStyleError(status, { status, code, message });
}

/** Vonage Network Enablement, its OIDC auth and token endpoints, and CAMARA Number Verification. */
@Controller()
export class VonageController {
  private readonly jwt: VonageJwtVerifier;

  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {
    this.jwt = new VonageJwtVerifier(options.vonage.publicKeyPem, options.vonage.applicationId);
  }

  @Post('v0.1/network-enablement')
  @HttpCode(200)
  async enable(@Req() req: Request, @Body() body: Record<string, unknown>) {
    this.store.count('vonage.network_enablement');
    await this.jwt.verify(req);
    const { phone_number: phoneNumber, scopes, state } = body ?? {};
    if (typeof phoneNumber !== 'string' || !E164.test(phoneNumber))
      throw problem(400, 'phone_number must be E.164 with a leading +', req);
    if (!Array.isArray(scopes) || scopes.length === 0)
      throw problem(400, 'scopes must be a non-empty array', req);
    if (typeof state !== 'string' || state.length === 0)
      throw problem(400, 'state is required', req);

    const result: Record<string, unknown> = {};
    for (const scope of scopes as string[]) {
      if (scope === NUMBER_VERIFICATION_SCOPE && networkEnablementRefused(phoneNumber)) {
        result[scope] = {
          error: {
            title: 'Not supported',
            instance: req.path,
            detail: 'The network of this phone number does not support this scope',
            error_type: 'number_not_supported',
          },
        };
        continue;
      }
      if (scope !== NUMBER_VERIFICATION_SCOPE) {
        result[scope] = {
          error: {
            title: 'Unsupported scope',
            instance: req.path,
            detail: `${scope} is not enabled`,
            error_type: 'unsupported_scope',
          },
        };
        continue;
      }
      const url = new URL(`${this.store.publicUrl}/oauth2/auth`);
      url.search = new URLSearchParams({
        client_id: this.options.vonage.applicationId,
        response_type: 'code',
        scope: `openid ${scope}`,
        redirect_uri: this.options.vonage.redirectUri,
        login_hint: `tel:${phoneNumber}`,
        state,
      }).toString();
      result[scope] = { auth_url: url.toString(), app_url: null, requires_carrier_network: true };
    }
    return { scopes: result };
  }

  /** The device opens auth_url over mobile data; the network identifies it and redirects back with a code. */
  @Get('oauth2/auth')
  authorize(
    @Query() query: Record<string, string>,
    @Headers('x-sandbox-sim') sim: string | undefined,
    @Res() res: Response,
  ) {
    this.store.count('vonage.authorize');
    const { client_id: clientId, redirect_uri: redirectUri, login_hint: loginHint, state } = query;
    if (
      clientId !== this.options.vonage.applicationId ||
      redirectUri !== this.options.vonage.redirectUri
    ) {
      throw new ProviderStyleError(400, {
        error: 'invalid_request',
        error_description: 'Unknown client or redirect_uri',
      });
    }
    const phoneNumber = (loginHint ?? '').replace(/^tel:/, '');
    const code = randomBytes(18).toString('base64url');
    this.store.authorizationCodes.set(code, {
      code,
      phoneNumber,
      sim: sim?.trim() || undefined,
      redirectUri,
      expiresAt: this.store.clock.now() + 60_000,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (state) target.searchParams.set('state', state);
    res.redirect(302, target.toString());
  }

  /** The backend (CIBA) authorization Vonage's SDK makes for SIM Swap: no device involved. */
  @Post('oauth2/bc-authorize')
  @HttpCode(200)
  async backchannelAuthorize(@Req() req: Request, @Body() body: Record<string, string>) {
    this.store.count('vonage.bc_authorize');
    await this.jwt.verify(req);
    const phoneNumber = /^tel:(\+[1-9][0-9]{7,14})$/.exec(body?.login_hint ?? '')?.[1];
    if (!phoneNumber) {
      throw new ProviderStyleError(400, {
        error: 'invalid_request',
        error_description: 'login_hint must be tel:+<E.164 number>',
      });
    }
    const scopes = String(body.scope ?? '')
      .split(' ')
      .filter(Boolean);
    if (!scopes.includes('openid') || !scopes.includes(SIM_SWAP_SCOPE)) {
      throw new ProviderStyleError(400, {
        error: 'invalid_scope',
        error_description: `scope must be "openid ${SIM_SWAP_SCOPE}"`,
      });
    }
    // A number of no network Vonage reaches for SIM Swap: 404, as Vonage's SDK reads it.
    if (simSwapRule('vonage', phoneNumber) === 'not-supported')
      throw new ProviderStyleError(
        404,
        {
          type: 'https://developer.vonage.com/api-errors#not-found',
          title: 'Not Found',
          detail: 'The network of this number is not supported.',
          instance: req.path,
        },
        'application/problem+json',
      );
    const authReqId = randomBytes(16).toString('hex');
    this.store.cibaRequests.set(authReqId, {
      phoneNumber,
      scopes,
      expiresAt: this.store.clock.now() + 120_000,
    });
    return { auth_req_id: authReqId, expires_in: 120, interval: 0 };
  }

  @Post('oauth2/token')
  @HttpCode(200)
  async token(@Req() req: Request, @Body() body: Record<string, string>) {
    this.store.count('vonage.token');
    await this.jwt.verify(req);
    if (body?.grant_type === 'urn:openid:params:grant-type:ciba') return this.cibaToken(body);
    if (body?.grant_type !== 'authorization_code') {
      throw new ProviderStyleError(400, {
        error: 'unsupported_grant_type',
        error_description:
          'grant_type must be authorization_code or urn:openid:params:grant-type:ciba',
      });
    }
    const grant = this.store.authorizationCodes.get(body.code ?? '');
    // Codes are single use: a replayed or unknown code is an invalid grant.
    this.store.authorizationCodes.delete(body.code ?? '');
    if (
      !grant ||
      grant.expiresAt <= this.store.clock.now() ||
      grant.redirectUri !== body.redirect_uri
    ) {
      throw new ProviderStyleError(400, {
        error: 'invalid_grant',
        error_description: 'The code is invalid, expired or already used',
      });
    }
    const token = this.store.issueToken(this.store.camaraTokens, [NUMBER_VERIFICATION_SCOPE], 300, {
      msisdn: grant.sim,
      phoneNumber: grant.phoneNumber,
    });
    return { access_token: token.token, token_type: 'Bearer', expires_in: 300 };
  }

  private cibaToken(body: Record<string, string>) {
    const request = this.store.cibaRequests.get(body.auth_req_id ?? '');
    this.store.cibaRequests.delete(body.auth_req_id ?? '');
    if (!request || request.expiresAt <= this.store.clock.now()) {
      throw new ProviderStyleError(400, {
        error: 'invalid_grant',
        error_description: 'auth_req_id is invalid, expired or already used',
      });
    }
    const token = this.store.issueToken(this.store.camaraTokens, [SIM_SWAP_SCOPE], 300, {
      phoneNumber: request.phoneNumber,
    });
    return { access_token: token.token, token_type: 'Bearer', expires_in: 300 };
  }

  /** CAMARA SIM Swap v0.4.0: was the SIM swapped within maxAge hours? */
  @Post('camara/sim-swap/v040/check')
  @HttpCode(200)
  simSwap(@Req() req: Request, @Body() body: Record<string, unknown>) {
    this.store.count('vonage.sim_swap');
    const match = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '');
    const token = match && this.store.camaraTokens.get(match[1]);
    if (!token || token.expiresAt <= this.store.clock.now() || !token.scopes.has(SIM_SWAP_SCOPE)) {
      throw camaraError(
        401,
        'UNAUTHENTICATED',
        'Request not authenticated due to missing, invalid, or expired credentials.',
      );
    }
    const phoneNumber = body?.phoneNumber;
    const maxAge = body?.maxAge === undefined ? 240 : Number(body.maxAge);
    if (
      typeof phoneNumber !== 'string' ||
      !E164.test(phoneNumber) ||
      !Number.isInteger(maxAge) ||
      maxAge < 1 ||
      maxAge > 2400
    ) {
      throw camaraError(
        400,
        'INVALID_ARGUMENT',
        'Client specified an invalid argument, request body or query param.',
      );
    }
    // The token was issued for one number: it answers about that number only.
    if (phoneNumber !== token.phoneNumber)
      throw camaraError(403, 'INVALID_TOKEN_CONTEXT', 'phoneNumber is not the one of the token.');
    if (simSwapRule('vonage', phoneNumber) === 'server-error')
      throw camaraError(500, 'INTERNAL', 'Server error.');
    const hours = hoursSinceSimSwap(phoneNumber);
    return { swapped: hours !== undefined && hours <= maxAge };
  }

  @Post('camara/number-verification/v031/verify')
  @HttpCode(200)
  verify(@Req() req: Request, @Body() body: Record<string, unknown>) {
    this.store.count('vonage.verify');
    const match = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '');
    const token = match && this.store.camaraTokens.get(match[1]);
    if (!token || token.expiresAt <= this.store.clock.now()) {
      throw camaraError(
        401,
        'UNAUTHENTICATED',
        'Request not authenticated due to missing, invalid, or expired credentials.',
      );
    }
    const phoneNumber = body?.phoneNumber;
    if (typeof phoneNumber !== 'string' || !E164.test(phoneNumber)) {
      throw camaraError(
        400,
        'INVALID_ARGUMENT',
        'Client specified an invalid argument, request body or query param.',
      );
    }
    const virtual = virtualOperatorOutcome(token.phoneNumber ?? phoneNumber);
    if (virtual === 'error') throw camaraError(500, 'INTERNAL', 'Server error.');
    if (virtual)
      return {
        devicePhoneNumberVerified: virtual === 'verified' && phoneNumber === token.phoneNumber,
      };
    if (!token.msisdn) {
      throw camaraError(
        403,
        'NUMBER_VERIFICATION.USER_NOT_AUTHENTICATED_BY_MOBILE_NETWORK',
        'Client must authenticate via the mobile network to use this service.',
      );
    }
    return { devicePhoneNumberVerified: token.msisdn === phoneNumber };
  }
}
