import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile as instructions: comments dropped, continued lines joined. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The build stages, each its FROM and the instructions after it; the last one is the image. */
function stages(all: Instruction[]): { from: string; name?: string; steps: Instruction[] }[] {
  const result: { from: string; name?: string; steps: Instruction[] }[] = [];
  for (const step of all) {
    if (step.keyword === 'FROM') {
      const [from, as, name] = step.args.split(/\s+/);
      result.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, steps: [] });
    } else {
      result[result.length - 1]?.steps.push(step);
    }
  }
  return result;
}

const dockerfile = instructions(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const built = stages(dockerfile);
const image = built[built.length - 1];
const finalSteps = (keyword: string) => image.steps.filter((s) => s.keyword === keyword);

describe('the Dockerfile (no engine runs here and Debian has no hadolint: its rules, checked)', () => {
  it('builds in stages and pins every base image by an exact version tag', () => {
    expect(built.length).toBeGreaterThanOrEqual(2);
    for (const stage of built) {
      expect(stage.from).toMatch(/^[a-z0-9./-]+:\d+\.\d+\.\d+[\w.-]*$/);
    }
  });

  it('installs dependencies with npm ci from the lock file, never npm install', () => {
    const runs = dockerfile.filter((s) => s.keyword === 'RUN').map((s) => s.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    for (const run of runs) expect(run).not.toMatch(/\bnpm (install|i|add)\b|\byarn add\b/);
  });

  it('puts only dist/, package.json and production dependencies (npm ci --omit=dev) in the image', () => {
    const copies = [...finalSteps('COPY'), ...finalSteps('ADD')].map((s) => s.args);
    expect(finalSteps('ADD')).toEqual([]);
    const sources = copies.map((args) => {
      const from = /--from=(\S+)/.exec(args)?.[1];
      const paths = args.split(/\s+/).filter((a) => !a.startsWith('--'));
      return { from, source: paths[0] };
    });
    // Nothing from the build context: the sources never reach the image.
    for (const { from } of sources) expect(from).toBeDefined();
    const byName = new Map(built.map((s) => [s.name, s]));
    for (const { from, source } of sources) {
      if (source === '/app/node_modules') {
        const deps = byName.get(from)!;
        const install = deps.steps.filter((s) => s.keyword === 'RUN').map((s) => s.args);
        expect(install.join(' ')).toMatch(/npm ci --omit=dev/);
        expect(deps.steps.some((s) => s.keyword === 'COPY' && /^\.\s/.test(s.args))).toBe(false);
      } else {
        expect(['/app/dist', '/app/package.json']).toContain(source);
      }
    }
    expect(sources.map((s) => s.source).sort()).toEqual([
      '/app/dist',
      '/app/node_modules',
      '/app/package.json',
    ]);
  });

  it('runs as a user that is not root, in production mode, without the sandbox', () => {
    const users = finalSteps('USER').map((s) => s.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    // After USER: nothing in the image runs as root at start.
    const lastUser = image.steps.findIndex((s) => s === finalSteps('USER').at(-1));
    expect(image.steps.slice(lastUser).filter((s) => s.keyword === 'RUN')).toEqual([]);
    const env = finalSteps('ENV').map((s) => s.args);
    expect(env).toContain('NODE_ENV=production');
    for (const e of env) expect(e).not.toMatch(/SANDBOX_/);
    expect(finalSteps('CMD')).toHaveLength(1);
    expect(JSON.parse(finalSteps('CMD')[0].args).at(-1)).toBe('dist/apps/api/src/main.js');
  });

  it("runs the api as npm run start:prod does, with the same node flags (the heap's limits)", () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    const command = JSON.parse(finalSteps('CMD')[0].args);
    expect(command).toEqual(scripts['start:prod'].split(/\s+/));
    expect(command).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]),
    );
    expect(scripts.start).toMatch(/npm run start:prod$/);
  });

  it('has a HEALTHCHECK on /health/ready', () => {
    const checks = finalSteps('HEALTHCHECK').map((s) => s.args);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatch(/CMD .*\/health\/ready/);
  });

  it('sets no secret through ENV or ARG', () => {
    const secretish = /(SECRET|PASSWORD|TOKEN|PRIVATE_KEY|ENCRYPTION_KEY|DATABASE_URL|CREDENTIAL)/i;
    for (const step of dockerfile.filter((s) => ['ENV', 'ARG'].includes(s.keyword))) {
      expect(step.args).not.toMatch(secretish);
    }
  });

  it('keeps node_modules, dist, .env, .data and .git out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', '.env', '.data', '.git']) {
      expect(ignored).toContain(entry);
    }
  });
});
