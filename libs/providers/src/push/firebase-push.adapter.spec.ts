import { DeadPushTokenError, ProviderError, ProviderUnavailableError } from '../provider.errors';
import { FirebasePushAdapter } from './firebase-push.adapter';

/** firebase-admin's Messaging is replaced at its boundary: no network, no Google credentials. */
function messagingThat(send: (message: unknown) => Promise<string>) {
  const calls: unknown[] = [];
  return {
    calls,
    messaging: {
      send: (message: unknown) => {
        calls.push(message);
        return send(message);
      },
    } as never,
  };
}

describe('FirebasePushAdapter', () => {
  it('sends one FCM v1 message to the device token with string data, an alert and high priority', async () => {
    const fake = messagingThat(async () => 'projects/p/messages/42');
    const adapter = new FirebasePushAdapter(fake.messaging);

    const sent = await adapter.send('device-token-1', {
      data: { login_id: 'L1' },
      title: 'Sign in?',
      body: 'Approve',
    });

    expect(sent).toEqual({ messageId: 'projects/p/messages/42' });
    expect(fake.calls).toEqual([
      {
        token: 'device-token-1',
        data: { login_id: 'L1' },
        notification: { title: 'Sign in?', body: 'Approve' },
        android: { priority: 'high' },
        apns: { headers: { 'apns-priority': '10' } },
      },
    ]);
  });

  it.each([
    ['messaging/registration-token-not-registered', DeadPushTokenError],
    ['messaging/invalid-registration-token', DeadPushTokenError],
    ['messaging/invalid-argument', DeadPushTokenError],
    ['messaging/server-unavailable', ProviderUnavailableError],
    ['messaging/mismatched-credential', ProviderError],
  ])('maps %s to %p', async (code, type) => {
    const adapter = new FirebasePushAdapter(
      messagingThat(() => Promise.reject(Object.assign(new Error('x'), { code }))).messaging,
    );
    await expect(adapter.send('t', { data: {}, title: 't', body: 'b' })).rejects.toBeInstanceOf(
      type,
    );
  });
});
