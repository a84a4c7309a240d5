// Type-checked only (nothing imports it, so no bundle holds it): each platform's file implements
// what its .d.ts declares, which is what the platform-neutral code is checked against.
import type * as CredentialStorage from './credential-storage';
import * as credentialStorageNative from './credential-storage.native';
import * as credentialStorageWeb from './credential-storage.web';
import type * as MobileData from './mobile-data';
import * as mobileDataNative from './mobile-data.native';
import * as mobileDataWeb from './mobile-data.web';
import type * as Push from './push';
import * as pushNative from './push.native';
import * as pushWeb from './push.web';

export const platforms: [typeof CredentialStorage, typeof MobileData, typeof Push][] = [
  [credentialStorageNative, mobileDataNative, pushNative],
  [credentialStorageWeb, mobileDataWeb, pushWeb],
];
