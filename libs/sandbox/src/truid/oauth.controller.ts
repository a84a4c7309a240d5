import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxStore } from '../sandbox-store';
import { truIdError } from '../sandbox-error';

const KNOWN_SCOPES = new Set([
  'phone_check',
  'subscriber_check',
  'sim_check',
  'coverage',
  'console',
  'authenticator',
]);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** tru.ID's OAuth2 client-credentials token endpoint. */
@Controller('oauth2/v1')
export class TruIdOAuthController {
  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  @Post('token')
  @HttpCode(200)
  token(@Req() req: Request) {
    this.store.count('truid.token');
    const basic = /^Basic (.+)$/i.exec(req.header('authorization') ?? '');
    const [clientId, clientSecret] = basic
      ? Buffer.from(basic[1], 'base64').toString().split(':')
      : [];
    if (
      !clientId ||
      !same(clientId, this.options.truId.clientId) ||
      !same(clientSecret ?? '', this.options.truId.clientSecret)
    ) {
      throw truIdError(401, 'invalid_client', 'Client authentication failed');
    }
    if (!req.is('application/x-www-form-urlencoded')) {
      throw truIdError(400, 'invalid_request', 'Body must be application/x-www-form-urlencoded');
    }
    const body = req.body as Record<string, string>;
    if (body.grant_type !== 'client_credentials') {
      throw truIdError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    const scopes = String(body.scope ?? '')
      .split(' ')
      .filter(Boolean);
    if (scopes.length === 0 || scopes.some((s) => !KNOWN_SCOPES.has(s))) {
      throw truIdError(400, 'invalid_scope', 'Unknown or missing scope');
    }
    const ttl = this.options.truId.tokenTtlSeconds;
    const token = this.store.issueToken(this.store.truIdTokens, scopes, ttl);
    return {
      access_token: token.token,
      token_type: 'bearer',
      expires_in: ttl,
      scope: scopes.join(' '),
    };
  }
}
