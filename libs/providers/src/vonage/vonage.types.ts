/** Vonage / CAMARA wire formats; they never leave the adapters. */
export const NUMBER_VERIFICATION_SCOPE =
  'dpv:FraudPreventionAndDetection#number-verification-verify-read';

export interface NetworkEnablementResponse {
  scopes?: Record<string, { auth_url?: string; error?: { title?: string; detail?: string } }>;
}

export interface CamaraTokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}

export interface CamaraVerifyResponse {
  devicePhoneNumberVerified: boolean;
}
