/**
 * Where the client keeps what must survive a restart, above all the device credential. On a phone,
 * back it with the platform's secure store (Keychain, Android Keystore: e.g. expo-secure-store),
 * never with AsyncStorage or localStorage.
 */
export interface SimauthStorage {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A storage that lives as long as the process: for tests, and for web pages that keep nothing. */
export function memoryStorage(): SimauthStorage {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
    remove: async (key) => {
      values.delete(key);
    },
  };
}

/** The keys the phone client uses, all under one prefix so they never meet an app's own. */
export const STORAGE_KEYS = {
  deviceToken: 'simauth.device_token',
  deviceId: 'simauth.device_id',
  userId: 'simauth.user_id',
} as const;
