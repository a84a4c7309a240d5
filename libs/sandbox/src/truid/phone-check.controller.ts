import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomInt } from 'node:crypto';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxCheck, SandboxStore } from '../sandbox-store';
import { ProviderStyleError, truIdError } from '../sandbox-error';
import { codeExchangeUnavailable, createRule } from '../sandbox-rules';
import { requireTruIdScope } from './truid-auth';

const PHONE = /^\+?[1-9][0-9]{7,14}$/;

function sleep(ms: number, req: Request): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    // A caller that gave up (timeout) closes the socket; stop waiting with it.
    req.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** tru.ID PhoneCheck v0.2: create, read, and complete (code exchange) a check. */
@Controller('phone_check/v0.2/checks')
export class PhoneCheckController {
  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  @Post()
  async create(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('truid.phone_check.create');
    requireTruIdScope(this.store, req, 'phone_check');
    const raw = typeof body?.phone_number === 'string' ? body.phone_number : '';
    if (!PHONE.test(raw))
      throw truIdError(400, 'phone_format_invalid', 'phone_number must be in E.164 format');
    const phoneNumber = raw.startsWith('+') ? raw : `+${raw}`;

    const rule = createRule(phoneNumber);
    if (rule === 'not-supported') {
      throw truIdError(
        400,
        'country_not_supported',
        'The mobile network of this number is not supported',
      );
    }
    if (rule === 'server-error')
      throw truIdError(500, 'internal_server_error', 'Something went wrong');
    if (rule === 'slow') await sleep(this.options.slowDelayMs, req);

    const now = this.store.clock.now();
    const check: SandboxCheck = {
      checkId: this.store.newCheckId(),
      phoneNumber,
      referenceId: typeof body.reference_id === 'string' ? body.reference_id : undefined,
      status: 'ACCEPTED',
      createdAt: now,
      updatedAt: now,
      ttlSeconds: rule === 'expire-at-once' ? 0 : this.options.truId.checkTtlSeconds,
    };
    this.store.checks.set(check.checkId, check);
    res.status(201).type('application/hal+json');
    return { ...this.resource(check), snapshot_balance: 1000 };
  }

  @Get(':checkId')
  get(@Req() req: Request, @Param('checkId') checkId: string) {
    this.store.count('truid.phone_check.get');
    requireTruIdScope(this.store, req, 'phone_check');
    return this.resource(this.find(checkId));
  }

  @Patch(':checkId')
  @HttpCode(200)
  complete(@Req() req: Request, @Param('checkId') checkId: string, @Body() body: unknown) {
    this.store.count('truid.phone_check.patch');
    requireTruIdScope(this.store, req, 'phone_check');
    if (!req.is('application/json-patch+json')) {
      throw truIdError(415, 'unsupported_media_type', 'Use application/json-patch+json');
    }
    const op = Array.isArray(body) ? body[0] : undefined;
    if (!op || op.op !== 'add' || op.path !== '/code' || typeof op.value !== 'string') {
      throw truIdError(
        400,
        'invalid_patch',
        'Expected [{"op":"add","path":"/code","value":"<code>"}]',
      );
    }
    const check = this.find(checkId);
    if (codeExchangeUnavailable(check.phoneNumber)) {
      throw truIdError(503, 'service_unavailable', 'Try again later', { 'Retry-After': '5' });
    }
    // Not yet opened on the device: tru.ID has nothing to exchange.
    if (check.status === 'ACCEPTED') throw truIdError(404, 'check_not_found', 'Check not found');
    if (check.status === 'PENDING') {
      check.status = 'COMPLETED';
      check.match = op.value === check.code && check.sim === check.phoneNumber;
      check.updatedAt = this.store.clock.now();
    }
    return this.resource(check);
  }

  private find(checkId: string): SandboxCheck {
    const check = this.store.checks.get(checkId);
    if (!check) throw truIdError(404, 'check_not_found', 'Check not found');
    return this.store.refresh(check);
  }

  private resource(check: SandboxCheck) {
    const self = `${this.store.publicUrl}/phone_check/v0.2/checks/${check.checkId}`;
    return {
      check_id: check.checkId,
      status: check.status,
      ...(check.status === 'COMPLETED' ? { match: check.match, network_id: '99999' } : {}),
      ...(check.status === 'ERROR' ? { error_code: check.errorCode } : {}),
      charge_amount: 1,
      charge_currency: 'API',
      created_at: new Date(check.createdAt).toISOString(),
      updated_at: new Date(check.updatedAt).toISOString(),
      ttl: check.ttlSeconds,
      ...(check.referenceId ? { reference_id: check.referenceId } : {}),
      _links: { self: { href: self }, check_url: { href: `${self}/redirect` } },
    };
  }
}

/**
 * What a phone sees: it opens check_url over mobile data, is redirected through its network, and
 * ends with `{check_id, code}`. The sandbox's "network" reads the SIM from `X-Sandbox-Sim`; with no
 * SIM the device is on Wi-Fi and the check fails with not_mobile_ip.
 */
@Controller()
export class CheckUrlController {
  constructor(private readonly store: SandboxStore) {}

  @Get('phone_check/v0.2/checks/:checkId/redirect')
  open(@Param('checkId') checkId: string, @Res() res: Response) {
    this.store.count('truid.check_url');
    const check = this.store.checks.get(checkId);
    if (!check) throw this.deviceError(404, checkId, 'check_not_found', 'Unknown check');
    this.store.refresh(check);
    if (check.status === 'EXPIRED')
      throw this.deviceError(409, checkId, 'expired', 'The check has expired');
    if (check.status !== 'ACCEPTED')
      throw this.deviceError(409, checkId, 'already_used', 'The check_url was already opened');
    res.redirect(302, `${this.store.publicUrl}/sandbox/mno/checks/${checkId}`);
  }

  @Get('sandbox/mno/checks/:checkId')
  network(@Param('checkId') checkId: string, @Headers('x-sandbox-sim') sim: string | undefined) {
    const check = this.store.checks.get(checkId);
    if (!check) throw this.deviceError(404, checkId, 'check_not_found', 'Unknown check');
    if (check.status !== 'ACCEPTED')
      throw this.deviceError(409, checkId, 'already_used', 'The check_url was already opened');
    check.updatedAt = this.store.clock.now();
    if (!sim) {
      check.status = 'ERROR';
      check.errorCode = 'not_mobile_ip';
      throw this.deviceError(
        412,
        checkId,
        'not_mobile_ip',
        'The device is not on a mobile data network',
      );
    }
    check.status = 'PENDING';
    check.sim = sim.trim();
    check.code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    return { check_id: checkId, code: check.code };
  }

  private deviceError(status: number, checkId: string, error: string, description: string) {
    return new ProviderStyleError(status, {
      check_id: checkId,
      error,
      error_description: description,
    });
  }
}
