import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Agent, request } from 'node:http';
import type { Server } from 'node:http';
import { applyHttpConventions, createHttpAdapter } from '@simauth/http';

/** A request the test answers when it wants: a provider call still in flight. */
let answerSlow: () => void = () => undefined;
let slowArrived: () => void = () => undefined;

@Controller('probe')
class ProbeController {
  @Get('slow')
  async slow() {
    slowArrived();
    await new Promise<void>((resolve) => (answerSlow = resolve));
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('closing the HTTP server (the api stopping on SIGTERM)', () => {
  it('answers the request in flight, with Connection: close, so its kept-alive connection does not hold the close', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      createHttpAdapter({ bodyLimitBytes: 1024 }),
      { bodyParser: false, logger: false },
    );
    applyHttpConventions(app, { bodyLimitBytes: 1024 });
    // Registered after the conventions' hooks, so it runs once they have: the server is closing.
    let closingStarted!: () => void;
    const closing = new Promise<void>((resolve) => (closingStarted = resolve));
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('preClose', (done: () => void) => {
        closingStarted();
        done();
      });
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as { port: number };
    // A client that keeps its connections, as a load balancer or ingress does.
    const agent = new Agent({ keepAlive: true });
    try {
      const arrived = new Promise<void>((resolve) => (slowArrived = resolve));
      const answered = new Promise<{ status: number; connection?: string; body: string }>(
        (resolve, reject) => {
          request({ port, host: '127.0.0.1', path: '/probe/slow', agent }, (res) => {
            let body = '';
            res.on('data', (d) => (body += d));
            res.on('end', () =>
              resolve({ status: res.statusCode!, connection: res.headers.connection, body }),
            );
          })
            .on('error', reject)
            .end();
        },
      );
      await arrived;
      const closed = app.close();
      await closing;
      answerSlow();
      expect(await answered).toEqual({ status: 200, connection: 'close', body: '{"ok":true}' });
      // Resolves now: nothing is left open (before, the kept-alive connection held it for 72 s).
      await closed;
    } finally {
      agent.destroy();
    }
  });
});
