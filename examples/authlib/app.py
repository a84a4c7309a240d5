#!/usr/bin/python3
"""A relying party on Python's Authlib (Debian's python3-authlib, python3-requests): a small web
app that signs people in through simauth with the authorization code flow and PKCE, checks the
id_token against simauth's JWKS, reads userinfo, refreshes (simauth rotates refresh tokens) and
revokes. Nothing here knows simauth beyond its discovery document.

    SIMAUTH_URL=http://localhost:3000 CLIENT_ID=authlib-app CLIENT_SECRET=… PORT=8082 \
        APP_URL=http://localhost:8082 /usr/bin/python3 examples/authlib/app.py

then open APP_URL and press "Sign in with your phone" (APP_URL/callback is the redirect URI).
"""
import html
import json
import os
import secrets
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, jwt
from authlib.oidc.core import CodeIDToken, IDToken

SIMAUTH_URL = os.environ.get("SIMAUTH_URL", "http://localhost:3000").rstrip("/")
CLIENT_ID = os.environ["CLIENT_ID"]
CLIENT_SECRET = os.environ["CLIENT_SECRET"]
PORT = int(os.environ.get("PORT", "8082"))
BASE = os.environ.get("APP_URL", f"http://localhost:{PORT}").rstrip("/")
REDIRECT_URI = f"{BASE}/callback"

# Browser sessions of this app, in memory: {state, verifier, nonce} while signing in, then results.
sessions = {}


def provider():
    """simauth's discovery document and key set (a real app caches them)."""
    metadata = requests.get(f"{SIMAUTH_URL}/.well-known/openid-configuration", timeout=5).json()
    keys = JsonWebKey.import_key_set(requests.get(metadata["jwks_uri"], timeout=5).json())
    return metadata, keys


def client(**kwargs):
    return OAuth2Session(
        CLIENT_ID,
        CLIENT_SECRET,
        token_endpoint_auth_method="client_secret_basic",
        scope="openid phone offline_access",
        redirect_uri=REDIRECT_URI,
        code_challenge_method="S256",
        **kwargs,
    )


def check_id_token(id_token, metadata, keys, **params):
    """The id_token's signature against the JWKS, then iss, aud, exp, iat, nonce, at_hash."""
    claims = jwt.decode(
        id_token,
        keys,
        claims_cls=CodeIDToken if "nonce" in params else IDToken,
        claims_options={
            "iss": {"essential": True, "value": metadata["issuer"]},
            "aud": {"essential": True, "value": CLIENT_ID},
        },
        claims_params={"client_id": CLIENT_ID, **params},
    )
    claims.validate(leeway=5)
    return dict(claims)


def sign_in_started():
    metadata, _ = provider()
    verifier = generate_token(48)
    nonce = generate_token(24)
    # OpenID Connect grants offline_access (a refresh token) only with prompt=consent.
    url, state = client().create_authorization_url(
        metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce, prompt="consent"
    )
    return url, {"state": state, "verifier": verifier, "nonce": nonce}


def signed_in(pending, callback_url):
    metadata, keys = provider()
    rp = client(state=pending["state"])
    token = rp.fetch_token(
        metadata["token_endpoint"],
        authorization_response=callback_url,
        code_verifier=pending["verifier"],
    )
    claims = check_id_token(
        token["id_token"], metadata, keys, nonce=pending["nonce"], access_token=token["access_token"]
    )
    userinfo = rp.get(metadata["userinfo_endpoint"], timeout=5).json()

    # Refresh: simauth answers with a new refresh token (rotation) and a fresh id_token.
    refreshed = rp.refresh_token(metadata["token_endpoint"], refresh_token=token["refresh_token"])
    refreshed_claims = check_id_token(refreshed["id_token"], metadata, keys)
    # Sign out: revoke the refresh token; simauth ends the grant with it.
    revoked = rp.revoke_token(
        metadata["revocation_endpoint"],
        token=refreshed["refresh_token"],
        token_type_hint="refresh_token",
    )

    def refresh_refused(refresh_token):
        try:
            client().refresh_token(metadata["token_endpoint"], refresh_token=refresh_token)
            return None
        except AuthlibBaseError as err:
            return err.error

    return {
        "id_token_claims": claims,
        "userinfo": userinfo,
        "refresh_token_rotated": refreshed["refresh_token"] != token["refresh_token"],
        "refreshed_id_token_sub": refreshed_claims["sub"],
        "revocation_status": revoked.status_code,
        "revoked_refresh_token_refused": refresh_refused(refreshed["refresh_token"]),
        "first_refresh_token_refused": refresh_refused(token["refresh_token"]),
        "access_token_after_revocation": requests.get(
            metadata["userinfo_endpoint"],
            headers={"authorization": f"Bearer {refreshed['access_token']}"},
            timeout=5,
        ).status_code,
    }


def page(body):
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authlib app</title>'
        f'</head><body style="font-family:system-ui;max-width:48rem;margin:3rem auto">{body}</body></html>'
    )


class App(BaseHTTPRequestHandler):
    def do_GET(self):
        sid = self.headers.get("cookie", "").partition("authlib_sid=")[2].split(";")[0]
        try:
            if self.path == "/login":
                url, pending = sign_in_started()
                sid = secrets.token_urlsafe(24)
                sessions[sid] = pending
                return self.answer(303, "", url, f"authlib_sid={sid}; HttpOnly; SameSite=Lax; Path=/")
            if self.path.startswith("/callback"):
                pending = sessions.pop(sid, None)
                if not pending or "state" not in pending:
                    raise AuthlibBaseError("no_sign_in", "no sign-in in progress in this browser")
                # A denial on the phone (or Cancel on simauth's page) comes back as an OAuth error.
                refused = parse_qs(urlsplit(self.path).query).get("error")
                if refused:
                    raise AuthlibBaseError(refused[0])
                sessions[sid] = signed_in(pending, BASE + self.path)
                return self.answer(303, "", "/")
            done = sessions.get(sid)
            if done and "userinfo" in done:
                return self.answer(
                    200,
                    page(
                        "<h1>Signed in</h1><p>simauth says you hold the SIM of "
                        f"<b id=\"phone_number\">{html.escape(done['userinfo']['phone_number'])}</b>.</p>"
                        f'<pre id="result">{html.escape(json.dumps(done, indent=2))}</pre>'
                    ),
                )
            return self.answer(200, page('<h1>Authlib app</h1><p><a href="/login">Sign in with your phone</a></p>'))
        except AuthlibBaseError as err:
            return self.answer(
                400,
                page(f'<h1>Sign-in failed</h1><p id="error">{html.escape(err.error or "")}</p>'),
            )

    def answer(self, status, body, location=None, cookie=None):
        self.send_response(status)
        self.send_header("content-type", "text/html; charset=utf-8")
        if location:
            self.send_header("location", location)
        if cookie:
            self.send_header("set-cookie", cookie)
        data = body.encode()
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", PORT), App)
print(f"authlib app on {BASE} (client {CLIENT_ID} of {SIMAUTH_URL})", flush=True)
server.serve_forever()
