import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { SandboxStore } from '../sandbox-store';
import { truIdError } from '../sandbox-error';
import { hoursSinceSimSwap, simSwapRule } from '../sandbox-rules';
import { requireTruIdScope } from './truid-auth';

const PHONE = /^\+?[1-9][0-9]{7,14}$/;

/** tru.ID SIMCheck v0.1: synchronous; has the SIM behind a number changed within `period` minutes? */
@Controller('sim_check/v0.1/checks')
export class SimCheckController {
  private readonly checks = new Map<string, Record<string, unknown>>();

  constructor(private readonly store: SandboxStore) {}

  @Post()
  create(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    this.store.count('truid.sim_check.create');
    requireTruIdScope(this.store, req, 'sim_check');
    const raw = typeof body?.phone_number === 'string' ? body.phone_number : '';
    if (!PHONE.test(raw))
      throw truIdError(400, 'phone_format_invalid', 'phone_number must be in E.164 format');
    const phoneNumber = raw.startsWith('+') ? raw : `+${raw}`;
    const period = body.period === undefined ? 10080 : Number(body.period);
    if (!Number.isInteger(period) || period < 60 || period > 540000)
      throw truIdError(400, 'invalid_period', 'period must be 60 to 540000 minutes');
    const rule = simSwapRule('truid', phoneNumber);
    if (rule === 'server-error')
      throw truIdError(500, 'internal_server_error', 'Something went wrong');
    if (rule === 'not-supported')
      throw truIdError(
        400,
        'country_not_supported',
        'The mobile network of this number is not supported',
      );
    const swappedHoursAgo = hoursSinceSimSwap(phoneNumber);
    const changed = swappedHoursAgo !== undefined && swappedHoursAgo * 60 <= period;
    const checkId = randomUUID().replace(/-/g, '');
    const check = {
      check_id: checkId,
      status: 'COMPLETED',
      no_sim_change: !changed,
      no_sim_change_period: period,
      ...(changed ? { sim_change_within: swappedHoursAgo! * 60 } : {}),
      charge_amount: 1,
      charge_currency: 'API',
      network_id: '99999',
      created_at: new Date(this.store.clock.now()).toISOString(),
      _links: { self: { href: `${this.store.publicUrl}/sim_check/v0.1/checks/${checkId}` } },
    };
    this.checks.set(checkId, check);
    res.status(201).type('application/hal+json');
    return check;
  }

  @Get(':checkId')
  get(@Req() req: Request, @Param('checkId') checkId: string) {
    requireTruIdScope(this.store, req, 'sim_check');
    const check = this.checks.get(checkId);
    if (!check) throw truIdError(404, 'check_not_found', 'Check not found');
    return check;
  }
}
