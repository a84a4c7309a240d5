import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems, NotFoundError, RequestId } from '@simauth/http';
import { LimitPerIp, LimitPerPhone } from '../../platform/rate-limits/rate-limit.guard';
import { LoginStartedResponse, StartLoginDto, toLoginStartedResponse } from '../companion-login';
import { FinishInteractionDto, InteractionRedirectResponse } from './dto/interaction.dto';
import { OidcInteractionService } from './oidc-interaction.service';
import { ProviderPages } from './oidc-pages';

const raw = (req: FastifyRequest, reply: FastifyReply) => ({ req: req.raw, res: reply.raw });

/**
 * The login step of the OpenID Provider, driven by the login page: the browser holds the
 * interaction's cookie, scoped to these paths.
 */
@ApiTags('openid provider')
@Controller('oidc/interaction')
export class OidcInteractionController {
  constructor(
    private readonly interactions: OidcInteractionService,
    private readonly pages: ProviderPages,
  ) {}

  @Get(':uid')
  @ApiOperation({ summary: 'Where the authorization endpoint sends the browser: the login page' })
  @ApiResponse({ status: 303, description: 'To the login page (or on, for a consent prompt)' })
  @ApiProblems(404)
  async page(
    @Param('uid') uid: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    let page: string;
    try {
      page = await this.interactions.pageFor(uid, raw(req, reply));
    } catch (err) {
      // A person's browser is told in their language what to do; a program gets the problem.
      if (!(err instanceof NotFoundError) || !req.headers.accept?.includes('text/html')) throw err;
      const expired = this.pages.expiredInteractionPage(req.headers['accept-language']);
      reply
        .code(404)
        .type('text/html; charset=utf-8')
        .header('Content-Language', expired.lng)
        .header('Vary', 'Accept, Accept-Language')
        .send(expired.html);
      return;
    }
    reply.code(303).header('Location', page).send();
  }

  @Post(':uid/login')
  @LimitPerPhone('login')
  @ApiOperation({
    summary: 'Start the companion login of this sign-in (same answer as /v1/logins)',
  })
  @ApiCreatedResponse({ type: LoginStartedResponse })
  @ApiProblems(400, 404, 429)
  async start(
    @Param('uid') uid: string,
    @Body() body: StartLoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestId() requestId: string,
  ): Promise<LoginStartedResponse> {
    return toLoginStartedResponse(
      await this.interactions.start(uid, body.phone_number, raw(req, reply), requestId),
    );
  }

  @Post(':uid/finish')
  @HttpCode(200)
  @LimitPerIp()
  @ApiOperation({
    summary: 'Hand the finished login to the client: signed in, or access_denied if denied',
  })
  @ApiOkResponse({ type: InteractionRedirectResponse })
  @ApiProblems(400, 401, 404, 409)
  async finish(
    @Param('uid') uid: string,
    @Body() body: FinishInteractionDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestId() requestId: string,
  ): Promise<InteractionRedirectResponse> {
    return {
      redirect_to: await this.interactions.finish(uid, body.poll_token, raw(req, reply), requestId),
    };
  }

  @Post(':uid/abort')
  @HttpCode(200)
  @LimitPerIp()
  @ApiOperation({ summary: 'Give up this sign-in: the client gets access_denied' })
  @ApiOkResponse({ type: InteractionRedirectResponse })
  @ApiProblems(404)
  async abort(
    @Param('uid') uid: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionRedirectResponse> {
    return { redirect_to: await this.interactions.abort(uid, raw(req, reply)) };
  }
}
