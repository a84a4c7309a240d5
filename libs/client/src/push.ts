/** A login request as a push brings it: enough to show the three numbers at once. */
export interface PushLoginRequest {
  loginId: string;
  matchNumbers: number[];
  bindingMessage?: string;
  /** The app the person signs in to, when an OpenID client started the login. */
  clientName?: string;
  expiresAt?: string;
}

/**
 * Reads an FCM data message (`remoteMessage.data`, every value a string). Returns the login
 * request it announces, or null for any other message.
 */
export function parsePushMessage(
  data: Record<string, unknown> | null | undefined,
): PushLoginRequest | null {
  if (!data || data.type !== 'login_request' || typeof data.login_id !== 'string') return null;
  const numbers = String(data.match_numbers ?? '')
    .split(',')
    .map((n) => Number(n.trim()));
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n))) return null;
  return {
    loginId: data.login_id,
    matchNumbers: numbers,
    ...(typeof data.binding_message === 'string' ? { bindingMessage: data.binding_message } : {}),
    ...(typeof data.client_name === 'string' ? { clientName: data.client_name } : {}),
    ...(typeof data.expires_at === 'string' ? { expiresAt: data.expires_at } : {}),
  };
}
