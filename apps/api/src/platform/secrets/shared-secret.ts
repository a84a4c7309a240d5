import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SecretBox } from '@simauth/credentials';

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

/**
 * Every value sealed with the data key, by table, its row key and its sealed column. A sealed
 * value does not record which key sealed it: the one that opens it (AES-GCM's tag) tells.
 */
const SEALED_WITH_DATA_KEY = [
  { table: 'jwt_signing_keys', id: 'kid', column: 'private_key_sealed', what: 'signing key' },
  { table: 'factors', id: 'id', column: 'secret_ciphertext', what: 'TOTP seed' },
  { table: 'webhook_endpoints', id: 'id', column: 'secret_sealed', what: 'webhook secret' },
] as const;

/**
 * Seals again with `box` (TOTP_ENCRYPTION_KEY) every value of SEALED_WITH_DATA_KEY that only
 * `previous` (the data key the database kept before it was set) opens, so that setting it, as
 * production requires, keeps the signing keys, TOTP seeds and registered webhook secrets. Each
 * table in one statement, conditional on the old sealed value (the row lock it takes re-checks
 * it): replicas starting together reseal a value once. A value neither key opens is left alone
 * (its reader reports it). Returns how many were sealed again, by kind.
 */
export async function resealWithConfiguredKey(
  db: DataSource,
  box: SecretBox,
  previous: SecretBox,
): Promise<{ what: string; count: number }[]> {
  const done: { what: string; count: number }[] = [];
  for (const { table, id, column, what } of SEALED_WITH_DATA_KEY) {
    const rows: { id: string; sealed: Buffer }[] = await db.query(
      `SELECT ${id}::text AS id, ${column} AS sealed FROM ${table} WHERE ${column} IS NOT NULL`,
    );
    const stale = rows.flatMap((row) => {
      try {
        box.open(row.sealed);
        return [];
      } catch {
        try {
          return [{ ...row, resealed: box.seal(previous.open(row.sealed)) }];
        } catch {
          return [];
        }
      }
    });
    if (stale.length === 0) continue;
    const [, count]: [unknown, number] = await db.query(
      `UPDATE ${table} t SET ${column} = c.resealed
         FROM unnest($1::text[], $2::bytea[], $3::bytea[]) AS c(id, sealed, resealed)
        WHERE t.${id}::text = c.id AND t.${column} = c.sealed`,
      [stale.map((r) => r.id), stale.map((r) => r.sealed), stale.map((r) => r.resealed)],
    );
    if (count > 0) done.push({ what, count });
  }
  return done;
}
