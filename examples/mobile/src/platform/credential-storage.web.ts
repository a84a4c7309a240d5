import { tabStorage } from './sandbox';
import type { SimauthStorage } from './types';

/**
 * SANDBOX ONLY: the web build plays a phone against simauth's sandbox, and keeps its credential in
 * sessionStorage (gone with the tab). sessionStorage is readable by any script on the page: never
 * keep a real device credential in a browser. On a phone it lives in the Keychain or Keystore
 * (credential-storage.native.ts).
 */
export const credentialStorage: SimauthStorage = {
  get: async (key) => tabStorage.get(key),
  set: async (key, value) => tabStorage.set(key, value),
  remove: async (key) => tabStorage.remove(key),
};
