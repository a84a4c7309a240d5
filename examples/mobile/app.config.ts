import { existsSync } from 'node:fs';
import type { ConfigContext, ExpoConfig } from 'expo/config';

/**
 * app.json, plus the Firebase files when you have added them (see README.md: a native build needs
 * them; the web build, which plays the phone against the sandbox, does not).
 */
export default ({ config }: ConfigContext): ExpoConfig => {
  const android = existsSync('./google-services.json');
  const ios = existsSync('./GoogleService-Info.plist');
  return {
    ...(config as ExpoConfig),
    android: {
      ...config.android,
      ...(android ? { googleServicesFile: './google-services.json' } : {}),
    },
    ios: { ...config.ios, ...(ios ? { googleServicesFile: './GoogleService-Info.plist' } : {}) },
  };
};
