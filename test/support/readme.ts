import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const README = join(__dirname, '../../README.md');

/** The README as it is now. */
export const readme = (): string => readFileSync(README, 'utf8');

/** Where the README's relying-party configurations live; the tests run them on their own address. */
export const README_APP_ORIGIN = 'https://app.example';

/**
 * The client metadata the README registers for `clientId` (one line `{"client_id":"<id>",…}`),
 * with its app's origin moved to `origin` and its placeholder secret replaced by `secret`.
 */
export function readmeClient(
  clientId: string,
  origin: string,
  secret: string,
): Record<string, unknown> {
  const line = new RegExp(`\\{"client_id":"${clientId}".*\\}`).exec(readme())?.[0];
  if (!line) throw new Error(`the README registers no client ${clientId}`);
  const metadata = JSON.parse(line.split(README_APP_ORIGIN).join(origin)) as Record<
    string,
    unknown
  >;
  return { ...metadata, client_secret: secret };
}

/** True when `file` holds the README's first block fenced as `language`, verbatim. */
export function readmeBlockIsIn(language: string, file: string): boolean {
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme())?.[1];
  if (!block) throw new Error(`the README has no ${language} block`);
  return readFileSync(file, 'utf8').includes(block);
}
