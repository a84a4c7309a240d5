import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
// js-yaml comes with @nestjs/swagger; Compose files are YAML.
import { load } from 'js-yaml';
import { EnvironmentVariables } from '@simauth/config';

const root = join(__dirname, '..');
const settings = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
      .map((m) => m.propertyName),
  ),
].sort();
/** Read by the api beside the schema: the outbound proxy, as axios reads it. */
const PROXY_VARIABLES = ['ALL_PROXY', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY'];

type ComposeFile = { services: Record<string, { environment?: Record<string, unknown> }> };
const compose = (file: string) => load(readFileSync(join(root, file), 'utf8')) as ComposeFile;

describe('docker-compose.yml', () => {
  const environment = compose('docker-compose.yml').services.api.environment!;

  it("passes every setting of the schema to the api, and nothing else but the proxy's", () => {
    expect(Object.keys(environment).sort()).toEqual([...settings, ...PROXY_VARIABLES].sort());
  });

  it('passes each setting on as the shell or .env has it, unset when unset', () => {
    const fixed: Record<string, unknown> = {
      // The container's own: where the api listens inside it, and the postgres service.
      HOST: '0.0.0.0',
      PORT: 3000,
      NODE_ENV: '${NODE_ENV:-production}',
      DATABASE_URL: 'postgres://simauth:${POSTGRES_PASSWORD:-simauth}@postgres:5432/simauth',
    };
    for (const [name, value] of Object.entries(environment)) {
      expect([name, value]).toEqual([name, fixed[name] ?? `\${${name}:-}`]);
    }
  });

  it('leaves the sandbox to the demo override, whose mode follows the credentials (development without any)', () => {
    const demo = compose('docker-compose.override.yml').services.api.environment!;
    // Empty, not the image's production nor a fixed development: credentials in .env make the
    // demo stack production, which refuses to run half-configured.
    expect(demo.NODE_ENV).toBe('${NODE_ENV:-}');
    expect(Object.keys(demo).every((name) => settings.includes(name))).toBe(true);
  });
});
