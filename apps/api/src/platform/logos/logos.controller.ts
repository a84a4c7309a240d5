import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '@simauth/http';
import { Logos } from './logos.service';

/**
 * The logos, from simauth's own origin: named by their SHA-256, so an answer never changes and
 * may be kept by browsers for a year; sniffing off, and a policy that lets nothing run.
 */
@ApiExcludeController()
@Controller('assets/logos')
export class LogosController {
  constructor(private readonly logos: Logos) {}

  @Get(':file')
  async logo(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const logo = await this.logos.image(file);
    if (!logo) throw new NotFoundError('No such logo.');
    reply
      .type(logo.type)
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(logo.bytes);
  }
}
