import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiProblems } from '@simauth/http';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { Feature, featureAvailable, FeatureNotConfiguredError } from '@simauth/providers';
import { RateLimitGuard } from '../rate-limits/rate-limit.guard';

const REQUIRED_FEATURE = 'simauth:required-feature';

/** Answers 501 feature-not-configured, before anything else runs, when the feature is off. */
@Injectable()
class FeatureGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const feature = this.reflector.get<Feature | undefined>(REQUIRED_FEATURE, context.getHandler());
    if (feature && !featureAvailable(feature, this.config)) {
      throw new FeatureNotConfiguredError(feature, this.config);
    }
    return true;
  }
}

/**
 * Puts the feature guard before any other but the rate limit's (which stays first, see
 * postsWithoutRateLimit): a feature that is off says so before any credential is checked.
 */
function FeatureGuardEarly(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const guards: unknown[] = Reflect.getMetadata(GUARDS_METADATA, handler) ?? [];
    const at = guards[0] === RateLimitGuard ? 1 : 0;
    Reflect.defineMetadata(
      GUARDS_METADATA,
      [...guards.slice(0, at), FeatureGuard, ...guards.slice(at)],
      handler,
    );
  };
}

/**
 * Marks a route as part of a feature whose provider may be unconfigured; the
 * route stays in the OpenAPI document, with its 501.
 */
export function RequiresFeature(feature: Feature) {
  return applyDecorators(
    SetMetadata(REQUIRED_FEATURE, feature),
    FeatureGuardEarly(),
    ApiProblems(501),
  );
}
