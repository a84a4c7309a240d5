import { DataSource } from 'typeorm';
import { ConfigurationError, loadConfig, loadDotEnv } from '@simauth/config';
import { EmbeddedDatabase } from '@simauth/database';
import { rotateSigningKey } from './accounts/signing-keys';

/** Relying parties cache a JWKS for minutes (ours says max-age=300): a new key waits this long. */
const PUBLISH_SECONDS = 600;

/**
 * `npm run keys:rotate [-- --now]`: adds a new id_token signing key to the database. It is
 * published at once and signs after PUBLISH_SECONDS (at once with --now, e.g. after a leak); the
 * previous keys stay published until the tokens and sessions they signed have expired. Running
 * replicas pick it up within 30 seconds.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  if (config.tokens.signingKey) {
    throw new Error(
      'JWT_SIGNING_KEY is set, so the key is yours to change: set the new key and restart the replicas',
    );
  }
  const embedded = config.database.url
    ? undefined
    : await EmbeddedDatabase.start({
        dir: config.database.embeddedDir,
        port: config.database.embeddedPort,
      });
  const db = new DataSource({ type: 'postgres', url: config.database.url ?? embedded!.url });
  await db.initialize();
  try {
    const now = process.argv.includes('--now');
    const retireAfter =
      Math.max(config.tokens.idTokenTtlSeconds, config.oidc.sessionTtlSeconds) + 60;
    const rotation = await rotateSigningKey(db, now ? 0 : PUBLISH_SECONDS, retireAfter);
    console.log(
      `new signing key ${rotation.kid}: published now, signs from ${rotation.signsFrom.toISOString()}; ` +
        `the previous keys retire at ${rotation.previousRetireAt.toISOString()}`,
    );
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}

main().catch((err: Error) => {
  const lines = err instanceof ConfigurationError ? err.problems : [err.message];
  for (const line of lines) console.error(`simauth keys:rotate: ${line}`);
  process.exit(1);
});
