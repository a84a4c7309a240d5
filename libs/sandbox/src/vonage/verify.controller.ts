import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomInt, randomUUID } from 'node:crypto';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxStore } from '../sandbox-store';
import { VonageJwtVerifier } from './vonage-auth';
import { checkSilentAuth, startSilentAuth, verifyProblem } from './silent-auth.controller';

const CHANNEL_TIMEOUT_MS = 300_000;
const MAX_WRONG_CODES = 3;

/**
 * Vonage Verify v2 with the SMS channel (and silent authentication: ./silent-auth.controller.ts), and the phone's SMS inbox: a code "sent" to a number lands
 * in `GET /sandbox/sms/{phone_number}/messages`, where a test or the virtual phone reads it.
 */
@Controller()
export class VerifyController {
  private readonly jwt: VonageJwtVerifier;

  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) options: SandboxOptions,
  ) {
    this.jwt = new VonageJwtVerifier(options.vonage.publicKeyPem, options.vonage.applicationId);
  }

  @Post('v2/verify')
  async start(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('vonage.verify2.start');
    await this.jwt.verify(req);
    const workflow = Array.isArray(body?.workflow) ? body.workflow[0] : undefined;
    const to = typeof workflow?.to === 'string' ? workflow.to : '';
    const channel = workflow?.channel;
    if (
      typeof body?.brand !== 'string' ||
      !body.brand ||
      (channel !== 'sms' && channel !== 'silent_auth')
    ) {
      throw verifyProblem(
        422,
        'invalid-params',
        'Invalid params',
        'brand and a workflow whose first channel is sms or silent_auth are required',
      );
    }
    if (!/^[1-9][0-9]{7,14}$/.test(to)) {
      throw verifyProblem(
        422,
        'invalid-params',
        'Invalid params',
        'to must be E.164 without a leading +',
      );
    }
    if (channel === 'silent_auth') {
      this.store.count('vonage.verify2.silent_auth');
      res.status(202);
      return startSilentAuth(this.store, to);
    }
    const length = Number(body.code_length ?? 4);
    const code = String(randomInt(0, 10 ** length)).padStart(length, '0');
    const requestId = randomUUID();
    this.store.verifyRequests.set(requestId, {
      to: `+${to}`,
      code,
      wrongTries: 0,
      completed: false,
      expiresAt: this.store.clock.now() + CHANNEL_TIMEOUT_MS,
    });
    const inbox = this.store.sms.get(`+${to}`) ?? [];
    inbox.push({
      text: `Your ${body.brand} verification code is: ${code}`,
      code,
      request_id: requestId,
      sent_at: new Date(this.store.clock.now()).toISOString(),
    });
    this.store.sms.set(`+${to}`, inbox);
    res.status(202);
    return { request_id: requestId };
  }

  @Post('v2/verify/:requestId')
  @HttpCode(200)
  async check(
    @Req() req: Request,
    @Param('requestId') requestId: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('vonage.verify2.check');
    await this.jwt.verify(req);
    if (this.store.silentAuths.has(requestId))
      return checkSilentAuth(this.store, requestId, body?.code);
    const request = this.store.verifyRequests.get(requestId);
    if (!request || request.completed) {
      throw verifyProblem(
        404,
        'not-found',
        'Not Found',
        `Request '${requestId}' was not found or it has been verified already.`,
      );
    }
    if (request.expiresAt <= this.store.clock.now() || request.wrongTries >= MAX_WRONG_CODES) {
      throw verifyProblem(410, 'expired', 'Invalid Code', 'The verification has ended.');
    }
    if (body?.code !== request.code) {
      request.wrongTries++;
      if (request.wrongTries >= MAX_WRONG_CODES) {
        throw verifyProblem(
          410,
          'expired',
          'Invalid Code',
          'An incorrect code has been provided too many times. Workflow terminated.',
        );
      }
      throw verifyProblem(
        400,
        'invalid-code',
        'Invalid Code',
        'The code you provided does not match the expected value.',
      );
    }
    request.completed = true;
    return { request_id: requestId, status: 'completed' };
  }

  /** Sandbox only: the SMS a phone number received, oldest first. */
  @Get('sandbox/sms/:phoneNumber/messages')
  messages(@Param('phoneNumber') phoneNumber: string) {
    const number = phoneNumber.startsWith('+') ? phoneNumber : `+${phoneNumber.trim()}`;
    return { messages: this.store.sms.get(number) ?? [] };
  }
}
