import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppConfig } from '@simauth/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { testConfig } from './test-config';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** http://127.0.0.1:<port> of the listening app. */
  url: string;
  db: DataSource;
  close(): Promise<void>;
}

/** Starts the real api app on a free port against the run's Postgres. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(env);
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    url: `http://127.0.0.1:${address.port}`,
    db: app.get(DataSource),
    close: () => app.close(),
  };
}
