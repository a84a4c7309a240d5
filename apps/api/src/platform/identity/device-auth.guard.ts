import {
  CanActivate,
  ExecutionContext,
  Injectable,
  createParamDecorator,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '@simauth/http';
import { AccountsService, Device } from './accounts.service';

type DeviceRequest = FastifyRequest & { device?: Device };

/** Admits requests bearing a device credential (`Authorization: Bearer simauth_dt_…`). */
@Injectable()
export class DeviceAuthGuard implements CanActivate {
  constructor(private readonly accounts: AccountsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<DeviceRequest>();
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '');
    const device = match ? await this.accounts.findDeviceByToken(match[1]) : undefined;
    if (!device)
      throw new UnauthorizedError(
        'A valid device credential is required (Authorization: Bearer <device_token>).',
      );
    req.device = device;
    return true;
  }
}

/** Route decorator: device credential required, documented in OpenAPI. */
export function DeviceAuth() {
  return applyDecorators(
    UseGuards(DeviceAuthGuard),
    ApiBearerAuth('device'),
    ApiUnauthorizedResponse({ description: 'Missing or invalid device credential' }),
  );
}

/** The authenticated device of the request. */
export const CurrentDevice = createParamDecorator(
  (_: unknown, context: ExecutionContext): Device =>
    context.switchToHttp().getRequest<DeviceRequest>().device!,
);
