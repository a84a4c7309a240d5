import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDeviceProof1764846000000 implements MigrationInterface {
  name = 'AddDeviceProof1764846000000';

  async up(q: QueryRunner): Promise<void> {
    // How a device proved its number at registration: `sim` (a PhoneCheck, the network vouching
    // for the SIM) or `sms` (a code sent by SMS, the fallback where no PhoneCheck can run).
    await q.query(`ALTER TABLE devices ADD COLUMN proven_by text NOT NULL DEFAULT 'sim'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE devices DROP COLUMN proven_by`);
  }
}
