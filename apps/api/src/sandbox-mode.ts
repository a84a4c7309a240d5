import { AppConfig } from '@simauth/config';
import { RunningSandbox } from '../../sandbox/src/sandbox';

/** The sandbox is needed when any provider lacks credentials (or it is forced on). */
export function needsSandbox(config: AppConfig): boolean {
  const p = config.providers;
  return config.sandbox.force || !p.truId || !p.vonage || !p.firebase;
}

/** Points every provider without credentials at the running sandbox, with the sandbox's credentials. */
export function withSandboxProviders(config: AppConfig, sandbox: RunningSandbox): AppConfig {
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
              baseUrl: sandbox.url,
              clientId: sandbox.options.truId.clientId,
              clientSecret: sandbox.options.truId.clientSecret,
              callbackPublicKey: sandbox.options.authenticator.publicKeyPem,
            },
      vonage:
        p.vonage && !force
          ? p.vonage
          : {
              baseUrl: sandbox.url,
              applicationId: sandbox.options.vonage.applicationId,
              privateKey: sandbox.vonagePrivateKeyPem,
              redirectUri: sandbox.options.vonage.redirectUri,
            },
      firebase: force ? undefined : p.firebase,
      sandboxPush:
        p.firebase && !force
          ? undefined
          : {
              baseUrl: sandbox.url,
              projectId: sandbox.options.fcm.projectId,
              accessToken: sandbox.options.fcm.accessToken,
            },
    },
  };
}

/** One line for the startup log: which provider is real and which is the sandbox. */
export function describeProviders(config: AppConfig): string {
  const where = (baseUrl: string | undefined) =>
    baseUrl && baseUrl === config.sandbox.url ? `sandbox at ${baseUrl}` : `at ${baseUrl}`;
  const push = config.providers.firebase
    ? 'Firebase Cloud Messaging'
    : `sandbox FCM at ${config.sandbox.url}`;
  return `providers: tru.ID ${where(config.providers.truId?.baseUrl)}; Vonage ${where(config.providers.vonage?.baseUrl)}; push ${push}`;
}
