import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  RequestMethod,
  SetMetadata,
  Type,
  applyDecorators,
} from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { ApiProblems, UUID_PATTERN, checkPhoneNumber } from '@simauth/http';
import { phoneNumberPolicy } from '../phone-numbers/phone-number-policy';
import { RateLimit, RateLimiterService } from './rate-limiter.service';

const PHONE_LIMITED = 'simauth:rate-limit-phone';
const ATTEMPT_LIMITED = 'simauth:rate-limit-attempt';
const PROVIDER_SIGNED = 'simauth:provider-signed';

/**
 * Puts the rate-limit guard on a route, first: before any authentication guard, whatever the
 * order of the decorators, so that guessing credentials is limited too.
 */
function RateLimited(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const guards: unknown[] = Reflect.getMetadata(GUARDS_METADATA, handler) ?? [];
    Reflect.defineMetadata(
      GUARDS_METADATA,
      [RateLimitGuard, ...guards.filter((g) => g !== RateLimitGuard)],
      handler,
    );
  };
}

/** Marks a public POST: it is limited per client IP. */
export function LimitPerIp() {
  return applyDecorators(RateLimited(), ApiProblems(429));
}

/**
 * Marks a route that costs a provider call or a push: it is limited per phone number (from the
 * body's `phone_number`, one budget across flows: see phoneBudgetKey) as well as per client IP.
 * `scope` names the flow (for readers; the budget is the number's).
 */
export function LimitPerPhone(scope: string) {
  return applyDecorators(RateLimited(), SetMetadata(PHONE_LIMITED, scope), ApiProblems(429));
}

/**
 * Marks a route that takes a code or an approval for the attempt named by its `:id` (or `:cid`):
 * guesses, and the provider calls they cause, are limited per attempt as well as per client IP.
 */
export function LimitPerAttempt(scope: string) {
  return applyDecorators(RateLimited(), SetMetadata(ATTEMPT_LIMITED, scope), ApiProblems(429));
}

/**
 * Marks a POST that only a provider calls, gated by the provider's signature (checked before
 * anything else is read): not limited per IP, since the provider calls from few addresses and a
 * limit there would drop its callbacks under load.
 */
export function SignedByProvider(provider: string) {
  return SetMetadata(PROVIDER_SIGNED, provider);
}

/**
 * The POST handlers of `controllers` that are not rate limited first, as `Class.method`, and
 * those marked both per phone and per attempt. The api refuses to start with any (see
 * RateLimitsModule): a POST someone forgot to mark would otherwise be open to floods. Reads are
 * not limited, so they pay nothing for the limits.
 */
export function postsWithoutRateLimit(controllers: Type[]): string[] {
  const missing: string[] = [];
  const scanner = new MetadataScanner();
  for (const controller of controllers) {
    const proto = controller.prototype as Record<string, object>;
    // Every method Nest would route, inherited ones included.
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
      const guards: unknown[] = [
        ...(Reflect.getMetadata(GUARDS_METADATA, controller) ?? []),
        ...(Reflect.getMetadata(GUARDS_METADATA, handler) ?? []),
      ];
      if (guards[0] !== RateLimitGuard && !Reflect.getMetadata(PROVIDER_SIGNED, handler))
        missing.push(`${controller.name}.${name}`);
      // A request counts its address and at most one more counter (see RateLimiterService).
      if (
        Reflect.getMetadata(PHONE_LIMITED, handler) &&
        Reflect.getMetadata(ATTEMPT_LIMITED, handler)
      ) {
        missing.push(`${controller.name}.${name} (limited both per phone and per attempt)`);
      }
    }
  }
  return missing;
}

/**
 * The counter of a phone number's budget (RATE_LIMIT_PHONE): one per number, shared by every flow
 * that costs a provider call or sends a push (registration, login, CIBA, number verification), so
 * that limiting one flow does not leave the others open for the same number.
 */
export function phoneBudgetKey(phoneNumber: string): string {
  return `phone:${phoneNumber}`;
}

/** The sandbox's test numbers, the ones every example uses: +447700900000 to +447700900999. */
const SANDBOX_TEST_NUMBERS = /^\+447700900\d{3}$/;

/**
 * Whether requests for `phoneNumber` count against the per-phone limit. In sandbox mode the test
 * numbers do not, so nobody is locked out of their own demo; the per-address limit still holds.
 */
export function countsPerPhone(config: AppConfig, phoneNumber: string): boolean {
  return !(config.sandbox.url && SANDBOX_TEST_NUMBERS.test(phoneNumber));
}

/** Limits a marked route per client IP, and per phone number or attempt as marked. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return this.limit(context.switchToHttp().getRequest<FastifyRequest>(), context);
  }

  /** The client address's counter, then the phone number's or the attempt's: one statement. */
  private async limit(req: FastifyRequest, context: ExecutionContext): Promise<boolean> {
    const { ip, phone, attempt } = this.config.rateLimits;
    const perAddress: RateLimit = { key: `ip:${req.ip}`, ...ip, what: 'from this address' };
    let second: RateLimit | undefined;
    const scope = this.reflector.get<string | undefined>(PHONE_LIMITED, context.getHandler());
    const written = (req.body as { phone_number?: unknown } | undefined)?.phone_number;
    // A missing or impossible number is left to validation (400); it triggers no provider call.
    // Only numbers validation accepts become keys (a NUL byte would make Postgres refuse the
    // statement), in their canonical form: one number, one counter, however it is written.
    const phoneNumber = checkPhoneNumber(written, phoneNumberPolicy(this.config)).number;
    if (scope && phoneNumber && countsPerPhone(this.config, phoneNumber)) {
      second = { key: phoneBudgetKey(phoneNumber), ...phone, what: 'for this phone number' };
    }
    const attemptScope = this.reflector.get<string | undefined>(
      ATTEMPT_LIMITED,
      context.getHandler(),
    );
    const params = req.params as { cid?: string; id?: string } | undefined;
    const attemptId = params?.cid ?? params?.id;
    // Attempt ids are UUIDs; anything else is a 400 from validation, not a key.
    if (attemptScope && attemptId && UUID_PATTERN.test(attemptId)) {
      second = {
        key: `attempt:${attemptScope}:${attemptId}`,
        ...attempt,
        what: 'for this attempt',
      };
    }
    await this.limiter.hit(perAddress, second);
    return true;
  }
}
