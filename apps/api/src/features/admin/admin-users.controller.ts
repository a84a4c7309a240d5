import { HttpCode, Post, Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiProblems, RequestId, UuidParam } from '@simauth/http';
import { LimitPerIp } from '../../platform/rate-limits/rate-limit.guard';
import { AdminAuth, AdminCaller, CurrentAdmin } from './admin-auth.guard';
import { AdminOperation, OBJECT } from './admin-routes';
import { AdminService, AdminUser } from './admin.service';
import { AdminApiController, Audited } from './audited';
import { FindUserQuery } from './dto/admin.dto';

/** Users: find one by number, read one with all that is theirs, block and unblock. */
@AdminApiController()
export class AdminUsersController {
  constructor(private readonly admin: AdminService) {}

  @Get('users')
  @AdminAuth()
  @AdminOperation('findUser', 'Find a user by phone number')
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  @Audited('user.find', { target: ({ result }) => (result as AdminUser).user_id })
  findUser(@Query() query: FindUserQuery) {
    return this.admin.userByPhone(query.phone_number);
  }

  @Get('users/:id')
  @AdminAuth()
  @AdminOperation('user', 'A user, with devices, factors and recent attempts')
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  @Audited('user.read')
  user(@UuidParam() id: string) {
    return this.admin.userOverview(id);
  }

  @Post('users/:id/block')
  @LimitPerIp()
  @HttpCode(200)
  @AdminAuth()
  @AdminOperation(
    'block',
    "Block a user: their logins are answered like an unknown number's, their live logins and number verifications end (EXPIRED)",
  )
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 429)
  @Audited('user.block')
  block(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    return this.admin.setBlocked(id, true, { clientId: caller.clientId, requestId });
  }

  @Post('users/:id/unblock')
  @LimitPerIp()
  @HttpCode(200)
  @AdminAuth()
  @AdminOperation('unblock', 'Unblock a user')
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 429)
  @Audited('user.unblock')
  unblock(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    return this.admin.setBlocked(id, false, { clientId: caller.clientId, requestId });
  }
}
