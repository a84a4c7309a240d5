// The platform picks credential-storage.native.ts (Keychain / Keystore) or
// credential-storage.web.ts (sandbox only); both implement this.
import type { SimauthStorage } from './types';

export declare const credentialStorage: SimauthStorage;
