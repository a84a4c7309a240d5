import * as SecureStore from 'expo-secure-store';
import type { SimauthStorage } from './types';

// Keychain on iOS (this device only, after its first unlock: a push can be answered while the
// phone is locked, and the credential never leaves the phone in a backup), Keystore on Android.
const OPTIONS: SecureStore.SecureStoreOptions = {
  keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY,
};

/** The device credential in the platform's secure store; never AsyncStorage. */
export const credentialStorage: SimauthStorage = {
  get: (key) => SecureStore.getItemAsync(key, OPTIONS),
  set: (key, value) => SecureStore.setItemAsync(key, value, OPTIONS),
  remove: (key) => SecureStore.deleteItemAsync(key, OPTIONS),
};
