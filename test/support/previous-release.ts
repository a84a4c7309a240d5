import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const UPGRADING = join(ROOT, 'docs/operations/upgrading.md');

const git = (...args: string[]) =>
  execFileSync('git', ['-C', ROOT, ...args], {
    encoding: 'utf8',
    stdio: 'pipe',
    maxBuffer: 64 << 20,
  }).trim();

/** The previous release's commit, as docs/operations/upgrading.md records it. */
export function previousReleaseCommit(): string {
  const found = /The previous release is commit `([0-9a-f]{40})`/.exec(
    readFileSync(UPGRADING, 'utf8'),
  );
  if (!found)
    throw new Error(
      `${UPGRADING} records no previous release (a line "The previous release is commit \`<40 hex>\`")`,
    );
  return found[1];
}

/**
 * Fails loudly (never skips) when this clone cannot build `commit`: CI runs on a clone of main,
 * and a shallow one lacks the history the rolling-upgrade test builds from.
 */
export function requireHistory(commit: string): void {
  if (git('rev-parse', '--is-shallow-repository') === 'true')
    throw new Error(
      `this clone is shallow, so the previous release (${commit}) cannot be built from its history: ` +
        'clone without --depth, or run `git fetch --unshallow` first',
    );
  try {
    git('cat-file', '-e', `${commit}^{commit}`);
  } catch {
    throw new Error(
      `commit ${commit} (the previous release named in docs/operations/upgrading.md) is not in ` +
        "this clone's history: `git fetch origin main` first",
    );
  }
}

/** A lockfile's resolved dependencies, without the project's own version (which a release bumps). */
function dependenciesOf(lockfile: string): string {
  const lock = JSON.parse(lockfile);
  delete lock.version;
  if (lock.packages?.['']) delete lock.packages[''].version;
  return JSON.stringify(lock);
}

export interface PreviousRelease {
  commit: string;
  /** Its compiled api, to start with startApiProcess({ main }). */
  main: string;
  /** How its dependencies were had and how long it took, for the test's output. */
  notes: string[];
  remove(): void;
}

/**
 * Checks `commit` out in a temporary worktree and builds it as it builds itself (`npm run
 * build`). Its dependencies: this checkout's node_modules by symlink when the lockfiles resolve the
 * same dependencies (seconds), `npm ci` otherwise (minutes).
 */
export function buildPreviousRelease(commit: string): PreviousRelease {
  const root = mkdtempSync(join(tmpdir(), 'simauth-previous-'));
  chmodSync(root, 0o755);
  const dir = join(root, 'release');
  const notes: string[] = [];
  const remove = () => {
    try {
      git('worktree', 'remove', '--force', dir);
    } catch {
      // not added, or already gone
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    git('worktree', 'add', '--detach', dir, commit);
    let started = Date.now();
    if (
      dependenciesOf(git('show', `${commit}:package-lock.json`)) ===
      dependenciesOf(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'))
    ) {
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      notes.push(
        `same dependencies in package-lock.json: node_modules linked (${Date.now() - started} ms)`,
      );
    } else {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
      notes.push(`other dependencies in package-lock.json: npm ci took ${Date.now() - started} ms`);
    }
    started = Date.now();
    execFileSync('npm', ['run', 'build'], { cwd: dir, stdio: 'ignore' });
    notes.push(`npm run build took ${Date.now() - started} ms`);
  } catch (err) {
    remove();
    throw err;
  }
  return { commit, main: join(dir, 'dist/apps/api/src/main.js'), notes, remove };
}
