import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, RequestId, UuidParam } from '@simauth/http';
import { LimitPerIp } from '../rate-limits/rate-limit.guard';
import { AdminAuth, AdminCaller, CurrentAdmin } from './admin-auth.guard';
import { AdminService } from './admin.service';
import { FindUserQuery } from './dto/admin.dto';

const OBJECT = { schema: { type: 'object' as const } };
const LIST = { schema: { type: 'array' as const, items: { type: 'object' as const } } };

/**
 * The operators' API: find a user, block them, revoke a lost phone, reset a factor, read an
 * attempt's history. Access tokens from simauth's own token endpoint (client_credentials, scope
 * simauth:admin); every call is recorded in admin_actions.
 */
@ApiTags('admin')
@Controller('admin/v1')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('users')
  @AdminAuth()
  @ApiOperation({ summary: 'Find a user by phone number' })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  async findUser(
    @Query() query: FindUserQuery,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.userByPhone(query.phone_number);
    await this.admin.audit(caller.clientId, 'user.find', user.user_id, requestId);
    return user;
  }

  @Get('users/:id')
  @AdminAuth()
  @ApiOperation({ summary: 'A user, with devices, factors and recent attempts' })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  async user(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.read', id, requestId);
    return {
      ...user,
      devices: await this.admin.devices(id),
      factors: await this.admin.factors(id),
      recent_attempts: await this.admin.recentAttempts(id),
    };
  }

  @Post('users/:id/block')
  @LimitPerIp()
  @HttpCode(200)
  @AdminAuth()
  @ApiOperation({ summary: "Block a user: their logins are answered like an unknown number's" })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 429)
  async block(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.setBlocked(id, true);
    await this.admin.audit(caller.clientId, 'user.block', id, requestId);
    return user;
  }

  @Post('users/:id/unblock')
  @LimitPerIp()
  @HttpCode(200)
  @AdminAuth()
  @ApiOperation({ summary: 'Unblock a user' })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 429)
  async unblock(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.setBlocked(id, false);
    await this.admin.audit(caller.clientId, 'user.unblock', id, requestId);
    return user;
  }

  @Get('users/:id/devices')
  @AdminAuth()
  @ApiOperation({ summary: "A user's trusted phones" })
  @ApiOkResponse({ description: 'The devices', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  async devices(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.devices', id, requestId);
    return this.admin.devices(id);
  }

  @Delete('devices/:id')
  @HttpCode(204)
  @AdminAuth()
  @ApiOperation({ summary: 'Revoke a device: its credential stops working at once, everywhere' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 401, 403, 404)
  async revokeDevice(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.revokeDevice(id);
    await this.admin.audit(caller.clientId, 'device.revoke', id, requestId);
  }

  @Get('users/:id/factors')
  @AdminAuth()
  @ApiOperation({ summary: "A user's authenticator factors" })
  @ApiOkResponse({ description: 'The factors', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  async factors(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.factors', id, requestId);
    return this.admin.factors(id);
  }

  @Delete('factors/:id')
  @HttpCode(204)
  @AdminAuth()
  @ApiOperation({ summary: 'Delete a factor (account recovery: the person enrols a new one)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async deleteFactor(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.deleteFactor(id);
    await this.admin.audit(caller.clientId, 'factor.delete', id, requestId);
  }

  @Get('attempts/:id')
  @AdminAuth()
  @ApiOperation({ summary: 'An attempt with every move it made' })
  @ApiOkResponse({ description: 'The attempt and its events', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  async attempt(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const attempt = await this.admin.attempt(id);
    await this.admin.audit(caller.clientId, 'attempt.read', id, requestId);
    return attempt;
  }
}
