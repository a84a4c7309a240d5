// A tiny relying party: a web app that signs people in through simauth's OpenID Provider with
// openid-client (code flow + PKCE). Run simauth (`npm start`), then `npm run example:rp`, and open
// http://localhost:8080. In sandbox mode simauth registers the public client `simauth-demo` for it.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';

const ISSUER = process.env.SIMAUTH_URL ?? 'http://localhost:3000';
const CLIENT_ID = process.env.CLIENT_ID ?? 'simauth-demo';
const CLIENT_SECRET = process.env.CLIENT_SECRET; // unset: a public client (PKCE only)
const PORT = Number(process.env.PORT ?? 8080);
const BASE = `http://localhost:${PORT}`;

const config = await client.discovery(
  new URL(ISSUER),
  CLIENT_ID,
  CLIENT_SECRET,
  CLIENT_SECRET ? client.ClientSecretBasic(CLIENT_SECRET) : client.None(),
  // simauth on a laptop speaks plain HTTP; in production the issuer is https.
  ISSUER.startsWith('http://') ? { execute: [client.allowInsecureRequests] } : undefined,
);

/** Browser sessions of this demo, in memory: {verifier, state, nonce} while signing in, then tokens. */
const sessions = new Map();
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo app</title></head><body style="font-family:system-ui;max-width:40rem;margin:3rem auto">${body}</body></html>`;

createServer(async (req, res) => {
  const url = new URL(req.url, BASE);
  const sid = /(?:^|; )demo_sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const session = sid && sessions.get(sid);
  try {
    if (url.pathname === '/login') {
      const id = randomUUID();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      sessions.set(id, { verifier, state, nonce });
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: `${BASE}/callback`,
        scope: 'openid phone',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      res.writeHead(303, { location: target.href, 'set-cookie': `demo_sid=${id}; HttpOnly; SameSite=Lax; Path=/` });
      return res.end();
    }
    if (url.pathname === '/callback') {
      if (!session?.verifier) throw new Error('no sign-in in progress in this browser');
      const tokens = await client.authorizationCodeGrant(config, url, {
        pkceCodeVerifier: session.verifier,
        expectedState: session.state,
        expectedNonce: session.nonce,
      });
      sessions.set(sid, { tokens, claims: tokens.claims() });
      res.writeHead(303, { location: '/' });
      return res.end();
    }
    if (url.pathname === '/logout' && session?.tokens) {
      sessions.delete(sid);
      const end = client.buildEndSessionUrl(config, { id_token_hint: session.tokens.id_token });
      res.writeHead(303, { location: end.href });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (session?.claims) {
      const rows = Object.entries(session.claims)
        .map(([k, v]) => `<tr><td>${escape(k)}</td><td><code>${escape(JSON.stringify(v))}</code></td></tr>`)
        .join('');
      return res.end(page(`<h1>Signed in</h1><p>simauth says you hold the SIM of <b>${escape(session.claims.phone_number)}</b>.</p><table>${rows}</table><p><a href="/logout">Sign out</a></p>`));
    }
    return res.end(page(`<h1>Demo app</h1><p><a href="/login">Sign in with your phone</a> (through simauth at ${escape(ISSUER)})</p>`));
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(`<h1>Sign-in failed</h1><p>${escape(err.error ?? '')} ${escape(err.error_description ?? err.message)}</p><p><a href="/">Back</a></p>`));
  }
}).listen(PORT, () => console.log(`demo app on ${BASE} (client ${CLIENT_ID} of ${ISSUER})`));
