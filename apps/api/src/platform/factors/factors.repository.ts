import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type FactorType = 'truid' | 'totp';
type FactorStatus = 'PENDING' | 'ACTIVE' | 'INACTIVE';

export interface Factor {
  id: string;
  userId: string;
  type: FactorType;
  status: FactorStatus;
  providerFactorId: string | null;
  secretCiphertext: Buffer | null;
  lastTimeStep: number | null;
  failedCodes: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

interface FactorRow {
  id: string;
  user_id: string;
  type: FactorType;
  status: FactorStatus;
  provider_factor_id: string | null;
  secret_ciphertext: Buffer | null;
  last_time_step: string | null;
  failed_codes: number;
  locked_until: Date | null;
  created_at: Date;
}

const toFactor = (r: FactorRow): Factor => ({
  id: r.id,
  userId: r.user_id,
  type: r.type,
  status: r.status,
  providerFactorId: r.provider_factor_id,
  secretCiphertext: r.secret_ciphertext,
  lastTimeStep: r.last_time_step === null ? null : Number(r.last_time_step),
  failedCodes: r.failed_codes,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

/** Authenticator factors of users: local TOTP seeds (encrypted) or tru.ID factor ids. */
@Injectable()
export class FactorsRepository {
  constructor(private readonly db: DataSource) {}

  async insert(
    f: {
      id: string;
      userId: string;
      type: FactorType;
      providerFactorId?: string;
      secretCiphertext?: Buffer;
    },
    tx?: EntityManager,
  ): Promise<void> {
    await (tx ?? this.db).query(
      `INSERT INTO factors (id, user_id, type, status, provider_factor_id, secret_ciphertext)
       VALUES ($1, $2, $3, 'PENDING', $4, $5)`,
      [f.id, f.userId, f.type, f.providerFactorId ?? null, f.secretCiphertext ?? null],
    );
  }

  async find(id: string): Promise<Factor | undefined> {
    const rows: FactorRow[] = await this.db.query('SELECT * FROM factors WHERE id = $1', [id]);
    return rows[0] && toFactor(rows[0]);
  }

  async listByUser(userId: string): Promise<Factor[]> {
    const rows: FactorRow[] = await this.db.query(
      'SELECT * FROM factors WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
    return rows.map(toFactor);
  }

  async activate(id: string, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query(
      `UPDATE factors SET status = 'ACTIVE', failed_codes = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /**
   * Takes one of the factor's `max` tries before a code is evaluated, counting it as wrong until
   * it proves right: the check and the count are one statement, so however many requests race,
   * at most `max` codes in a row are ever evaluated. None while the factor is locked; a lapsed
   * lock starts a new run. Returns whether a try was taken.
   */
  async takeTry(id: string, max: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH f AS (
         UPDATE factors
            SET failed_codes = CASE WHEN locked_until <= now() THEN 1 ELSE failed_codes + 1 END,
                locked_until = CASE WHEN locked_until <= now() THEN NULL ELSE locked_until END,
                updated_at = now()
          WHERE id = $1
            AND (locked_until <= now() OR (locked_until IS NULL AND failed_codes < $2))
          RETURNING id
       ) SELECT id FROM f`,
      [id, max],
    );
    return rows.length === 1;
  }

  /**
   * A try proved wrong: once `max` are counted in a row, the factor locks for `lockSeconds`.
   * Returns when the factor is locked until, if this call locked it.
   */
  async recordFailure(id: string, max: number, lockSeconds: number): Promise<Date | null> {
    const rows: { locked_until: Date }[] = await this.db.query(
      `WITH f AS (
         UPDATE factors SET locked_until = now() + make_interval(secs => $3), updated_at = now()
          WHERE id = $1 AND failed_codes >= $2 AND locked_until IS NULL
          RETURNING locked_until
       ) SELECT locked_until FROM f`,
      [id, max, lockSeconds],
    );
    return rows[0]?.locked_until ?? null;
  }

  /** A right code: the run of failures (and any lock it caused meanwhile) is over. */
  async resetFailures(id: string): Promise<void> {
    await this.db.query(
      `UPDATE factors SET failed_codes = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /**
   * Records that tru.ID accepted `codeHash` for this factor, until `windowSeconds` from now;
   * false when it was already accepted within its window (a replay, or a race with the same
   * code). Prunes the factor's expired codes in the same statement.
   */
  async useCode(id: string, codeHash: Buffer, windowSeconds: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH pruned AS (
         DELETE FROM factor_code_uses
          WHERE factor_id = $1 AND expires_at <= now() AND code_hash <> $2
       ), used AS (
         INSERT INTO factor_code_uses (factor_id, code_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(secs => $3))
         ON CONFLICT (factor_id, code_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at
          WHERE factor_code_uses.expires_at <= now()
         RETURNING factor_id
       ) SELECT factor_id FROM used`,
      [id, codeHash, windowSeconds],
    );
    return rows.length === 1;
  }

  /**
   * Accepts TOTP time step `step` only if it is newer than any accepted before: each code is
   * single use, even against a concurrent request with the same code.
   */
  async acceptTimeStep(id: string, step: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH f AS (
         UPDATE factors SET last_time_step = $2, updated_at = now()
          WHERE id = $1 AND (last_time_step IS NULL OR last_time_step < $2) RETURNING id
       ) SELECT id FROM f`,
      [id, step],
    );
    return rows.length === 1;
  }

  async hasReceipt(tx: EntityManager | undefined, signatureHash: Buffer): Promise<boolean> {
    const rows: unknown[] = await (tx ?? this.db).query(
      `WITH r AS (
         INSERT INTO callback_receipts (signature_hash) VALUES ($1) ON CONFLICT DO NOTHING RETURNING signature_hash
       ) SELECT signature_hash FROM r`,
      [signatureHash],
    );
    return rows.length === 0;
  }

  /**
   * In `tx`: deletes a factor (with `userId`, only if it is that user's); what it was, or
   * undefined for an unknown factor.
   */
  async delete(
    id: string,
    tx: EntityManager,
    userId?: string,
  ): Promise<{ userId: string; type: FactorType; status: FactorStatus } | undefined> {
    const rows: { user_id: string; type: FactorType; status: FactorStatus }[] = await tx.query(
      `WITH f AS (
         DELETE FROM factors WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2)
         RETURNING user_id, type, status
       ) SELECT * FROM f`,
      [id, userId ?? null],
    );
    return rows[0] && { userId: rows[0].user_id, type: rows[0].type, status: rows[0].status };
  }
}
