import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomBytes, randomUUID } from 'node:crypto';
import { SandboxStore } from '../sandbox-store';
import { ProviderStyleError } from '../sandbox-error';
import { silentAuthRule } from '../sandbox-rules';

/** A silent-auth step's channel_timeout, which Vonage fixes at 60 s. */
const SILENT_AUTH_TIMEOUT_MS = 60_000;

/** A Vonage Verify v2 error: problem+json with `type` ending in `verify#<kind>`. */
export function verifyProblem(status: number, kind: string, title: string, detail: string) {
  return new ProviderStyleError(
    status,
    { type: `https://www.developer.vonage.com/api-errors/verify#${kind}`, title, detail },
    'application/problem+json',
  );
}

/**
 * `POST /v2/verify` with `silent_auth` as the first channel: 202 `{request_id, check_url}`; 409
 * while another verification of the number is in flight (as Vonage); by the sandbox's rules 422
 * (the number's network has no silent authentication) or 500 (an outage).
 */
export function startSilentAuth(store: SandboxStore, to: string) {
  const rule = silentAuthRule(to);
  if (rule === 'not-supported')
    throw verifyProblem(
      422,
      'unsupported-network',
      'Network not supported',
      'Silent authentication is not supported for the network of this number.',
    );
  if (rule === 'server-error')
    throw verifyProblem(500, 'internal-error', 'Internal Error', 'Something went wrong.');
  const now = store.clock.now();
  for (const other of store.silentAuths.values()) {
    if (other.to === `+${to}` && !other.done && other.expiresAt > now)
      throw verifyProblem(
        409,
        'conflict',
        'Conflict',
        'Concurrent verifications to the same number are not allowed.',
      );
  }
  const requestId = randomUUID();
  store.silentAuths.set(requestId, {
    to: `+${to}`,
    opened: false,
    done: false,
    expiresAt: store.clock.now() + SILENT_AUTH_TIMEOUT_MS,
  });
  return {
    request_id: requestId,
    check_url: `${store.publicUrl}/v2/verify/${requestId}/silent-auth/redirect`,
  };
}

/**
 * `POST /v2/verify/{request_id} {code}` of a silent authentication: 200 `{status: completed}` when
 * the code is the one check_url gave and the SIM that opened it holds the number; 400 invalid-code
 * otherwise (the request is then spent); 410 once it timed out; 404 when unknown or spent.
 */
export function checkSilentAuth(store: SandboxStore, requestId: string, code: unknown) {
  const request = store.silentAuths.get(requestId)!;
  if (request.done)
    throw verifyProblem(
      404,
      'not-found',
      'Not Found',
      `Request '${requestId}' was not found or it has been verified already.`,
    );
  if (request.expiresAt <= store.clock.now())
    throw verifyProblem(410, 'expired', 'Expired', 'The verification has ended.');
  request.done = true;
  if (!request.code || code !== request.code || request.sim !== request.to)
    throw verifyProblem(
      400,
      'invalid-code',
      'Invalid Code',
      'The code you provided does not match the expected value.',
    );
  return { request_id: requestId, status: 'completed' };
}

/**
 * What the phone sees: check_url redirects it through its mobile network, which ends with
 * `{request_id, code}`. The sandbox's "network" reads the SIM from `X-Sandbox-Sim`; with none the
 * device is on Wi-Fi and the network answers 412.
 */
@Controller()
export class SilentAuthController {
  constructor(private readonly store: SandboxStore) {}

  @Get('v2/verify/:requestId/silent-auth/redirect')
  open(@Param('requestId') requestId: string, @Res() res: Response) {
    this.store.count('vonage.silent_auth.check_url');
    this.find(requestId);
    res.redirect(302, `${this.store.publicUrl}/sandbox/mno/vonage/${requestId}`);
  }

  @Get('sandbox/mno/vonage/:requestId')
  network(
    @Param('requestId') requestId: string,
    @Headers('x-sandbox-sim') sim: string | undefined,
  ) {
    const request = this.find(requestId);
    if (!sim)
      throw verifyProblem(
        412,
        'network-error',
        'Network Error',
        'The device is not on a mobile data network.',
      );
    request.opened = true;
    request.sim = sim.trim();
    request.code = randomBytes(16).toString('hex');
    return { request_id: requestId, code: request.code };
  }

  private find(requestId: string) {
    const request = this.store.silentAuths.get(requestId);
    if (!request || request.done || request.opened)
      throw verifyProblem(404, 'not-found', 'Not Found', `Request '${requestId}' was not found.`);
    if (request.expiresAt <= this.store.clock.now())
      throw verifyProblem(410, 'expired', 'Expired', 'The verification has ended.');
    return request;
  }
}
