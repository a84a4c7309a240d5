import { SandboxOptions } from './sandbox-options';

/**
 * What an api needs to use a running sandbox as its providers: the sandbox's base URL and the
 * fake accounts it made at start (a tru.ID client, a Vonage application key, an FCM project).
 * `GET /sandbox/credentials` serves them, so api processes can share one sandbox (SANDBOX_URL).
 * None of them opens anything real.
 */
export interface SandboxCredentials {
  url: string;
  truId: { clientId: string; clientSecret: string; callbackPublicKeyPem: string };
  vonage: { applicationId: string; privateKeyPem: string; redirectUri: string };
  twilio: { accountSid: string; authToken: string; serviceSid: string };
  fcm: { projectId: string; accessToken: string };
}

/** The credentials of the sandbox at `url` with `options`. */
export function sandboxCredentials(url: string, options: SandboxOptions): SandboxCredentials {
  return {
    url,
    truId: {
      clientId: options.truId.clientId,
      clientSecret: options.truId.clientSecret,
      callbackPublicKeyPem: options.authenticator.publicKeyPem,
    },
    vonage: {
      applicationId: options.vonage.applicationId,
      privateKeyPem: options.vonage.privateKeyPem,
      redirectUri: options.vonage.redirectUri,
    },
    twilio: { ...options.twilio },
    fcm: { projectId: options.fcm.projectId, accessToken: options.fcm.accessToken },
  };
}
