import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
  DefaultValuePipe,
} from '@nestjs/common';
import type { Request } from 'express';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';
import { SandboxStore } from '../sandbox-store';
import { ProviderStyleError } from '../sandbox-error';
import { DEAD_PUSH_TOKEN, INVALID_PUSH_TOKEN } from '../sandbox-rules';

function fcmError(code: number, status: string, message: string, errorCode?: string) {
  return new ProviderStyleError(code, {
    error: {
      code,
      message,
      status,
      ...(errorCode
        ? {
            details: [
              { '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode },
            ],
          }
        : {}),
    },
  });
}

/** FCM HTTP v1 `messages:send`, and an inbox per device token that a virtual phone reads. */
@Controller()
export class FcmController {
  constructor(
    private readonly store: SandboxStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  @Post('v1/projects/:projectId/messages\\:send')
  @HttpCode(200)
  send(
    @Req() req: Request,
    @Param('projectId') projectId: string,
    @Body() body: { message?: Record<string, unknown>; validate_only?: boolean },
  ) {
    this.store.count('fcm.send');
    if (req.header('authorization') !== `Bearer ${this.options.fcm.accessToken}`) {
      throw fcmError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    }
    if (projectId !== this.options.fcm.projectId) {
      throw fcmError(
        403,
        'PERMISSION_DENIED',
        'The caller does not have permission',
        'SENDER_ID_MISMATCH',
      );
    }
    const message = body?.message;
    const targets = ['token', 'topic', 'condition'].filter((k) => message?.[k] !== undefined);
    if (!message || targets.length !== 1) {
      throw fcmError(
        400,
        'INVALID_ARGUMENT',
        'Exactly one of token, topic or condition is required',
        'INVALID_ARGUMENT',
      );
    }
    const data = message.data as Record<string, unknown> | undefined;
    if (data && Object.values(data).some((v) => typeof v !== 'string')) {
      throw fcmError(400, 'INVALID_ARGUMENT', 'data values must be strings', 'INVALID_ARGUMENT');
    }
    const token = String(message.token ?? '');
    if (token === INVALID_PUSH_TOKEN) {
      throw fcmError(
        400,
        'INVALID_ARGUMENT',
        'The registration token is not a valid FCM registration token',
        'INVALID_ARGUMENT',
      );
    }
    if (token === DEAD_PUSH_TOKEN) {
      throw fcmError(404, 'NOT_FOUND', 'Requested entity was not found.', 'UNREGISTERED');
    }
    if (body.validate_only) return { name: `projects/${projectId}/messages/fake_message_id` };
    return { name: this.store.deliver(token, message, projectId).name };
  }

  /** Long-poll: messages after `after`, waiting up to `wait_ms` (max 30 s) for the first one. */
  @Get('sandbox/fcm/inboxes/:token/messages')
  async inbox(
    @Req() req: Request,
    @Param('token') token: string,
    @Query('after', new DefaultValuePipe(0), ParseIntPipe) after: number,
    @Query('wait_ms', new DefaultValuePipe(0), ParseIntPipe) waitMs: number,
  ) {
    const aborted = new AbortController();
    req.once('close', () => aborted.abort());
    const messages = await this.store.read(token, after, Math.min(waitMs, 30_000), aborted.signal);
    return { messages };
  }
}
