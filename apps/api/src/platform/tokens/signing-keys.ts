import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SecretBox } from '@simauth/credentials';

/**
 * The algorithms of the rotation set: ES256 signs the `/v1` id_tokens and is the OpenID
 * Provider's default; RS256 is there because OpenID Connect Discovery requires it, for relying
 * parties that ask for it (`id_token_signed_response_alg`).
 */
export const SIGNING_ALGS = ['ES256', 'RS256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** One stored id_token signing key, opened. */
export interface StoredSigningKey {
  kid: string;
  alg: SigningAlg;
  pem: string;
  signsFrom: Date;
  retireAt: Date | null;
}

const KEY_ID_BYTES = 8;
/**
 * The size relying parties expect of an RS256 key (RFC 7518 §3.3's minimum, what the large
 * providers publish); it rotates with the ES256 key, well within NIST's horizon for 2048 bits.
 */
const RSA_BITS = 2048;

/** A new private key for `alg`, PEM (PKCS#8): EC P-256 for ES256, RSA 2048 for RS256. */
export function generateSigningKeyPem(alg: SigningAlg = 'ES256'): string {
  const pair =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : generateKeyPairSync('rsa', { modulusLength: RSA_BITS });
  return pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The key id of a key: a hash of its public half, so every replica names it alike. */
export function keyIdOf(pem: string): string {
  const spki = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
  return createHash('sha256')
    .update(spki)
    .digest('base64url')
    .slice(0, KEY_ID_BYTES * 2);
}

interface KeyRow {
  kid: string;
  alg: SigningAlg;
  private_key_pem: string | null;
  private_key_sealed: Buffer | null;
  signs_from: Date;
  retire_at: Date | null;
}

/**
 * Seals the keys stored in clear (before the migration that added `private_key_sealed`, or by an
 * older `keys:rotate` during an upgrade) with the data key. It runs here, at start, and not in
 * the migration: the data key is TOTP_ENCRYPTION_KEY, which only the configuration knows, and
 * SQL has no AES-GCM. One statement; its row locks and the re-checked `IS NOT NULL` let only one
 * of several replicas starting together seal a key.
 */
export async function sealClearSigningKeys(db: DataSource, box: SecretBox): Promise<number> {
  const clear: { kid: string; private_key_pem: string }[] = await db.query(
    `SELECT kid, private_key_pem FROM jwt_signing_keys WHERE private_key_pem IS NOT NULL`,
  );
  if (clear.length === 0) return 0;
  const [, count]: [unknown, number] = await db.query(
    `UPDATE jwt_signing_keys k SET private_key_sealed = c.sealed, private_key_pem = NULL
       FROM unnest($1::text[], $2::bytea[]) AS c(kid, sealed)
      WHERE k.kid = c.kid AND k.private_key_pem IS NOT NULL`,
    [clear.map((k) => k.kid), clear.map((k) => box.seal(k.private_key_pem))],
  );
  return count;
}

/**
 * The keys of `algs` in force, oldest first, opened with the data key: an algorithm with none
 * gets one from the first replica to start (a new deployment, or RS256 added to an old one), then
 * every replica reads it. Retired keys are left out.
 */
export async function liveSigningKeys(
  db: DataSource,
  box: SecretBox,
  algs: readonly SigningAlg[] = SIGNING_ALGS,
): Promise<StoredSigningKey[]> {
  const read = async (): Promise<KeyRow[]> =>
    db.query(
      `SELECT kid, alg, private_key_pem, private_key_sealed, signs_from, retire_at
         FROM jwt_signing_keys
        WHERE alg = ANY($1) AND (retire_at IS NULL OR retire_at > now())
        ORDER BY created_at, kid`,
      [algs],
    );
  let rows = await read();
  const missing = algs.filter((alg) => !rows.some((r) => r.alg === alg));
  if (missing.length > 0) {
    // Only a deployment without a key of that algorithm generates one (not every reload).
    // Replicas starting together may each add theirs: all are published, the newest signs.
    for (const alg of missing) {
      const pem = generateSigningKeyPem(alg);
      await db.query(
        `INSERT INTO jwt_signing_keys (kid, alg, private_key_sealed)
         SELECT $1, $2, $3 WHERE NOT EXISTS (
           SELECT 1 FROM jwt_signing_keys WHERE alg = $2 AND (retire_at IS NULL OR retire_at > now()))`,
        [keyIdOf(pem), alg, box.seal(pem)],
      );
    }
    rows = await read();
  }
  return rows.map((r) => ({
    kid: r.kid,
    alg: r.alg,
    // A key still in clear is one an older replica wrote during an upgrade: sealed at next start.
    pem: r.private_key_pem ?? openKey(box, r.kid, r.private_key_sealed!),
    signsFrom: r.signs_from,
    retireAt: r.retire_at,
  }));
}

function openKey(box: SecretBox, kid: string, sealed: Buffer): string {
  try {
    return box.open(sealed);
  } catch {
    throw new Error(
      `signing key ${kid} cannot be opened with the data key: was TOTP_ENCRYPTION_KEY changed? Set the one it was sealed with`,
    );
  }
}

interface Rotation {
  keys: { kid: string; alg: SigningAlg }[];
  signsFrom: Date;
  previousRetireAt: Date;
}

/**
 * Adds a new signing key of each of `algs`, sealed, published at once and signing after
 * `publishSeconds` (relying parties refresh their JWKS copy meanwhile); the keys of those
 * algorithms before them retire `retireAfterSeconds` after that, when the tokens they signed have
 * expired. Keys retired over a day ago are deleted.
 */
export async function rotateSigningKeys(
  db: DataSource,
  box: SecretBox,
  publishSeconds: number,
  retireAfterSeconds: number,
  algs: readonly SigningAlg[] = SIGNING_ALGS,
): Promise<Rotation> {
  return db.transaction(async (tx) => {
    const [{ at: signsFrom }]: { at: Date }[] = await tx.query(
      `SELECT now() + make_interval(secs => $1) AS at`,
      [publishSeconds],
    );
    const keys: Rotation['keys'] = [];
    for (const alg of algs) {
      const pem = generateSigningKeyPem(alg);
      const kid = keyIdOf(pem);
      await tx.query(
        `INSERT INTO jwt_signing_keys (kid, alg, private_key_sealed, signs_from)
         VALUES ($1, $2, $3, $4)`,
        [kid, alg, box.seal(pem), signsFrom],
      );
      keys.push({ kid, alg });
    }
    const [retire]: { at: Date }[] = await tx.query(
      `SELECT $1::timestamptz + make_interval(secs => $2) AS at`,
      [signsFrom, retireAfterSeconds],
    );
    await tx.query(
      `UPDATE jwt_signing_keys SET retire_at = $3
        WHERE kid <> ALL($1) AND alg = ANY($2) AND (retire_at IS NULL OR retire_at > $3)`,
      [keys.map((k) => k.kid), algs, retire.at],
    );
    await tx.query(`DELETE FROM jwt_signing_keys WHERE retire_at < now() - interval '1 day'`);
    return { keys, signsFrom, previousRetireAt: retire.at };
  });
}
