import { Global, Module, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { AuthenticatorPort } from './authenticator.port';
import { CoveragePort } from './coverage.port';
import { NetworkEnablementPort } from './network-enablement.port';
import { NumberVerificationPort } from './number-verification.port';
import { PhoneCheckPort } from './phone-check.port';
import { PushPort } from './push.port';
import { SimSwapPort } from './sim-swap.port';
import { VerifyPort } from './verify.port';
import { VonageVerifyAdapter } from './vonage/vonage-verify.adapter';
import { TruIdSimCheckAdapter } from './tru-id/tru-id-sim-check.adapter';
import { VonageSimSwapAdapter } from './vonage/vonage-sim-swap.adapter';
import { FirebasePushAdapter } from './push/firebase-push.adapter';
import { SandboxPushAdapter } from './push/sandbox-push.adapter';
import { TruIdClient } from './tru-id/tru-id.client';
import { TruIdCoverageAdapter } from './tru-id/tru-id-coverage.adapter';
import { TruIdAuthenticatorAdapter } from './tru-id/tru-id-authenticator.adapter';
import { TruIdPhoneCheckAdapter } from './tru-id/tru-id-phone-check.adapter';
import {
  VonageClient,
  VonageNetworkEnablementAdapter,
  VonageNumberVerificationAdapter,
} from './vonage/vonage-network.adapters';

function required<T>(value: T | undefined, what: string): T {
  if (!value)
    throw new Error(`${what} is not configured (set its credentials, or let the sandbox start)`);
  return value;
}

/** The one place that picks an adapter for each port, from the configuration. */
const PROVIDERS: Provider[] = [
  {
    provide: TruIdClient,
    inject: [APP_CONFIG],
    useFactory: (c: AppConfig) =>
      new TruIdClient({
        ...required(c.providers.truId, 'tru.ID'),
        timeoutMs: c.providers.timeoutMs,
        outboundProxy: c.providers.outboundProxy,
      }),
  },
  {
    provide: PhoneCheckPort,
    inject: [TruIdClient],
    useFactory: (t: TruIdClient) => new TruIdPhoneCheckAdapter(t),
  },
  {
    provide: CoveragePort,
    inject: [TruIdClient],
    useFactory: (t: TruIdClient) => new TruIdCoverageAdapter(t),
  },
  {
    provide: AuthenticatorPort,
    inject: [TruIdClient],
    useFactory: (t: TruIdClient) => new TruIdAuthenticatorAdapter(t),
  },
  {
    provide: VonageClient,
    inject: [APP_CONFIG],
    useFactory: (c: AppConfig) =>
      new VonageClient({
        ...required(c.providers.vonage, 'Vonage'),
        timeoutMs: c.providers.timeoutMs,
        outboundProxy: c.providers.outboundProxy,
      }),
  },
  {
    provide: NetworkEnablementPort,
    inject: [VonageClient],
    useFactory: (v: VonageClient) => new VonageNetworkEnablementAdapter(v),
  },
  {
    provide: NumberVerificationPort,
    inject: [VonageClient],
    useFactory: (v: VonageClient) => new VonageNumberVerificationAdapter(v),
  },
  {
    provide: SimSwapPort,
    inject: [APP_CONFIG, TruIdClient, VonageClient],
    useFactory: (c: AppConfig, t: TruIdClient, v: VonageClient) =>
      c.simSwap.provider === 'vonage' ? new VonageSimSwapAdapter(v) : new TruIdSimCheckAdapter(t),
  },
  {
    provide: VerifyPort,
    inject: [APP_CONFIG, VonageClient],
    useFactory: (c: AppConfig, v: VonageClient) =>
      new VonageVerifyAdapter(v, {
        baseUrl: required(c.providers.vonage, 'Vonage').verifyBaseUrl,
        timeoutMs: c.providers.timeoutMs,
        outboundProxy: c.providers.outboundProxy,
      }),
  },
  {
    provide: PushPort,
    inject: [APP_CONFIG],
    useFactory: (c: AppConfig) =>
      c.providers.firebase
        ? FirebasePushAdapter.fromServiceAccount(c.providers.firebase.serviceAccountJson)
        : new SandboxPushAdapter({
            ...required(c.providers.sandboxPush, 'Push (Firebase)'),
            timeoutMs: c.providers.timeoutMs,
            outboundProxy: c.providers.outboundProxy,
          }),
  },
];

@Global()
@Module({
  providers: PROVIDERS,
  exports: [
    PhoneCheckPort,
    CoveragePort,
    AuthenticatorPort,
    NetworkEnablementPort,
    NumberVerificationPort,
    PushPort,
    SimSwapPort,
    VerifyPort,
  ],
})
export class ProvidersModule {}
