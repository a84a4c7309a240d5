// A relying party on Express + Passport with passport-openidconnect 0.1.2 exactly as published.
//
// That strategy does not check the id_token's signature: it trusts the id_token because it came in
// the token endpoint's answer (the back channel: https to simauth, authenticated with the client
// secret), never through the browser. It does not send PKCE either, so simauth registers it with
// "require_pkce": false, which it allows only for a confidential client that sends a nonce
// (nonce: true below). A client that can do PKCE and check signatures should (examples/rp).
//
//   SIMAUTH_URL=http://localhost:3000 CLIENT_ID=passport-app CLIENT_SECRET=… PORT=8083 \
//     APP_URL=http://localhost:8083 node examples/passport/server.mjs   (redirect URI: APP_URL/callback)
import { randomBytes } from 'node:crypto';
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as OpenIDConnectStrategy } from 'passport-openidconnect';

const SIMAUTH_URL = process.env.SIMAUTH_URL ?? 'http://localhost:3000';
const CLIENT_ID = process.env.CLIENT_ID ?? 'passport-app';
const CLIENT_SECRET = process.env.CLIENT_SECRET;
const PORT = Number(process.env.PORT ?? 8083);
const BASE = (process.env.APP_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, '');

passport.use(
  new OpenIDConnectStrategy(
    {
      issuer: SIMAUTH_URL,
      authorizationURL: `${SIMAUTH_URL}/oidc/auth`,
      tokenURL: `${SIMAUTH_URL}/oidc/token`,
      userInfoURL: `${SIMAUTH_URL}/oidc/me`,
      clientID: CLIENT_ID,
      clientSecret: CLIENT_SECRET, // sent in the token request's body: client_secret_post
      callbackURL: `${BASE}/callback`,
      scope: ['phone'],
      nonce: true,
      skipUserProfile: false, // read userinfo with the access token: it holds phone_number
    },
    // The library's full signature: userinfo's JSON, and the id_token's context (amr, acr).
    (issuer, userinfo, idProfile, context, idToken, accessToken, refreshToken, params, done) =>
      done(null, {
        sub: idProfile.id,
        phone_number: userinfo._json.phone_number,
        amr: context.methods,
      }),
  ),
);
passport.serializeUser((user, done) => done(null, user));
passport.deserializeUser((user, done) => done(null, user));

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Passport app</title></head><body style="font-family:system-ui;max-width:40rem;margin:3rem auto">${body}</body></html>`;

const app = express();
app.use(
  session({
    secret: process.env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax' },
  }),
);
app.use(passport.session());

app.get('/login', passport.authenticate('openidconnect'));
app.get(
  '/callback',
  passport.authenticate('openidconnect', { failureRedirect: '/failed', failureMessage: true }),
  (_req, res) => res.redirect('/'),
);
app.get('/failed', (req, res) => {
  const messages = req.session.messages ?? [];
  res
    .status(403)
    .send(page(`<h1>Sign-in failed</h1><p id="error">${escape(messages.join(' '))}</p>`));
});
app.get('/', (req, res) => {
  if (req.user) {
    return res.send(
      page(
        `<h1>Signed in</h1><p>simauth says you hold the SIM of <b id="phone_number">${escape(req.user.phone_number)}</b>` +
          ` (<span id="amr">${escape(req.user.amr?.join(' '))}</span>).</p><p>User <code id="sub">${escape(req.user.sub)}</code></p>`,
      ),
    );
  }
  res.send(
    page(
      `<h1>Passport app</h1><p><a href="/login">Sign in with your phone</a> (through simauth at ${escape(SIMAUTH_URL)})</p>`,
    ),
  );
});
// A token endpoint refusal or a broken answer: its OAuth error code, never a stack trace.
app.use((err, _req, res, _next) => {
  res
    .status(500)
    .send(page(`<h1>Sign-in failed</h1><p id="error">${escape(err.code ?? err.name)}</p>`));
});

app.listen(PORT, '127.0.0.1', () =>
  console.log(`passport app on ${BASE} (client ${CLIENT_ID} of ${SIMAUTH_URL})`),
);
