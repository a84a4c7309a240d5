import type { AttemptRecord, AttemptSummary } from '@simauth/attempts';
import type { CircuitView } from '@simauth/providers';
import type { Factor } from '../../../platform/factors/factors.repository';
import type { DeviceRecord, UserRecord } from '../../../platform/identity/accounts.service';
import type { AccountGrant, AccountSession } from '../../oidc/oidc-provider-records';

/** A user as the admin API answers it. */
export interface AdminUser {
  user_id: string;
  phone_number: string;
  blocked: boolean;
  blocked_at: Date | null;
  created_at: Date;
}

export const toUserResponse = (u: UserRecord): AdminUser => ({
  user_id: u.id,
  phone_number: u.phoneNumber,
  blocked: u.blockedAt !== null,
  blocked_at: u.blockedAt,
  created_at: u.createdAt,
});

export const toDeviceResponse = (d: DeviceRecord) => ({
  device_id: d.id,
  client_device_id: d.clientDeviceId,
  proven_by: d.provenBy,
  registered_at: d.registeredAt,
  has_push_token: d.hasPushToken,
});

export const toFactorResponse = (f: Factor) => ({
  factor_id: f.id,
  type: f.type,
  status: f.status,
  created_at: f.createdAt,
});

/** An attempt in a user's recent list. */
export const toRecentAttemptResponse = (a: AttemptSummary) => ({
  attempt_id: a.id,
  kind: a.kind,
  status: a.status,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

/** An attempt in a search's page. */
export const toAttemptResponse = (a: AttemptSummary) => ({
  attempt_id: a.id,
  kind: a.kind,
  status: a.status,
  user_id: a.userId,
  phone_number: a.phoneNumber,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

/**
 * An attempt with every move it made. `provider`: the provider its latest move naming one
 * recorded (the SIM proof's, after any failover), null when none did.
 */
export const toAttemptHistoryResponse = (a: AttemptRecord) => ({
  attempt_id: a.id,
  kind: a.kind,
  status: a.status,
  user_id: a.userId,
  phone_number: a.phoneNumber,
  provider: a.moves.findLast((m) => m.provider !== null)?.provider ?? null,
  result: a.result,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
  expires_at: a.expiresAt,
  events: a.moves.map((m) => ({
    from_status: m.fromStatus,
    to_status: m.toStatus,
    actor: m.actor,
    reason: m.reason,
    request_id: m.requestId,
    provider: m.provider,
    created_at: m.createdAt,
  })),
});

export const toSessionResponse = (s: AccountSession) => ({
  // The session's uid: its id is the browser's cookie, and is never shown.
  session_id: s.uid,
  signed_in_at: s.signedInAt,
  expires_at: s.expiresAt,
  acr: s.acr,
  amr: s.amr,
  clients: s.clientIds,
});

export const toGrantResponse = (g: AccountGrant) => ({
  grant_id: g.id,
  client_id: g.clientId,
  scope: g.scope,
  granted_at: g.grantedAt,
  expires_at: g.expiresAt,
  has_refresh_token: g.hasRefreshToken,
});

/** A provider client's circuit breaker on this replica. */
export const toCircuitResponse = (c: CircuitView) => ({
  provider: c.provider,
  feature: c.feature,
  client: c.client,
  state: c.state,
  consecutive_failures: c.consecutiveFailures,
  open_until: c.openUntil ?? null,
});
