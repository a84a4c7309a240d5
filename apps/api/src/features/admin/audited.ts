import {
  CallHandler,
  Controller,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import type { FastifyRequest } from 'fastify';
import { Observable, mergeMap } from 'rxjs';
import type { AdminCaller } from './admin-auth.guard';
import { AuditTrail } from './audit-trail';
import { MaskPhoneNumbersInterceptor } from './phone-number-mask';

/** An admin call, as far as its record needs it. */
interface AuditedCall<Q = Record<string, unknown>> {
  caller: AdminCaller;
  /** The route's parameters, as sent. */
  params: Record<string, string>;
  /** The query string as the route's DTO reads it (`query` of the rule), else as sent. */
  query: Q;
  /** What the handler answered (a stream not yet read, for the audit export). */
  result: unknown;
}

/** What an admin route records in admin_actions. */
interface AuditRule<Q = Record<string, unknown>> {
  /** The action's name, e.g. `user.block`. */
  action: string | ((call: AuditedCall<Q>) => string);
  /** What it acted on; absent: the `:id` route parameter, or null for a route without one. */
  target?: (call: AuditedCall<Q>) => string | null;
  /** The DTO class of the query string, when the target reads a field it transforms. */
  query?: ClassConstructor<Q>;
}

const AUDIT_RULE = 'simauth:admin-audit-rule';

/**
 * Records each successful call of this admin route in admin_actions: which client, the action,
 * its target, the request id. A refused call (4xx) records nothing. The record is written once
 * the handler has answered and before the answer is sent (a streamed answer, before its first
 * read: the audit export's own record can be in what it streams).
 */
export function Audited<Q = Record<string, unknown>>(
  action: AuditRule<Q>['action'],
  rule: Omit<AuditRule<Q>, 'action'> = {},
) {
  return SetMetadata(AUDIT_RULE, { action, ...rule });
}

/** The audit rule of a route handler, if it has one. */
export function auditRuleOf(handler: object): AuditRule | undefined {
  return Reflect.getMetadata(AUDIT_RULE, handler) as AuditRule | undefined;
}

/**
 * Writes the record of every admin call by its route's @Audited rule. A route without one is a
 * mistake, refused at its first call: every admin call is on record.
 */
@Injectable()
export class AdminAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.get<AuditRule | undefined>(AUDIT_RULE, context.getHandler());
    if (!rule)
      throw new Error(`${context.getClass().name}.${context.getHandler().name} has no @Audited`);
    const req = context.switchToHttp().getRequest<FastifyRequest & { admin?: AdminCaller }>();
    const record = async (result: unknown) => {
      const query = req.query as Record<string, unknown>;
      const call: AuditedCall = {
        caller: req.admin!,
        params: req.params as Record<string, string>,
        query: rule.query ? plainToInstance(rule.query, query) : query,
        result,
      };
      const action = typeof rule.action === 'string' ? rule.action : rule.action(call);
      const target = rule.target ? rule.target(call) : (call.params.id ?? null);
      await this.trail.record(call.caller.clientId, action, target, req.id);
    };
    return next.handle().pipe(
      mergeMap(async (result) => {
        await record(result);
        return result;
      }),
    );
  }
}

/**
 * A controller of the admin API (/admin/v1): its routes' answers mask phone numbers unless the
 * token has simauth:admin:phone_numbers, and each call is recorded by its @Audited rule.
 */
export function AdminApiController() {
  return applyDecorators(
    ApiTags('admin'),
    Controller('admin/v1'),
    // Masking outermost: the record reads the answer as the handler gave it.
    UseInterceptors(MaskPhoneNumbersInterceptor, AdminAuditInterceptor),
  );
}
