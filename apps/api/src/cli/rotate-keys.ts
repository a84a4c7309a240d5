import { loadConfig, loadDotEnv } from '@simauth/config';
import { SecretBox } from '@simauth/credentials';
import { dataKey } from '../platform/secrets/shared-secret';
import { rotateSigningKeys, SIGNING_ALGS } from '../platform/tokens/signing-keys';
import { runCli, withDataSource } from './cli-run';

/** Relying parties cache a JWKS for minutes (ours says max-age=300): a new key waits this long. */
const PUBLISH_SECONDS = 600;

/**
 * `npm run keys:rotate [-- --now]`: adds a new id_token signing key of each algorithm (ES256,
 * RS256) to the database, sealed with the data key. They are published at once and sign after
 * PUBLISH_SECONDS (at once with --now, e.g. after a leak); the previous keys stay published until
 * the tokens and sessions they signed have expired. Running replicas pick them up within 30
 * seconds. With JWT_SIGNING_KEY set, the ES256 key is the operator's: only RS256 rotates.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const algs = config.tokens.signingKey ? (['RS256'] as const) : SIGNING_ALGS;
  if (config.tokens.signingKey) {
    console.log(
      'simauth keys:rotate: JWT_SIGNING_KEY is set, so the ES256 key is yours to change (set the new key and restart the replicas); rotating the RS256 key only',
    );
  }
  await withDataSource(config, async (db) => {
    const now = process.argv.includes('--now');
    const retireAfter =
      Math.max(config.tokens.idTokenTtlSeconds, config.oidc.sessionTtlSeconds) + 60;
    const box = new SecretBox(await dataKey(db, config.factors.encryptionKey));
    const rotation = await rotateSigningKeys(db, box, now ? 0 : PUBLISH_SECONDS, retireAfter, algs);
    const added = rotation.keys.map((k) => `${k.kid} (${k.alg})`).join(', ');
    console.log(
      `new signing keys ${added}: published now, sign from ${rotation.signsFrom.toISOString()}; ` +
        `the previous keys retire at ${rotation.previousRetireAt.toISOString()}`,
    );
  });
}

runCli('keys:rotate', main);
