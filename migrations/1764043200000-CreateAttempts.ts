import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAttempts1764043200000 implements MigrationInterface {
  name = 'CreateAttempts1764043200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attempts (
        id           uuid PRIMARY KEY,
        kind         text NOT NULL CHECK (kind IN ('registration', 'companion_login',
                       'factor_activation', 'factor_challenge', 'number_verification')),
        status       text NOT NULL,
        is_final     boolean NOT NULL DEFAULT false,
        phone_number text,
        user_id      uuid,
        device_id    uuid,
        provider_ref text,
        -- sha-256 of a bearer secret bound to the attempt (poll token, OAuth state); never the secret
        token_hash   bytea,
        context      jsonb NOT NULL DEFAULT '{}'::jsonb,
        result       jsonb,
        version      integer NOT NULL DEFAULT 1,
        expires_at   timestamptz NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // The sweep reads only live attempts by deadline.
    await q.query(`CREATE INDEX attempts_overdue_idx ON attempts (expires_at) WHERE NOT is_final`);
    await q.query(
      `CREATE UNIQUE INDEX attempts_token_hash_idx ON attempts (token_hash) WHERE token_hash IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX attempts_live_by_user_idx ON attempts (user_id, kind) WHERE NOT is_final`,
    );
    await q.query(
      `CREATE INDEX attempts_provider_ref_idx ON attempts (kind, provider_ref) WHERE provider_ref IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE attempt_events (
        id          bigserial PRIMARY KEY,
        attempt_id  uuid NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
        from_status text,
        to_status   text NOT NULL,
        actor       text NOT NULL,
        reason      text,
        request_id  text,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attempt_events_attempt_idx ON attempt_events (attempt_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attempt_events`);
    await q.query(`DROP TABLE attempts`);
  }
}
