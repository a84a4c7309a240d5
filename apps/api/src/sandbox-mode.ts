import { AppConfig } from '@simauth/config';
import axios from 'axios';
import { Feature, featuresOff, settingsFor } from '@simauth/providers';
import { SandboxCredentials } from '@simauth/sandbox';

/**
 * The credentials of the sandbox running at `url` (SANDBOX_URL), so that several api processes
 * share one sandbox: one push inbox per phone, one set of checks, whichever process answers.
 */
export async function sharedSandboxCredentials(url: string): Promise<SandboxCredentials> {
  const res = await axios.get<SandboxCredentials>(`${url}/sandbox/credentials`, {
    timeout: 10_000,
  });
  return res.data;
}

/**
 * Points every provider at a running sandbox, with the sandbox's credentials: when the sandbox
 * serves, it serves tru.ID, Vonage and push alike, never beside a real provider. The api calls it
 * at `baseUrl` (SANDBOX_URL, e.g. http://sandbox:4010 between containers); browsers and devices
 * reach it at its public URL (`sandbox.url`).
 */
export function withSandboxProviders(
  config: AppConfig,
  sandbox: SandboxCredentials,
  baseUrl = sandbox.url,
): AppConfig {
  return {
    ...config,
    sandbox: { ...config.sandbox, url: sandbox.url },
    providers: {
      ...config.providers,
      truId: {
        baseUrl,
        clientId: sandbox.truId.clientId,
        clientSecret: sandbox.truId.clientSecret,
        // None: callbacks are verified with the keys the sandbox publishes, as with tru.ID.
        callbackPublicKey: undefined,
      },
      vonage: {
        baseUrl,
        verifyBaseUrl: baseUrl,
        applicationId: sandbox.vonage.applicationId,
        privateKey: sandbox.vonage.privateKeyPem,
        redirectUri: sandbox.vonage.redirectUri,
      },
      twilio: {
        baseUrl,
        lookupBaseUrl: baseUrl,
        accountSid: sandbox.twilio.accountSid,
        authToken: sandbox.twilio.authToken,
        serviceSid: sandbox.twilio.serviceSid,
      },
      firebase: undefined,
      sandboxPush: {
        baseUrl,
        projectId: sandbox.fcm.projectId,
        accessToken: sandbox.fcm.accessToken,
      },
    },
  };
}

/** One line for the startup log: where each provider is, or that it is not configured. */
export function describeProviders(config: AppConfig): string {
  const p = config.providers;
  if (config.sandbox.url && p.truId?.baseUrl === p.sandboxPush?.baseUrl) {
    return (
      `providers: the sandbox at ${p.truId?.baseUrl} serves tru.ID, Vonage, Twilio and push; ` +
      'sandbox test numbers +447700900000…999 are not limited per phone'
    );
  }
  const push = p.firebase
    ? 'Firebase Cloud Messaging'
    : p.sandboxPush
      ? `sandbox FCM at ${p.sandboxPush.baseUrl}`
      : 'off';
  return `providers: tru.ID ${p.truId ? `at ${p.truId.baseUrl}` : 'not configured'}; Vonage ${p.vonage ? `at ${p.vonage.baseUrl}` : 'not configured'}; Twilio ${p.twilio ? `at ${p.twilio.baseUrl}` : 'not configured'}; push ${push}`;
}

/**
 * Start-up lines for what is off: the features whose provider has no credentials (their routes
 * answer 501), and a missing Firebase (companion login works without pushes).
 */
export function describeFeaturesOff(config: AppConfig): string[] {
  const off = featuresOff(config);
  const warnings: string[] = [];
  const byProvider = new Map<string, Feature[]>();
  for (const feature of off.filter((f) => f !== Feature.Push)) {
    const key = settingsFor(feature, config);
    byProvider.set(key, [...(byProvider.get(key) ?? []), feature]);
  }
  for (const [settings, features] of byProvider) {
    warnings.push(
      `features off: ${features.join(', ')} (answer 501 feature-not-configured; set ${settings})`,
    );
  }
  if (off.includes(Feature.Push)) {
    warnings.push(
      `push notifications off: set ${settingsFor(Feature.Push, config)}; companion login still works, phones read their pending logins (GET /v1/devices/me/logins)`,
    );
  }
  return warnings;
}
