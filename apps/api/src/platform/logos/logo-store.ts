import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FetchedLogo } from './logo-fetch';
import { LogoType } from './logo-image';

export interface StoredLogo extends FetchedLogo {
  /** The URL it was fetched from (BRAND_LOGO_URL or a client's logo_uri). */
  source: string;
  fetchedAt: Date;
}

interface LogoRow {
  source_url: string;
  sha256: string;
  content_type: LogoType;
  bytes: Buffer;
  fetched_at: Date;
}

const toLogo = (row: LogoRow): StoredLogo => ({
  source: row.source_url,
  sha256: row.sha256,
  type: row.content_type,
  bytes: row.bytes,
  fetchedAt: row.fetched_at,
});

/** A logo no longer a source's newest is kept this long, for pages that named it before. */
const KEEP_REPLACED_DAYS = 7;

/** The `logos` table: what every replica fetched, shared, under each image's SHA-256. */
@Injectable()
export class LogoStore {
  constructor(private readonly db: DataSource) {}

  /** The newest logo of each of `sources` that has one. */
  async newest(sources: readonly string[]): Promise<StoredLogo[]> {
    const rows: LogoRow[] = await this.db.query(
      `SELECT DISTINCT ON (source_url) source_url, sha256, content_type, bytes, fetched_at
         FROM logos WHERE source_url = ANY($1) ORDER BY source_url, fetched_at DESC`,
      [sources],
    );
    return rows.map(toLogo);
  }

  /** Keeps `logo` as the newest of `source` (the same bytes again only move its date). */
  async save(source: string, logo: FetchedLogo): Promise<StoredLogo> {
    const [row]: LogoRow[] = await this.db.query(
      `INSERT INTO logos (source_url, sha256, content_type, bytes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source_url, sha256) DO UPDATE SET fetched_at = now()
       RETURNING source_url, sha256, content_type, bytes, fetched_at`,
      [source, logo.sha256, logo.type, logo.bytes],
    );
    return toLogo(row);
  }

  /** The image of that SHA-256, whichever source it came from. */
  async bySha256(sha256: string): Promise<Pick<StoredLogo, 'type' | 'bytes'> | undefined> {
    const [row]: Pick<LogoRow, 'content_type' | 'bytes'>[] = await this.db.query(
      `SELECT content_type, bytes FROM logos WHERE sha256 = $1 LIMIT 1`,
      [sha256],
    );
    return row && { type: row.content_type, bytes: row.bytes };
  }

  /**
   * Deletes the logos a newer one of their source replaced, last fetched over KEEP_REPLACED_DAYS
   * ago; a source's newest stays however old (a logo host that fails keeps its last good logo).
   */
  async prune(): Promise<void> {
    await this.db.query(
      `DELETE FROM logos old WHERE old.fetched_at < now() - make_interval(days => $1)
          AND EXISTS (SELECT 1 FROM logos newer
                       WHERE newer.source_url = old.source_url AND newer.fetched_at > old.fetched_at)`,
      [KEEP_REPLACED_DAYS],
    );
  }
}
