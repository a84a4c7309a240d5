import * as client from 'openid-client';

/** An operators' client of the OpenID Provider: client_credentials for the admin API. */
export const OPS_CLIENT = {
  client_id: 'ops',
  client_secret: 'ops-secret-that-is-long-enough-0123456789',
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  scope: 'simauth:admin',
};

/** An admin API access token from simauth's token endpoint (openid-client, client_credentials). */
export async function adminToken(
  issuer: string,
  scope: string,
  ops: { client_id: string; client_secret: string } = OPS_CLIENT,
): Promise<string> {
  const rp = await client.discovery(
    new URL(issuer),
    ops.client_id,
    ops.client_secret,
    client.ClientSecretBasic(ops.client_secret),
    { execute: [client.allowInsecureRequests] },
  );
  return (await client.clientCredentialsGrant(rp, scope ? { scope } : {})).access_token;
}
