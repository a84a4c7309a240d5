import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxStore } from '../sandbox-store';
import { twilioError } from '../sandbox-error';
import { snaRule } from '../sandbox-rules';

/** A Verification lives 10 minutes at Twilio. */
const VERIFICATION_TTL_MS = 600_000;

/**
 * Twilio Verify v2 with the `sna` channel, as its OpenAPI and `twilio-node` describe it: form
 * bodies, Basic auth with the account SID and auth token, `{code, message, more_info, status}`
 * errors. The SNA URL answers as Twilio's carriers do, `ErrorCode=0&ErrorDescription=Success…`
 * (text, not JSON); the sandbox's "network" reads the SIM from `X-Sandbox-Sim`, none is Wi-Fi.
 */
@Controller()
export class TwilioVerifyController {
  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  @Post('v2/Services/:serviceSid/Verifications')
  @HttpCode(201)
  start(
    @Req() req: Request,
    @Param('serviceSid') serviceSid: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('twilio.verify.sna.start');
    this.authenticate(req, serviceSid);
    const to = typeof body?.To === 'string' ? body.To : '';
    if (!/^\+[1-9][0-9]{7,14}$/.test(to))
      throw twilioError(400, 60200, 'Invalid parameter `To`: ' + to);
    if (body?.Channel !== 'sna') throw twilioError(400, 60200, 'Invalid parameter: Channel');
    switch (snaRule(to)) {
      case 'not-supported':
        throw twilioError(400, 60502, 'SNA is not supported for the carrier of this number');
      case 'invalid':
        throw twilioError(400, 60540, 'SNA Carrier Identified Invalid Phone Number');
      case 'server-error':
        throw twilioError(503, 20503, 'Service Unavailable');
    }
    // A new verification of the number cancels the one before (Twilio keeps one per number).
    for (const v of this.store.snaVerifications.values())
      if (v.to === to && v.status === 'pending') v.status = 'canceled';
    const sid = `VE${randomBytes(16).toString('hex')}`;
    const token = randomBytes(16).toString('hex');
    const now = this.store.clock.now();
    this.store.snaVerifications.set(sid, {
      to,
      token,
      status: 'pending',
      expiresAt: now + VERIFICATION_TTL_MS,
    });
    return {
      sid,
      service_sid: serviceSid,
      account_sid: this.options.twilio.accountSid,
      to,
      channel: 'sna',
      status: 'pending',
      valid: false,
      date_created: new Date(now).toISOString(),
      sna: { url: `${this.store.publicUrl}/sandbox/mno/twilio/${sid}?token=${token}` },
    };
  }

  /**
   * `POST …/VerificationCheck` with `To`: the number's live verification, `approved` when the SIM
   * that opened its SNA URL holds the number; else `pending` with `sna_attempts_error_codes`
   * (60519 not opened yet, 60500 another SIM, 60510 not on mobile data). 404 (20404) when there
   * is none: expired, approved already, or canceled.
   */
  @Post('v2/Services/:serviceSid/VerificationCheck')
  @HttpCode(200)
  check(
    @Req() req: Request,
    @Param('serviceSid') serviceSid: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('twilio.verify.sna.check');
    this.authenticate(req, serviceSid);
    const to = typeof body?.To === 'string' ? body.To : '';
    const now = this.store.clock.now();
    const found = [...this.store.snaVerifications.entries()].find(
      ([, v]) => v.to === to && v.status === 'pending' && v.expiresAt > now,
    );
    if (!found) throw twilioError(404, 20404, 'The requested resource was not found');
    const [sid, v] = found;
    let errors: { attempt_sid: string; code: number }[] = [];
    if (v.sim === undefined) errors = [{ attempt_sid: sid, code: 60519 }];
    else if (v.sim === 'wifi') errors = [{ attempt_sid: sid, code: 60510 }];
    else if (v.sim !== v.to) errors = [{ attempt_sid: sid, code: 60500 }];
    else v.status = 'approved';
    // A check that ended (approved, or another SIM) spends the verification, as Twilio does.
    if (errors[0]?.code === 60500) v.status = 'canceled';
    return {
      sid,
      service_sid: serviceSid,
      account_sid: this.options.twilio.accountSid,
      to,
      channel: 'sna',
      status: v.status === 'approved' ? 'approved' : 'pending',
      valid: v.status === 'approved',
      sna_attempts_error_codes: errors,
    };
  }

  /** The SNA URL, opened by the phone: text as Twilio's carriers answer, never JSON. */
  @Get('sandbox/mno/twilio/:sid')
  open(@Param('sid') sid: string, @Req() req: Request, @Res() res: Response) {
    this.store.count('twilio.verify.sna.url');
    const v = this.store.snaVerifications.get(sid);
    res.type('text/plain');
    if (!v || v.token !== req.query.token || v.status !== 'pending' || v.sim !== undefined) {
      res.status(200).send('ErrorCode=-10&ErrorDescription=Phone%20Id%20Failed');
      return;
    }
    const sim = req.header('x-sandbox-sim')?.trim();
    if (!sim) {
      v.sim = 'wifi';
      res
        .status(200)
        .send('ErrorCode=-31&ErrorDescription=Unsupported%20Carrier%20or%20Potential%20Wifi');
      return;
    }
    v.sim = sim;
    res.status(200).send('ErrorCode=0&ErrorDescription=Success&Carrier=SANDBOX');
  }

  /** Basic auth as Twilio's: the account SID and its auth token; the service must be the account's. */
  private authenticate(req: Request, serviceSid: string) {
    const expected = Buffer.from(
      `Basic ${Buffer.from(`${this.options.twilio.accountSid}:${this.options.twilio.authToken}`).toString('base64')}`,
    );
    const given = Buffer.from(req.header('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw twilioError(401, 20003, 'Authenticate');
    if (serviceSid !== this.options.twilio.serviceSid)
      throw twilioError(404, 20404, 'The requested resource was not found');
  }
}
