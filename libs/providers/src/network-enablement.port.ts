/** Vonage Network Enablement: an auth URL for the device to open over mobile data. */
export abstract class NetworkEnablementPort {
  abstract enable(phoneNumber: string, state: string): Promise<{ authUrl: string }>;
}
