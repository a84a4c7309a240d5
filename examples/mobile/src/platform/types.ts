import type { CheckResult, SimauthStorage } from '@simauth/client';

/**
 * The request over mobile data. A check URL proves the SIM only when the mobile network carries it:
 * on a phone, tru.ID's SDK binds the request to the cellular network (mobile-data.native.ts); in a
 * browser against the sandbox, a header names the SIM the pretend phone holds (mobile-data.web.ts).
 */
export interface MobileData {
  /** Opens the check URL over mobile data, follows its redirects, resolves to the last JSON. */
  openCheckUrl(url: string): Promise<CheckResult>;
  /**
   * Sandbox only: the SIM this pretend phone holds (sent as X-Sandbox-Sim). Null on a real phone,
   * whose SIM is what it is.
   */
  sandboxSim: { get(): string | null; set(sim: string): void } | null;
}

/** An FCM data message's `data` (every value a string): parsePushMessage reads it. */
export type PushData = Record<string, unknown>;

/** Push: the token simauth sends to, and the login requests it brings. */
export interface Push {
  /** The FCM registration token (asks the person's permission first where the OS wants it). */
  token(): Promise<string>;
  /** Calls back with every new token (FCM rotates them): hand each to simauth. */
  onTokenRefresh(listener: (token: string) => void): () => void;
  /**
   * Calls back with each push while the app runs, and with the one whose notification the person
   * tapped to open the app. Returns the unsubscribe.
   */
  onMessage(listener: (data: PushData) => void): () => void;
}

export type { SimauthStorage };
