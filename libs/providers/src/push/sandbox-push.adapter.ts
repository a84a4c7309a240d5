import { AxiosInstance } from 'axios';
import { DeadPushTokenError } from '../provider.errors';
import {
  ProviderHttpSettings,
  providerFailure,
  providerHttpClient,
  requireString,
  statusOf,
} from '../provider-http';
import { PushNotification, PushPort } from '../push.port';
import { fcmMessage } from './fcm-message';

interface SandboxPushSettings extends ProviderHttpSettings {
  projectId: string;
  accessToken: string;
}

/** Sends pushes to the sandbox's FCM imitation over HTTP, in FCM v1's wire format. */
export class SandboxPushAdapter extends PushPort {
  readonly name = 'sandbox-fcm';
  private readonly http: AxiosInstance;

  constructor(private readonly settings: SandboxPushSettings) {
    super();
    this.http = providerHttpClient(settings, 'fcm', { provider: 'fcm', feature: 'push' });
  }

  async send(deviceToken: string, notification: PushNotification): Promise<{ messageId: string }> {
    try {
      const { data } = await this.http.post(
        `/v1/projects/${encodeURIComponent(this.settings.projectId)}/messages:send`,
        { message: fcmMessage(deviceToken, notification) },
        { headers: { Authorization: `Bearer ${this.settings.accessToken}` } },
      );
      return { messageId: requireString(data, ['name'], 'FCM') };
    } catch (err) {
      const details = (
        err as { response?: { data?: { error?: { details?: { errorCode?: string }[] } } } }
      ).response?.data?.error?.details;
      // UNREGISTERED (404), or INVALID_ARGUMENT (400) for our always well-formed message: the
      // token is dead either way, as Firebase's token-management guide says.
      const status = statusOf(err);
      if (
        (status === 404 && details?.some((d) => d.errorCode === 'UNREGISTERED')) ||
        (status === 400 && details?.some((d) => d.errorCode === 'INVALID_ARGUMENT'))
      ) {
        throw new DeadPushTokenError('The device push token is no longer registered.');
      }
      throw providerFailure('FCM', err);
    }
  }
}
