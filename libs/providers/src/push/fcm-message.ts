import { PushNotification } from '../push.port';

/** The FCM HTTP v1 message for one device: data for the app, a visible alert, delivered at once. */
export function fcmMessage(token: string, notification: PushNotification) {
  return {
    token,
    data: notification.data,
    notification: { title: notification.title, body: notification.body },
    android: { priority: 'high' as const },
    apns: { headers: { 'apns-priority': '10' } },
  };
}
