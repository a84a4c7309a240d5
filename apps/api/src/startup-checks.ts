import { AppConfig, SimProofProviderName, SimSwapProviderName } from '@simauth/config';
import {
  Feature,
  credentialSettings,
  featureAvailable,
  providerConfigured,
  providerNamed,
  providerOf,
  settingsFor,
} from '@simauth/providers';
import { DEMO_CIBA_CLIENT, DEMO_CLIENT } from './features/oidc/oidc-configuration';

/** Where the provider sandbox serves from, if it serves at all (it then serves every provider). */
type SandboxPlan = 'off' | 'built-in' | 'shared';

/** Whether any of tru.ID, Vonage, Twilio or Firebase has credentials in the environment. */
function anyProviderCredential(config: AppConfig): boolean {
  const p = config.providers;
  return Boolean(p.truId || p.vonage || p.twilio || p.firebase);
}

/**
 * The sandbox serves only the two-command demo (no provider credentials, not production mode) or
 * when asked for by SANDBOX_FORCE or SANDBOX_URL; then it serves every provider, never a mix.
 */
export function sandboxPlan(config: AppConfig): SandboxPlan {
  const asked = config.sandbox.force || Boolean(config.sandbox.sharedUrl);
  const demo = !anyProviderCredential(config) && config.mode !== 'production';
  if (!asked && !demo) return 'off';
  return config.sandbox.sharedUrl ? 'shared' : 'built-in';
}

interface StartupVerdict {
  /** Each stops the process: main prints them on one line and exits 1. */
  refusals: string[];
  warnings: string[];
}

const DEMO_CLIENT_IDS = new Set([DEMO_CLIENT.client_id, DEMO_CIBA_CLIENT.client_id]);
const DEMO_SECRETS = new Set([DEMO_CIBA_CLIENT.client_secret]);

/**
 * The sandbox parts production mode refuses (in development they are what asks for it), and the
 * tests' trust of their own logo server.
 */
function sandboxProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (config.sandbox.force) problems.push('SANDBOX_FORCE=true starts the provider sandbox');
  if (config.sandbox.sharedUrl) problems.push('SANDBOX_URL points the providers at a sandbox');
  if (config.pages.logos.extraCa)
    problems.push(
      "LOGO_CA_FILE is for development and tests (a private CA goes in Node's NODE_EXTRA_CA_CERTS)",
    );
  return problems;
}

/**
 * What else production mode refuses (development with real credentials warns on it instead).
 */
function productionProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (!anyProviderCredential(config)) {
    problems.push(`no provider has credentials (set ${credentialSettings('tru.ID')} at least)`);
  }
  for (const client of config.oidc.clients) {
    if (DEMO_CLIENT_IDS.has(client.client_id) || DEMO_SECRETS.has(client.client_secret)) {
      problems.push(
        `OIDC_CLIENTS lists the sandbox demo client ${JSON.stringify(client.client_id)} (its id or secret is published in the docs)`,
      );
    }
  }
  if (!config.factors.encryptionKey) {
    problems.push('TOTP_ENCRYPTION_KEY is not set (openssl rand -base64 32)');
  }
  if (!config.http.publicUrl.startsWith('https://') && !config.http.allowInsecurePublicUrl) {
    problems.push(
      'PUBLIC_URL is not https (behind a TLS-terminating proxy it is still the https URL, with TRUST_PROXY set; ALLOW_INSECURE_PUBLIC_URL=true for a local trial only)',
    );
  }
  if (!config.database.url && !config.database.allowEmbedded) {
    problems.push(
      'DATABASE_URL is not set: the embedded Postgres is for trials (ALLOW_EMBEDDED_DATABASE=true to run it on one machine anyway)',
    );
  }
  return problems;
}

/** Settings production mode runs with, but says out loud. */
function productionWarnings(config: AppConfig): string[] {
  const warnings: string[] = [];
  if (config.logLevel === 'debug' || config.logLevel === 'trace') {
    warnings.push(`LOG_LEVEL=${config.logLevel} logs request details; use info`);
  }
  // CORS_ORIGINS=* needs no warning: the configuration refuses it in every mode.
  if (config.simSwap.policy === 'off') {
    warnings.push('SIM_SWAP_POLICY=off: a freshly swapped SIM signs in like its owner');
  }
  if (config.simSwap.onProviderError === 'open') {
    warnings.push('SIM_SWAP_ON_PROVIDER_ERROR=open: logins go on unchecked while the check fails');
  }
  if (config.oidc.allowPrivateCallbacks) {
    warnings.push('OIDC_ALLOW_PRIVATE_CALLBACKS=true: CIBA pings may reach private addresses');
  }
  if (config.pages.logos.allowPrivateUrls) {
    warnings.push('LOGO_ALLOW_PRIVATE_URLS=true: logos may be fetched from private addresses');
  }
  return warnings;
}

/**
 * Each provider a list (SIM_PROOF_PROVIDERS, SIM_SWAP_PROVIDERS) names without credentials, with
 * the settings that would give it them.
 */
function listedWithoutCredentials(
  config: AppConfig,
  names: readonly (SimProofProviderName | SimSwapProviderName)[],
): { name: string; settings: string }[] {
  return names
    .filter((name) => !providerConfigured(providerNamed(name), config))
    .map((name) => ({ name, settings: credentialSettings(providerNamed(name)) }));
}

/** Settings that need a provider without credentials: refused in every mode. */
function settingsNeedingMissingProviders(config: AppConfig): string[] {
  const problems: string[] = [];
  const { policy, providers: simSwap } = config.simSwap;
  for (const { name, settings } of policy === 'off'
    ? []
    : listedWithoutCredentials(config, simSwap)) {
    problems.push(
      simSwap.length === 1
        ? `SIM_SWAP_POLICY=${policy} needs a SIM-swap provider (SIM_SWAP_PROVIDERS=${name}): set ${settings}, or SIM_SWAP_POLICY=off to run without SIM-swap protection`
        : `SIM_SWAP_PROVIDERS lists ${name}: set ${settings}, or leave ${name} out of SIM_SWAP_PROVIDERS (SIM_SWAP_POLICY=off runs without SIM-swap protection)`,
    );
  }
  const p = config.providers;
  // The default (tru.ID alone) without tru.ID stays as before: registration answers 501.
  const simProofChosen = p.simProof.join() !== 'truid';
  for (const { name, settings } of simProofChosen
    ? listedWithoutCredentials(config, p.simProof)
    : []) {
    problems.push(
      `SIM_PROOF_PROVIDERS lists ${name}: set ${settings}, or leave ${name} out of SIM_PROOF_PROVIDERS`,
    );
  }
  if (config.providers.fallback === 'sms' && !featureAvailable(Feature.SmsFallback, config)) {
    problems.push(
      `REGISTRATION_FALLBACK=sms needs ${providerOf(Feature.SmsFallback, config)}: set ${settingsFor(Feature.SmsFallback, config)}, or REGISTRATION_FALLBACK=none`,
    );
  }
  return problems;
}

/**
 * What the configuration may not start with, and what it starts with but should not, before
 * anything runs. Production mode refuses; development with real credentials (a developer trying
 * real providers) warns instead; the demo (no credentials) is left alone.
 */
export function startupChecks(config: AppConfig): StartupVerdict {
  const plan = sandboxPlan(config);
  const refusals = plan === 'off' ? settingsNeedingMissingProviders(config) : [];
  const warnings: string[] = [];
  if (config.mode === 'production') {
    refusals.push(...sandboxProblems(config), ...productionProblems(config));
    warnings.push(...productionWarnings(config));
  } else if (anyProviderCredential(config)) {
    if (plan !== 'off') {
      warnings.push(
        'the provider sandbox serves every provider: the credentials that are set are not used',
      );
    }
    warnings.push(...productionProblems(config), ...productionWarnings(config));
  }
  return { refusals, warnings };
}

/** The one line a refused start prints. */
export function refusalLine(config: AppConfig, refusals: string[]): string {
  const mode =
    config.mode === 'production'
      ? 'refusing to start in production mode (NODE_ENV=production, or provider credentials without NODE_ENV=development)'
      : 'refusing to start';
  return `${mode}: ${refusals.join('; ')}`;
}
