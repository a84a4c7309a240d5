import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, RequestId, UuidParam } from '@simauth/http';
import {
  CoverageResponse,
  CreateRegistrationDto,
  RegistrationCodeResponse,
  RegistrationCreatedResponse,
  RegistrationResponse,
  SubmitCodeDto,
  toRegistrationResponse,
} from './dto/registration.dto';
import { RegistrationService } from './registration.service';
import { LimitPerAttempt, LimitPerPhone } from '../../platform/rate-limits/rate-limit.guard';
import { Feature } from '@simauth/providers';
import { RequiresFeature } from '../../platform/feature-availability/requires-feature';

@ApiTags('registration')
@Controller('v1')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Get('coverage')
  @RequiresFeature(Feature.Coverage)
  @ApiOperation({
    summary: "Can the caller's mobile network do a PhoneCheck? (by the caller's IP)",
  })
  @ApiOkResponse({ type: CoverageResponse })
  @ApiProblems(503)
  async coverage(@Ip() ip: string): Promise<CoverageResponse> {
    const coverage = await this.registrations.coverageFor(ip);
    return {
      phone_check_supported: coverage.phoneCheckSupported,
      ...(coverage.networkName ? { network_name: coverage.networkName } : {}),
    };
  }

  @Post('registrations')
  @RequiresFeature(Feature.Registration)
  @LimitPerPhone('registration')
  @ApiOperation({
    summary:
      'Start registering this phone: creates a PhoneCheck for the number (or, where none can run and REGISTRATION_FALLBACK=sms, sends a code by SMS)',
  })
  @ApiCreatedResponse({ type: RegistrationCreatedResponse })
  @ApiProblems(400, 422, 429, 502, 503)
  async create(
    @Body() body: CreateRegistrationDto,
    @RequestId() requestId: string,
  ): Promise<RegistrationCreatedResponse> {
    const { attempt, checkUrl, provider } = await this.registrations.start(
      body.phone_number,
      body.device_id,
      requestId,
      body.channel,
      body.locale,
    );
    return {
      ...toRegistrationResponse(attempt),
      ...(checkUrl ? { check_url: checkUrl, provider } : { channel: 'sms' as const }),
    };
  }

  @Post('registrations/:id/code')
  @RequiresFeature(Feature.Registration)
  @LimitPerAttempt('registration')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Submit what the check_url answered, as the registration's provider gave it ({check_id, code} from tru.ID, {request_id, code} from Vonage), or the code the SMS brought ({code})",
  })
  @ApiOkResponse({ type: RegistrationCodeResponse })
  @ApiProblems(400, 404, 409, 410, 422, 429, 502, 503)
  async submitCode(
    @UuidParam() id: string,
    @Body() body: SubmitCodeDto,
    @RequestId() requestId: string,
  ): Promise<RegistrationCodeResponse> {
    const outcome = await this.registrations.submit(id, body, requestId);
    return {
      status: outcome.status,
      match: outcome.match,
      ...(outcome.deviceToken
        ? {
            device_token: outcome.deviceToken,
            user_id: outcome.userId,
            device_id: outcome.deviceId,
          }
        : {}),
    };
  }

  @Get('registrations/:id')
  @RequiresFeature(Feature.Registration)
  @ApiOperation({ summary: 'Read a registration' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiProblems(400, 404)
  async get(@UuidParam() id: string): Promise<RegistrationResponse> {
    return toRegistrationResponse(await this.registrations.get(id));
  }
}
