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
import { AccountsService, DEVICE_TOKEN_PREFIX } from '../identity/accounts.service';
import { IdTokenService } from './id-token.service';

export interface SignedInUser {
  userId: string;
  phoneNumber: string;
  /** Set when a device credential (not an id_token) signed the request: the device acting for its user. */
  deviceId?: string;
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

/** A device credential as it comes (`simauth_dt_` and a secret); an id_token is a JWT, `eyJ…`. */
const DEVICE_BEARER = new RegExp(`^Bearer (${DEVICE_TOKEN_PREFIX}_[A-Za-z0-9_-]{1,200})$`);
/** Any bearer that claims to be a device credential, well formed or not. */
const CLAIMS_DEVICE = new RegExp(`^Bearer ${DEVICE_TOKEN_PREFIX}_`);

/**
 * Admits a user's id_token, or a device credential acting for the device's user: the prefix
 * `simauth_dt_` says which (a JWT never has it). A revoked device, like an unknown one, and a
 * blocked user's device are refused 401, as a blocked user's id_token is.
 */
@Injectable()
export class UserOrDeviceAuthGuard implements CanActivate {
  constructor(
    private readonly idTokens: UserAuthGuard,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<UserRequest>();
    const deviceToken = DEVICE_BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (!deviceToken) {
      if (CLAIMS_DEVICE.test(req.headers.authorization ?? '')) throw refusedDevice();
      return this.idTokens.canActivate(context);
    }
    const device = await this.accounts.findDeviceByToken(deviceToken);
    // The user as the database knows them now: none for a blocked user.
    const phoneNumber = device && (await this.accounts.findPhoneByUserId(device.userId));
    if (!device || !phoneNumber) throw refusedDevice();
    req.user = { userId: device.userId, phoneNumber, deviceId: device.id };
    return true;
  }
}

const refusedDevice = () =>
  new UnauthorizedError(
    "A valid device credential of a user who may sign in, or the user's id_token, is required.",
  );

/** Route decorator: the user's id_token, or a device credential acting for its user. */
export function UserOrDeviceAuth() {
  return applyDecorators(
    UseGuards(UserOrDeviceAuthGuard),
    ApiBearerAuth('user'),
    ApiBearerAuth('device'),
    ApiUnauthorizedResponse({
      description:
        'Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user',
    }),
  );
}

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignedInUser =>
    context.switchToHttp().getRequest<UserRequest>().user!,
);
