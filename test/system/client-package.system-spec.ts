import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiProcess, startApiProcess } from '@test-support/api-process';
import { uniquePhoneNumber } from '@test-support/device';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const CLIENT = join(ROOT, 'libs/client');

/** What a mobile team writes first: register this phone, then sign in on the web with it. */
const CONSUMER = `
import { memoryStorage, SimauthPhone, SimauthProblem, SimauthWeb } from '@simauth/client';

// No @types/node here, as in a React Native or browser app: only the argv this script reads.
declare const process: { argv: string[] };
const [baseUrl, number] = process.argv.slice(2);
const phone = new SimauthPhone({
  baseUrl,
  storage: memoryStorage(),
  // The sandbox plays the mobile network: the SIM this phone holds is named in a header.
  openCheckUrl: async (url) => (await fetch(url, { headers: { 'X-Sandbox-Sim': number } })).json(),
});
const registered = await phone.register(number);
const web = new SimauthWeb({ baseUrl });
const login = await web.startLogin(number);
const result = web.waitForResult(login);
const approved = await phone.approve(login.loginId, login.matchNumber);
const done = await result;
const refused = await web.startLogin('not a number').catch((e: unknown) => e);
console.log(JSON.stringify({
  registered: registered.status,
  approved: approved.status,
  result: done.status,
  idToken: typeof done.idToken,
  problem: refused instanceof SimauthProblem ? refused.status : 'none',
}));
`;

/**
 * The published package works outside this repository: `npm pack` in libs/client, installed into
 * an empty project (its one dependency from the registry), type-checked and run against the
 * compiled api as `npm start` runs it.
 */
describe('@simauth/client as npm installs it', () => {
  let api: ApiProcess;
  let project: string;
  beforeAll(async () => {
    api = await startApiProcess();
    project = mkdtempSync(join(tmpdir(), 'simauth-client-consumer-'));
    chmodSync(project, 0o755);
  });
  afterAll(async () => {
    if (project) rmSync(project, { recursive: true, force: true });
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await new Promise((resolve) => api.child.once('exit', resolve));
    }
  });

  it('packs, installs into an empty project, type-checks, registers a phone and signs in with it', async () => {
    await run('npm', ['pack', '--pack-destination', project], { cwd: CLIENT });
    const [tarball] = readdirSync(project).filter((f) => f.endsWith('.tgz'));
    expect(tarball).toMatch(/^simauth-client-\d+\.\d+\.\d+\.tgz$/);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', `./${tarball}`], { cwd: project });
    const installed = readdirSync(join(project, 'node_modules/@simauth/client'));
    // What the package ships: its build, the OpenAPI document and its page; no sources, no tests.
    expect(installed.sort()).toEqual(['README.md', 'dist', 'openapi.json', 'package.json']);

    writeFileSync(join(project, 'consumer.ts'), CONSUMER);
    // Type-checked as strictly as an app would, with the DOM's fetch and no Node types.
    const compilerOptions = {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2023', 'dom'],
      types: [],
      outDir: 'out',
    };
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['consumer.ts'] }),
    );
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], {
      cwd: project,
    });
    const number = uniquePhoneNumber();
    const { stdout } = await run(process.execPath, ['out/consumer.js', api.url, number], {
      cwd: project,
    });
    expect(JSON.parse(stdout)).toEqual({
      registered: 'MATCH_SUCCESS',
      approved: 'MATCH_SUCCESS',
      result: 'MATCH_SUCCESS',
      idToken: 'string',
      problem: 400,
    });
  }, 240_000);
});
