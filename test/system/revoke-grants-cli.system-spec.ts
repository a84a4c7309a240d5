import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const CLI = join(__dirname, '../../dist/apps/api/src/cli/revoke-grants.js');

/** The compiled command's exit code and what it wrote to stderr. */
async function revokeGrants(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, [CLI, ...args]);
    return { code: 0, stderr: '' };
  } catch (err) {
    const failed = err as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('npm run grants:revoke', () => {
  it('refuses to run without --before, saying how to call it', async () => {
    expect(await revokeGrants()).toEqual({
      code: 1,
      stderr:
        'simauth grants:revoke: usage: npm run grants:revoke -- --before <time, ISO 8601 with its zone>\n',
    });
  });

  it('refuses a time without a zone, since a restore point is one instant', async () => {
    const { code, stderr } = await revokeGrants('--before', '2026-12-07T02:00:00');
    expect(code).toBe(1);
    expect(stderr).toContain('--before: 2026-12-07T02:00:00 is not an ISO 8601 time with a zone');
  });
});
