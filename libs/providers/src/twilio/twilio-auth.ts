/** Twilio's API authentication: HTTP Basic with the account SID and its auth token. */
export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/** The `Authorization` header of every Twilio call (Verify, Lookup). */
export const twilioAuthorization = ({ accountSid, authToken }: TwilioCredentials): string =>
  `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
