import { sandboxBaseUrl, tabStorage } from './sandbox';
import type { Push, PushData } from './types';

const TOKEN_KEY = 'sandbox.push_token';

/**
 * SANDBOX ONLY. A browser gets no FCM pushes from simauth's sandbox; the sandbox keeps an inbox per
 * push token instead (`GET /sandbox/fcm/inboxes/{token}/messages`, a long poll), read here.
 */
export const push: Push = {
  async token() {
    let token = tabStorage.get(TOKEN_KEY);
    if (!token) {
      token = `sandbox-web-${globalThis.crypto.randomUUID()}`;
      tabStorage.set(TOKEN_KEY, token);
    }
    return token;
  },
  onTokenRefresh() {
    return () => undefined; // the inbox's token never changes
  },
  onMessage(listener) {
    const stop = new AbortController();
    void readInbox(listener, stop.signal);
    return () => stop.abort();
  },
};

async function readInbox(listener: (data: PushData) => void, signal: AbortSignal): Promise<void> {
  let after = 0;
  while (!signal.aborted) {
    try {
      const token = encodeURIComponent(await push.token());
      const url = `${await sandboxBaseUrl()}/sandbox/fcm/inboxes/${token}/messages?after=${after}&wait_ms=25000`;
      const res = await fetch(url, { signal });
      const { messages } = (await res.json()) as {
        messages: { seq: number; message: { data?: PushData } }[];
      };
      for (const { seq, message } of messages) {
        after = Math.max(after, seq);
        if (message.data) listener(message.data);
      }
    } catch {
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export function installBackgroundHandler(): void {
  // A browser tab has no background handler: the inbox is read while the page is open.
}
