import { AttemptKind } from './attempt-kind';

/** One login-attempt row, as services see it. */
export interface Attempt<S extends string = string> {
  id: string;
  kind: AttemptKind;
  status: S;
  isFinal: boolean;
  phoneNumber: string | null;
  userId: string | null;
  deviceId: string | null;
  providerRef: string | null;
  context: Record<string, unknown>;
  result: Record<string, unknown> | null;
  version: number;
  expiresAt: Date;
  /** Set while a process works on an in-flight step (a provider call after a move). */
  leaseUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AttemptRow {
  id: string;
  kind: AttemptKind;
  status: string;
  is_final: boolean;
  phone_number: string | null;
  user_id: string | null;
  device_id: string | null;
  provider_ref: string | null;
  context: Record<string, unknown>;
  result: Record<string, unknown> | null;
  version: number;
  expires_at: Date;
  lease_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toAttempt<S extends string>(row: AttemptRow): Attempt<S> {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as S,
    isFinal: row.is_final,
    phoneNumber: row.phone_number,
    userId: row.user_id,
    deviceId: row.device_id,
    providerRef: row.provider_ref,
    context: row.context,
    result: row.result,
    version: row.version,
    expiresAt: row.expires_at,
    leaseUntil: row.lease_until ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What a LISTEN subscriber receives for every committed change. */
export interface AttemptChange {
  id: string;
  kind: AttemptKind;
  status: string;
  version: number;
  expires_at: string;
}
