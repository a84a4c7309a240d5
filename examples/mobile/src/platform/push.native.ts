import {
  AuthorizationStatus,
  getInitialNotification,
  getMessaging,
  getToken,
  onMessage,
  onNotificationOpenedApp,
  onTokenRefresh,
  requestPermission,
  setBackgroundMessageHandler,
} from '@react-native-firebase/messaging';
import type { Push, PushData } from './types';

/**
 * Firebase Cloud Messaging (on iOS through APNs: upload the APNs key to the Firebase project).
 * simauth sends a notification (title and body) with the login in its data: shown by the OS while
 * the app is in the background, handed to onMessage while it is in the foreground.
 */
export const push: Push = {
  async token() {
    const messaging = getMessaging();
    const status = await requestPermission(messaging);
    if (status === AuthorizationStatus.DENIED) {
      // Still registered: the app asks simauth for waiting logins whenever it opens.
      console.warn('Notifications are off: sign-in requests show only when the app is opened.');
    }
    return getToken(messaging);
  },
  onTokenRefresh(listener) {
    return onTokenRefresh(getMessaging(), listener);
  },
  onMessage(listener) {
    const messaging = getMessaging();
    const deliver = (message: { data?: PushData } | null) => {
      if (message?.data) listener(message.data);
    };
    void getInitialNotification(messaging).then(deliver);
    const stopForeground = onMessage(messaging, deliver);
    const stopOpened = onNotificationOpenedApp(messaging, deliver);
    return () => {
      stopForeground();
      stopOpened();
    };
  },
};

export function installBackgroundHandler(): void {
  // Nothing to do in the background: the OS shows the notification, and tapping it opens the app
  // on the request (getInitialNotification / onNotificationOpenedApp above).
  setBackgroundMessageHandler(getMessaging(), async () => undefined);
}
