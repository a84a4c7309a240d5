import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, RequestId, RequestWithRawBody, UuidParam } from '@simauth/http';
import { CurrentUser, SignedInUser, UserOrDeviceAuth } from '../../platform/tokens/user-auth.guard';
import { AuthenticatorsService } from './authenticators.service';
import {
  LimitPerAttempt,
  LimitPerIp,
  SignedByProvider,
} from '../../platform/rate-limits/rate-limit.guard';
import {
  ChallengeResponse,
  ChallengeStatusResponse,
  ChallengeViewResponse,
  CreateChallengeDto,
  CreateFactorDto,
  FactorCodeDto,
  FactorCreatedResponse,
  FactorResponse,
  FactorStatusResponse,
} from './dto/factor.dto';
import { Feature } from '@simauth/providers';
import { RequiresFeature } from '../../platform/feature-availability/requires-feature';

@ApiTags('authenticator factors')
@Controller('v1')
export class AuthenticatorsController {
  constructor(private readonly authenticators: AuthenticatorsService) {}

  @Post('factors')
  @LimitPerIp()
  @UserOrDeviceAuth()
  @ApiOperation({
    summary: 'Add an authenticator factor (PENDING until activated with a first code)',
  })
  @ApiCreatedResponse({ type: FactorCreatedResponse })
  @ApiProblems(400, 401, 502, 503)
  async create(
    @CurrentUser() user: SignedInUser,
    @Body() body: CreateFactorDto,
    @RequestId() requestId: string,
  ): Promise<FactorCreatedResponse> {
    const f = await this.authenticators.create(user, body.type, requestId);
    return {
      factor_id: f.factorId,
      status: 'PENDING',
      qr_data_url: f.qrDataUrl,
      otpauth_url: f.otpauthUrl,
    };
  }

  @Get('factors')
  @UserOrDeviceAuth()
  @ApiOperation({ summary: "The signed-in user's factors" })
  @ApiOkResponse({ type: [FactorResponse] })
  async list(@CurrentUser() user: SignedInUser): Promise<FactorResponse[]> {
    return (await this.authenticators.list(user)).map((f) => ({
      factor_id: f.id,
      type: f.type,
      status: f.status,
      created_at: f.createdAt.toISOString(),
    }));
  }

  @Delete('factors/:id')
  @HttpCode(204)
  @UserOrDeviceAuth()
  @ApiOperation({
    summary:
      "Delete one of the user's own factors (PENDING or ACTIVE); sends `factor.deleted`. Another user's factor is 404",
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 404)
  async remove(
    @CurrentUser() user: SignedInUser,
    @UuidParam() id: string,
    @RequestId() requestId: string,
  ): Promise<void> {
    await this.authenticators.remove(user, id, requestId);
  }

  @Post('factors/:id/activate')
  @LimitPerAttempt('factor')
  @HttpCode(200)
  @UserOrDeviceAuth()
  @ApiOperation({ summary: 'Activate with a first code; wrong codes lock the factor for a while' })
  @ApiOkResponse({ type: FactorStatusResponse })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422, 429, 502, 503)
  async activate(
    @CurrentUser() user: SignedInUser,
    @UuidParam() id: string,
    @Body() body: FactorCodeDto,
    @RequestId() requestId: string,
  ): Promise<FactorStatusResponse> {
    return { status: await this.authenticators.activate(user, id, body.code, requestId) };
  }

  @Post('factors/:id/challenges')
  @LimitPerIp()
  @UserOrDeviceAuth()
  @ApiOperation({ summary: 'Issue a challenge on an active factor' })
  @ApiCreatedResponse({ type: ChallengeResponse })
  @ApiProblems(400, 401, 403, 404, 409, 502, 503)
  async challenge(
    @CurrentUser() user: SignedInUser,
    @UuidParam() id: string,
    @Body() body: CreateChallengeDto,
    @RequestId() requestId: string,
  ): Promise<ChallengeResponse> {
    const challenge = await this.authenticators.createChallenge(user, id, body.message, requestId);
    return { challenge_id: challenge.id, status: challenge.status };
  }

  @Get('factors/:id/challenges/:cid')
  @UserOrDeviceAuth()
  @ApiOperation({
    summary:
      "A challenge's status: how an app learns that the person answered it in the tru.ID app (tru.ID then calls simauth back)",
  })
  @ApiOkResponse({ type: ChallengeViewResponse })
  @ApiProblems(400, 401, 403, 404)
  async getChallenge(
    @CurrentUser() user: SignedInUser,
    @UuidParam() id: string,
    @UuidParam('cid') challengeId: string,
  ): Promise<ChallengeViewResponse> {
    const challenge = await this.authenticators.getChallenge(user, id, challengeId);
    return {
      challenge_id: challenge.id,
      status: challenge.status,
      expires_at: challenge.expiresAt.toISOString(),
    };
  }

  @Post('factors/:id/challenges/:cid/verify')
  @LimitPerAttempt('challenge')
  @HttpCode(200)
  @UserOrDeviceAuth()
  @ApiOperation({ summary: 'Answer a challenge with a code (single use within its window)' })
  @ApiOkResponse({ type: ChallengeStatusResponse })
  @ApiProblems(400, 401, 403, 404, 409, 410, 429, 502, 503)
  async verify(
    @CurrentUser() user: SignedInUser,
    @UuidParam() id: string,
    @UuidParam('cid') challengeId: string,
    @Body() body: FactorCodeDto,
    @RequestId() requestId: string,
  ): Promise<ChallengeStatusResponse> {
    const status = await this.authenticators.verifyChallenge(
      user,
      id,
      challengeId,
      body.code,
      requestId,
    );
    return { status };
  }

  @Post('callbacks/truid/challenges')
  @RequiresFeature(Feature.TruIdFactors)
  @SignedByProvider('tru.ID')
  @HttpCode(200)
  @ApiOperation({
    summary: 'tru.ID → simauth: a challenge changed (HTTP-signed; each callback applied once)',
    description:
      "Signed by tru.ID: an HTTP message signature (rsa-sha256 over `(request-target) host date x-tru-callback digest`) with the key its keyId names in tru.ID's published JWKS. A duplicate of an applied callback is answered 200 with the challenge's status and changes nothing. Not limited per IP.",
  })
  @ApiHeader({
    name: 'Authorization',
    required: true,
    description:
      'Signature keyId="…",algorithm="rsa-sha256",headers="(request-target) host date x-tru-callback digest",signature="…"',
  })
  @ApiHeader({ name: 'Digest', required: true, description: 'SHA-256=<base64 of the body digest>' })
  @ApiHeader({ name: 'Date', required: true, description: 'within 5 minutes of our clock' })
  @ApiHeader({ name: 'X-Tru-Callback', required: true })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['challenge_id', 'status'],
      properties: {
        challenge_id: { type: 'string', description: "tru.ID's challenge id" },
        status: { type: 'string', enum: ['VERIFIED', 'FAILED', 'EXPIRED'] },
      },
    },
  })
  @ApiOkResponse({ type: ChallengeStatusResponse })
  @ApiProblems(401, 404, 409, 422, 503)
  async callback(
    @Req() req: RequestWithRawBody,
    @Body() body: Record<string, unknown>,
  ): Promise<ChallengeStatusResponse> {
    const status = await this.authenticators.challengeCallback(
      {
        method: req.method,
        target: req.url,
        headers: req.headers,
        rawBody: req.rawBody ?? Buffer.alloc(0),
      },
      body,
      req.id,
    );
    return { status };
  }
}
