import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { generateSecret, hashSecret } from '@simauth/credentials';
import { UUID_PATTERN } from '@simauth/http';

/** A registered device as the rest of the app sees it. */
export interface Device {
  id: string;
  userId: string;
  phoneNumber: string;
  clientDeviceId: string;
  pushToken: string | null;
  /** The language the device asked for (BCP 47), if it sent one: its push's notification text. */
  locale: string | null;
}

interface RegisteredDevice {
  device: Device;
  /** The new device credential: returned to the device once, stored only as a hash. */
  deviceToken: string;
}

interface DeviceRow {
  id: string;
  user_id: string;
  phone_number: string;
  client_device_id: string;
  push_token: string | null;
  locale: string | null;
}

const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  userId: r.user_id,
  phoneNumber: r.phone_number,
  clientDeviceId: r.client_device_id,
  pushToken: r.push_token,
  locale: r.locale ?? null,
});

export const DEVICE_TOKEN_PREFIX = 'simauth_dt';

/** A user as the operators see them. */
export interface UserRecord {
  id: string;
  phoneNumber: string;
  blockedAt: Date | null;
  createdAt: Date;
}

/** A trusted device as the operators see it: never its credential or push token. */
export interface DeviceRecord {
  id: string;
  clientDeviceId: string;
  provenBy: 'sim' | 'sms';
  registeredAt: Date;
  hasPushToken: boolean;
}

interface UserRow {
  id: string;
  phone_number: string;
  blocked_at: Date | null;
  created_at: Date;
}

const toUserRecord = (r: UserRow): UserRecord => ({
  id: r.id,
  phoneNumber: r.phone_number,
  blockedAt: r.blocked_at,
  createdAt: r.created_at,
});

/** Users (one per phone number) and their trusted devices. */
@Injectable()
export class AccountsService {
  constructor(private readonly db: DataSource) {}

  /**
   * Creates the user of `phoneNumber` if new, and the device `clientDeviceId` of that user if new,
   * giving the device a fresh credential (a re-registration replaces the old one). One statement.
   */
  async registerDevice(
    phoneNumber: string,
    clientDeviceId: string,
    tx?: EntityManager,
    /** How the device proved the number: a PhoneCheck (`sim`) or an SMS code (`sms`). */
    provenBy: 'sim' | 'sms' = 'sim',
    /** The device's language (BCP 47); a re-registration without one keeps the one it had. */
    locale?: string,
  ): Promise<RegisteredDevice> {
    const deviceToken = generateSecret(DEVICE_TOKEN_PREFIX);
    const rows: DeviceRow[] = await (tx ?? this.db).query(
      `WITH u AS (
         INSERT INTO users (id, phone_number) VALUES ($1, $2)
         ON CONFLICT (phone_number) DO UPDATE SET updated_at = now()
         RETURNING id, phone_number
       )
       INSERT INTO devices (id, user_id, client_device_id, credential_hash, proven_by, locale)
       SELECT $3, u.id, $4, $5, $6, $7 FROM u
       ON CONFLICT (user_id, client_device_id)
         DO UPDATE SET credential_hash = EXCLUDED.credential_hash, proven_by = EXCLUDED.proven_by,
                       locale = COALESCE(EXCLUDED.locale, devices.locale),
                       registered_at = now(), updated_at = now()
       RETURNING id, user_id, client_device_id, push_token, locale,
                 (SELECT phone_number FROM u) AS phone_number`,
      [
        randomUUID(),
        phoneNumber,
        randomUUID(),
        clientDeviceId,
        hashSecret(deviceToken),
        provenBy,
        locale ?? null,
      ],
    );
    return { device: toDevice(rows[0]), deviceToken };
  }

  /** The device holding `deviceToken`, or undefined. */
  async findDeviceByToken(deviceToken: string): Promise<Device | undefined> {
    if (!deviceToken.startsWith(`${DEVICE_TOKEN_PREFIX}_`)) return undefined;
    const rows: DeviceRow[] = await preparedQuery(
      this.db,
      'simauth_device_by_token',
      `SELECT d.id, d.user_id, d.client_device_id, d.push_token, d.locale, u.phone_number
         FROM devices d JOIN users u ON u.id = d.user_id
        WHERE d.credential_hash = $1`,
      [hashSecret(deviceToken)],
    );
    return rows[0] && toDevice(rows[0]);
  }

  async setPushToken(deviceId: string, pushToken: string, locale?: string): Promise<void> {
    // Without a locale the device keeps the one it had.
    await this.db.query(
      `UPDATE devices SET push_token = $2, push_token_dead_at = NULL,
                          locale = COALESCE($3, locale), updated_at = now()
        WHERE id = $1`,
      [deviceId, pushToken, locale ?? null],
    );
  }

  /** FCM said the token is gone: stop pushing to it until the device sends a new one. */
  async markPushTokenDead(deviceId: string, pushToken: string): Promise<void> {
    await this.db.query(
      `UPDATE devices SET push_token = NULL, push_token_dead_at = now(), updated_at = now()
        WHERE id = $1 AND push_token = $2`,
      [deviceId, pushToken],
    );
  }

  async findUserIdByPhone(phoneNumber: string): Promise<string | undefined> {
    const rows: { id: string }[] = await preparedQuery(
      this.db,
      'simauth_user_by_phone',
      'SELECT id FROM users WHERE phone_number = $1',
      [phoneNumber],
    );
    return rows[0]?.id;
  }

  /** The user a login for this number addresses: none when unknown or blocked (the same answer). */
  async findSignInUserIdByPhone(phoneNumber: string): Promise<string | undefined> {
    const rows: { id: string }[] = await preparedQuery(
      this.db,
      'simauth_signin_user_by_phone',
      'SELECT id FROM users WHERE phone_number = $1 AND blocked_at IS NULL',
      [phoneNumber],
    );
    return rows[0]?.id;
  }

  /**
   * In `tx`: the user a sign-in by this number is for (none when unknown or blocked), whose row
   * stays held (FOR SHARE) until `tx` ends. A block being written is waited for and then seen, and
   * none can commit before `tx` does: a token decided in `tx` is never for a blocked user.
   */
  async holdSignInUserByPhone(phoneNumber: string, tx: EntityManager): Promise<string | undefined> {
    const rows: { id: string }[] = await tx.query(
      'SELECT id FROM users WHERE phone_number = $1 AND blocked_at IS NULL FOR SHARE',
      [phoneNumber],
    );
    return rows[0]?.id;
  }

  /** The phone number of a user, or undefined for an unknown or blocked one (or not a UUID). */
  async findPhoneByUserId(userId: string): Promise<string | undefined> {
    if (!UUID_PATTERN.test(userId)) return undefined;
    const rows: { phone_number: string }[] = await preparedQuery(
      this.db,
      'simauth_user_phone',
      // A blocked user is no account: their tokens and refresh tokens stop working.
      'SELECT phone_number FROM users WHERE id = $1 AND blocked_at IS NULL',
      [userId],
    );
    return rows[0]?.phone_number;
  }

  /** Devices of a user that can receive pushes. */
  async pushableDevices(userId: string): Promise<Device[]> {
    const rows: DeviceRow[] = await preparedQuery(
      this.db,
      'simauth_pushable_devices',
      `SELECT d.id, d.user_id, d.client_device_id, d.push_token, d.locale, u.phone_number
         FROM devices d JOIN users u ON u.id = d.user_id
        WHERE d.user_id = $1 AND d.push_token IS NOT NULL`,
      [userId],
    );
    return rows.map(toDevice);
  }

  /** The user `userId` (blocked or not), or undefined. */
  async findUser(userId: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.db.query(
      `SELECT id, phone_number, blocked_at, created_at FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0] && toUserRecord(rows[0]);
  }

  /** The user of `phoneNumber` (blocked or not), or undefined. */
  async findUserByPhone(phoneNumber: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.db.query(
      `SELECT id, phone_number, blocked_at, created_at FROM users WHERE phone_number = $1`,
      [phoneNumber],
    );
    return rows[0] && toUserRecord(rows[0]);
  }

  /**
   * In `tx`: blocks (keeping the first block's time) or unblocks a user, whose row stays locked
   * until `tx` ends; the user as it is now and whether it was blocked before. Undefined for an
   * unknown user. Take it before the user's attempts: a sign-in that checks the user takes the
   * rows in that order, so the two queue instead of deadlocking.
   */
  async setBlocked(
    userId: string,
    blocked: boolean,
    tx: EntityManager,
  ): Promise<{ user: UserRecord; wasBlocked: boolean } | undefined> {
    const rows: (UserRow & { was_blocked: boolean })[] = await tx.query(
      `WITH u AS (
         UPDATE users u
            SET blocked_at = CASE WHEN $2 THEN COALESCE(u.blocked_at, now()) ELSE NULL END,
                updated_at = now()
           FROM (SELECT id, blocked_at FROM users WHERE id = $1 FOR UPDATE) before
          WHERE u.id = before.id
         RETURNING u.*, before.blocked_at IS NOT NULL AS was_blocked
       ) SELECT id, phone_number, blocked_at, created_at, was_blocked FROM u`,
      [userId, blocked],
    );
    return rows[0] && { user: toUserRecord(rows[0]), wasBlocked: rows[0].was_blocked };
  }

  /** A user's devices, oldest registration first. */
  async listDevices(userId: string): Promise<DeviceRecord[]> {
    const rows: {
      id: string;
      client_device_id: string;
      proven_by: 'sim' | 'sms';
      registered_at: Date;
      has_push_token: boolean;
    }[] = await this.db.query(
      `SELECT id, client_device_id, proven_by, registered_at,
              push_token IS NOT NULL AS has_push_token
         FROM devices WHERE user_id = $1 ORDER BY registered_at`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      clientDeviceId: r.client_device_id,
      provenBy: r.proven_by,
      registeredAt: r.registered_at,
      hasPushToken: r.has_push_token,
    }));
  }

  /**
   * In `tx`: deletes a device, so its credential is refused at once by every replica (each
   * request reads it from Postgres) and its push token is forgotten. What it was, or undefined
   * for an unknown device.
   */
  async deleteDevice(
    deviceId: string,
    tx: EntityManager,
  ): Promise<{ userId: string; clientDeviceId: string } | undefined> {
    const rows: { user_id: string; client_device_id: string }[] = await tx.query(
      `WITH d AS (DELETE FROM devices WHERE id = $1 RETURNING user_id, client_device_id)
       SELECT * FROM d`,
      [deviceId],
    );
    return rows[0] && { userId: rows[0].user_id, clientDeviceId: rows[0].client_device_id };
  }
}
