import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import globalSetup from '../global-setup';

/** The system tests run the compiled app as real processes: build it once, then the database. */
export default async function systemGlobalSetup(): Promise<void> {
  execFileSync('npm', ['run', 'build'], { cwd: join(__dirname, '../..'), stdio: 'ignore' });
  await globalSetup();
}
