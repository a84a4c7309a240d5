/** CAMARA Number Verification behind Vonage's authorization-code flow. */
export abstract class NumberVerificationPort {
  /** Exchanges the callback's code for an access token; ProviderError(reason invalid_grant) when refused. */
  abstract exchangeCode(code: string): Promise<{ accessToken: string }>;
  /** Does the device that authorised hold `phoneNumber`? */
  abstract verify(accessToken: string, phoneNumber: string): Promise<boolean>;
}
