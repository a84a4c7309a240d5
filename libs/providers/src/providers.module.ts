import { Global, Module, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { AuthenticatorPort } from './authenticator.port';
import { CoveragePort } from './coverage.port';
import { NetworkEnablementPort } from './network-enablement.port';
import { NumberVerificationPort } from './number-verification.port';
import { SimProofProviders } from './phone-check.port';
import { ProviderCircuits } from './provider-circuit';
import { TwilioSnaAdapter } from './twilio/twilio-sna.adapter';
import { TwilioLookupSimSwapAdapter } from './twilio/twilio-lookup-sim-swap.adapter';
import { VonageSilentAuthAdapter } from './vonage/vonage-silent-auth.adapter';
import { PushPort } from './push.port';
import { SimSwapProviders } from './sim-swap.port';
import { VerifyPort } from './verify.port';
import { Feature } from './features';
import { NotConfiguredAdapter, PushOffAdapter } from './not-configured.adapter';
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

/** How every provider client calls out: the timeout, the proxy, and where its circuit is listed. */
const callSettings = (c: AppConfig, circuits: ProviderCircuits) => ({
  timeoutMs: c.providers.timeoutMs,
  outboundProxy: c.providers.outboundProxy,
  circuits,
});

/** Vonage Verify v2's settings (the SMS fallback and silent authentication), when Vonage is set. */
const vonageVerifySettings = (c: AppConfig, circuits: ProviderCircuits) =>
  c.providers.vonage && {
    baseUrl: c.providers.vonage.verifyBaseUrl,
    ...callSettings(c, circuits),
  };

/**
 * The one place that picks an adapter for each port, from the configuration. A provider without
 * credentials gets no client: its ports are NotConfiguredAdapter (501), never the sandbox.
 */
const PROVIDERS: Provider[] = [
  // Each client's circuit breaker, for /metrics and the admin API.
  { provide: ProviderCircuits, useFactory: () => new ProviderCircuits() },
  {
    provide: TruIdClient,
    inject: [APP_CONFIG, ProviderCircuits],
    useFactory: (c: AppConfig, circuits: ProviderCircuits) =>
      c.providers.truId
        ? new TruIdClient({ ...c.providers.truId, ...callSettings(c, circuits) })
        : null,
  },
  {
    // SIM_PROOF_PROVIDERS, in its order: a provider not listed is never called (nor billed).
    provide: SimProofProviders,
    inject: [APP_CONFIG, TruIdClient, VonageClient, ProviderCircuits],
    useFactory: (
      c: AppConfig,
      t: TruIdClient | null,
      v: VonageClient | null,
      circuits: ProviderCircuits,
    ) =>
      new SimProofProviders(
        c.providers.simProof.map((name) => {
          const twilio = c.providers.twilio;
          const verify = name === 'vonage' && vonageVerifySettings(c, circuits);
          const port =
            name === 'twilio'
              ? twilio && new TwilioSnaAdapter({ ...twilio, ...callSettings(c, circuits) })
              : name === 'vonage'
                ? v && verify && new VonageSilentAuthAdapter(v, verify, c.factors.issuer)
                : t && new TruIdPhoneCheckAdapter(t);
          return { name, port: port || new NotConfiguredAdapter(Feature.Registration, c) };
        }),
      ),
  },
  {
    provide: CoveragePort,
    inject: [APP_CONFIG, TruIdClient],
    useFactory: (c: AppConfig, t: TruIdClient | null) =>
      t ? new TruIdCoverageAdapter(t) : new NotConfiguredAdapter(Feature.Coverage, c),
  },
  {
    provide: AuthenticatorPort,
    inject: [APP_CONFIG, TruIdClient],
    useFactory: (c: AppConfig, t: TruIdClient | null) =>
      t ? new TruIdAuthenticatorAdapter(t) : new NotConfiguredAdapter(Feature.TruIdFactors, c),
  },
  {
    provide: VonageClient,
    inject: [APP_CONFIG, ProviderCircuits],
    useFactory: (c: AppConfig, circuits: ProviderCircuits) =>
      c.providers.vonage
        ? new VonageClient({ ...c.providers.vonage, ...callSettings(c, circuits) })
        : null,
  },
  {
    provide: NetworkEnablementPort,
    inject: [APP_CONFIG, VonageClient],
    useFactory: (c: AppConfig, v: VonageClient | null) =>
      v
        ? new VonageNetworkEnablementAdapter(v)
        : new NotConfiguredAdapter(Feature.NumberVerification, c),
  },
  {
    provide: NumberVerificationPort,
    inject: [APP_CONFIG, VonageClient],
    useFactory: (c: AppConfig, v: VonageClient | null) =>
      v
        ? new VonageNumberVerificationAdapter(v)
        : new NotConfiguredAdapter(Feature.NumberVerification, c),
  },
  {
    // SIM_SWAP_PROVIDERS, in its order: a provider not listed is never asked (nor billed).
    provide: SimSwapProviders,
    inject: [APP_CONFIG, TruIdClient, VonageClient, ProviderCircuits],
    useFactory: (
      c: AppConfig,
      t: TruIdClient | null,
      v: VonageClient | null,
      circuits: ProviderCircuits,
    ) =>
      new SimSwapProviders(
        c.simSwap.providers.map((name) => {
          const twilio = c.providers.twilio;
          const port =
            name === 'twilio'
              ? twilio &&
                new TwilioLookupSimSwapAdapter({
                  ...twilio,
                  baseUrl: twilio.lookupBaseUrl,
                  ...callSettings(c, circuits),
                })
              : name === 'vonage'
                ? v && new VonageSimSwapAdapter(v)
                : t && new TruIdSimCheckAdapter(t);
          return { name, port: port || new NotConfiguredAdapter(Feature.SimSwapCheck, c) };
        }),
      ),
  },
  {
    provide: VerifyPort,
    inject: [APP_CONFIG, VonageClient, ProviderCircuits],
    useFactory: (c: AppConfig, v: VonageClient | null, circuits: ProviderCircuits) => {
      const verify = vonageVerifySettings(c, circuits);
      return v && verify
        ? new VonageVerifyAdapter(v, verify)
        : new NotConfiguredAdapter(Feature.SmsFallback, c);
    },
  },
  {
    provide: PushPort,
    inject: [APP_CONFIG, ProviderCircuits],
    useFactory: (c: AppConfig, circuits: ProviderCircuits) => {
      if (c.providers.firebase) {
        return FirebasePushAdapter.fromServiceAccount(c.providers.firebase.serviceAccountJson);
      }
      return c.providers.sandboxPush
        ? new SandboxPushAdapter({ ...c.providers.sandboxPush, ...callSettings(c, circuits) })
        : new PushOffAdapter();
    },
  },
];

@Global()
@Module({
  providers: PROVIDERS,
  exports: [
    ProviderCircuits,
    SimProofProviders,
    CoveragePort,
    AuthenticatorPort,
    NetworkEnablementPort,
    NumberVerificationPort,
    PushPort,
    SimSwapProviders,
    VerifyPort,
  ],
})
export class ProvidersModule {}
