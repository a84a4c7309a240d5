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
