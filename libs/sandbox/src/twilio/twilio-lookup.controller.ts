import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxStore } from '../sandbox-store';
import { twilioError } from '../sandbox-error';
import { hoursSinceSimSwap, simSwapRule } from '../sandbox-rules';

/**
 * The period Twilio configures per account and country at onboarding; the sandbox's is 72 h,
 * SIM_SWAP_MAX_AGE_HOURS's default (a shorter one cannot vouch for "no swap" under that policy).
 */
const SWAPPED_PERIOD_HOURS = 72;

/**
 * Twilio Lookup v2 with the `sim_swap` field, as its OpenAPI (`twilio_lookups_v2.json`) describes
 * it: `GET /v2/PhoneNumbers/{PhoneNumber}?Fields=sim_swap`, Basic auth with the account SID and
 * auth token. `sim_swap.last_sim_swap` carries the date of the last change (null when none) and
 * whether it falls within the configured `swapped_period`; a number Twilio has no data for (the
 * sandbox's 7800) answers null values with an `error_code`.
 */
@Controller('v2/PhoneNumbers')
export class TwilioLookupController {
  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  @Get(':phoneNumber')
  lookup(
    @Req() req: Request,
    @Param('phoneNumber') phoneNumber: string,
    @Query('Fields') fields?: string,
  ) {
    this.store.count('twilio.lookup');
    const expected = Buffer.from(
      `Basic ${Buffer.from(`${this.options.twilio.accountSid}:${this.options.twilio.authToken}`).toString('base64')}`,
    );
    const given = Buffer.from(req.header('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw twilioError(401, 20003, 'Authenticate');
    if (!/^\+[1-9][0-9]{7,14}$/.test(phoneNumber))
      throw twilioError(404, 20404, 'The requested resource was not found');
    const wanted = (fields ?? '').split(',').map((f) => f.trim());
    const rule = wanted.includes('sim_swap') ? simSwapRule('twilio', phoneNumber) : 'normal';
    if (rule === 'server-error') throw twilioError(503, 20503, 'Service Unavailable');
    const base = {
      calling_country_code: phoneNumber.startsWith('+44') ? '44' : null,
      country_code: phoneNumber.startsWith('+44') ? 'GB' : null,
      phone_number: phoneNumber,
      national_format: null,
      valid: true,
      validation_errors: null,
      caller_name: null,
      call_forwarding: null,
      line_type_intelligence: null,
      url: `${this.store.publicUrl}/v2/PhoneNumbers/${phoneNumber}`,
    };
    if (!wanted.includes('sim_swap')) return { ...base, sim_swap: null };
    if (rule === 'not-supported')
      // Out of coverage: null values, not billed.
      return {
        ...base,
        sim_swap: {
          last_sim_swap: null,
          carrier_name: null,
          mobile_country_code: null,
          mobile_network_code: null,
          error_code: 60600,
        },
      };
    const hours = hoursSinceSimSwap(phoneNumber);
    const now = this.store.clock.now();
    return {
      ...base,
      sim_swap: {
        last_sim_swap: {
          last_sim_swap_date:
            hours === undefined ? null : new Date(now - hours * 3_600_000).toISOString(),
          swapped_period: `PT${SWAPPED_PERIOD_HOURS}H`,
          swapped_in_period: hours !== undefined && hours <= SWAPPED_PERIOD_HOURS,
        },
        carrier_name: 'Sandbox Mobile',
        mobile_country_code: '999',
        mobile_network_code: '99',
        error_code: null,
      },
    };
  }
}
