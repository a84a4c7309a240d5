import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UseGuards,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { ApiProblems, ForbiddenError, UnauthorizedError } from '@simauth/http';
import { ADMIN_SCOPE, adminAudience } from '../../platform/operator-access/admin-tokens';
import { IdTokenService } from '../../platform/tokens/id-token.service';
import { SpentBudgets } from '../../platform/rate-limits/spent-budgets';

export interface AdminCaller {
  clientId: string;
  /** The token's scopes (simauth:admin, and simauth:admin:phone_numbers when asked for). */
  scopes: string[];
}

type AdminRequest = FastifyRequest & { admin?: AdminCaller };

/**
 * Admits requests bearing an access token of simauth's own OpenID Provider for the admin API
 * (client_credentials grant, audience `$PUBLIC_URL/admin/v1`): 401 without a valid one, 403
 * when it lacks the `simauth:admin` scope. Requests without a valid token count per client
 * address (RATE_LIMIT_IP's budget): past it, the address is answered 429 until its window ends,
 * before any token is checked.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: IdTokenService,
    private readonly budgets: SpentBudgets,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminRequest>();
    const failures = {
      key: `admin-auth-failed:${req.ip}`,
      ...this.config.rateLimits.ip,
      what: 'without a valid admin token from this address',
    };
    const token = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(req.headers.authorization ?? '')?.[1];
    const claims = token
      ? await this.tokens.verifyAccessToken(token, adminAudience(this.config.tokens.issuer))
      : undefined;
    if (!claims) {
      // Only requests without a valid token are limited: an address past its budget (a shared
      // NAT, a proxy without TRUST_PROXY) must not lock out the operators who share it. Counted
      // after the check, so that a valid token never waits for a statement.
      const refusal = this.budgets.refusal(failures.key);
      if (refusal) throw refusal;
      const overLimit = await this.budgets.count(failures);
      if (overLimit) throw overLimit;
      throw new UnauthorizedError(
        'An admin access token is required (client_credentials at /oidc/token; Authorization: Bearer <token>).',
      );
    }
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.includes(ADMIN_SCOPE))
      throw new ForbiddenError(`This token lacks the ${ADMIN_SCOPE} scope.`);
    req.admin = { clientId: String(claims.client_id), scopes };
    return true;
  }
}

export function AdminAuth() {
  // 429: past the address's budget of requests without a valid token.
  return applyDecorators(UseGuards(AdminAuthGuard), ApiBearerAuth('admin'), ApiProblems(429));
}

export const CurrentAdmin = createParamDecorator(
  (_: unknown, context: ExecutionContext): AdminCaller =>
    context.switchToHttp().getRequest<AdminRequest>().admin!,
);
