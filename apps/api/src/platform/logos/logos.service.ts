import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { scheduleSweep } from '@simauth/database';
import { LogoFetcher, LogoRefusedError } from './logo-fetch';
import { LOGO_TYPES } from './logo-image';
import { LogoStore, StoredLogo } from './logo-store';

/** A logo is fetched again once its copy is this old (a new image at the same URL shows then). */
const REFRESH_AFTER_MS = 6 * 3600_000;
/** How often each process looks for logos due (and retries those it never got). */
const CHECK_EVERY_MS = 5 * 60_000;
/** A logo's path under /assets/logos/: its SHA-256 and the extension of its type. */
const LOGO_FILE = /^([0-9a-f]{64})\.(png|jpg|webp|gif)$/;

/** What the sign-in page shows as its logo. */
export interface LogoOnPage {
  /** On simauth's own origin: `/assets/logos/<sha256>.<ext>`. */
  src: string;
  /** The brand's or the client's name. */
  alt: string;
}

/** Where a logo came from, for the log: no query string (a signed URL's token stays out). */
const shown = (source: string) => {
  const url = new URL(source);
  return `${url.origin}${url.pathname}`;
};

/**
 * The logos of BRAND_LOGO_URL and of the clients' `logo_uri`, fetched by simauth (LogoFetcher),
 * kept in Postgres (LogoStore) and in memory, and served from its own origin. A logo never fetched
 * is fetched at start, before the first page; a kept one is shown at once and fetched again once
 * REFRESH_AFTER_MS old. A fetch that fails never breaks the page: it keeps the logo it had, or
 * has none (the page shows the name), and is tried again CHECK_EVERY_MS later.
 */
@Injectable()
export class Logos implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Logos');
  private readonly fetcher: LogoFetcher;
  /** Each source's newest logo. */
  private readonly current = new Map<string, StoredLogo>();
  private readonly fetching = new Map<string, Promise<void>>();
  private stopped = false;
  /** BRAND_LOGO_URL and every client's logo_uri (https, checked at start), once each. */
  private readonly sources: readonly string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: LogoStore,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.fetcher = new LogoFetcher(config.pages.logos);
    const urls = [config.pages.brand.logoUrl, ...config.oidc.clients.map((c) => c.logo_uri)];
    this.sources = [...new Set(urls.filter((u): u is string => typeof u === 'string'))];
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.sources.length === 0) return;
    scheduleSweep(this.scheduler, 'logos', CHECK_EVERY_MS, () => this.refreshDue(), this.logger);
    // Postgres down at start: the app starts (not ready) and the schedule tries again.
    await this.refreshDue({ atStart: true }).catch((err: Error) =>
      this.logger.warn(`logos not loaded: ${err.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.fetcher.close();
    await Promise.allSettled(this.fetching.values());
  }

  /**
   * The logo of the page: the OpenID client's (`logo_uri`, with `clientName` as its text) when
   * simauth has it, else the brand's, else none.
   */
  forPage(clientLogoUri?: unknown, clientName?: string): LogoOnPage | undefined {
    const client = typeof clientLogoUri === 'string' ? this.current.get(clientLogoUri) : undefined;
    if (client && clientName) return { src: pathOf(client), alt: clientName };
    const { logoUrl, name } = this.config.pages.brand;
    const brand = logoUrl ? this.current.get(logoUrl) : undefined;
    return brand && { src: pathOf(brand), alt: name };
  }

  /** The image of `file` (`<sha256>.<ext>`): this process's, else any replica's from Postgres. */
  async image(file: string): Promise<Pick<StoredLogo, 'type' | 'bytes'> | undefined> {
    const [, sha256, ext] = LOGO_FILE.exec(file) ?? [];
    // No logo configured: nothing to look up (an anonymous request never reaches Postgres).
    if (!sha256 || this.sources.length === 0) return undefined;
    const logo =
      [...this.current.values()].find((l) => l.sha256 === sha256) ??
      (await this.store.bySha256(sha256));
    return logo && LOGO_TYPES[logo.type] === ext ? logo : undefined;
  }

  /**
   * Fetches the logos whose newest copy (another replica's, too) is missing or old. At start, only
   * those never fetched are waited for (each within the fetch's timeout); refreshes go on behind.
   */
  private async refreshDue({ atStart = false } = {}): Promise<void> {
    const sources = this.sources;
    for (const logo of await this.store.newest(sources)) this.current.set(logo.source, logo);
    const due = sources.filter(
      (s) => (this.current.get(s)?.fetchedAt.getTime() ?? 0) < Date.now() - REFRESH_AFTER_MS,
    );
    const missing = due.filter((s) => !this.current.has(s));
    const all = Promise.all(due.map((s) => this.refresh(s))).then(() => this.store.prune());
    if (!atStart) return all;
    all.catch((err: Error) => this.logger.warn(`logos not refreshed: ${err.message}`));
    await Promise.all(missing.map((s) => this.refresh(s)));
  }

  /** Fetches `source` once at a time, keeping what it gets; a failure is logged, never thrown. */
  private refresh(source: string): Promise<void> {
    let pending = this.fetching.get(source);
    if (!pending) {
      pending = this.fetchAndKeep(source).finally(() => this.fetching.delete(source));
      this.fetching.set(source, pending);
    }
    return pending;
  }

  private async fetchAndKeep(source: string): Promise<void> {
    try {
      const logo = await this.fetcher.fetch(source);
      this.current.set(source, await this.store.save(source, logo));
    } catch (err) {
      if (this.stopped) return;
      const reason =
        err instanceof LogoRefusedError
          ? err.message
          : `cannot be kept (${(err as Error).message})`;
      const kept = this.current.has(source) ? '; the copy fetched before stays' : '';
      this.logger.warn(`logo ${shown(source)} not used: it ${reason}${kept}`);
    }
  }
}

const pathOf = (logo: StoredLogo) => `/assets/logos/${logo.sha256}.${LOGO_TYPES[logo.type]}`;
