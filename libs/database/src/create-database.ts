import type { Client } from 'pg';

/**
 * Creates database `name` on the server `admin` is connected to (whose URL is `serverUrl`) and
 * returns the URL of the new database: the same server and credentials, another database.
 */
export async function createDatabase(admin: Client, serverUrl: string, name: string) {
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
