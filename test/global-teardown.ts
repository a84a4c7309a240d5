import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default async function globalTeardown(): Promise<void> {
  const numbers = process.env.SIMAUTH_TEST_NUMBERS_DIR;
  if (numbers) rmSync(numbers, { recursive: true, force: true });
  const db = globalThis.__SIMAUTH_TEST_DB__;
  if (!db) return;
  await db.stop();
  rmSync(dirname(db.dir), { recursive: true, force: true });
}
