import { AppConfig, SimProofProviderName, SimSwapProviderName } from '@simauth/config';
import { DomainError } from '@simauth/http';

/** The provider accounts a deployment may hold. */
type ProviderName = 'tru.ID' | 'Vonage' | 'Twilio' | 'Firebase';

/** The settings that give simauth each provider's credentials. */
const PROVIDER_SETTINGS: Record<ProviderName, string[]> = {
  'tru.ID': ['TRUID_CLIENT_ID', 'TRUID_CLIENT_SECRET'],
  Vonage: ['VONAGE_APPLICATION_ID', 'VONAGE_PRIVATE_KEY'],
  Twilio: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_VERIFY_SERVICE_SID'],
  Firebase: ['FIREBASE_SERVICE_ACCOUNT_JSON'],
};

/** The provider account behind a name of SIM_PROOF_PROVIDERS or SIM_SWAP_PROVIDERS. */
export function providerNamed(name: SimProofProviderName | SimSwapProviderName): ProviderName {
  return ({ truid: 'tru.ID', vonage: 'Vonage', twilio: 'Twilio' } as const)[name];
}

/** The settings that give `provider` its credentials, as a sentence says them (`A, B and C (Twilio)`). */
export function credentialSettings(provider: ProviderName): string {
  const settings = PROVIDER_SETTINGS[provider];
  const listed =
    settings.length === 1
      ? settings[0]
      : `${settings.slice(0, -1).join(', ')} and ${settings.at(-1)}`;
  return `${listed} (${provider})`;
}

/** What a deployment can do, each by one provider's account. */
export enum Feature {
  Registration = 'registration',
  Coverage = 'coverage',
  LoginSimProof = 'login SIM proof',
  TruIdFactors = 'tru.ID Authenticator factors',
  NumberVerification = 'number verification',
  SmsFallback = 'SMS fallback',
  SimSwapCheck = 'SIM-swap check',
  Push = 'push notifications',
}

/**
 * The provider a feature needs (the SIM proof's and the SIM-swap check's: the first of
 * SIM_PROOF_PROVIDERS and SIM_SWAP_PROVIDERS; start-up checks that each listed one is set).
 */
export function providerOf(feature: Feature, config: AppConfig): ProviderName {
  switch (feature) {
    case Feature.Registration:
    case Feature.LoginSimProof:
      return providerNamed(config.providers.simProof[0]);
    case Feature.Coverage:
    case Feature.TruIdFactors:
      return 'tru.ID';
    case Feature.NumberVerification:
    case Feature.SmsFallback:
      return 'Vonage';
    case Feature.SimSwapCheck:
      return providerNamed(config.simSwap.providers[0]);
    case Feature.Push:
      return 'Firebase';
  }
}

/** Whether the provider has credentials here (the sandbox's, when it serves, count). */
export function providerConfigured(provider: ProviderName, config: AppConfig): boolean {
  const p = config.providers;
  if (provider === 'tru.ID') return Boolean(p.truId);
  if (provider === 'Vonage') return Boolean(p.vonage);
  if (provider === 'Twilio') return Boolean(p.twilio);
  return Boolean(p.firebase || p.sandboxPush);
}

export function featureAvailable(feature: Feature, config: AppConfig): boolean {
  return providerConfigured(providerOf(feature, config), config);
}

/** The features turned off because their provider has no credentials, in the table's order. */
export function featuresOff(config: AppConfig): Feature[] {
  return Object.values(Feature).filter((f) => !featureAvailable(f, config));
}

/** What to set to turn a feature on, as a problem's detail or a log line says it. */
export function settingsFor(feature: Feature, config: AppConfig): string {
  return credentialSettings(providerOf(feature, config));
}

/**
 * A feature whose provider has no credentials on this server (501). The detail names the
 * settings that turn it on; it holds no secret.
 */
export class FeatureNotConfiguredError extends DomainError {
  readonly code = 'feature-not-configured' as const;
  constructor(
    readonly feature: Feature,
    config: AppConfig,
  ) {
    super(
      `Not configured on this server: ${feature}. Set ${settingsFor(feature, config)} to turn it on.`,
    );
  }

  extensions() {
    return { feature: this.feature };
  }
}
