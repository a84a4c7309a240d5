import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  OnModuleInit,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig, OidcClientMetadata } from '@simauth/config';
import { checkWrittenPhoneNumber, NotFoundError, RequestValidationError } from '@simauth/http';
import { readVirtualPhonePage, virtualPhoneConfig } from '@simauth/sandbox';
import { phoneNumberPolicy } from '../phone-numbers/phone-number-policy';
import { LimitPerIp } from '../rate-limits/rate-limit.guard';
import { Logos } from '../logos/logos.service';
import { WrittenNumberBody } from './written-number.dto';
import { renderLoginPages } from './login-page';
import { renderPhonePages } from './phone-page';
import { InteractionClients, clientDisplayName } from './interaction-clients';
import { withLogo } from './logo-markup';
import { chooseLanguage, PageLanguage } from './page-i18n';

const ASSETS: Record<string, string> = {
  'app.css': 'text/css; charset=utf-8',
  'login.js': 'text/javascript; charset=utf-8',
  'phone.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
  'brand.css': 'text/css; charset=utf-8',
  'simauth-client.js': 'text/javascript; charset=utf-8',
  'login-kit.js': 'text/javascript; charset=utf-8',
};

/**
 * The SDK's browser bundle (@simauth/client as one ES module), which both pages import: built by
 * tools/client-bundle.mjs into dist/ at `npm run build`, and into ./dist beside these sources
 * (git-ignored, as every dist/) by the tests' global setup. Missing, the pages could not work: the
 * app refuses to start rather than serve them.
 */
function readClientBundle(name: 'simauth-client.js' | 'login-kit.js'): string {
  const file = join(__dirname, 'dist', name);
  if (!existsSync(file))
    throw new Error(
      `The pages' SDK bundle ${file} is missing: build it with npm run build (or node tools/client-bundle.mjs).`,
    );
  return readFileSync(file, 'utf8');
}

/**
 * The two web pages: /login (the website) and /phone (a virtual phone, sandbox mode only, whose
 * page and script the sandbox library holds), with their assets, the SDK's bundle among them.
 */
@ApiExcludeController()
@Controller()
export class PagesController implements OnModuleInit {
  private readonly files = new Map<string, string>();
  private loginPage!: (lng: PageLanguage, client?: string) => string;
  private phonePages!: Record<PageLanguage, string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly modules: ModuleRef,
    private readonly logos: Logos,
  ) {}

  onModuleInit(): void {
    // The login page's files sit here; the virtual phone's are the sandbox library's.
    for (const name of ['login.html', 'login.js', 'app.css', 'favicon.svg']) {
      this.files.set(name, readFileSync(join(__dirname, 'static', name), 'utf8'));
    }
    this.loginPage = renderLoginPages(this.files.get('login.html')!, this.config);
    // BRAND_COLOR (its contrast checked at start) as a stylesheet: the page's policy allows no
    // inline style of ours.
    const color = this.config.pages.brand.color;
    this.files.set('brand.css', color ? `:root {\n  --accent: ${color};\n}\n` : '');
    const phone = readVirtualPhonePage();
    this.phonePages = renderPhonePages(phone.html);
    this.files.set('phone.js', phone.script);
    this.files.set('simauth-client.js', readClientBundle('simauth-client.js'));
    this.files.set('login-kit.js', readClientBundle('login-kit.js'));
  }

  /**
   * The login page in the person's language: the OpenID request's `ui_locales` (the provider
   * passes it on to this page), then Accept-Language, then English.
   */
  @Get('login')
  async login(
    @Query('ui_locales') uiLocales: unknown,
    @Query('interaction') interaction: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lng = chooseLanguage(uiLocales, acceptLanguage);
    const client = await this.clientOf(interaction);
    const clientName = clientDisplayName(client?.client_name);
    // The client's logo_uri beats BRAND_LOGO_URL; either is served from our own origin.
    const logo = this.logos.forPage(client?.logo_uri, clientName ?? client?.client_id);
    reply
      .type('text/html; charset=utf-8')
      .header('Vary', 'Accept-Language')
      .header('Content-Language', lng)
      .send(withLogo(this.loginPage(lng, clientName), logo));
  }

  /**
   * The relying party (its OIDC_CLIENTS metadata: `client_name`, `logo_uri`) of a pending OpenID
   * interaction, asked of the OpenID Provider by the interaction's id (see InteractionClients).
   */
  private async clientOf(interaction: unknown): Promise<OidcClientMetadata | undefined> {
    if (typeof interaction !== 'string') return undefined;
    const clients = this.modules.get(InteractionClients, { strict: false });
    const id = await clients.clientIdOf(interaction);
    return this.config.oidc.clients.find((c) => c.client_id === id);
  }

  /**
   * The login page's own check of a number as the person wrote it (`07700 900001`): with
   * DEFAULT_REGION, or else the browser's region the page sends, turned into E.164 and judged by
   * the validator of every entry point; the page then starts the login on /v1/logins with the
   * E.164 form, which the API alone accepts. A refusal is the API's 400 with the field's reason.
   */
  @Post('login/number')
  @HttpCode(200)
  @LimitPerIp()
  number(@Body() body: WrittenNumberBody): { phone_number: string; region?: string } {
    const region = this.config.pages.defaultRegion ?? body.region;
    const verdict = checkWrittenPhoneNumber(
      body.phone_number,
      phoneNumberPolicy(this.config),
      region,
    );
    if (verdict.reason)
      throw new RequestValidationError([
        { field: 'phone_number', message: verdict.message, reason: verdict.reason },
      ]);
    return { phone_number: verdict.number, ...(region ? { region } : {}) };
  }

  /** The virtual phone, its fixed texts in the language of Accept-Language (else English). */
  @Get('phone')
  phone(
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    this.requireSandbox();
    const lng = chooseLanguage(undefined, acceptLanguage);
    reply
      .type('text/html; charset=utf-8')
      .header('Vary', 'Accept-Language')
      .header('Content-Language', lng)
      .send(this.phonePages[lng]);
  }

  @Get('phone/config.json')
  phoneConfig() {
    return virtualPhoneConfig(this.requireSandbox());
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

  /** The sandbox's URL, or 404: the virtual phone exists only while a sandbox serves. */
  private requireSandbox(): string {
    const url = this.config.sandbox.url;
    if (!url) throw new NotFoundError('The virtual phone exists only in sandbox mode.');
    return url;
  }
}
