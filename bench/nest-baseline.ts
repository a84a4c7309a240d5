/**
 * A second baseline for the bench: an empty Nest app on Fastify (no hooks, guards, logging or
 * headers) answering the same JSON at /health/live. The distance from bare node:http to this is
 * the framework's; from this to simauth, simauth's own request path.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller('health')
class LiveController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [LiveController] })
class BaselineModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    BaselineModule,
    new FastifyAdapter(),
    { logger: false },
  );
  await app.listen(Number(process.argv[2]), '127.0.0.1');
}

void main();
