import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { ApiProblems } from '@simauth/http';
import { RateLimiterService } from './rate-limiter.service';

const PHONE_LIMITED = 'simauth:rate-limit-phone';

/**
 * Marks a route that costs a provider call or a push: it is limited per phone number (from the
 * body's `phone_number`) as well as per client IP.
 */
export function LimitPerPhone(scope: string) {
  return applyDecorators(SetMetadata(PHONE_LIMITED, scope), ApiProblems(429));
}

/** Every public POST is limited per client IP; marked routes also per phone number. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method !== 'POST') return true;
    const { ip, phone } = this.config.rateLimits;
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
    return true;
  }
}
