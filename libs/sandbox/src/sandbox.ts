import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { json, urlencoded } from 'express';
import { SandboxErrorFilter } from './sandbox-error';
import { SandboxModule } from './sandbox.module';
import { SandboxOptions } from './sandbox-options';
import { SandboxStore } from './sandbox-store';
import { SandboxCredentials, sandboxCredentials } from './sandbox-credentials';

export interface RunningSandbox {
  /** Base URL of every imitated API (tru.ID, Vonage, FCM). */
  url: string;
  store: SandboxStore;
  options: SandboxOptions;
  /** What an api configures to use this sandbox (also at GET /sandbox/credentials). */
  credentials: SandboxCredentials;
  close(): Promise<void>;
}

export interface SandboxSettings {
  port?: number;
  host?: string;
  publicUrl?: string;
  /** Where the sandbox's auth server sends devices back to (the api's NV callback). */
  vonageRedirectUri: string;
  /** Where tru.ID Authenticator challenge callbacks go (the api's callback route). */
  authenticatorCallbackUrl?: string;
  slowDelayMs?: number;
  tokenTtlSeconds?: number;
  checkTtlSeconds?: number;
}

/**
 * Starts the provider sandbox on its own HTTP port with fresh credentials: a tru.ID client, a
 * Vonage application key pair and an FCM project. The api is then configured with the same
 * credentials, exactly as it would be with real accounts.
 */
export async function startSandbox(settings: SandboxSettings): Promise<RunningSandbox> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const callbackKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const options: SandboxOptions = {
    port: settings.port ?? 0,
    host: settings.host ?? '127.0.0.1',
    publicUrl: settings.publicUrl,
    truId: {
      clientId: `sandbox-${randomBytes(6).toString('hex')}`,
      clientSecret: randomBytes(24).toString('base64url'),
      tokenTtlSeconds: settings.tokenTtlSeconds ?? 3600,
      checkTtlSeconds: settings.checkTtlSeconds ?? 120,
    },
    vonage: {
      applicationId: randomBytes(16)
        .toString('hex')
        .replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5'),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      redirectUri: settings.vonageRedirectUri,
    },
    twilio: {
      accountSid: `AC${randomBytes(16).toString('hex')}`,
      authToken: randomBytes(16).toString('hex'),
      serviceSid: `VA${randomBytes(16).toString('hex')}`,
    },
    fcm: { projectId: 'simauth-sandbox', accessToken: randomBytes(24).toString('base64url') },
    authenticator: {
      callbackUrl: settings.authenticatorCallbackUrl,
      privateKey: callbackKeys.privateKey,
      keyId: 'sandbox-callbacks-1',
      publicKeyPem: callbackKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      published: [{ kid: 'sandbox-callbacks-1', publicKey: callbackKeys.publicKey }],
    },
    slowDelayMs: settings.slowDelayMs ?? 10_000,
    latencyMs: 0,
  };
  const store = new SandboxStore();
  const app = await NestFactory.create<NestExpressApplication>(
    SandboxModule.forRoot(options, store),
    {
      bodyParser: false,
      logger: ['error'],
    },
  );
  app.disable('x-powered-by');
  // The virtual phone page (another origin) opens check_urls and reads its push inbox from the browser.
  app.enableCors({
    origin: true,
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Sandbox-Sim'],
  });
  app.use(json({ limit: '64kb', type: ['application/json', 'application/*+json'] }));
  app.use(urlencoded({ limit: '64kb', extended: false }));
  app.useGlobalFilters(new SandboxErrorFilter());
  await app.listen(options.port, options.host);
  const port = (app.getHttpServer().address() as { port: number }).port;
  const url = (settings.publicUrl ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  store.publicUrl = url;
  return {
    url,
    store,
    options,
    credentials: sandboxCredentials(url, options),
    close: () => app.close(),
  };
}
