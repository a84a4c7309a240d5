/**
 * simauth's public URL. Expo inlines EXPO_PUBLIC_* variables when it bundles, so set it when you
 * start or export the app: `EXPO_PUBLIC_SIMAUTH_URL=https://auth.example.com npx expo export`.
 */
export const SIMAUTH_URL = (process.env.EXPO_PUBLIC_SIMAUTH_URL ?? 'http://localhost:3000').replace(
  /\/+$/,
  '',
);
