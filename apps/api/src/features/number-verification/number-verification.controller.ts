import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Attempt } from '@simauth/attempts';
import { NumberVerificationStatus } from './number-verification.states';
import { ApiProblems, RequestId, UuidParam } from '@simauth/http';
import {
  NumberVerificationCallbackQuery,
  NumberVerificationResponse,
  NumberVerificationStartedResponse,
  StartNumberVerificationDto,
} from './dto/number-verification.dto';
import { NumberVerificationService } from './number-verification.service';
import { LimitPerPhone } from '../../platform/rate-limits/rate-limit.guard';
import { Feature } from '@simauth/providers';
import { RequiresFeature } from '../../platform/feature-availability/requires-feature';

function toResponse(
  v: Attempt<NumberVerificationStatus>,
  idToken?: string,
): NumberVerificationResponse {
  const verified = v.result?.device_phone_number_verified;
  return {
    verification_id: v.id,
    status: v.status,
    ...(typeof verified === 'boolean' ? { device_phone_number_verified: verified } : {}),
    ...(idToken ? { id_token: idToken } : {}),
  };
}

@ApiTags('number verification')
@Controller('v1/number-verifications')
export class NumberVerificationController {
  constructor(private readonly verifications: NumberVerificationService) {}

  @Post()
  @RequiresFeature(Feature.NumberVerification)
  @LimitPerPhone('number-verification')
  @ApiOperation({
    summary: 'Start: Vonage Network Enablement returns the auth_url the device opens',
  })
  @ApiCreatedResponse({ type: NumberVerificationStartedResponse })
  @ApiProblems(400, 429, 502, 503)
  async start(
    @Body() body: StartNumberVerificationDto,
    @RequestId() requestId: string,
  ): Promise<NumberVerificationStartedResponse> {
    const { verification, authUrl } = await this.verifications.start(body.phone_number, requestId);
    return {
      verification_id: verification.id,
      auth_url: authUrl,
      expires_at: verification.expiresAt.toISOString(),
    };
  }

  @Get('callback')
  @RequiresFeature(Feature.NumberVerification)
  @ApiOperation({
    summary:
      "Redirect target of Vonage's auth server: exchanges the code and asks CAMARA Number Verification",
  })
  @ApiOkResponse({ type: NumberVerificationResponse })
  @ApiProblems(400, 404, 409, 410, 502, 503)
  async callback(
    @Query() query: NumberVerificationCallbackQuery,
    @RequestId() requestId: string,
  ): Promise<NumberVerificationResponse> {
    const { verification, idToken } = await this.verifications.callback(
      query.state,
      query.code,
      query.error,
      requestId,
    );
    return toResponse(verification, idToken);
  }

  @Get(':id')
  @RequiresFeature(Feature.NumberVerification)
  @ApiOperation({ summary: 'Read the outcome of a verification' })
  @ApiOkResponse({ type: NumberVerificationResponse })
  @ApiProblems(400, 404)
  async get(@UuidParam() id: string): Promise<NumberVerificationResponse> {
    return toResponse(await this.verifications.get(id));
  }
}
