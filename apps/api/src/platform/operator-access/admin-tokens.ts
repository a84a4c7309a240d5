/** The scope of the admin API's tokens (client_credentials, for clients whose `scope` has it). */
export const ADMIN_SCOPE = 'simauth:admin';
/** With ADMIN_SCOPE: the audit export shows phone numbers in full instead of masked. */
export const ADMIN_PHONE_NUMBERS_SCOPE = 'simauth:admin:phone_numbers';

/** The admin API as a resource server: the `aud` of its access tokens. */
export const adminAudience = (issuer: string) => `${issuer}/admin/v1`;
