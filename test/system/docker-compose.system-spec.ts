import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * docker-compose (v1, from Debian) or the `docker compose` plugin, whichever this machine has,
 * with the `sandbox` profile's service included.
 */
function composeConfig(file: string): string {
  const args = ['--profile', 'sandbox', '-f', file, 'config'];
  try {
    return execFileSync('docker-compose', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return execFileSync('docker', ['compose', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
}

describe('docker-compose.yml', () => {
  it('is accepted by docker compose, with the api on Postgres 16 and healthchecks', () => {
    const config = composeConfig(join(__dirname, '../../docker-compose.yml'));
    expect(config).toContain('image: postgres:16');
    expect(config).toMatch(/DATABASE_URL: postgres:\/\/simauth:simauth@postgres:5432\/simauth/);
    expect(config.match(/healthcheck:/g)?.length).toBeGreaterThanOrEqual(2);
    expect(config).toMatch(/condition: service_healthy/);
  });

  it("sends the --profile sandbox service's tru.ID callbacks to the api container, not to itself", () => {
    const config = composeConfig(join(__dirname, '../../docker-compose.yml'));
    expect(config).toMatch(
      /SANDBOX_CALLBACK_URL: http:\/\/api:3000\/v1\/callbacks\/truid\/challenges/,
    );
  });
});
