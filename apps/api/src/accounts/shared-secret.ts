import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A secret generated once and kept in the `signing_keys` table, so every replica uses the same
 * one: the first to start stores its candidate, the others read the winner.
 */
export async function sharedSecret(
  db: DataSource,
  kid: string,
  generate: () => string,
): Promise<string> {
  await db.query(
    `INSERT INTO signing_keys (kid, private_key_pem) VALUES ($1, $2) ON CONFLICT (kid) DO NOTHING`,
    [kid, generate()],
  );
  const rows: { private_key_pem: string }[] = await db.query(
    `SELECT private_key_pem FROM signing_keys WHERE kid = $1`,
    [kid],
  );
  return rows[0].private_key_pem;
}

/**
 * The key that seals secrets simauth must read back (TOTP seeds, registered webhook secrets):
 * TOTP_ENCRYPTION_KEY, or else one generated once and kept in the database for every replica.
 */
export async function dataKey(db: DataSource, configured: Buffer | undefined): Promise<Buffer> {
  if (configured) return configured;
  const key = await sharedSecret(db, 'totp-encryption', () => randomBytes(32).toString('base64'));
  return Buffer.from(key, 'base64');
}

/**
 * The data key kept in the database, if one was ever generated (before TOTP_ENCRYPTION_KEY was
 * set): what was sealed with it can still be opened, and sealed again with the configured key.
 */
export async function keptDataKey(db: DataSource): Promise<Buffer | undefined> {
  const rows: { private_key_pem: string }[] = await db.query(
    `SELECT private_key_pem FROM signing_keys WHERE kid = 'totp-encryption'`,
  );
  return rows[0] && Buffer.from(rows[0].private_key_pem, 'base64');
}
