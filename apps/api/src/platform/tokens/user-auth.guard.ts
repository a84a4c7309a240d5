import {
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '@simauth/http';
import { IdTokenService } from './id-token.service';

export interface SignedInUser {
  userId: string;
  phoneNumber: string;
}

type UserRequest = FastifyRequest & { user?: SignedInUser };

/** Admits requests bearing a valid simauth id_token (`Authorization: Bearer <JWT>`). */
@Injectable()
export class UserAuthGuard implements CanActivate {
  constructor(private readonly idTokens: IdTokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<UserRequest>();
    const token = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(req.headers.authorization ?? '')?.[1];
    const user = token ? await this.idTokens.verify(token) : undefined;
    if (!user)
      throw new UnauthorizedError(
        'A valid id_token is required (Authorization: Bearer <id_token>).',
      );
    req.user = user;
    return true;
  }
}

export function UserAuth() {
  return applyDecorators(
    UseGuards(UserAuthGuard),
    ApiBearerAuth('user'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired id_token' }),
  );
}

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignedInUser =>
    context.switchToHttp().getRequest<UserRequest>().user!,
);
