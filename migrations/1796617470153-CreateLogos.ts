import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLogos1796617470153 implements MigrationInterface {
  name = 'CreateLogos1796617470153';

  async up(q: QueryRunner): Promise<void> {
    // The logos simauth fetched (BRAND_LOGO_URL, the clients' logo_uri), served from its own
    // origin under their SHA-256: in Postgres so that every replica serves the image a page of
    // another replica names, and a restart shows the logo without fetching it first. A source's
    // newest row is its logo; older ones are kept a while for pages already shown.
    await q.query(`
      CREATE TABLE logos (
        source_url   text NOT NULL,
        sha256       text NOT NULL,
        content_type text NOT NULL,
        bytes        bytea NOT NULL,
        fetched_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_url, sha256)
      )`);
    await q.query(`CREATE INDEX logos_sha256 ON logos (sha256)`);
    await q.query(`CREATE INDEX logos_source_newest ON logos (source_url, fetched_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE logos`);
  }
}
