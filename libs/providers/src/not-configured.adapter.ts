import { AppConfig } from '@simauth/config';
import { AuthenticatorPort } from './authenticator.port';
import { CoveragePort } from './coverage.port';
import { Feature, FeatureNotConfiguredError } from './features';
import { NetworkEnablementPort } from './network-enablement.port';
import { NumberVerificationPort } from './number-verification.port';
import { PhoneCheckPort } from './phone-check.port';
import { PushPort } from './push.port';
import { SimSwapPort } from './sim-swap.port';
import { VerifyPort } from './verify.port';

/**
 * Stands for a port whose provider has no credentials: the feature is off, never served by the
 * sandbox instead. Its routes already answer 501 (RequiresFeature); a call that gets here all
 * the same (a factor of type truid, say) is refused the same way.
 */
export class NotConfiguredAdapter
  implements
    PhoneCheckPort,
    CoveragePort,
    AuthenticatorPort,
    NetworkEnablementPort,
    NumberVerificationPort,
    SimSwapPort,
    VerifyPort
{
  constructor(
    private readonly feature: Feature,
    private readonly config: AppConfig,
  ) {}

  private refuse(): Promise<never> {
    return Promise.reject(new FeatureNotConfiguredError(this.feature, this.config));
  }

  createCheck = () => this.refuse();
  exchangeCode = () => this.refuse();
  deviceCoverage = () => this.refuse();
  createFactor = () => this.refuse();
  activateFactor = () => this.refuse();
  createChallenge = () => this.refuse();
  verifyChallenge = () => this.refuse();
  enable = () => this.refuse();
  verify = () => this.refuse();
  check = () => this.refuse();
  start = () => this.refuse();
}

/**
 * Push without Firebase credentials: nothing is sent, and phones read their pending logins
 * (GET /v1/devices/me/logins) instead. The start-up log warns once; each push is not logged.
 */
export class PushOffAdapter extends PushPort {
  readonly name = 'off';

  send(): Promise<{ messageId: string }> {
    return Promise.resolve({ messageId: 'not-sent' });
  }
}
