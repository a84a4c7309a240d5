import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type FactorType = 'truid' | 'totp';
export type FactorStatus = 'PENDING' | 'ACTIVE' | 'INACTIVE';

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
   * Records a wrong code; the `max`-th in a row locks the factor for `lockSeconds`.
   * Returns when the factor is locked until, if it now is.
   */
  async recordFailure(id: string, max: number, lockSeconds: number): Promise<Date | null> {
    const rows: { locked_until: Date | null }[] = await this.db.query(
      `WITH f AS (
         UPDATE factors
            SET failed_codes = CASE WHEN failed_codes + 1 >= $2 THEN 0 ELSE failed_codes + 1 END,
                locked_until = CASE WHEN failed_codes + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END,
                updated_at = now()
          WHERE id = $1 RETURNING locked_until
       ) SELECT locked_until FROM f`,
      [id, max, lockSeconds],
    );
    const until = rows[0]?.locked_until ?? null;
    return until && until.getTime() > Date.now() ? until : null;
  }

  /** A right code: the run of failures is over. */
  async resetFailures(id: string): Promise<void> {
    await this.db.query(
      `UPDATE factors SET failed_codes = 0, updated_at = now() WHERE id = $1 AND failed_codes > 0`,
      [id],
    );
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
}
