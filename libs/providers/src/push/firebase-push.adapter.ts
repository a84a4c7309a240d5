import type { Messaging } from 'firebase-admin/messaging';
import { DeadPushTokenError, ProviderError, ProviderUnavailableError } from '../provider.errors';
import { PushNotification, PushPort } from '../push.port';
import { fcmMessage } from './fcm-message';

// firebase-admin error codes that mean "forget this token" (messaging/error.ts). Firebase's
// token-management guide lists INVALID_ARGUMENT beside UNREGISTERED: our message is always
// well-formed, so an invalid argument is the token.
const DEAD_TOKEN_CODES = new Set([
  'messaging/registration-token-not-registered',
  'messaging/invalid-registration-token',
  'messaging/invalid-argument',
]);
const RETRYABLE_CODES = new Set([
  'messaging/server-unavailable',
  'messaging/internal-error',
  'messaging/message-rate-exceeded',
]);

/** Sends pushes with firebase-admin (FCM HTTP v1) when a Firebase service account is configured. */
export class FirebasePushAdapter extends PushPort {
  readonly name = 'firebase';

  constructor(private readonly messaging: Pick<Messaging, 'send'>) {
    super();
  }

  /** Builds the adapter from a service account JSON; firebase-admin is loaded only in this mode. */
  static fromServiceAccount(serviceAccountJson: string): FirebasePushAdapter {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { cert, initializeApp } =
      require('firebase-admin/app') as typeof import('firebase-admin/app');
    const { getMessaging } =
      require('firebase-admin/messaging') as typeof import('firebase-admin/messaging');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const app = initializeApp(
      { credential: cert(JSON.parse(serviceAccountJson)) },
      `simauth-${process.pid}-${Date.now()}`,
    );
    return new FirebasePushAdapter(getMessaging(app));
  }

  async send(deviceToken: string, notification: PushNotification): Promise<{ messageId: string }> {
    try {
      const name = await this.messaging.send(fcmMessage(deviceToken, notification));
      return { messageId: name };
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (DEAD_TOKEN_CODES.has(code))
        throw new DeadPushTokenError('The device push token is no longer registered.');
      if (RETRYABLE_CODES.has(code)) throw new ProviderUnavailableError('FCM is unavailable');
      throw new ProviderError(
        `FCM refused the push (${code || 'unknown error'})`,
        code || 'fcm_error',
      );
    }
  }
}
