import { loadConfig, loadDotEnv } from '@simauth/config';
import { OidcProviderRecords } from '../features/oidc/oidc-provider-records';
import { runCli, withDataSource } from './cli-run';

const USAGE = 'usage: npm run grants:revoke -- --before <time, ISO 8601 with its zone>';

/** The time after `--before`, which must say its zone (a restore point is an instant). */
function beforeArgument(argv: string[]): Date {
  const at = argv.indexOf('--before');
  const value = at >= 0 ? argv[at + 1] : undefined;
  if (!value) throw new Error(USAGE);
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(value) || isNaN(Date.parse(value)))
    throw new Error(
      `--before: ${value} is not an ISO 8601 time with a zone (e.g. 2026-12-07T02:00:00Z); ${USAGE}`,
    );
  return new Date(value);
}

/**
 * `npm run grants:revoke -- --before <time>`, after restoring a backup taken at that time: the
 * restore brought back refresh tokens rotated or revoked since, so every OpenID grant given
 * before it is revoked with its tokens, the sessions begun before it end, and the admin API's
 * tokens issued before it die. People sign in again; relying parties get invalid_grant.
 */
async function main(): Promise<void> {
  const before = beforeArgument(process.argv);
  loadDotEnv();
  const config = loadConfig();
  await withDataSource(config, async (db) => {
    const revoked = await new OidcProviderRecords(db).revokeGivenBefore(before);
    console.log(
      `given up to ${before.toISOString()}: ${revoked.grants} grants revoked with their tokens, ` +
        `${revoked.sessions} sessions ended, ${revoked.adminTokens} admin API tokens revoked`,
    );
  });
}

runCli('grants:revoke', main);
