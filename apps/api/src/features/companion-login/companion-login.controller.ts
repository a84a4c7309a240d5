import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { LoginStatus } from './companion-login.states';
import { ApiProblems, RequestId, UuidParam } from '@simauth/http';
import { Device } from '../../platform/identity/accounts.service';
import { CurrentDevice, DeviceAuth } from '../../platform/identity/device-auth.guard';
import { CompanionLoginService } from './companion-login.service';
import { LoginStatusService } from './login-status.service';
import {
  ApproveLoginDto,
  ApproveResponse,
  ApproveWithCodeDto,
  LoginCodeDto,
  LoginResponse,
  LoginStartedResponse,
  LoginStatusResponse,
  PendingLoginResponse,
  StartLoginDto,
  toLoginResponse,
  toLoginStartedResponse,
} from './dto/login.dto';
import { SseStreams } from './sse-streams';
import {
  LimitPerAttempt,
  LimitPerIp,
  LimitPerPhone,
} from '../../platform/rate-limits/rate-limit.guard';
import { Feature } from '@simauth/providers';
import { RequiresFeature } from '../../platform/feature-availability/requires-feature';

const bearer = (authorization: string | undefined) =>
  /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];

@ApiTags('companion login')
@Controller('v1')
export class CompanionLoginController {
  constructor(
    private readonly logins: CompanionLoginService,
    private readonly statuses: LoginStatusService,
    private readonly streams: SseStreams,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('logins')
  @LimitPerPhone('login')
  @ApiOperation({ summary: 'Start a sign-in on the web; the registered phone is asked to approve' })
  @ApiCreatedResponse({ type: LoginStartedResponse })
  @ApiProblems(400, 429)
  async start(
    @Body() body: StartLoginDto,
    @RequestId() requestId: string,
  ): Promise<LoginStartedResponse> {
    return toLoginStartedResponse(await this.logins.start(body.phone_number, requestId));
  }

  @Get('logins/:id')
  @ApiBearerAuth('poll')
  @ApiOperation({
    summary: 'Status of a login (web client, Bearer poll_token); id_token once on MATCH_SUCCESS',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(400, 401, 403, 404)
  async poll(
    @UuidParam() id: string,
    @RequestId() requestId: string,
    @Headers('authorization') authorization?: string,
  ): Promise<LoginResponse> {
    return toLoginResponse(await this.statuses.poll(id, bearer(authorization), requestId));
  }

  @Get('logins/:id/events')
  @ApiOperation({
    summary:
      'Live status as Server-Sent Events: one `status` event per move, closes on a final status',
  })
  @ApiQuery({
    name: 'poll_token',
    required: true,
    description: 'The poll_token of this login (EventSource cannot send headers)',
    schema: { type: 'string', example: 'simauth_pt_…' },
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'event: status, data: the same JSON as GET /v1/logins/{id}',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'id: 2\nevent: status\ndata: {"login_id":"…","status":"APPROVED","expires_at":"…"}\n\n',
      },
    },
  })
  @ApiProblems(400, 401, 403, 404, 429)
  async events(
    @UuidParam() id: string,
    @Query('poll_token') pollToken: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { maxStreamsPerIp, maxStreamsPerLogin } = this.config.sse;
    // Per address before anything is read; per login once the poll token proved the caller may
    // watch it (so nobody else can use up a login's streams).
    const releaseIp = this.streams.reserve(`ip:${req.ip}`, maxStreamsPerIp, 'from this address');
    let release = releaseIp;
    let views;
    try {
      views = await this.statuses.watch(id, pollToken, req.id);
      const releaseLogin = this.streams.reserve(
        `login:${id}`,
        maxStreamsPerLogin,
        'for this login',
      );
      release = () => {
        releaseIp();
        releaseLogin();
      };
    } catch (err) {
      releaseIp();
      throw err;
    }
    this.streams.send(
      req,
      reply,
      views,
      'status',
      (view) => ({ id: String(view.version), data: toLoginResponse(view) }),
      this.config.sse.heartbeatMs,
      release,
    );
  }

  @Get('devices/me/logins')
  @DeviceAuth()
  @ApiOperation({ summary: "Logins waiting for this phone's approval (in case a push was lost)" })
  @ApiOkResponse({ type: [PendingLoginResponse] })
  async pending(@CurrentDevice() device: Device): Promise<PendingLoginResponse[]> {
    return (await this.logins.pendingFor(device)).map((login) => ({
      login_id: login.id,
      match_numbers: login.context.candidates,
      expires_at: login.expiresAt.toISOString(),
      ...(login.context.bindingMessage !== undefined
        ? { binding_message: login.context.bindingMessage }
        : {}),
      ...(login.context.clientName ? { client_name: login.context.clientName } : {}),
      status: login.status,
      ...(login.status !== LoginStatus.Approved
        ? {}
        : login.context.channel === 'sms'
          ? { channel: 'sms' as const }
          : login.context.proofProvider === 'twilio'
            ? { check_url: login.context.checkUrl!, provider: 'twilio' as const }
            : login.context.proofProvider === 'vonage'
              ? {
                  request_id: login.providerRef!,
                  check_url: login.context.checkUrl!,
                  provider: 'vonage' as const,
                }
              : {
                  check_id: login.providerRef!,
                  check_url: login.context.checkUrl!,
                  provider: 'truid' as const,
                }),
    }));
  }

  @Post('logins/:id/approve')
  @RequiresFeature(Feature.LoginSimProof)
  @LimitPerAttempt('login')
  @HttpCode(200)
  @DeviceAuth()
  @ApiOperation({
    summary: 'Approve on the phone with the number the page shows; returns the check_url to open',
  })
  @ApiOkResponse({ type: ApproveResponse })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422, 502, 503)
  async approve(
    @UuidParam() id: string,
    @CurrentDevice() device: Device,
    @Body() body: ApproveLoginDto,
    @RequestId() requestId: string,
  ): Promise<ApproveResponse> {
    const { login, checkUrl, provider, channel } = await this.logins.approve(
      id,
      device,
      body.match_number,
      requestId,
    );
    return {
      status: login.status,
      ...(checkUrl ? { check_url: checkUrl, provider } : {}),
      ...(channel ? { channel } : {}),
    };
  }

  @Post('logins/:id/approve-with-code')
  @LimitPerAttempt('login')
  @HttpCode(200)
  @DeviceAuth()
  @ApiOperation({
    summary:
      'Fallback when PhoneCheck cannot run: approve with the number and an authenticator code',
  })
  @ApiOkResponse({ type: LoginStatusResponse })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422, 429, 502, 503)
  async approveWithCode(
    @UuidParam() id: string,
    @CurrentDevice() device: Device,
    @Body() body: ApproveWithCodeDto,
    @RequestId() requestId: string,
  ): Promise<LoginStatusResponse> {
    const login = await this.logins.approveWithCode(
      id,
      device,
      body.match_number,
      body.factor_id,
      body.code,
      requestId,
    );
    return { status: login.status };
  }

  @Post('logins/:id/deny')
  @LimitPerIp()
  @HttpCode(200)
  @DeviceAuth()
  @ApiOperation({ summary: 'Deny on the phone' })
  @ApiOkResponse({ type: LoginStatusResponse })
  @ApiProblems(400, 401, 403, 404, 409, 410)
  async deny(
    @UuidParam() id: string,
    @CurrentDevice() device: Device,
    @RequestId() requestId: string,
  ): Promise<LoginStatusResponse> {
    return { status: (await this.logins.deny(id, device, requestId)).status };
  }

  @Post('logins/:id/code')
  @LimitPerAttempt('login')
  @HttpCode(200)
  @DeviceAuth()
  @ApiOperation({
    summary:
      "Submit what the check_url answered, as the login's provider gave it ({check_id, code} from tru.ID, {request_id, code} from Vonage, {} after Twilio), or the SMS's {code}",
  })
  @ApiOkResponse({ type: LoginStatusResponse })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422, 502, 503)
  async code(
    @UuidParam() id: string,
    @CurrentDevice() device: Device,
    @Body() body: LoginCodeDto,
    @RequestId() requestId: string,
  ): Promise<LoginStatusResponse> {
    const login = await this.logins.submitCode(
      id,
      device,
      { check_id: body.check_id, request_id: body.request_id },
      body.code,
      requestId,
    );
    return { status: login.status };
  }
}
