// `npm run -s events:export -- [--since TIME] [--after CURSOR] [--phone-numbers] [--url URL] [--out FILE]`
// Copies simauth's audit trail (GET /admin/v1/events) as JSON lines, page after page, until it
// has everything committed so far; then prints on stderr the cursor to resume from next time.
// It signs in as an operators' client (client_credentials, scope simauth:admin) with openid-client:
// SIMAUTH_ADMIN_CLIENT_ID and SIMAUTH_ADMIN_CLIENT_SECRET.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import * as client from 'openid-client';

const PAGE = 10000;
const usage =
  'usage: npm run -s events:export -- [--since 2026-11-01T00:00:00Z] [--after CURSOR] [--phone-numbers] [--url http://localhost:3000] [--out FILE]';

function fail(message) {
  process.stderr.write(`events:export: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      since: { type: 'string' },
      after: { type: 'string' },
      'phone-numbers': { type: 'boolean', default: false },
      url: { type: 'string', default: process.env.SIMAUTH_URL ?? 'http://localhost:3000' },
      out: { type: 'string' },
    },
  }).values;
} catch (err) {
  fail(`${err.message}\n${usage}`);
}
const clientId = process.env.SIMAUTH_ADMIN_CLIENT_ID;
const clientSecret = process.env.SIMAUTH_ADMIN_CLIENT_SECRET;
if (!clientId || !clientSecret)
  fail(`set SIMAUTH_ADMIN_CLIENT_ID and SIMAUTH_ADMIN_CLIENT_SECRET (a client with the client_credentials grant and the simauth:admin scope)\n${usage}`);
if (args.since && Number.isNaN(Date.parse(args.since))) fail(`--since must be an ISO 8601 time\n${usage}`);

const issuer = new URL(args.url);
const insecure = issuer.protocol === 'http:';
if (insecure && !['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname))
  process.stderr.write(`events:export: warning: ${issuer.origin} is plain HTTP; use https beyond this machine\n`);

let token;
try {
  const server = await client.discovery(
    issuer,
    clientId,
    clientSecret,
    client.ClientSecretBasic(clientSecret),
    insecure ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  const scope = args['phone-numbers'] ? 'simauth:admin simauth:admin:phone_numbers' : 'simauth:admin';
  token = (await client.clientCredentialsGrant(server, { scope })).access_token;
} catch (err) {
  fail(`could not get an admin token from ${issuer.origin}: ${err.error_description ?? err.message}`);
}

const out = args.out ? createWriteStream(args.out, { flags: 'a' }) : process.stdout;
let cursor = args.after;
let total = 0;
for (;;) {
  const url = new URL('/admin/v1/events', issuer);
  url.searchParams.set('limit', String(PAGE));
  if (cursor) url.searchParams.set('after', cursor);
  if (args.since) url.searchParams.set('since', new Date(args.since).toISOString());
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    fail(`${res.status} from ${url.pathname}: ${problem.detail ?? problem.title ?? res.statusText}`);
  }
  const lines = (await res.text()).split('\n').filter(Boolean);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  total += lines.length;
  if (lines.length) cursor = JSON.parse(lines[lines.length - 1]).cursor;
  if (lines.length < PAGE) break;
}
if (out !== process.stdout) await new Promise((resolve) => out.end(resolve));
process.stderr.write(
  `events:export: ${total} events${cursor ? `; next time: --after ${cursor}` : ''}\n`,
);
