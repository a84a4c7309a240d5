import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@simauth/http';

export interface AdminUser {
  user_id: string;
  phone_number: string;
  blocked: boolean;
  blocked_at: string | null;
  created_at: string;
}

const USER_COLUMNS = `id AS user_id, phone_number, blocked_at IS NOT NULL AS blocked, blocked_at, created_at`;

/** What the admin API reads and changes, each change in one statement, each call audited. */
@Injectable()
export class AdminService {
  constructor(private readonly db: DataSource) {}

  /** Records an admin call: which client, what, on what, for which request. */
  async audit(clientId: string, action: string, target: string | null, requestId?: string) {
    await this.db.query(
      `INSERT INTO admin_actions (client_id, action, target, request_id) VALUES ($1, $2, $3, $4)`,
      [clientId, action, target, requestId ?? null],
    );
  }

  async userByPhone(phoneNumber: string): Promise<AdminUser> {
    const [user] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE phone_number = $1`,
      [phoneNumber],
    );
    if (!user) throw new NotFoundError('No user has this phone number.');
    return user;
  }

  async user(userId: string): Promise<AdminUser> {
    const [user] = await this.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [userId]);
    if (!user) throw new NotFoundError('No such user.');
    return user;
  }

  /** Blocks (or unblocks) a user: a blocked user's logins are answered like an unknown number's. */
  async setBlocked(userId: string, blocked: boolean): Promise<AdminUser> {
    const rows: AdminUser[] = await this.db.query(
      `WITH u AS (
         UPDATE users
            SET blocked_at = CASE WHEN $2 THEN COALESCE(blocked_at, now()) ELSE NULL END,
                updated_at = now()
          WHERE id = $1 RETURNING *
       ) SELECT ${USER_COLUMNS} FROM u`,
      [userId, blocked],
    );
    if (!rows[0]) throw new NotFoundError('No such user.');
    return rows[0];
  }

  devices(userId: string) {
    return this.db.query(
      `SELECT id AS device_id, client_device_id, proven_by, registered_at,
              push_token IS NOT NULL AS has_push_token
         FROM devices WHERE user_id = $1 ORDER BY registered_at`,
      [userId],
    );
  }

  /**
   * Revokes a device: its row goes, so its credential is refused at once by every replica (each
   * request reads it from Postgres) and its push token is forgotten.
   */
  async revokeDevice(deviceId: string): Promise<void> {
    const rows: unknown[] = await this.db.query(
      `WITH d AS (DELETE FROM devices WHERE id = $1 RETURNING id) SELECT id FROM d`,
      [deviceId],
    );
    if (!rows.length) throw new NotFoundError('No such device.');
  }

  factors(userId: string) {
    return this.db.query(
      `SELECT id AS factor_id, type, status, created_at FROM factors
        WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  /** Deletes a factor (the account-recovery path: the person enrols a new one). */
  async deleteFactor(factorId: string): Promise<void> {
    const rows: unknown[] = await this.db.query(
      `WITH f AS (DELETE FROM factors WHERE id = $1 RETURNING id) SELECT id FROM f`,
      [factorId],
    );
    if (!rows.length) throw new NotFoundError('No such factor.');
  }

  recentAttempts(userId: string) {
    return this.db.query(
      // Registrations name the number, not the user (who may not exist yet).
      `SELECT id AS attempt_id, kind, status, created_at, updated_at FROM attempts
        WHERE user_id = $1 OR phone_number = (SELECT phone_number FROM users WHERE id = $1)
        ORDER BY created_at DESC LIMIT 20`,
      [userId],
    );
  }

  /** One attempt with every move it made (its audit trail). */
  async attempt(attemptId: string) {
    const [attempt] = await this.db.query(
      `SELECT id AS attempt_id, kind, status, user_id, phone_number, result, created_at, updated_at,
              expires_at
         FROM attempts WHERE id = $1`,
      [attemptId],
    );
    if (!attempt) throw new NotFoundError('No such attempt.');
    const events = await this.db.query(
      `SELECT from_status, to_status, actor, reason, request_id, created_at FROM attempt_events
        WHERE attempt_id = $1 ORDER BY id`,
      [attemptId],
    );
    return { ...attempt, events };
  }
}
