import { Injectable } from '@nestjs/common';
import type { AdapterPayload } from 'oidc-provider';
import { DataSource } from 'typeorm';

/*
 * The one place that knows what oidc-provider's models hold (the payloads it saves, kept as jsonb
 * in oidc_models): the adapter takes its lookup keys and consumed marks from here, and the
 * operators read and revoke sessions and grants through OidcProviderRecords. When an upgrade of
 * the library changes a model's shape, this file is what changes.
 */

/** The keys the adapter looks a model up by besides its id, from the model's payload. */
export function lookupKeysOf(payload: AdapterPayload): {
  grantId: string | null;
  uid: string | null;
  userCode: string | null;
} {
  return {
    grantId: payload.grantId ?? null,
    uid: payload.uid ?? null,
    userCode: payload.userCode ?? null,
  };
}

/** A stored payload as the library reads it back: consumed ones say when (epoch seconds). */
export function asFound(payload: AdapterPayload, consumedAt: Date | null): AdapterPayload {
  return consumedAt ? { ...payload, consumed: Math.floor(consumedAt.getTime() / 1000) } : payload;
}

/** A browser session at the OpenID Provider, and the apps signed in through it. */
export interface AccountSession {
  /** The session's uid: its id is the browser's cookie, and is never shown. */
  uid: string;
  signedInAt: Date | null;
  expiresAt: Date | null;
  acr: string | null;
  amr: string[] | null;
  clientIds: string[];
}

/** What an app may do on an account's behalf. */
export interface AccountGrant {
  id: string;
  clientId: string;
  scope: string | null;
  grantedAt: Date | null;
  expiresAt: Date | null;
  hasRefreshToken: boolean;
}

/** oidc-provider's Session payload, the parts read here. */
interface SessionPayload {
  uid: string;
  loginTs?: number;
  acr?: string;
  amr?: string[];
  authorizations?: Record<string, { grantId?: string }>;
}

/** oidc-provider's Grant payload, the parts read here. */
interface GrantPayload {
  clientId: string;
  iat?: number;
  openid?: { scope?: string };
}

const fromEpoch = (seconds?: number) => (seconds === undefined ? null : new Date(seconds * 1000));

/** An account's sessions and grants at the OpenID Provider, read and revoked in Postgres. */
@Injectable()
export class OidcProviderRecords {
  constructor(private readonly db: DataSource) {}

  /** The account's browser sessions, oldest first. */
  async sessionsOf(accountId: string): Promise<AccountSession[]> {
    const rows: { payload: SessionPayload; expires_at: Date | null }[] = await this.db.query(
      `SELECT payload, expires_at FROM oidc_models
        WHERE model = 'Session' AND payload ->> 'accountId' = $1 ORDER BY payload ->> 'iat'`,
      [accountId],
    );
    return rows.map(({ payload, expires_at }) => ({
      uid: payload.uid,
      signedInAt: fromEpoch(payload.loginTs),
      expiresAt: expires_at,
      acr: payload.acr ?? null,
      amr: payload.amr ?? null,
      clientIds: Object.keys(payload.authorizations ?? {}),
    }));
  }

  /** The account's grants, oldest first, each saying whether a refresh token was issued under it. */
  async grantsOf(accountId: string): Promise<AccountGrant[]> {
    const rows: {
      id: string;
      payload: GrantPayload;
      expires_at: Date | null;
      refresh: boolean;
    }[] = await this.db.query(
      `SELECT g.id, g.payload, g.expires_at,
              EXISTS (SELECT 1 FROM oidc_models r
                       WHERE r.grant_id = g.id AND r.model = 'RefreshToken') AS refresh
         FROM oidc_models g
        WHERE g.model = 'Grant' AND g.payload ->> 'accountId' = $1 ORDER BY g.payload ->> 'iat'`,
      [accountId],
    );
    return rows.map(({ id, payload, expires_at, refresh }) => ({
      id,
      clientId: payload.clientId,
      scope: payload.openid?.scope ?? null,
      grantedAt: fromEpoch(payload.iat),
      expiresAt: expires_at,
      hasRefreshToken: refresh,
    }));
  }

  /**
   * Ends the session with this uid and revokes the grants given through it, with every token
   * issued under them, in one statement. Whether the session existed.
   */
  async endSession(uid: string): Promise<boolean> {
    const [row]: { sessions: number }[] = await this.db.query(
      `WITH s AS (
         DELETE FROM oidc_models WHERE model = 'Session' AND uid = $1 RETURNING payload
       ), g AS (
         SELECT a.value ->> 'grantId' AS grant_id
           FROM s, jsonb_each(COALESCE(s.payload -> 'authorizations', '{}'::jsonb)) AS a
       ), revoked AS (
         DELETE FROM oidc_models m USING g
          WHERE m.grant_id = g.grant_id OR (m.model = 'Grant' AND m.id = g.grant_id)
         RETURNING 1
       ) SELECT count(*)::int AS sessions FROM s`,
      [uid],
    );
    return row.sessions > 0;
  }

  /** Revokes a grant with every token issued under it (refresh tokens included). Whether it existed. */
  async revokeGrant(grantId: string): Promise<boolean> {
    const [row]: { grants: number }[] = await this.db.query(
      `WITH d AS (
         DELETE FROM oidc_models
          WHERE (model = 'Grant' AND id = $1) OR grant_id = $1
         RETURNING model
       ) SELECT count(*) FILTER (WHERE model = 'Grant')::int AS grants FROM d`,
      [grantId],
    );
    return row.grants > 0;
  }

  /**
   * After a restore: revokes every grant given before `before` with every token issued under it,
   * ends the sessions begun before it, and drops the admin API's tokens issued before it; what
   * was given in `before`'s own second goes too (the library keeps whole seconds). What it removed.
   */
  async revokeGivenBefore(
    before: Date,
  ): Promise<{ grants: number; sessions: number; adminTokens: number }> {
    const [row]: { grants: number; sessions: number; admin_tokens: number }[] = await this.db.query(
      `WITH g AS (
         SELECT id FROM oidc_models
          WHERE model = 'Grant' AND (payload ->> 'iat')::bigint <= $1
       ), d AS (
         DELETE FROM oidc_models m
          WHERE (m.model = 'Grant' AND m.id IN (SELECT id FROM g))
             OR m.grant_id IN (SELECT id FROM g)
             OR (m.model IN ('Session', 'ClientCredentials') AND (m.payload ->> 'iat')::bigint <= $1)
         RETURNING m.model
       ) SELECT count(*) FILTER (WHERE model = 'Grant')::int AS grants,
                count(*) FILTER (WHERE model = 'Session')::int AS sessions,
                count(*) FILTER (WHERE model = 'ClientCredentials')::int AS admin_tokens
           FROM d`,
      [Math.floor(before.getTime() / 1000)],
    );
    return { grants: row.grants, sessions: row.sessions, adminTokens: row.admin_tokens };
  }
}
