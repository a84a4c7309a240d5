import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig } from '@simauth/config';

const CACHE_MS = 10_000;
const TIMEOUT_MS = 1500;

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return true; // any HTTP answer: the provider's host is up and reachable
  } catch {
    return false;
  }
}

/**
 * Reports whether each provider's host answers, for operators. It does not fail readiness: a
 * provider outage hits every replica alike, and the api already answers such calls with 503.
 */
@Injectable()
export class ProvidersHealth {
  private cached?: { at: number; result: Record<string, string> };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async check(): Promise<HealthIndicatorResult> {
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      const p = this.config.providers;
      const targets: Record<string, string | undefined> = {
        tru_id: p.truId?.baseUrl,
        vonage: p.vonage?.baseUrl,
        push: p.firebase ? 'https://fcm.googleapis.com' : p.sandboxPush?.baseUrl,
      };
      // A provider without credentials has its features off (501): said, not probed.
      const entries = await Promise.all(
        Object.entries(targets).map(async ([name, url]) =>
          url
            ? ([name, (await reachable(url)) ? 'reachable' : 'unreachable'] as const)
            : ([name, 'not configured'] as const),
        ),
      );
      this.cached = { at: Date.now(), result: Object.fromEntries(entries) };
    }
    return { providers: { status: 'up', ...this.cached.result } };
  }
}
