import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '@test-support/api-process';

const ROOT = join(__dirname, '../..');

/**
 * The guides whose shell examples run, in this order: a later one uses the variables of an
 * earlier one (web-apps.md's CIBA example, the flows' device token). Every guide is listed.
 */
const GUIDES = ['flows.md', 'mobile.md', 'sandbox.md', 'web-apps.md'];

/** A file of the docs (README.md, docs/…), as it is now. */
const doc = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The part of `path` from one heading to another (or to its end), or an error naming them. */
function docSection(path: string, from: string, to?: string): string {
  const text = doc(path);
  const start = text.indexOf(from);
  const end = to === undefined ? text.length : text.indexOf(to);
  if (start < 0 || end < start) throw new Error(`${path}: section ${from} … ${to} not found`);
  return text.slice(start, end);
}

/** The ```bash blocks of `section`, in order. */
const bashBlocks = (section: string): string[] =>
  [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);

/**
 * The docs' shell examples, in order: the README's, then those of docs/guide/ (the flows first),
 * every ```bash block except those that start a server (npm start, npm run example:rp).
 */
function docsExamples(): string {
  return ['README.md', ...GUIDES.map((guide) => `docs/guide/${guide}`)]
    .flatMap((path) => bashBlocks(doc(path)))
    .filter((block) => !/npm start|npm run example:rp/.test(block))
    .join('\n');
}

/** The bash blocks of the admin API reference, then those of the operators' audit trail. */
function operatorsExamples(): { blocks: string; oidcClients: string } {
  const admin = docSection('docs/reference/admin-api.md', '## Access: tokens and scopes');
  const trail = docSection(
    'docs/operations/operators.md',
    '## The audit trail',
    '## What the database keeps',
  );
  // The api is started as the reference's comment says, so the two cannot drift apart.
  const clients = /# OIDC_CLIENTS='([^']+)' npm start/.exec(admin);
  if (!clients) throw new Error('the admin API reference no longer says how to start the api');
  return {
    blocks: [...bashBlocks(admin), ...bashBlocks(trail)].join('\n'),
    oidcClients: clients[1],
  };
}

/** Runs `script` in bash from the project's folder, with its node_modules/.bin on the PATH. */
const runScript = (script: string, timeout: number) =>
  spawnSync('bash', ['-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });

/** Fails unless each of `expected` appears in `run`'s output, in this order. */
function expectInOrder(run: ReturnType<typeof runScript>, expected: string[]): void {
  let at = 0;
  for (const text of expected) {
    const found = run.stdout.indexOf(text, at);
    if (found < 0) {
      throw new Error(
        `not found after offset ${at}: ${text}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`,
      );
    }
    at = found + text.length;
  }
}

describe("the docs' examples (README and docs/guide), run as written against a running api", () => {
  let api: ApiProcess;
  let operators: ApiProcess | undefined;
  afterAll(() => {
    api?.child.kill('SIGKILL');
    operators?.child.kill('SIGKILL');
    // What the events:export example appends to, in the folder it runs in.
    rmSync(join(ROOT, 'audit.jsonl'), { force: true });
  });

  it('cover every guide', () => {
    expect(readdirSync(join(ROOT, 'docs/guide')).sort()).toEqual([...GUIDES].sort());
  });

  it('give what the docs show, in order', async () => {
    // As the flows guide's SMS example says to start it; nothing else in the flows depends on it.
    api = await startApiProcess({ LOG_LEVEL: 'warn', REGISTRATION_FALLBACK: 'sms' });
    // The one change: the api listens on a free port here, not on 3000.
    const script = docsExamples().replaceAll('http://localhost:3000', api.url);
    const run = runScript(script, 120_000);
    // What each example shows, in the docs' order (ids and times differ from run to run).
    expectInOrder(run, [
      '{"phone_check_supported":true,"network_name":"Sandbox Mobile"}',
      '{"status":"PROVIDER_ERROR","match":false}',
      '"status":"CODE_SENT"',
      '{"status":"MATCH_SUCCESS","match":true,"device_token":"simauth_dt_',
      'revoked: 204',
      '{"status":401}',
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
      '{"seen_by_device":true}',
      'deleted: 204',
      '{"status":"ACTIVE"}',
      '{"status":"VERIFIED"}',
      '"status":"VERIFIED","expires_at"',
      '"status":"VERIFIED","device_phone_number_verified":true',
      `{"issuer":"${api.url}","authorization_endpoint":"${api.url}/oidc/auth"`,
      '{"expires_in":120,"auth_req_id":"',
      '"binding_message":"42","client_name":"simauth CIBA demo (sandbox only)","status":"PENDING"}]',
      '{"status":"MATCH_SUCCESS"}',
      '"id_token":"eyJ',
    ]);
    expect(run.status).toBe(0);
  }, 180_000);

  it("give what the admin API and the audit trail show, on an api started with its operators' client", async () => {
    const { blocks, oidcClients } = operatorsExamples();
    // On the same database as the flows above, which registered +447700900001.
    operators = await startApiProcess({ LOG_LEVEL: 'warn', OIDC_CLIENTS: oidcClients });
    const run = runScript(`B=${operators.url}\n${blocks}`, 60_000);
    expectInOrder(run, [
      // Masked: the example's token lacks simauth:admin:phone_numbers.
      '"phone_number":"+44********01","blocked":false',
      '{"items":[{"attempt_id":"',
      '"next_cursor":',
      '{"cursor":"',
      '"type":"attempt.moved"',
      // Masked; whose number comes first depends on what the database held before (the specs share it).
      '"phone_number":"+44********',
    ]);
    expect(run.stderr).toMatch(/^events:export: \d+ events; next time: --after \d+-[01]-\d+$/m);
    const exported = readFileSync(join(ROOT, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(exported[0])).toMatchObject({ type: 'attempt.moved' });
    expect(run.status).toBe(0);
  }, 120_000);
});
