import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { applyHttpConventions, createHttpAdapter, requestTimeouts } from '@simauth/http';

@Controller('probe')
class ProbeController {
  @Get()
  probe() {
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('request timeouts (slow senders)', () => {
  it('lets a connection hold an unfinished request for at most 1.2 times the timeout: 30 s by default', () => {
    const settings = requestTimeouts();
    expect(settings.requestTimeout).toBe(25_000);
    expect(settings.headersTimeout).toBeLessThanOrEqual(settings.requestTimeout);
    expect(settings.requestTimeout + settings.connectionsCheckingInterval).toBe(30_000);
  });

  it('closes a connection that sends one header line at a time, with 408, before its headers end', async () => {
    // The same settings as the api's, scaled down to a 1 s timeout so that the test is short.
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      createHttpAdapter({ bodyLimitBytes: 1024, requestTimeoutMs: 1000 }),
      { bodyParser: false, logger: false },
    );
    applyHttpConventions(app, { bodyLimitBytes: 1024 });
    await app.listen(0, '127.0.0.1');
    const server = app.getHttpServer() as Server & { connectionsCheckingInterval: number };
    expect([server.requestTimeout, server.headersTimeout]).toEqual([1000, 1000]);
    expect(server.connectionsCheckingInterval).toBe(200);
    try {
      const { port } = server.address() as { port: number };
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      let linesSent = 0;
      // One header line every 100 ms, 100 of them: 10 s of headers if nobody stopped them.
      const trickle = setInterval(() => {
        if (socket.destroyed || linesSent === 100) return;
        socket.write(
          linesSent === 0 ? 'GET /probe HTTP/1.1\r\nHost: x\r\n' : `X-Slow-${linesSent}: 1\r\n`,
        );
        linesSent++;
      }, 100);
      await new Promise<void>((resolve) => socket.on('close', () => resolve()));
      clearInterval(trickle);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      // Closed by the server while the headers were still coming, never ended by a blank line.
      expect(linesSent).toBeLessThan(100);
    } finally {
      await app.close();
    }
  });
});
