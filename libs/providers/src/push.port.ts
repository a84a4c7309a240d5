export interface PushNotification {
  /** FCM data payload: strings only. */
  data: Record<string, string>;
  title: string;
  body: string;
}

/** Sends a push to one device; throws DeadPushTokenError when the token is no longer registered. */
export abstract class PushPort {
  abstract readonly name: string;
  abstract send(
    deviceToken: string,
    notification: PushNotification,
  ): Promise<{ messageId: string }>;
}
