import { Global, Injectable, Module, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { RateLimitGuard, postsWithoutRateLimit } from './rate-limit.guard';
import { RateLimiterService } from './rate-limiter.service';
import { RateLimitSweeper } from './rate-limit-sweeper';
import { OAuthClientLimits } from './oauth-client-limits';
import { SpentBudgets } from './spent-budgets';

/** Refuses to start an api with a POST route that is not rate limited. */
@Injectable()
class RateLimitCoverage implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const controllers = this.discovery
      .getControllers()
      .map((wrapper) => wrapper.metatype as Type | null)
      .filter((type): type is Type => !!type);
    const missing = postsWithoutRateLimit(controllers);
    if (missing.length > 0) {
      throw new Error(
        `POST routes not rate limited as they must be (mark each with one of @LimitPerIp, @LimitPerPhone, @LimitPerAttempt): ${missing.join(', ')}`,
      );
    }
  }
}

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    RateLimiterService,
    RateLimitGuard,
    RateLimitCoverage,
    RateLimitSweeper,
    SpentBudgets,
    OAuthClientLimits,
  ],
  exports: [RateLimiterService, RateLimitGuard, RateLimitSweeper, SpentBudgets, OAuthClientLimits],
})
export class RateLimitsModule {}
