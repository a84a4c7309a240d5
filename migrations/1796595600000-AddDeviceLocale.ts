import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDeviceLocale1796595600000 implements MigrationInterface {
  name = 'AddDeviceLocale1796595600000';

  async up(q: QueryRunner): Promise<void> {
    // The language the device asked for (BCP 47, as sent at registration or with its push token):
    // the push's notification text is written in it. Null: English.
    await q.query(`ALTER TABLE devices ADD COLUMN locale text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE devices DROP COLUMN locale`);
  }
}
