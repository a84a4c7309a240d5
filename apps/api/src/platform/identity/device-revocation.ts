import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { AccountsService } from './accounts.service';

/** Who revoked a device, as the `device.revoked` event says it (`actor` and what identifies them). */
type RevokedBy =
  | { actor: 'admin'; client_id: string; request_id: string | null }
  | {
      actor: 'device';
      request_id: string | null;
    };

/**
 * Revokes a trusted device, whoever asks (an operator, or the device itself): its row goes, so its
 * credential is refused at once by every replica (each request reads it from Postgres) and its push
 * token is forgotten, in one transaction with the `device.revoked` event.
 */
@Injectable()
export class DeviceRevocation {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Whether the device existed (and is now revoked). */
  revoke(deviceId: string, by: RevokedBy): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const device = await this.accounts.deleteDevice(deviceId, tx);
      if (!device) return false;
      await this.outbox.write(tx, 'device.revoked', {
        device_id: deviceId,
        user_id: device.userId,
        client_device_id: device.clientDeviceId,
        ...by,
      });
      return true;
    });
  }
}
