import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';

const ROOT = join(__dirname, '../..');

/**
 * The README's shell examples, from "Flows" to the end of the OpenID Provider section, in order:
 * every ```bash block except those that start a server (npm start, npm run example:rp).
 */
function readmeExamples(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf('### Registration: a phone proves');
  const to = readme.indexOf('## The provider sandbox');
  if (from < 0 || to < from) throw new Error('README sections not found');
  return [...readme.slice(from, to).matchAll(/```bash\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((block) => !/npm start|npm run example:rp/.test(block))
    .join('\n');
}

describe("the README's examples, run as written against a running api", () => {
  let api: ApiProcess;
  afterAll(() => api?.child.kill('SIGKILL'));

  it('give what the README shows, in order', async () => {
    // As the README's SMS example says to start it; nothing else in the flows depends on it.
    api = await startApiProcess({ LOG_LEVEL: 'warn', REGISTRATION_FALLBACK: 'sms' });
    // The one change: the api listens on a free port here, not on 3000.
    const script = readmeExamples().replaceAll('http://localhost:3000', api.url);
    const run = spawnSync('bash', ['-c', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    const out = run.stdout;
    // What each example shows, in the README's order (ids and times differ from run to run).
    const expected = [
      '{"phone_check_supported":true,"network_name":"Sandbox Mobile"}',
      '{"status":"PROVIDER_ERROR","match":false}',
      '"status":"CODE_SENT"',
      '{"status":"MATCH_SUCCESS","match":true,"device_token":"simauth_dt_',
      '"status":"PENDING"',
      '"type":"login_request"',
      '"status":"PENDING"}]',
      '{"status":"MATCH_SUCCESS"}',
      '"status":"MATCH_SUCCESS","expires_at"',
      '"id_token":"eyJ',
      '{"status":"SIM_SWAP_DETECTED"}',
      '{"status":"ACTIVE"}',
      '{"status":"VERIFIED"}',
      '"factor_id"',
      '{"status":"ACTIVE"}',
      '{"status":"VERIFIED"}',
      '"status":"VERIFIED","expires_at"',
      '"status":"VERIFIED","device_phone_number_verified":true',
      `{"issuer":"${api.url}","authorization_endpoint":"${api.url}/oidc/auth"`,
      '{"expires_in":120,"auth_req_id":"',
      '"binding_message":"42","status":"PENDING"}]',
      '{"status":"MATCH_SUCCESS"}',
      '"id_token":"eyJ',
    ];
    let at = 0;
    for (const text of expected) {
      const found = out.indexOf(text, at);
      if (found < 0) {
        throw new Error(
          `not found after offset ${at}: ${text}\n--- stdout ---\n${out}\n--- stderr ---\n${run.stderr}`,
        );
      }
      at = found + text.length;
    }
    expect(run.status).toBe(0);
  }, 180_000);
});
