import { Controller, Get, Inject, OnModuleInit, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { NotFoundError } from '@simauth/http';

const ASSETS: Record<string, string> = {
  'app.css': 'text/css; charset=utf-8',
  'login.js': 'text/javascript; charset=utf-8',
  'phone.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

/** What the virtual phone offers to pick, with what each does in the sandbox. */
const TEST_NUMBERS = [
  { number: '+447700900001', effect: 'an ordinary phone: its own checks match' },
  { number: '+447700900002', effect: 'another ordinary phone (play the attacker with it)' },
  { number: '+447700904000', effect: 'network not supported by PhoneCheck (422)' },
  { number: '+447700905000', effect: 'provider error when the check is created (503)' },
  { number: '+447700905030', effect: 'provider unavailable at the code exchange (503, retry)' },
  { number: '+447700904080', effect: 'slow provider (times out: 503)' },
];

/** The two web pages: /login (the website) and /phone (a virtual phone, sandbox mode only). */
@ApiExcludeController()
@Controller()
export class PagesController implements OnModuleInit {
  private readonly files = new Map<string, string>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    for (const name of ['login.html', 'phone.html', ...Object.keys(ASSETS)]) {
      this.files.set(name, readFileSync(join(__dirname, 'static', name), 'utf8'));
    }
  }

  @Get('login')
  login(@Res() reply: FastifyReply): void {
    reply.type('text/html; charset=utf-8').send(this.files.get('login.html'));
  }

  @Get('phone')
  phone(@Res() reply: FastifyReply): void {
    this.requireSandbox();
    reply.type('text/html; charset=utf-8').send(this.files.get('phone.html'));
  }

  @Get('phone/config.json')
  phoneConfig() {
    this.requireSandbox();
    return { sandbox_url: this.config.sandbox.url, test_numbers: TEST_NUMBERS };
  }

  /**
   * Browsers ask for /favicon.ico whatever the page says (ours name /assets/favicon.svg): answered
   * with nothing, successfully, rather than a 404 warning in the log on every page load.
   */
  @Get('favicon.ico')
  favicon(@Res() reply: FastifyReply): void {
    reply.code(204).header('Cache-Control', 'public, max-age=86400').send();
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const type = ASSETS[file];
    if (!type) throw new NotFoundError('No such asset.');
    reply.type(type).header('Cache-Control', 'no-cache').send(this.files.get(file));
  }

  private requireSandbox(): void {
    if (!this.config.sandbox.url)
      throw new NotFoundError('The virtual phone exists only in sandbox mode.');
  }
}
