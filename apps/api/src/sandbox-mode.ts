import { AppConfig } from '@simauth/config';
import axios from 'axios';
import { SandboxCredentials } from '../../sandbox/src/sandbox-credentials';

/** The sandbox is needed when any provider lacks credentials (or it is forced on). */
export function needsSandbox(config: AppConfig): boolean {
  const p = config.providers;
  return config.sandbox.force || !p.truId || !p.vonage || !p.firebase;
}

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
 * Points every provider without credentials at a running sandbox, with the sandbox's credentials.
 * The api calls it at `baseUrl` (SANDBOX_URL, e.g. http://sandbox:4010 between containers);
 * browsers and devices reach it at its public URL (`sandbox.url`).
 */
export function withSandboxProviders(
  config: AppConfig,
  sandbox: SandboxCredentials,
  baseUrl = sandbox.url,
): AppConfig {
  const p = config.providers;
  const force = config.sandbox.force;
  return {
    ...config,
    sandbox: { ...config.sandbox, url: sandbox.url },
    providers: {
      ...p,
      truId:
        p.truId && !force
          ? p.truId
          : {
              baseUrl,
              clientId: sandbox.truId.clientId,
              clientSecret: sandbox.truId.clientSecret,
              // None: callbacks are verified with the keys the sandbox publishes, as with tru.ID.
              callbackPublicKey: undefined,
            },
      vonage:
        p.vonage && !force
          ? p.vonage
          : {
              baseUrl,
              verifyBaseUrl: baseUrl,
              applicationId: sandbox.vonage.applicationId,
              privateKey: sandbox.vonage.privateKeyPem,
              redirectUri: sandbox.vonage.redirectUri,
            },
      firebase: force ? undefined : p.firebase,
      sandboxPush:
        p.firebase && !force
          ? undefined
          : {
              baseUrl,
              projectId: sandbox.fcm.projectId,
              accessToken: sandbox.fcm.accessToken,
            },
    },
  };
}

/** One line for the startup log: which provider is real and which is the sandbox. */
export function describeProviders(config: AppConfig): string {
  const where = (baseUrl: string | undefined) =>
    baseUrl && (baseUrl === config.sandbox.url || baseUrl === config.sandbox.sharedUrl)
      ? `sandbox at ${baseUrl}`
      : `at ${baseUrl}`;
  const push = config.providers.firebase
    ? 'Firebase Cloud Messaging'
    : `sandbox FCM at ${config.sandbox.url}`;
  const limits = config.sandbox.url
    ? '; sandbox test numbers +447700900000…999 are not limited per phone'
    : '';
  return `providers: tru.ID ${where(config.providers.truId?.baseUrl)}; Vonage ${where(config.providers.vonage?.baseUrl)}; push ${push}${limits}`;
}
