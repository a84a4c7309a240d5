import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The guide that shows the configurations of other software (relying parties) the tests run. */
const WEB_APPS_GUIDE = join(__dirname, '../../docs/guide/web-apps.md');

/** docs/guide/web-apps.md as it is now (the README's guide to web apps). */
export const readme = (): string => readFileSync(WEB_APPS_GUIDE, 'utf8');

/** Where the guide's relying-party configurations live; the tests run them on their own address. */
export const README_APP_ORIGIN = 'https://app.example';

/**
 * The client metadata the web-apps guide registers for `clientId` (one line
 * `{"client_id":"<id>",…}`), with its app's origin moved to `origin` and its placeholder secret
 * replaced by `secret`.
 */
export function readmeClient(
  clientId: string,
  origin: string,
  secret: string,
): Record<string, unknown> {
  const line = new RegExp(`\\{"client_id":"${clientId}".*\\}`).exec(readme())?.[0];
  if (!line) throw new Error(`docs/guide/web-apps.md registers no client ${clientId}`);
  const metadata = JSON.parse(line.split(README_APP_ORIGIN).join(origin)) as Record<
    string,
    unknown
  >;
  return { ...metadata, client_secret: secret };
}

/** True when `file` holds the web-apps guide's first block fenced as `language`, verbatim. */
export function readmeBlockIsIn(language: string, file: string): boolean {
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme())?.[1];
  if (!block) throw new Error(`docs/guide/web-apps.md has no ${language} block`);
  return readFileSync(file, 'utf8').includes(block);
}
