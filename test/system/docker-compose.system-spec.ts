import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const BASE = join(__dirname, '../../docker-compose.yml');
const DEMO = join(__dirname, '../../docker-compose.override.yml');

/**
 * docker-compose (v1, from Debian) or the `docker compose` plugin, whichever this machine has,
 * with the `sandbox` profile's service included. `files` as `-f` would name them: the demo is
 * the base file with its override (what a plain `docker-compose up` reads); a deployment is the
 * base file alone. The environment is this test's own, so no setting leaks in from the shell.
 */
function composeConfig(files: string[], env: Record<string, string> = {}): string {
  const args = ['--profile', 'sandbox', ...files.flatMap((f) => ['-f', f]), 'config'];
  const options = {
    encoding: 'utf8' as const,
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  };
  try {
    return execFileSync('docker-compose', args, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return execFileSync('docker', ['compose', ...args], options);
  }
}

/** The api service's part of a `config` output: from `  api:` to the next service. */
const apiService = (config: string) =>
  /\n {2}api:\n([\s\S]*?)(?=\n {2}\w[\w-]*:\n|\nvolumes:)/.exec(config)![1];

describe('docker-compose.yml', () => {
  it('is accepted by docker compose, with the api on Postgres 16 and healthchecks', () => {
    const config = composeConfig([BASE, DEMO]);
    expect(config).toContain('image: postgres:16');
    expect(config).toMatch(/DATABASE_URL: postgres:\/\/simauth:simauth@postgres:5432\/simauth/);
    expect(config.match(/healthcheck:/g)?.length).toBeGreaterThanOrEqual(2);
    expect(config).toMatch(/condition: service_healthy/);
  });

  it("sends the --profile sandbox service's tru.ID callbacks to the api container, not to itself", () => {
    const config = composeConfig([BASE, DEMO]);
    expect(config).toMatch(
      /SANDBOX_CALLBACK_URL: http:\/\/api:3000\/v1\/callbacks\/truid\/challenges/,
    );
  });

  it("runs the demo with the sandbox, its mode left to the credentials, its port published on this machine's loopback only", () => {
    const api = apiService(composeConfig([BASE, DEMO]));
    expect(api).toMatch(/NODE_ENV: ''/);
    expect(api).toMatch(/SANDBOX_PORT: '?4010'?/);
    expect(api).toContain('127.0.0.1:4010:4010');
    // Every published sandbox port is on loopback (the profile's standalone sandbox too).
    const config = composeConfig([BASE, DEMO]);
    expect(config).not.toMatch(/^\s+- (0\.0\.0\.0:)?40\d\d:4010/m);
    expect(config).not.toMatch(/published: 40\d\d/);
  });

  it('runs a deployment from the base file alone: production mode, no sandbox, only the api port', () => {
    const config = composeConfig([BASE]);
    const api = apiService(config);
    expect(api).toMatch(/NODE_ENV: production/);
    expect(api).not.toContain('4010');
    expect(api).toMatch(/SANDBOX_PORT: ''/);
    expect(config).not.toMatch(/\n {2}sandbox:\n/);
    expect(config.match(/published: (\d+)/g)).toEqual(['published: 3000']);
  });

  it('passes a setting from the environment through to the api, in both', () => {
    for (const files of [[BASE], [BASE, DEMO]]) {
      const out = composeConfig(files, { SIM_SWAP_POLICY: 'step_up' });
      expect(apiService(out)).toMatch(/SIM_SWAP_POLICY: step_up/);
    }
  });
});
