import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppConfig } from '@simauth/config';
import { findFreePort } from '@simauth/database';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { withSandboxProviders } from '../../apps/api/src/sandbox-mode';
import {
  RunningSandbox,
  SandboxCredentials,
  SandboxSettings,
  startSandbox,
} from '@simauth/sandbox';
import { testConfig } from './test-config';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** http://127.0.0.1:<port> of the listening app. */
  url: string;
  db: DataSource;
  sandbox: RunningSandbox;
  /** Every route the HTTP server registered, as `method /path/:param`. */
  routes: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  sandbox?: Partial<SandboxSettings>;
  /** Share another app's sandbox (a second replica of the same deployment). */
  sharedSandbox?: RunningSandbox;
  /** Configure the providers from these (as fetched for SANDBOX_URL) instead of the sandbox's own. */
  sandboxCredentials?: SandboxCredentials;
  /**
   * Behave as with real provider accounts: the sandbox is used but not announced (no /phone), and
   * its test numbers (+4477009…, +990…) are refused as in production. Such a test uses numbers a
   * phone can have, from realPhoneNumber(); the sandbox serves them like any other.
   */
  hideSandbox?: boolean;
  /**
   * A deployment that lacks these providers' credentials (their features are off): the others
   * are served by the sandbox standing in for real accounts, unannounced as with hideSandbox.
   */
  withoutProviders?: ('truId' | 'vonage' | 'push')[];
  /** Receives every log line of the app. */
  logs?: Writable;
}

/** Starts the real api app on a free port against the run's Postgres and its own provider sandbox. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  // The port is chosen before the app listens (its URL is in its settings and the sandbox's), so
  // another suite's server may take it in between: then start again on another port.
  for (let tries = 1; ; tries++) {
    try {
      return await startTestAppOnce(opts);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || tries === 5) throw err;
    }
  }
}

async function startTestAppOnce(opts: TestAppOptions): Promise<TestApp> {
  // The sandbox's auth server redirects devices to the api, so the api's port is chosen first.
  const port = await findFreePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const sandbox =
    opts.sharedSandbox ??
    (await startSandbox({
      vonageRedirectUri: `${publicUrl}/v1/number-verifications/callback`,
      authenticatorCallbackUrl: `${publicUrl}/v1/callbacks/truid/challenges`,
      ...opts.sandbox,
    }));
  const configured = testConfig({
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    PROVIDER_TIMEOUT_MS: '2000',
    ...opts.env,
  });
  const config = withSandboxProviders(configured, opts.sandboxCredentials ?? sandbox.credentials);
  // A provider a test configures itself (tru.ID through a holding proxy, say) stays as it set it;
  // the sandbox plays the others.
  if (configured.providers.truId) config.providers.truId = configured.providers.truId;
  if (configured.providers.vonage) config.providers.vonage = configured.providers.vonage;
  if (opts.hideSandbox || opts.withoutProviders) config.sandbox.url = undefined;
  for (const missing of opts.withoutProviders ?? []) {
    if (missing === 'push') config.providers.sandboxPush = undefined;
    else config.providers[missing] = undefined;
  }
  const app = await createApiApp(config, opts.logs);
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        routes.push(`${method.toLowerCase()} ${route.url}`);
    });
  try {
    await app.listen(port, '127.0.0.1');
  } catch (err) {
    // A start that fails (a refused setting) must not leave its pool, listener or sandbox running.
    await app.close().catch(() => undefined);
    if (!opts.sharedSandbox) await sandbox.close();
    throw err;
  }
  return {
    app,
    config,
    url: publicUrl,
    db: app.get(DataSource),
    sandbox,
    routes,
    close: async () => {
      await app.close();
      if (!opts.sharedSandbox) await sandbox.close();
    },
  };
}
