/** The scope of the admin API's tokens (client_credentials, for clients whose `scope` has it). */
export const ADMIN_SCOPE = 'simauth:admin';

/** The admin API as a resource server: the `aud` of its access tokens. */
export const adminAudience = (issuer: string) => `${issuer}/admin/v1`;
