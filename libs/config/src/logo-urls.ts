import { readFileSync } from 'node:fs';

const EXAMPLE = 'https://bank.example/logo.png';

/**
 * What is wrong with a logo's URL (BRAND_LOGO_URL, a client's `logo_uri`), if anything, said
 * after `name`: https only, so nobody on the path can swap the image simauth serves as its own,
 * and no user name or password in it (the URL is logged when a fetch fails). The value itself is
 * never echoed.
 */
export function logoUrlProblem(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return `${name} must be an https URL written as a string`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} is not a URL: write it whole, e.g. ${EXAMPLE}`;
  }
  if (url.protocol !== 'https:')
    return `${name} must be an https URL (${EXAMPLE}), not ${url.protocol.replace(':', '')}`;
  if (url.username || url.password)
    return `${name} must not carry a user name or password: serve the logo publicly`;
  return undefined;
}

/**
 * LOGO_CA_FILE's certificates (development and tests: a test's self-signed logo server), or a
 * problem when the file cannot be read or holds no certificate.
 */
export function readLogoCa(file: string | undefined, problems: string[]): string | undefined {
  if (!file) return undefined;
  try {
    const pem = readFileSync(file, 'utf8');
    if (pem.includes('-----BEGIN CERTIFICATE-----')) return pem;
    problems.push('LOGO_CA_FILE holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  } catch (err) {
    problems.push(`LOGO_CA_FILE cannot be read (${(err as NodeJS.ErrnoException).code})`);
  }
  return undefined;
}
