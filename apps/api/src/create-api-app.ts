import { NestFactory } from '@nestjs/core';
import type { Writable } from 'node:stream';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@simauth/config';
import {
  applyHttpConventions,
  createHttpAdapter,
  problemDescription,
  problemSchema,
  securityHeadersFor,
} from '@simauth/http';
import { AppModule } from './app.module';
import { RateLimiterService } from './platform/rate-limits/rate-limiter.service';
import { phoneNumberPolicy } from './platform/phone-numbers/phone-number-policy';
import { createLogger, quietStartup, requestLogLine } from './logging';

/** Request bodies are small JSON objects; anything larger is refused before parsing. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** What a browser renders as a page: /login, /phone, their assets and the API docs. */
const DOCUMENT_PATH = /^\/(login|phone|assets|docs|oidc\/interaction)(\/|\?|$)/;

/** The version of the package (the nearest package.json above, from source or dist/). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file))
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

/** Every operation that takes a body can be refused one too large (413) or not JSON (415). */
function withBodyProblems(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      if (!operation?.requestBody) continue;
      for (const status of [413, 415]) {
        operation.responses[status] ??= {
          description: problemDescription(status),
          content: { 'application/problem+json': { schema: problemSchema(status) as never } },
        };
      }
    }
  }
}

/** Builds the api application with every HTTP convention applied; main.ts and tests share it. */
export async function createApiApp(
  config: AppConfig,
  /** Where logs go (stdout by default); tests capture them to prove no secret is ever logged. */
  logDestination?: Writable,
): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, logDestination);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    createHttpAdapter({ bodyLimitBytes: BODY_LIMIT_BYTES, trustProxy: config.http.trustProxy }),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(quietStartup(app.get(Logger)));
  const headersFor = securityHeadersFor(
    {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Swagger UI sets a few inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          // The virtual phone (sandbox mode) talks to the sandbox, a different origin.
          connectSrc: ["'self'", ...(config.sandbox.url ? [config.sandbox.url] : [])],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // TLS is the proxy's job; upgrading would break plain-HTTP setups (and the sandbox).
          upgradeInsecureRequests: null,
        },
      },
    },
    // The pages and Swagger UI get helmet's full set; the API its own (see the lib).
    (url) => DOCUMENT_PATH.test(url),
  );
  const limiter = app.get(RateLimiterService);
  applyHttpConventions(
    app,
    {
      bodyLimitBytes: BODY_LIMIT_BYTES,
      // A POST whose body is refused unparsed never reaches its rate-limit guard: count it here,
      // per address, so malformed requests use up the budget like any other.
      onBodyRejected: (req) =>
        req.method === 'POST' && !req.url.startsWith('/v1/callbacks/')
          ? limiter.hit({ key: `ip:${req.ip}`, ...config.rateLimits.ip, what: 'from this address' })
          : Promise.resolve(),
      phoneNumbers: phoneNumberPolicy(config),
    },
    { headersFor, onAnswered: requestLogLine(logger) },
  );
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      // The browser's defaults are GET, HEAD and POST; a web app (or the mobile app's web build)
      // also hands over its push token (PUT) and removes factors and its device (DELETE).
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
    });
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('simauth')
      .setDescription(
        'Authenticate people by their phone number and SIM: tru.ID PhoneCheck registration, ' +
          'companion login, authenticator factors and Vonage Number Verification. ' +
          'Errors are RFC 7807 application/problem+json.',
      )
      .setVersion(packageVersion())
      .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
      .addServer(config.http.publicUrl)
      // Routes without a credential of their own are open; those with one say so.
      .addSecurityRequirements({})
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'device token' },
        'device',
      )
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'login poll token' },
        'poll',
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'user')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'admin access token (client_credentials, scope simauth:admin)',
        },
        'admin',
      )
      .build(),
  );
  withBodyProblems(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
