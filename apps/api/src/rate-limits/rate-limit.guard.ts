import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { ApiProblems } from '@simauth/http';
import { RateLimiterService } from './rate-limiter.service';

const PHONE_LIMITED = 'simauth:rate-limit-phone';
const ATTEMPT_LIMITED = 'simauth:rate-limit-attempt';

/**
 * Marks a route that costs a provider call or a push: it is limited per phone number (from the
 * body's `phone_number`) as well as per client IP.
 */
export function LimitPerPhone(scope: string) {
  return applyDecorators(SetMetadata(PHONE_LIMITED, scope), ApiProblems(429));
}

/**
 * Marks a route that takes a code or an approval for the attempt named by its `:id` (or `:cid`):
 * guesses, and the provider calls they cause, are limited per attempt.
 */
export function LimitPerAttempt(scope: string) {
  return applyDecorators(SetMetadata(ATTEMPT_LIMITED, scope), ApiProblems(429));
}

/** Every public POST is limited per client IP; marked routes also per phone number or attempt. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    // Reads pass synchronously: no promise for the many GETs (polls, probes, pages).
    if (req.method !== 'POST') return true;
    return this.limit(req, context);
  }

  private async limit(req: FastifyRequest, context: ExecutionContext): Promise<boolean> {
    const { ip, phone, attempt } = this.config.rateLimits;
    await this.limiter.hit(`ip:${req.ip}`, ip.limit, ip.windowSeconds, 'from this address');
    const scope = this.reflector.get<string | undefined>(PHONE_LIMITED, context.getHandler());
    const phoneNumber = (req.body as { phone_number?: unknown } | undefined)?.phone_number;
    // A missing or malformed number is left to validation (400); it triggers no provider call.
    if (scope && typeof phoneNumber === 'string' && phoneNumber.length <= 20) {
      await this.limiter.hit(
        `phone:${scope}:${phoneNumber}`,
        phone.limit,
        phone.windowSeconds,
        'for this phone number',
      );
    }
    const attemptScope = this.reflector.get<string | undefined>(
      ATTEMPT_LIMITED,
      context.getHandler(),
    );
    const params = req.params as { cid?: string; id?: string } | undefined;
    const attemptId = params?.cid ?? params?.id;
    if (attemptScope && attemptId && attemptId.length <= 64) {
      await this.limiter.hit(
        `attempt:${attemptScope}:${attemptId}`,
        attempt.limit,
        attempt.windowSeconds,
        'for this attempt',
      );
    }
    return true;
  }
}
